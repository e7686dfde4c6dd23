import { describe, expect, it } from 'vitest';
import { parseDateText } from '../../src-main/services/imports/dates';
import { quickDay } from '../../src-main/services/imports/quick-dates';

// The fast lane reads plain dates from the line's characters; whatever it reads must be the day the
// full rules read, and what it cannot be sure of it leaves to them (NaN).

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}
const FORMATS = ['iso', 'dd/mm/yyyy', 'mm/dd/yyyy'] as const;

describe('quick dates', () => {
  it('read the very day parseDateText reads, and nothing it would refuse', () => {
    const rand = rng(7);
    const pick = (chars: string) => chars[Math.floor(rand() * chars.length)]!;
    let read = 0;
    for (let i = 0; i < 200_000; i++) {
      let text: string;
      if (rand() < 0.7) {
        // plausible dates, some impossible (31/02, month 13, years out of range)
        const y = String(1890 + Math.floor(rand() * 330));
        const m = String(Math.floor(rand() * 14)).padStart(2, '0');
        const d = String(Math.floor(rand() * 33)).padStart(2, '0');
        const sep = pick('-/.-');
        text = rand() < 0.5 ? `${y}${sep}${m}${sep}${d}` : `${d}${sep}${m}${sep}${y}`;
      } else text = Array.from({ length: 10 }, () => pick('0123456789-/. aT')).join('');
      const line = `x;${text};y`;
      for (const f of FORMATS) {
        const q = quickDay(line, 2, 12, f);
        if (Number.isNaN(q)) continue;
        read++;
        expect(parseDateText(text, f), `${text} as ${f}`).toBe(q);
      }
    }
    expect(read).toBeGreaterThan(100_000);
    expect(quickDay('2024-02-29', 0, 10, 'iso')).toBe(Date.UTC(2024, 1, 29) / 86_400_000);
    expect(quickDay('29/02/2023', 0, 10, 'dd/mm/yyyy')).toBeNaN();
    expect(quickDay('01/02/2025', 0, 10, 'mm/dd/yyyy')).toBe(Date.UTC(2025, 0, 2) / 86_400_000);
    expect(quickDay('01/02/2025', 0, 10, 'iso')).toBeNaN();
  });
});
