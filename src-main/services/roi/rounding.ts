// Rounding that adds up. Amounts are accrued unrounded (a day's share of a month is a fraction of a
// cent); shown amounts are whole cents. Rounding each month on its own lets the months drift from
// the rounded total by a few cents; rounding the running total and taking differences does not:
// month i = round(Σ₀..ᵢ) − round(Σ₀..ᵢ₋₁), so the months always add up to round(Σ), the total.

/** Whole cents per item whose sum is the rounded sum of `values`. */
export function roundRunning(values: readonly number[]): number[] {
  let sum = 0;
  let shown = 0;
  return values.map((v) => {
    sum += v;
    const next = Math.round(sum);
    const cents = next - shown;
    shown = next;
    return cents + 0; // + 0 turns -0 into 0
  });
}

export const sum = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0);

/**
 * Whole cents for parts of a total already rounded (`total`), by largest remainder: each part gets
 * its rounded-down value, the cents left go to the largest fractions. The parts add up to `total`.
 */
export function apportion(total: number, parts: readonly number[]): number[] {
  const floors = parts.map((p) => Math.floor(p));
  let left = total - sum(floors);
  const order = parts.map((p, i) => ({ i, frac: p - floors[i]! })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  const out = [...floors];
  for (let k = 0; left > 0 && order.length > 0; k = (k + 1) % order.length, left--) out[order[k]!.i]! += 1;
  for (let k = order.length - 1; left < 0 && order.length > 0; k = (k - 1 + order.length) % order.length, left++) out[order[k]!.i]! -= 1;
  return out;
}
