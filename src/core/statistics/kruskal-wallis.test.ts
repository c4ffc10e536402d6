import { describe, expect, it } from 'vitest'

import { kruskalWallis } from './kruskal-wallis.js'
import { relativeDifference, rReference } from './test-support/r-reference.js'

describe('kruskalWallis', () => {
  it('computes H for tiny samples without ties', () => {
    // Ranks 1 | 2: Σ R²/n = 1 + 4 = 5; H = 12·5/(2·3) − 3·3 = 1; p = P(χ²₁ ≥ 1).
    const singletons = kruskalWallis([[1], [2]])
    expect(singletons?.statistic).toBe(1)
    expect(singletons?.df).toBe(1)
    // P(χ²₁ ≥ 1) = 2Φ(−1); R: 0.31731050786291415.
    expect(singletons?.pValue).toBeCloseTo(0.31731050786291415, 15)
    // Ranks 1,2 | 3,4: Σ R²/n = 9/2 + 49/2 = 29; H = 12·29/20 − 15 = 12/5.
    const result = kruskalWallis([
      [1, 2],
      [3, 4],
    ])
    expect(result?.statistic).toBeCloseTo(12 / 5, 14)
    expect(result?.df).toBe(1)
  })

  it('gives H = 0 and p = 1 when the mean ranks are equal', () => {
    expect(
      kruskalWallis([
        [1, 4],
        [2, 3],
      ]),
    ).toEqual({ statistic: 0, df: 1, pValue: 1 })
  })

  it('applies the tie correction', () => {
    // Ranks 2,2 | 2,4: Σ R²/n = 16/2 + 36/2 = 26; uncorrected 12·26/20 − 15 = 3/5;
    // one tie of size 3: 1 − (27 − 3)/(64 − 4) = 3/5; H = 1.
    const result = kruskalWallis([
      [1, 1],
      [1, 2],
    ])
    expect(result?.statistic).toBeCloseTo(1, 14)
  })

  it('drops empty groups and returns null when fewer than 2 groups have values', () => {
    expect(kruskalWallis([[1, 2, 3], [], [4, 5]])?.df).toBe(1)
    expect(kruskalWallis([[1, 2, 3], []])).toBeNull()
    expect(kruskalWallis([])).toBeNull()
    expect(kruskalWallis([[], []])).toBeNull()
  })

  it('returns null when all values are equal (R: NaN)', () => {
    expect(kruskalWallis([[5, 5], [5], [5, 5, 5]])).toBeNull()
  })

  it('counts ties the way R does, on 15 significant digits', () => {
    // R: kruskal.test(list(c(0.3, 5), c(0.1 + 0.2, 7))) → 0.6666666666666663:
    // ranks 1,3 | 2,4 (0.3 < 0.1 + 0.2), but one tie of size 2 in the correction.
    expect(
      kruskalWallis([
        [0.3, 5],
        [0.1 + 0.2, 7],
      ])?.statistic,
    ).toBeCloseTo(0.6666666666666663, 15)
  })

  it('ranks ±Infinity and throws on NaN', () => {
    expect(kruskalWallis([[-Infinity], [Infinity]])?.statistic).toBe(1)
    expect(() => kruskalWallis([[1], [Number.NaN]])).toThrow(RangeError)
  })

  it("reproduces R's ?kruskal.test example (Hollander & Wolfe, airway)", () => {
    // Rank sums 36, 36, 33 with n = 5, 4, 5: H = 12·801/210 − 45 = 27/35; df 2,
    // so p = exp(−H/2). R prints 0.77143, df = 2, p-value = 0.68.
    const result = kruskalWallis([
      [2.9, 3.0, 2.5, 2.6, 3.2],
      [3.8, 2.7, 4.0, 2.4],
      [2.8, 3.4, 3.7, 2.2, 2.0],
    ])
    expect(result?.statistic).toBeCloseTo(27 / 35, 14)
    expect(result?.df).toBe(2)
    expect(result?.pValue).toBeCloseTo(Math.exp(-27 / 70), 14)
  })

  it('matches R kruskal.test on the reference cases', () => {
    let compared = 0
    for (const { label, groups, result: expected } of rReference.kruskalWallis) {
      const actual = kruskalWallis(groups)
      if (expected === null) {
        expect(actual, label).toBeNull()
        continue
      }
      expect(actual, label).not.toBeNull()
      if (actual === null) continue
      expect(actual.df, label).toBe(expected.df)
      expect(relativeDifference(actual.statistic, expected.statistic), label).toBeLessThanOrEqual(
        1e-9,
      )
      expect(Math.abs(actual.pValue - expected.pValue), label).toBeLessThanOrEqual(1e-9)
      if (expected.pValue < 1e-9) {
        expect(relativeDifference(actual.pValue, expected.pValue), label).toBeLessThanOrEqual(1e-9)
      }
      compared++
    }
    expect(compared).toBeGreaterThan(60)
  })
})
