import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KILL_CASES, duration, prng, runAndKill } from '../helpers/kill-cases';

// SIGKILL at seeded random moments of `boucle demo`, a migration, a restore and a measurement import
// (the built CLI), each followed by integrity_check and the all-or-nothing check.
// `npm run bench -- reliability` kills at many more points.

describe('SIGKILL during a write', () => {
  it.each(KILL_CASES.map((c) => [c.name, c] as const))('%s: sound and all or nothing at every kill point', async (_name, c) => {
    const whole = await duration(c);
    const rand = prng(9);
    for (let i = 0; i < 2; i++) {
      const { dir, args, expect: wanted } = await c.prepare();
      try {
        await runAndKill(args, Math.floor(rand() * whole));
        const out = c.check(dir, wanted);
        expect(out, out.detail).toMatchObject({ survived: true, lost: 0 });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  }, 120_000);
});
