import { describe, expect, it } from 'vitest'

import { describeSample } from './describe-sample.js'
import { relativeDifference, rReference } from './test-support/r-reference.js'

describe('describe', () => {
  it('summarises a small sample exactly', () => {
    // Σx = 40, Σ(x − 5)² = 32.
    expect(describeSample([2, 4, 4, 4, 5, 5, 7, 9, null])).toEqual({
      n: 8,
      missing: 1,
      mean: 5,
      sd: Math.sqrt(32 / 7),
      median: 4.5,
      q1: 4,
      q3: 5.5,
      iqr: 1.5,
      min: 2,
      max: 9,
    })
  })

  it('gives nulls, never NaN, when statistics are undefined', () => {
    const none = { mean: null, sd: null, median: null, q1: null, q3: null, iqr: null }
    expect(describeSample([])).toEqual({ n: 0, missing: 0, ...none, min: null, max: null })
    expect(describeSample([null, null])).toEqual({
      n: 0,
      missing: 2,
      ...none,
      min: null,
      max: null,
    })
    expect(describeSample([3])).toEqual({
      n: 1,
      missing: 0,
      mean: 3,
      sd: null,
      median: 3,
      q1: 3,
      q3: 3,
      iqr: 0,
      min: 3,
      max: 3,
    })
  })

  it('rejects non-finite numbers (missing values must be null)', () => {
    expect(() => describeSample([1, Number.NaN])).toThrow(RangeError)
    expect(() => describeSample([Infinity])).toThrow(RangeError)
  })

  it('matches R mean, sd, median, quantile, IQR, min, max on the reference cases', () => {
    const fields = ['mean', 'sd', 'median', 'q1', 'q3', 'iqr', 'min', 'max'] as const
    for (const expected of rReference.describe) {
      const actual = describeSample(expected.values)
      expect(actual.n).toBe(expected.n)
      expect(actual.missing).toBe(expected.missing)
      for (const field of fields) {
        const want = expected[field]
        const got = actual[field]
        if (want === null) {
          expect(got).toBeNull()
        } else {
          expect(got).not.toBeNull()
          expect(relativeDifference(got as number, want)).toBeLessThanOrEqual(1e-9)
        }
      }
      // Order statistics and type-7 quantiles are computed exactly as in R.
      expect([actual.median, actual.q1, actual.q3, actual.min, actual.max]).toEqual([
        expected.median,
        expected.q1,
        expected.q3,
        expected.min,
        expected.max,
      ])
    }
  })
})
