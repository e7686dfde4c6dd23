import type { Figure, MoneyFigure } from '../../../src-shared/dashboard/schemas';

// What every figure of the dashboard shares: the department scope as bound SQL, and "change".

/** The departments in scope; null: every department. */
export type Scope = readonly string[] | null;

/** `AND <alias>.department_id IN (…)` for the departments in scope; nothing across every department. */
export function scopeSql(alias: string, scope: Scope): { sql: string; params: unknown[] } {
  if (!scope) return { sql: '', params: [] };
  return { sql: ` AND ${alias}.department_id IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(scope)] };
}

export const changePct = (current: number, previous: number): number | null =>
  previous === 0 ? null : ((current - previous) / Math.abs(previous)) * 100;

export const figure = (current: number, previous: number): Figure => ({ current, previous, changePct: changePct(current, previous) });

/** Per-currency amounts now and before, one entry per currency seen in either. */
export function moneyFigures(current: Map<string, number>, previous: Map<string, number>): MoneyFigure[] {
  const currencies = [...new Set([...current.keys(), ...previous.keys()])].sort();
  return currencies.map((currency) => ({ currency, ...figure(current.get(currency) ?? 0, previous.get(currency) ?? 0) }));
}
