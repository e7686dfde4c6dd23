// Seeded random numbers for the calibration test and bench: same seed, same series, on every
// machine, so a rate printed once can be reproduced exactly. Not for anything security-related.

/** A generator of uniform numbers in [0, 1). */
export type Uniform = () => number;

/**
 * mulberry32 (Tommy Ettinger's 32-bit generator): one 32-bit state word, period 2³², passes
 * gjrand/PractRand well enough for simulation at this scale, and is a few lines of integer maths
 * that give identical streams in every JavaScript engine (Math.imul and >>> are exact).
 */
export function mulberry32(seed: number): Uniform {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Standard normal draws by the Box–Muller transform. Each pair of uniforms gives two independent
 * normals; the second is kept for the next call so no uniform is wasted. u₁ is taken in (0, 1] so
 * that log(u₁) is finite.
 */
export function normals(uniform: Uniform): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    const u1 = 1 - uniform();
    const u2 = uniform();
    const r = Math.sqrt(-2 * Math.log(u1));
    spare = r * Math.sin(2 * Math.PI * u2);
    return r * Math.cos(2 * Math.PI * u2);
  };
}

/** The simulated noise: independent, or stationary AR(1) e_t = φ·e_{t−1} + u_t. */
export interface NoiseSpec {
  /** Autoregressive coefficient φ in (−1, 1); 0 for independent noise. */
  phi: number;
  /**
   * Standard deviation of the noise itself (the marginal sd of e_t, not of the innovations u_t):
   * a "two standard deviation" step is then two sds of what one sees on the chart.
   */
  sd: number;
}

/**
 * n values of noise. The AR(1) starts from its stationary distribution (e₀ ~ N(0, sd²)) so there is
 * no burn-in and every point has the same variance; innovations have sd·√(1 − φ²).
 */
export function noise(normal: () => number, n: number, spec: NoiseSpec): number[] {
  const out: number[] = [];
  const innovationSd = spec.sd * Math.sqrt(1 - spec.phi * spec.phi);
  let e = spec.sd * normal();
  for (let i = 0; i < n; i++) {
    if (i > 0) e = spec.phi * e + innovationSd * normal();
    out.push(e);
  }
  return out;
}
