// `npm run bench -- impact`: the long calibration of the impact verdict (services/impact/its.ts) —
// 10,000 simulated series per family (BOUCLE_BENCH_IMPACT_COUNT to change it), the families of the
// test (tests/unit/impact/calibration.test.ts, 1,000 each) plus φ = 0.7, steps under autocorrelated
// noise, a 1-sd step, and three shapes the straight-line model does not expect (misspecification
// probes: how often does it then claim an effect that was not put in?). Takes a few minutes.
// Columns: claimed = verdict improved/worsened; HAC≠0, AR(1)≠0, Welch≠0 = that interval alone
// excludes 0; placebo✗ = the placebo check failed or could not be judged.
import { AFTER, BEFORE, FAMILIES, simulateFamily, type Family } from '../helpers/impact-simulate';
import type { BenchResult } from './run';

const SEED = 777_000;

const FAMILIES_BENCHED: { group: string; family: Family }[] = [
  ...FAMILIES.map((family) => ({ group: family.step === 0 ? 'no effect' : 'effect', family })),
  { group: 'no effect', family: { name: 'AR(1) φ=0.7', phi: 0.7, slope: 0, step: 0 } },
  { group: 'effect', family: { name: 'step, φ=0.3', phi: 0.3, slope: 0, step: 2 } },
  { group: 'effect', family: { name: 'step, φ=0.5', phi: 0.5, slope: 0, step: 2 } },
  { group: 'effect', family: { name: 'step 1 sd', phi: 0, slope: 0, step: 1 } },
  { group: 'probe', family: { name: 'curve', phi: 0, slope: 0, step: 0, shape: (t) => 0.01 * (t - 18) ** 2 } },
  { group: 'probe', family: { name: 'earlier step', phi: 0, slope: 0, step: 0, shape: (t) => (t >= 12 ? 2 : 0) } },
  { group: 'probe', family: { name: 'seasonal 1 sd', phi: 0, slope: 0, step: 0, shape: (t) => Math.sin((2 * Math.PI * t) / 12) } },
];

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export async function run(): Promise<BenchResult> {
  const count = Number(process.env.BOUCLE_BENCH_IMPACT_COUNT ?? 10_000);
  const rows: Record<string, string | number>[] = [];
  let independentCounts: number[] = [];
  FAMILIES_BENCHED.forEach(({ group, family }, i) => {
    const started = Date.now();
    const r = simulateFamily(family, count, SEED + i);
    if (family.name === 'independent') independentCounts = r.placeboCounts;
    rows.push({
      group,
      family: family.name,
      claimed: pct(r.claimed),
      'HAC≠0': pct(r.intervalExcludesZero),
      'AR(1)≠0': pct(r.ar1ExcludesZero),
      'placebo✗': pct(r.placeboFailed),
      'Welch≠0': pct(r.welchExcludesZero),
      seconds: Number(((Date.now() - started) / 1000).toFixed(1)),
    });
  });
  // How often independent noise gives more than k significant pseudo-starts (of 11): what the
  // placebo rule's allowance (4 of 11) costs in real effects missed.
  const total = independentCounts.reduce((s, c) => s + c, 0);
  const tail = (k: number) => independentCounts.slice(k + 1).reduce((s, c) => s + c, 0) / total;
  rows.push({ group: 'placebo', family: 'independent: P(> k of 11 significant)', claimed: [0, 1, 2, 3, 4, 5].map((k) => `k=${k}: ${pct(tail(k))}`).join(', ') });
  return { name: `Impact verdict calibration: ${count} series per family, ${BEFORE} before + ${AFTER} after, noise sd 1, seeds ${SEED}+i`, rows };
}
