import { describe, expect, it } from 'vitest'

import { fisherExact2x2 } from './fisher-exact.js'
import { relativeDifference, rReference } from './test-support/r-reference.js'

describe('fisherExact2x2', () => {
  it("computes the two-sided p-value of R's ?fisher.test tea-tasting example", () => {
    // Margins 4, 4, 4: f(x) = C(4, x) C(4, 4 − x)/70 = 1, 16, 36, 16, 1 (/70).
    // Observed a = 3 (16/70); at most as probable: x = 0, 1, 3, 4 → p = 34/70.
    // R: p-value = 0.4857, odds ratio 6.408309.
    const result = fisherExact2x2([
      [3, 1],
      [1, 3],
    ])
    expect(result?.pValue).toBeCloseTo(34 / 70, 15)
    expect(relativeDifference(result?.oddsRatio ?? 0, 6.408309)).toBeLessThan(1e-6)
  })

  it("reproduces R's ?fisher.test convictions example (Fisher 1962)", () => {
    // R: p-value = 0.0005367, odds ratio 0.04693661.
    const result = fisherExact2x2([
      [2, 15],
      [10, 3],
    ])
    expect(result?.pValue).toBeCloseTo(0.0005367241191434364, 15)
    expect(relativeDifference(result?.oddsRatio ?? 0, 0.04693661)).toBeLessThan(1e-6)
  })

  it('gives 0 and null (infinite) odds ratios at the ends of the support', () => {
    // Margins 5, 5, 5: only a = 0 and a = 5 have probability 1/252 each.
    expect(
      fisherExact2x2([
        [0, 5],
        [5, 0],
      ]),
    ).toEqual({ pValue: expect.closeTo(2 / 252, 15) as number, oddsRatio: 0 })
    expect(
      fisherExact2x2([
        [5, 0],
        [0, 5],
      ])?.oddsRatio,
    ).toBeNull()
    expect(
      fisherExact2x2([
        [1, 0],
        [0, 1],
      ]),
    ).toEqual({ pValue: 1, oddsRatio: null })
  })

  it('gives odds ratio 1 and p = 1 for a perfectly balanced table', () => {
    const result = fisherExact2x2([
      [7, 7],
      [7, 7],
    ])
    expect(result?.oddsRatio).toBe(1)
    expect(result?.pValue).toBeCloseTo(1, 15)
  })

  it('returns null when a row or column total is 0, and rejects non-counts', () => {
    expect(
      fisherExact2x2([
        [0, 0],
        [3, 4],
      ]),
    ).toBeNull()
    expect(
      fisherExact2x2([
        [2, 0],
        [3, 0],
      ]),
    ).toBeNull()
    expect(
      fisherExact2x2([
        [0, 0],
        [0, 0],
      ]),
    ).toBeNull()
    expect(() =>
      fisherExact2x2([
        [1.5, 2],
        [3, 4],
      ]),
    ).toThrow(RangeError)
    expect(() =>
      fisherExact2x2([
        [-1, 2],
        [3, 4],
      ]),
    ).toThrow(RangeError)
  })

  it('matches R fisher.test on the reference cases', () => {
    let compared = 0
    for (const { label, table, r, result: expected } of rReference.fisherExact2x2) {
      const actual = fisherExact2x2(table)
      if (expected === null) {
        // Degenerate margins: R reports p = 1 and estimate 0; spnet returns null.
        expect(r, label).toEqual({ pValue: 1, estimate: 0 })
        expect(actual, label).toBeNull()
        continue
      }
      expect(actual, label).not.toBeNull()
      if (actual === null) continue
      expect(Math.abs(actual.pValue - expected.pValue), label).toBeLessThanOrEqual(1e-9)
      if (expected.pValue < 1e-9) {
        expect(relativeDifference(actual.pValue, expected.pValue), label).toBeLessThanOrEqual(1e-9)
      }
      if (expected.oddsRatio === null) {
        expect(actual.oddsRatio, label).toBeNull()
      } else {
        expect(actual.oddsRatio, label).not.toBeNull()
        expect(
          relativeDifference(actual.oddsRatio as number, expected.oddsRatio),
          label,
        ).toBeLessThanOrEqual(1e-6)
      }
      compared++
    }
    expect(compared).toBeGreaterThan(50)
  })
})
