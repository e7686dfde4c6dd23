import { useState } from 'react';
import { DateInput, DatesProvider, type DateInputProps } from '@mantine/dates';
import { dateFormats, parseTypedDate } from './date-format';
import { useTranslation } from 'react-i18next';

// The one date picker of the app. A date reads the same everywhere in a language — "1 déc. 2025",
// "Dec 1, 2025", as @shared/format's formatDate writes it in lists — and can be typed that way, as
// digits the local way (01/12/2025 in French, 12/01/2025 in English) or as ISO (2025-12-01). The
// value stays an ISO date string, as the API takes it.

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
