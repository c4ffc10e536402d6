import { describe, expect, it } from 'vitest'

import { relativeDifference, rReference } from './test-support/r-reference.js'
import { wilcoxonRankSum } from './wilcoxon-rank-sum.js'

describe('wilcoxonRankSum', () => {
  it('computes W, the exact p-value and the rank-biserial correlation for tiny samples', () => {
    // x below y: W = 0; P(W ≤ 0) = 1/3 for m = 2, n = 1; p = 2/3; r = −1.
    expect(wilcoxonRankSum([1, 2], [3])).toEqual({
      statistic: 0,
      pValue: 2 / 3,
      exact: true,
      rankBiserial: -1,
    })
    // W = 2 > mn/2: p = 2·P(W ≥ 2) = 2·(1 − 2/3), computed as R does (0.6666666666666667).
    const reversed = wilcoxonRankSum([3], [1, 2])
    expect(reversed?.statistic).toBe(2)
    expect(reversed?.pValue).toBeCloseTo(2 / 3, 15)
    expect(reversed?.rankBiserial).toBe(1)
    // Interleaved 1,3,5,7 | 2,4,6,8: W = 16 − 10 = 6; P(W ≤ 6) = 24/70 for m = n = 4.
    const interleaved = wilcoxonRankSum([1, 3, 5, 7], [2, 4, 6, 8])
    expect(interleaved?.statistic).toBe(6)
    expect(interleaved?.pValue).toBeCloseTo(48 / 70, 15)
    expect(interleaved?.rankBiserial).toBe(2 * (6 / 16) - 1)
  })

  it('uses the normal approximation with tie and continuity corrections when there are ties', () => {
    // Ranks 1, 3, 3 | 3, 5: W = 1; σ² = (6/12)·(6 − 24/20) = 12/5;
    // z = (1 − 3 + 1/2)/√(12/5); p = 2Φ(z). R: 0.332921608065566.
    const result = wilcoxonRankSum([1, 2, 2], [2, 3])
    expect(result?.statistic).toBe(1)
    expect(result?.exact).toBe(false)
    expect(result?.pValue).toBeCloseTo(0.332921608065566, 14)
  })

  it('returns null for an empty sample or when every value is the same', () => {
    expect(wilcoxonRankSum([], [1, 2])).toBeNull()
    expect(wilcoxonRankSum([1], [])).toBeNull()
    expect(wilcoxonRankSum([1, 1], [1])).toBeNull()
    expect(() => wilcoxonRankSum([Number.NaN], [1])).toThrow(RangeError)
  })

  it("reproduces R's ?wilcox.test example (Hollander & Wolfe, permeability)", () => {
    // R: W = 35; the one-sided p of the help page is 0.1272 = 382/3003, so
    // two-sided p = 764/3003 with C(15, 5) = 3003 arrangements.
    const result = wilcoxonRankSum(
      [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46],
      [1.15, 0.88, 0.9, 0.74, 1.21],
    )
    expect(result?.statistic).toBe(35)
    expect(result?.exact).toBe(true)
    expect(result?.pValue).toBeCloseTo(764 / 3003, 15)
    expect(result?.rankBiserial).toBe(2 * (35 / 50) - 1)
  })

  it('matches R wilcox.test on the reference cases', () => {
    let compared = 0
    let exactCases = 0
    for (const { label, x, y, result: expected } of rReference.wilcoxonRankSum) {
      const actual = wilcoxonRankSum(x, y)
      if (expected === null) {
        expect(actual, label).toBeNull()
        continue
      }
      expect(actual, label).not.toBeNull()
      if (actual === null) continue
      expect(actual.statistic, label).toBe(expected.statistic)
      expect(actual.exact, label).toBe(expected.exact)
      expect(Math.abs(actual.pValue - expected.pValue), label).toBeLessThanOrEqual(1e-9)
      if (expected.pValue < 1e-9) {
        expect(relativeDifference(actual.pValue, expected.pValue), label).toBeLessThanOrEqual(1e-9)
      }
      expect(actual.rankBiserial).toBe((2 * expected.statistic) / (x.length * y.length) - 1)
      compared++
      if (expected.exact) exactCases++
    }
    expect(compared).toBeGreaterThan(40)
    expect(exactCases).toBeGreaterThan(10)
  })
})
