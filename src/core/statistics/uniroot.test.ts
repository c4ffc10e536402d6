import { describe, expect, it } from 'vitest'

import { rReference } from './test-support/r-reference.js'
import { uniroot } from './uniroot.js'

/** The functions of scripts/reference/statistics.R, by the names used there. */
const functions: Record<string, (x: number) => number> = {
  'x^2 - 2': (x) => x * x - 2,
  'cos(x) - x': (x) => Math.cos(x) - x,
  'exp(x) - 5': (x) => Math.exp(x) - 5,
  'x^3': (x) => Math.pow(x, 3),
  '1/(x - 0.3) step': (x) => (x < 0.3 ? -1 : 1),
}

describe('uniroot', () => {
  it('finds roots to within the tolerance', () => {
    expect(uniroot((x) => x * x - 2, 0, 2, 1e-12)).toBeCloseTo(Math.SQRT2, 11)
    expect(uniroot((x) => x - 0.25, 0, 1)).toBeCloseTo(0.25, 4)
  })

  it('returns an end point where f is 0 and rejects bad brackets', () => {
    expect(uniroot((x) => x, 0, 1)).toBe(0)
    expect(uniroot((x) => x - 1, 0, 1)).toBe(1)
    expect(() => uniroot((x) => x * x + 1, -1, 1)).toThrow(RangeError)
    expect(() => uniroot((x) => x, 1, 0)).toThrow(RangeError)
    expect(() => uniroot(() => Number.NaN, 0, 1)).toThrow(RangeError)
  })

  it("takes exactly R's steps: same root as R uniroot on the reference cases", () => {
    for (const { f, lower, upper, tol, root } of rReference.uniroot) {
      const fn = functions[f]
      if (fn === undefined) throw new Error(`no function named ${f}`)
      const actual = uniroot(fn, lower, upper, tol)
      if (f === 'exp(x) - 5' || f === 'cos(x) - x') {
        // JavaScript's Math.exp / Math.cos and the C library's may differ in the
        // last bit, which nudges the interpolation steps by as much.
        expect(Math.abs(actual - root) / root).toBeLessThanOrEqual(1e-14)
      } else {
        // Exactly rounded arithmetic in f: the same iterates, bit for bit.
        expect(actual).toBe(root)
      }
    }
  })
})
