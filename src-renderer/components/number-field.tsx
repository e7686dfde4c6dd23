import { NumberInput, type NumberInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The decimal mark and thousands separator people type and read in a language: 1,25 and 1 260 in French. */
export function numberSeparators(language: string): { decimalSeparator: string; thousandSeparator: string } {
  return language.startsWith('fr') ? { decimalSeparator: ',', thousandSeparator: '\u202f' } : { decimalSeparator: '.', thousandSeparator: ',' };
}

/**
 * Every number box of the app: shows and takes numbers the user's way (a comma in French), while
 * still accepting the other decimal mark when typed or pasted. The value it gives is a number.
 */
export function NumberField({ grouping = true, ...props }: NumberInputProps & { grouping?: boolean }) {
  const { i18n } = useTranslation();
  const { decimalSeparator, thousandSeparator } = numberSeparators(i18n.language);
  return (
    <NumberInput
      decimalSeparator={decimalSeparator}
      thousandSeparator={grouping ? thousandSeparator : undefined}
      allowedDecimalSeparators={['.', ',']}
      {...props}
    />
  );
}
