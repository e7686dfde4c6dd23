import { describe, expect, it } from 'vitest';
import { asPoints, B, C, D, E } from '../../fixtures/impact/datasets';
import { analyseImpact } from '../../../src-main/services/impact/its';
import type { ItsResult } from '../../../src-shared/impact/its-types';
import { describeImpact, reasonWords } from '../../../src-main/services/impact/method-text';

// The plain-words description: what it says for each kind of result, and French typography.

const months = (i: number) => `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`;
const unit = { en: 'days', fr: 'jours' };
const d = analyseImpact({ points: asPoints(D, months), start: 24, direction: 'higher' });
const b = analyseImpact({ points: asPoints(B, months), from: 2, start: 24, rampUp: 2, end: 35, direction: 'lower' });
const c = analyseImpact({ points: asPoints(C, months), start: 10, direction: 'higher' });
const e = analyseImpact({ points: asPoints(E, months), start: 20, direction: 'lower' });
const short = analyseImpact({ points: asPoints(D.slice(17), months), start: 7, direction: 'higher' });
const all: ItsResult[] = [d, b, c, e, short];

describe('describeImpact', () => {
  it('D (improved), English: method, window, effect with HAC lag, placebo, verdict', () => {
    const en = describeImpact(d, { unit }).en;
    expect(en[0]).toMatch(/^Method: interrupted time series/);
    expect(en[1]).toBe('Window: 24 points before (from 2022-01-01 to 2023-12-01) and 12 after (from 2024-01-01 to 2024-12-01); no ramp-up period left out.');
    expect(en[2]).toContain('+2.29\u00a0days, 95% interval from 1.48 to 3.09 (Newey–West standard errors robust to autocorrelation, lag 3, t with 32 degrees of freedom)');
    expect(en[2]).toContain('at mid-window (5.5 periods after 2024-01-01)');
    expect(en).toContain('Placebo check: the same model at 11 earlier pseudo-starts, on the data before the start only, found an effect 2 times (at most 4 allowed): passed.');
    expect(en.at(-1)).toMatch(/^Verdict: “improved” — /);
  });

  it('D, French: the same figures with decimal commas', () => {
    const fr = describeImpact(d, { unit }).fr;
    expect(fr[2]).toContain('+2,29\u00a0jours, intervalle à 95\u00a0% de 1,48 à 3,09');
    expect(fr[2]).toContain('décalage 3, t à 32\u00a0degrés de liberté');
    expect(fr.at(-1)).toMatch(/^Verdict\u00a0: «\u00a0amélioré\u00a0» — /);
  });

  it('B: ramp-up periods named; one pseudo-start in the singular; HAC versus AR(1) in words', () => {
    const { en, fr } = describeImpact(b, { formatPeriod: (p, lang) => (lang === 'en' ? p.slice(0, 7) : p.slice(5, 7) + '/' + p.slice(0, 4)) });
    expect(en[1]).toBe('Window: 22 points before (from 2022-03 to 2023-12) and 10 after (from 2024-03 to 2024-12); 2 ramp-up periods left out (2024-01, 2024-02).');
    expect(fr[1]).toBe('Fenêtre\u00a0: 22\u00a0points avant (de 03/2022 à 12/2023) et 10\u00a0après (de 03/2024 à 12/2024)\u202f; 2\u00a0périodes de montée en charge écartées (01/2024, 02/2024).');
    expect(en.find((s) => s.startsWith('Placebo'))).toContain('found an effect 1 time (at most 2 allowed): passed');
    expect(en.at(-1)).toBe('Verdict: “no clear effect” — the Newey–West interval (-7.92 to -0.59) excludes zero but the AR(1) one (-8.26 to 0.66) does not: the change cannot be told from autocorrelated drift.');
  });

  it('every reason has words in both languages, with the numbers behind it', () => {
    expect(reasonWords(short, 'not_enough_data', 'en')).toBe('there are 7 points before the start and 12 after the ramp-up, and at least 8 before and 6 after are needed');
    expect(reasonWords(c, 'interval_includes_zero', 'en')).toBe('the 95% interval of the effect (-1.00 to 0.86) includes zero');
    expect(reasonWords(c, 'placebo_not_possible', 'fr')).toContain('trop peu de points avant le démarrage pour le contrôle placebo (10\u202f; il en faut au moins 16');
    expect(reasonWords(e, 'autocorrelation_too_strong', 'en')).toContain('random walk');
    expect(reasonWords(e, 'placebo_failed', 'en')).toBe('the same model finds effects at too many earlier dates where nothing happened (4 of 7, at most 2 allowed)');
    expect(reasonWords(e, 'placebo_failed', 'fr')).toBe('le même modèle trouve des effets à trop de dates antérieures où rien ne s’est passé (4 sur 7, au plus 2 admises)');
    // Several reasons are all given.
    expect(describeImpact(e).en.at(-1)).toMatch(/random walk.*; also, the same model finds effects/);
  });

  it('not enough data: no effect sentence, the counts in the verdict', () => {
    const { en } = describeImpact(short);
    expect(en.some((s) => s.startsWith('Effect'))).toBe(false);
    expect(en.at(-1)).toContain('there are 7 points before the start and 12 after the ramp-up');
  });

  it('French typography: no-break space before : and inside « », narrow one before ; ! ?', () => {
    for (const r of all) {
      const text = describeImpact(r, { unit }).fr.join(' ');
      expect(text).not.toMatch(/[^\u00a0]:/); // every colon after a no-break space…
      expect(text).not.toMatch(/[^\u202f][;!?]/); // …every ; ! ? after a narrow one
      expect(text).not.toMatch(/«[^\u00a0]|[^\u00a0]»/);
      expect(text).not.toMatch(/\d\.\d/); // decimal commas only
    }
    const en = describeImpact(d).en.join(' ');
    expect(en).not.toMatch(/[\u00a0\u202f][:;]/);
  });
});
