// Formatting both the renderer and the reports use, so numbers read the same on screen and on paper.

/** Money from minor units, e.g. 126000 EUR → "1 260,00 €" (fr) or "€1,260.00" (en). */
export function formatMoney(cents: number | null | undefined, currency: string, locale: string, digits = 2): string {
  if (cents === null || cents === undefined) return '—';
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(cents / 100);
}

export function formatNumber(value: number | null | undefined, locale: string, maxDigits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: maxDigits }).format(value);
}

/** An ISO date (YYYY-MM-DD) for people: "2 Mar 2026" / "2 mars 2026". */
export function formatDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return '—';
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** A file size in kB below a megabyte, else in MB (1 MB = 1,000,000 bytes, as file managers show it). */
export function formatBytes(bytes: number, locale: string): string {
  const mb = bytes >= 1e6;
  return new Intl.NumberFormat(locale, { style: 'unit', unit: mb ? 'megabyte' : 'kilobyte', maximumFractionDigits: 1 }).format(bytes / (mb ? 1e6 : 1e3));
}

export function formatPercent(value: number | null | undefined, locale: string, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(value / 100);
}
