import { describe, expect, it } from 'vitest'

import { chiSquareTest } from './chi-square-test.js'
import { relativeDifference, rReference } from './test-support/r-reference.js'

describe('chiSquareTest', () => {
  it('computes Pearson X² for an r × c table', () => {
    // Totals 6, 6 and 4, 4, 4 of 12: every E = 2; X² = (1 + 0 + 1 + 1 + 0 + 1)/2 = 2;
    // df = 2, so p = e^(−1).
    const result = chiSquareTest([
      [1, 2, 3],
      [3, 2, 1],
    ])
    expect(result?.statistic).toBe(2)
    expect(result?.df).toBe(2)
    expect(result?.pValue).toBeCloseTo(Math.exp(-1), 15)
    expect(result?.expected).toEqual([
      [2, 2, 2],
      [2, 2, 2],
    ])
    expect(result?.lowExpected).toBe(true)
    expect(result?.yates).toBe(false)
  })

  it("applies R's Yates correction to 2 × 2 tables", () => {
    // Tea tasting table: E = 2, |O − E| = 1, Y = 1/2: X² = 4·(1/2)²/2 = 1/2.
    const tea = chiSquareTest([
      [3, 1],
      [1, 3],
    ])
    expect(tea?.statistic).toBe(0.5)
    expect(tea?.yates).toBe(true)
    expect(tea?.pValue).toBeCloseTo(0.4795001221869535, 15)
    // O = E: Y = min(0.5, 0) = 0, X² = 0, p = 1, and R does not call it corrected.
    expect(
      chiSquareTest([
        [1, 1],
        [1, 1],
      ]),
    ).toMatchObject({ statistic: 0, pValue: 1, yates: false })
  })

  it('drops empty rows and columns, and returns null when fewer than 2 of either remain', () => {
    const result = chiSquareTest([
      [0, 0, 0],
      [3, 0, 4],
      [5, 0, 1],
    ])
    expect(result?.droppedRows).toEqual([0])
    expect(result?.droppedColumns).toEqual([1])
    expect(result?.df).toBe(1)
    expect(result?.yates).toBe(true)
    expect(result?.expected).toHaveLength(2)
    expect(
      chiSquareTest([
        [3, 4],
        [0, 0],
      ]),
    ).toBeNull()
    expect(
      chiSquareTest([
        [0, 0],
        [0, 0],
      ]),
    ).toBeNull()
    expect(chiSquareTest([[1, 2, 3]])).toBeNull()
    expect(chiSquareTest([])).toBeNull()
  })

  it('rejects ragged tables and negative or non-finite counts', () => {
    expect(() => chiSquareTest([[1, 2], [3]])).toThrow(RangeError)
    expect(() =>
      chiSquareTest([
        [1, -2],
        [3, 4],
      ]),
    ).toThrow(RangeError)
    expect(() =>
      chiSquareTest([
        [1, Number.NaN],
        [3, 4],
      ]),
    ).toThrow(RangeError)
  })

  it("reproduces R's ?chisq.test example (Agresti, party identification)", () => {
    // R: X-squared = 30.07, df = 2, p-value = 2.954e-07.
    const result = chiSquareTest([
      [762, 327, 468],
      [484, 239, 477],
    ])
    expect(result?.statistic).toBeCloseTo(30.070149095754672, 12)
    expect(result?.df).toBe(2)
    expect(result?.pValue).toBeCloseTo(2.953589183211757e-7, 18)
  })

  it('matches R chisq.test on the reference cases', () => {
    let compared = 0
    for (const { label, table, result: expected } of rReference.chiSquareTest) {
      const actual = chiSquareTest(table)
      if (expected === null) {
        expect(actual, label).toBeNull()
        continue
      }
      expect(actual, label).not.toBeNull()
      if (actual === null) continue
      expect(actual.df, label).toBe(expected.df)
      expect(actual.yates, label).toBe(expected.yates)
      expect(actual.lowExpected, label).toBe(expected.lowExpected)
      expect(actual.droppedRows, label).toEqual(expected.droppedRows)
      expect(actual.droppedColumns, label).toEqual(expected.droppedColumns)
      expect(relativeDifference(actual.statistic, expected.statistic), label).toBeLessThanOrEqual(
        1e-9,
      )
      expect(Math.abs(actual.pValue - expected.pValue), label).toBeLessThanOrEqual(1e-9)
      if (expected.pValue < 1e-9) {
        expect(relativeDifference(actual.pValue, expected.pValue), label).toBeLessThanOrEqual(1e-9)
      }
      // E = R_i C_j / N is computed exactly as R does.
      expect(actual.expected, label).toEqual(expected.expected)
      compared++
    }
    expect(compared).toBeGreaterThan(40)
  })
})
