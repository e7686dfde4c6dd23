import { describe, expect, it } from 'vitest';
import { IndicatorMatcher, type IndicatorInfo } from '../../src-main/services/imports/indicator-match';

// An export names the indicator as its system writes it; the app keeps the name as a person typed it.
// The same name must match whatever apostrophe, dash, accent composition, spacing or case each used.

const INDICATORS: IndicatorInfo[] = [
  { id: '0190a0a0-0000-7000-8000-000000000001', name: 'Taux d’erreur de facturation', departmentId: 'd', frequency: 'monthly' },
  { id: '0190a0a0-0000-7000-8000-000000000002', name: 'Délai – fournisseurs', departmentId: 'd', frequency: 'monthly' },
  { id: '0190a0a0-0000-7000-8000-000000000003', name: "Time-to-fill", departmentId: 'd', frequency: 'monthly' },
];

describe('indicator names in a file', () => {
  it('match across apostrophes, dashes, composed accents, spaces and case', () => {
    const m = new IndicatorMatcher(INDICATORS);
    const id = (text: string) => {
      const r = m.resolve(text);
      return typeof r === 'number' ? m.used[r]!.id.slice(-1) : r.code;
    };
    for (const t of ["Taux d'erreur de facturation", 'taux d‘erreur de facturation', 'Taux dʼerreur  de facturation ', 'TAUX D´ERREUR DE FACTURATION']) expect(id(t), t).toBe('1');
    for (const t of ['Délai - fournisseurs', 'De\u0301lai — fournisseurs', 'délai\u00a0–\u00a0fournisseurs']) expect(id(t), t).toBe('2');
    for (const t of ['Time‑to‑fill', 'time−to−fill']) expect(id(t), t).toBe('3');
    expect(id('Taux d erreur de facturation')).toBe('unknown_indicator');
  });
});
