// Deterministic pseudo-random numbers for the demo dataset: the same seed gives the same data on
// every machine. Only integer operations and +, −, ×, ÷, sqrt are used (all exactly specified by
// IEEE 754), never Math.random, Math.pow or Math.exp.

export type Random = {
  /** Uniform in [0, 1). */
  next: () => number;
  /** Uniform in [min, max). */
  range: (min: number, max: number) => number;
  /** Integer in [min, max]. */
  int: (min: number, max: number) => number;
  /** True with probability p. */
  chance: (p: number) => boolean;
  /** One element, uniformly. */
  pick: <T>(items: readonly T[]) => T;
  /** One element, with probability proportional to its weight. */
  weighted: <T>(items: readonly (readonly [T, number])[]) => T;
  /** A heavy-tailed weight ≥ ~1 (truncated Pareto, α ≈ 1.5): many small firms, a few large ones. */
  heavyTail: () => number;
};

/** mulberry32: a tiny 32-bit generator with good statistical quality for simulation data. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a label, used to give every part of the generator its own independent stream. */
function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i += 1) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * A random stream for one purpose (e.g. `firm:42`), derived from the dataset seed. Separate
 * streams keep a change in one part of the generator from reshuffling every other part.
 */
export function createRandom(seed: number, label: string): Random {
  const next = mulberry32((seed ^ hashLabel(label)) >>> 0);
  const random: Random = {
    next,
    range: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor((max - min + 1) * next()),
    chance: (p) => next() < p,
    pick: (items) => {
      const item = items[Math.floor(items.length * next())];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    weighted: (items) => {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let u = next() * total;
      for (const [item, w] of items) {
        u -= w;
        if (u < 0) return item;
      }
      const last = items[items.length - 1];
      if (!last) throw new Error('weighted pick from an empty list');
      return last[0];
    },
    heavyTail: () => {
      const x = 0.02 + next();
      return 1 / (x * Math.sqrt(x));
    },
  };
  return random;
}
