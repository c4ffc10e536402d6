/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32),
 * so demo data is the same for the same seed on every machine. Only integer
 * arithmetic and division are used: no Math.log or Math.sin, whose last bits
 * could differ between platforms.
 *
 * @see Doty-Humphrey, C. PractRand: sfc32 ("small fast counting" generator).
 */
export type Random = {
  /** Uniform in [0, 1). */
  readonly next: () => number
  /** Uniform integer in [min, max]. */
  readonly int: (min: number, max: number) => number
  /** True with probability p. */
  readonly chance: (p: number) => boolean
  /** An index drawn with the given (unnormalised) weights. */
  readonly weighted: (weights: readonly number[]) => number
  /** A random permutation of `items` (Fisher–Yates). */
  readonly shuffle: <T>(items: readonly T[]) => T[]
}

export function createRandom(seed: number): Random {
  let s = seed >>> 0
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
  let a = splitmix()
  let b = splitmix()
  let c = splitmix()
  let d = splitmix()
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0
    d = (d + 1) >>> 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) >>> 0
    c = ((c << 21) | (c >>> 11)) >>> 0
    c = (c + t) >>> 0
    return t / 4294967296
  }
  for (let i = 0; i < 12; i++) next()
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    weighted: (weights) => {
      let total = 0
      for (const w of weights) total += w
      let u = next() * total
      for (let i = 0; i < weights.length; i++) {
        u -= weights[i]!
        if (u < 0) return i
      }
      return weights.length - 1
    },
    shuffle: (items) => {
      const out = [...items]
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1))
        const tmp = out[i]!
        out[i] = out[j]!
        out[j] = tmp
      }
      return out
    },
  }
}
