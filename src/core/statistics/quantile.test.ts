import { describe, expect, it } from 'vitest'

import { quantile } from './quantile.js'
import { rReference } from './test-support/r-reference.js'

describe('quantile (R type 7)', () => {
  it('interpolates between order statistics', () => {
    // index = 1 + 3p: p = 1/2 → 2.5 → halfway between 2 and 3.
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(5 / 2)
    // p = 1/4 → index 7/4 → 1 + 3/4·(2 − 1).
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(7 / 4)
    expect(quantile([1, 2, 3, 4], 0)).toBe(1)
    expect(quantile([1, 2, 3, 4], 1)).toBe(4)
  })

  it('does not interpolate between equal values', () => {
    expect(quantile([1, 4, 4, 9], 0.5)).toBe(4)
  })

  it('returns null for an empty sample and the value for n = 1', () => {
    expect(quantile([], 0.5)).toBeNull()
    expect(quantile([42], 0.9)).toBe(42)
  })

  it('rejects bad probabilities and unsorted or non-finite values', () => {
    expect(() => quantile([1, 2], -0.1)).toThrow(RangeError)
    expect(() => quantile([1, 2], 1.1)).toThrow(RangeError)
    expect(() => quantile([1, 2], Number.NaN)).toThrow(RangeError)
    expect(() => quantile([2, 1], 0.5)).toThrow(RangeError)
    expect(() => quantile([1, Infinity], 0.5)).toThrow(RangeError)
  })

  it('gives the textbook quartiles of 1…10 (Hyndman & Fan definition 7)', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    expect(quantile(x, 0.25)).toBe(3.25)
    expect(quantile(x, 0.75)).toBe(7.75)
  })

  it('equals R quantile(type = 7) bit for bit on the reference cases', () => {
    let checked = 0
    for (const { sorted, probs, quantiles } of rReference.quantile) {
      probs.forEach((p, i) => {
        expect(quantile(sorted, p)).toBe(quantiles[i])
        checked++
      })
    }
    expect(checked).toBeGreaterThan(100)
  })
})
