import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src-shared/format';
import { dateFormats, parseTypedDate } from '../../src-renderer/components/date-format';
import dayjs from 'dayjs';

// Dates and numbers the user's way: one date format per language, the same in the date picker as
// in every list (formatDate), typed that way, the local numeric way or as ISO; and one date-picker
// and one number component in the whole renderer.

describe('dates, one format per language', () => {
  it('shows a date in the picker exactly as the lists write it', () => {
    for (const [lang, locale] of [['fr', 'fr-FR'], ['en', 'en']] as const) {
      const { display } = dateFormats(lang);
      for (const iso of ['2025-12-01', '2026-03-09', '2024-02-29', '2026-08-15']) {
        expect(dayjs(iso).locale(lang).format(display), `${lang} ${iso}`).toBe(formatDate(iso, locale));
      }
    }
  });

  it('reads dates typed the local way, as the lists show them, or as ISO; refuses the rest', () => {
    expect(parseTypedDate('01/12/2025', 'fr')).toBe('2025-12-01');
    expect(parseTypedDate('1 déc. 2025', 'fr')).toBe('2025-12-01');
    expect(parseTypedDate('2025-12-01', 'fr')).toBe('2025-12-01');
    expect(parseTypedDate('12/01/2025', 'en')).toBe('2025-12-01');
    expect(parseTypedDate('Dec 1, 2025', 'en')).toBe('2025-12-01');
    expect(parseTypedDate('2025-12-01', 'en')).toBe('2025-12-01');
    expect(parseTypedDate('31/02/2025', 'fr')).toBeNull();
    expect(parseTypedDate('13/13/2025', 'en')).toBeNull();
    expect(parseTypedDate('tomorrow', 'en')).toBeNull();
    expect(parseTypedDate('', 'fr')).toBeNull();
  });
});

describe('one date picker and one number box in the renderer', () => {
  const root = path.resolve(__dirname, '../../src-renderer');
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(p)) files.push(p);
    }
  };
  walk(root);

  it('uses components/date-field and components/number-field everywhere', () => {
    const others = files
      .filter((f) => !/components[\\/](date-field|number-field)\.tsx$/.test(f))
      .filter((f) => /\b(DateInput|DatePickerInput|DateTimePicker|NumberInput)\b|type="date"|type="number"/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(root, f));
    expect(others).toEqual([]);
  });
});
