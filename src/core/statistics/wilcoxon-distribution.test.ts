import { describe, expect, it } from 'vitest'

import { relativeDifference, rReference } from './test-support/r-reference.js'
import { dwilcox, pwilcox } from './wilcoxon-distribution.js'

/** Counts of U = #{(i, j): x_i > y_j} over all C(m+n, m) rank arrangements. */
function bruteForceCounts(m: number, n: number): number[] {
  const counts = new Array<number>(m * n + 1).fill(0)
  const total = m + n
  for (let mask = 0; mask < 1 << total; mask++) {
    let ones = 0
    for (let bit = 0; bit < total; bit++) if (mask & (1 << bit)) ones++
    if (ones !== m) continue
    // Bit b set: rank b + 1 belongs to x. U = Σ over x of the y's ranked below it.
    let u = 0
    let ysBelow = 0
    for (let bit = 0; bit < total; bit++) {
      if (mask & (1 << bit)) u += ysBelow
      else ysBelow++
    }
    counts[u] = (counts[u] as number) + 1
  }
  return counts
}

describe('Wilcoxon rank-sum distribution', () => {
  it('has the exact probabilities for m = n = 2', () => {
    // The 6 arrangements give U = 0, 1, 2, 2, 3, 4.
    expect([0, 1, 2, 3, 4].map((w) => dwilcox(w, 2, 2))).toEqual([
      1 / 6,
      1 / 6,
      2 / 6,
      1 / 6,
      1 / 6,
    ])
    expect(pwilcox(1, 2, 2)).toBe(1 / 6 + 1 / 6)
    expect(pwilcox(2, 2, 2, false)).toBeCloseTo(2 / 6, 15)
    expect(pwilcox(-1, 2, 2)).toBe(0)
    expect(pwilcox(4, 2, 2)).toBe(1)
    expect(pwilcox(4, 2, 2, false)).toBe(0)
    expect(dwilcox(1.5, 2, 2)).toBe(0)
  })

  it('agrees with brute-force enumeration for small m, n', () => {
    for (let m = 1; m <= 6; m++) {
      for (let n = 1; n <= 6; n++) {
        const counts = bruteForceCounts(m, n)
        const total = counts.reduce((a, b) => a + b, 0)
        let cumulative = 0
        counts.forEach((count, w) => {
          cumulative += count
          expect(dwilcox(w, m, n)).toBeCloseTo(count / total, 15)
          expect(pwilcox(w, m, n)).toBeCloseTo(cumulative / total, 15)
        })
      }
    }
  })

  it('rejects sample sizes outside 1…49', () => {
    expect(() => pwilcox(1, 0, 3)).toThrow(RangeError)
    expect(() => pwilcox(1, 50, 3)).toThrow(RangeError)
    expect(() => dwilcox(1, 2.5, 3)).toThrow(RangeError)
  })

  it('matches R pwilcox and dwilcox on the reference grid', () => {
    for (const { q, m, n, lower, upper } of rReference.pwilcox) {
      if (Math.min(m, n) < 30) {
        // Same counts, same C(m+n, n), same summation order: bit-identical.
        expect(pwilcox(q, m, n)).toBe(lower)
        expect(pwilcox(q, m, n, false)).toBe(upper)
      } else {
        // R approximates C(m+n, n) by exp(lchoose(m+n, n)) here; spnet uses the exact value.
        expect(Math.abs(pwilcox(q, m, n) - lower)).toBeLessThanOrEqual(1e-14)
        expect(Math.abs(pwilcox(q, m, n, false) - upper)).toBeLessThanOrEqual(1e-14)
      }
    }
    for (const { m, n, w, d } of rReference.dwilcox) {
      w.forEach((value, i) => {
        expect(relativeDifference(dwilcox(value, m, n), d[i] as number)).toBeLessThanOrEqual(1e-14)
      })
    }
  })
})
