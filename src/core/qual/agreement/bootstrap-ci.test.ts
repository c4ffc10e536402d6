import { describe, expect, it } from 'vitest'
import { createRandom } from '../../demo/random.js'
import { bootstrapCi } from './bootstrap-ci.js'
import { cohenKappa } from './cohen-kappa.js'

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length

describe('bootstrapCi', () => {
  it('is reproducible for a seed and brackets the estimate', () => {
    const units = Array.from(
      { length: 60 },
      (_, i) => [i % 3 === 0 ? 1 : 0, i % 4 === 0 ? 1 : 0] as const,
    )
    const stat = (s: readonly (readonly [number, number])[]) => cohenKappa(s)?.kappa ?? null
    const a = bootstrapCi(units, stat, { random: createRandom(1), replicates: 500 })!
    const b = bootstrapCi(units, stat, { random: createRandom(1), replicates: 500 })!
    expect(a).toEqual(b)
    const estimate = stat(units)!
    expect(a.lower).toBeLessThan(estimate)
    expect(a.upper).toBeGreaterThan(estimate)
    expect(a.replicates).toBe(500)
  })

  it('of a constant sample is that constant', () => {
    const r = bootstrapCi([3, 3, 3], mean, { random: createRandom(2), replicates: 50 })!
    expect([r.lower, r.upper]).toEqual([3, 3])
    expect(r.defined).toBe(50)
  })

  it('leaves out resamples where the statistic is undefined', () => {
    // Two units: a resample of the same unit twice has kappa undefined (p_e = 1).
    const units = [
      [1, 1],
      [0, 0],
    ]
    const r = bootstrapCi(units, (s) => cohenKappa(s)?.kappa ?? null, {
      random: createRandom(3),
      replicates: 200,
    })!
    expect(r.defined).toBeLessThan(200)
    expect(r.defined).toBeGreaterThan(0)
    expect([r.lower, r.upper]).toEqual([1, 1])
  })

  it('returns null for no units and throws on bad options', () => {
    expect(bootstrapCi([], mean, { random: createRandom(1) })).toBeNull()
    expect(() => bootstrapCi([1], mean, { random: createRandom(1), replicates: 0 })).toThrow(
      RangeError,
    )
    expect(() => bootstrapCi([1], mean, { random: createRandom(1), level: 1 })).toThrow(RangeError)
  })
})
