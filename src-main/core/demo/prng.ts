// A small seeded random source so the demo is the same every time for a given seed and day.
// Math.random cannot be seeded; mulberry32 is a well-known 32-bit generator, plenty for demo noise.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal (mean 0, sd 1), by Box–Muller. */
  gaussian(): number;
}

/** FNV-1a: turns a seed and a name into a 32-bit state, so each series has its own stream. */
export function hashSeed(seed: number, name: string): number {
  let h = 0x811c9dc5;
  for (const ch of `${seed}:${name}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRng(state: number): Rng {
  let a = state >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    gaussian() {
      const u = 1 - next(); // (0, 1]: log(0) would be -Infinity
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}
