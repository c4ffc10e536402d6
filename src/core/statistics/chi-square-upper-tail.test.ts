import { describe, expect, it } from 'vitest'

import { chiSquareUpperTail } from './chi-square-upper-tail.js'
import { relativeDifference, rReference } from './test-support/r-reference.js'

describe('chiSquareUpperTail', () => {
  it('has closed forms for 2 degrees of freedom', () => {
    // df = 2 is the exponential distribution with mean 2: P(X² ≥ x) = e^(−x/2).
    expect(chiSquareUpperTail(2, 2)).toBeCloseTo(Math.exp(-1), 15)
    expect(chiSquareUpperTail(1000, 2) / Math.exp(-500)).toBeCloseTo(1, 12)
  })

  it('is 1 at and below 0, 0 at +Infinity, and rejects bad input', () => {
    expect(chiSquareUpperTail(0, 3)).toBe(1)
    expect(chiSquareUpperTail(-1e-15, 3)).toBe(1)
    expect(chiSquareUpperTail(Infinity, 3)).toBe(0)
    expect(() => chiSquareUpperTail(1, 0)).toThrow(RangeError)
    expect(() => chiSquareUpperTail(1, 1.5)).toThrow(RangeError)
    expect(() => chiSquareUpperTail(Number.NaN, 1)).toThrow(RangeError)
  })

  it('matches R pchisq(x, df, lower.tail = FALSE), relatively, down to tiny tails', () => {
    for (const { x, df, upper } of rReference.pchisq) {
      const actual = chiSquareUpperTail(x, df)
      expect(Math.abs(actual - upper)).toBeLessThanOrEqual(1e-15)
      expect(relativeDifference(actual, upper)).toBeLessThanOrEqual(1e-12)
    }
  })
})
