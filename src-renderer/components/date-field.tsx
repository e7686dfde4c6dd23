import { useState } from 'react';
import { DateInput, DatesProvider, type DateInputProps } from '@mantine/dates';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import 'dayjs/locale/fr';
import { useTranslation } from 'react-i18next';

dayjs.extend(customParseFormat);

// The one date picker of the app. A date reads the same everywhere in a language — "1 déc. 2025",
// "Dec 1, 2025", as @shared/format's formatDate writes it in lists — and can be typed that way, as
// digits the local way (01/12/2025 in French, 12/01/2025 in English) or as ISO (2025-12-01). The
// value stays an ISO date string, as the API takes it.

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

export type DateFieldProps = Omit<DateInputProps, 'valueFormat' | 'dateParser' | 'locale'>;

export function DateField(props: DateFieldProps) {
  const { i18n } = useTranslation();
  const { lang, display } = dateFormats(i18n.language);
  const [open, setOpen] = useState(false);
  return (
    <DatesProvider settings={{ locale: lang, firstDayOfWeek: 1 }}>
      <DateInput
        valueFormat={display}
        dateParser={(text) => parseTypedDate(text, lang)}
        clearable
        popoverProps={{ onOpen: () => setOpen(true), onClose: () => setOpen(false) }}
        // Escape closes the calendar only: a dialog around the field stays open with what was typed.
        data-mantine-stop-propagation={open ? 'true' : undefined}
        {...props}
      />
    </DatesProvider>
  );
}
