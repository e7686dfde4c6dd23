import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import 'dayjs/locale/fr';

// One date format per language, for showing and for typing dates (components/date-field.tsx), the
// same as @shared/format's formatDate writes them in lists: "1 déc. 2025", "Dec 1, 2025".

dayjs.extend(customParseFormat);

const FORMATS = {
  fr: { display: 'D MMM YYYY', typed: ['DD/MM/YYYY', 'D/M/YYYY', 'DD.MM.YYYY', 'D MMMM YYYY', 'D MMM YYYY'] },
  en: { display: 'MMM D, YYYY', typed: ['MM/DD/YYYY', 'M/D/YYYY', 'MMMM D, YYYY', 'MMM D YYYY', 'D MMM YYYY'] },
} as const;

export function dateFormats(language: string) {
  return language.startsWith('fr') ? { lang: 'fr' as const, ...FORMATS.fr } : { lang: 'en' as const, ...FORMATS.en };
}

/** A typed date as ISO (YYYY-MM-DD), or null when it is not a date in any of the language's ways. */
export function parseTypedDate(text: string, language: string): string | null {
  const s = text.trim();
  if (s === '') return null;
  const { lang, display, typed } = dateFormats(language);
  for (const f of ['YYYY-MM-DD', display, ...typed]) {
    const d = dayjs(s, f, lang, true);
    if (d.isValid()) return d.format('YYYY-MM-DD');
  }
  return null;
}

