// Amounts typed in currency units ("1 260,50", "65.5") to integer cents without going through a
// binary float (0.29 × 100 is 28.999…): the digits are split at the decimal mark and joined.

/** Cents of a typed amount, or null when empty; NaN when it is not an amount with at most 2 decimals. */
export function toCents(input: string | number | null | undefined): number | null {
  if (input === null || input === undefined) return null;
  const s = String(input).replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (s === '') return null;
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return Number.NaN;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** The amount of some cents as the user types it back ("65.50"); empty for null. */
export function fromCents(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  const whole = Math.floor(cents / 100);
  const rest = String(cents % 100).padStart(2, '0');
  return `${whole}.${rest}`;
}

/** A typed number ("12,5", "1 200.75") as a number; null when empty, NaN when not a number. */
export function parseTyped(input: string): number | null {
  const s = input.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (s === '') return null;
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s) ? Number(s) : Number.NaN;
}
