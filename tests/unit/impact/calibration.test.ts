import { describe, expect, it } from 'vitest';
import { AFTER, BEFORE, FAMILIES, simulateFamily, type FamilyRates } from '../../helpers/impact-simulate';

// Calibration of the verdict on simulated series (24 periods before, 12 after, noise sd 1; see
// simulate.ts): with no effect — independent noise, AR(1) φ = 0.3 and 0.5, a plain linear trend —
// it may claim an effect in at most 10% of each family; with a designed level step of 2 sds of the
// noise (independent noise) it must find it in at least 80%. 1,000 series per family, each family
// from its own fixed seed (chosen before the first run: 20251201 + the family's position), so the
// rates are the same on every run and every machine. bench-calibration.ts runs 10,000 per family
// and more families.

const COUNT = 1000;
const SEED = 20251201;

describe(`verdict calibration, ${COUNT} series per family (${BEFORE} before, ${AFTER} after)`, () => {
  const rates: FamilyRates[] = FAMILIES.map((f, i) => simulateFamily(f, COUNT, SEED + i));
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.log(
    ['family          claimed  HAC≠0   AR(1)≠0  placebo✗  Welch≠0', ...rates.map((r) =>
      `${r.family.name.padEnd(15)} ${pct(r.claimed).padStart(6)}  ${pct(r.intervalExcludesZero).padStart(6)}  ${pct(r.ar1ExcludesZero).padStart(6)}  ${pct(r.placeboFailed).padStart(7)}  ${pct(r.welchExcludesZero).padStart(7)}`,
    )].join('\n'),
  );

  for (const r of rates.filter((x) => x.family.step === 0)) {
    it(`${r.family.name}: claims an effect in at most 10% (got ${pct(r.claimed)})`, () => {
      expect(r.claimed).toBeLessThanOrEqual(0.1);
    });
  }
  for (const r of rates.filter((x) => x.family.step !== 0)) {
    it(`${r.family.name}: finds it in at least 80% (got ${pct(r.claimed)})`, () => {
      expect(r.claimed).toBeGreaterThanOrEqual(0.8);
    });
  }
});
