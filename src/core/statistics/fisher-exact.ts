import gammaln from '@stdlib/math-base-special-gammaln'

import { compensatedSum } from './compensated-sum.js'
import { uniroot } from './uniroot.js'

/** A 2 × 2 table of counts [[a, b], [c, d]]: rows are groups, columns outcomes. */
export type TwoByTwoTable = readonly [readonly [number, number], readonly [number, number]]

export type FisherExactResult = {
  /** Two-sided p-value (sum of the tables at most as probable as the observed one). */
  readonly pValue: number
  /**
   * Conditional maximum-likelihood estimate of the odds ratio (R's `estimate`);
   * 0 when a is at its smallest possible value, null when it is at its largest
   * (the estimate is +∞ there, which JSON cannot carry).
   */
  readonly oddsRatio: number | null
}

/**
 * Fisher's exact test for a 2 × 2 table, two-sided, with the conditional MLE
 * of the odds ratio, as R's `fisher.test(matrix(c(a, c, b, d), 2))` computes
 * them with its defaults.
 *
 * With the margins fixed, the count a follows the hypergeometric distribution
 *   f(x) = C(m, x) C(n, k − x) / C(m + n, k),   lo ≤ x ≤ hi,
 *   lo = max(0, k − n),  hi = min(k, m),
 * and under odds ratio ψ the noncentral one f_ψ(x) ∝ C(m, x) C(n, k − x) ψ^x.
 *   p = Σ { f(x) : f(x) ≤ f(a)·(1 + 10⁻⁷) }
 *   ψ̂ solves E_ψ[X] = Σ_x x f_ψ(x) = a
 *
 * Symbols: m = a + c and n = b + d — the column totals; k = a + b — the first
 * row total. The factor 1 + 10⁻⁷ is R's relErr: tables whose probability
 * equals the observed one up to rounding count as "at most as probable".
 * ψ̂ is found as R finds it — `uniroot` (Brent's method, tolerance ≈ 1.22e−4)
 * on t ∈ (0, 1) for ψ = t when E_1[X] > a, or for ψ = 1/t when E_1[X] < a —
 * using a faithful port of R's root finder, so spnet reproduces R's estimate,
 * including its (small) deviation from the exact root.
 *
 * Probabilities are computed on the log scale with log Γ, scaled by the largest
 * term, and normalised; the p-value agrees with R's to about 1e−14 absolute
 * (1e−12 relative for p-values far below 1e−9).
 *
 * Edge cases: returns null when a row or column total is 0 (then only one table
 * is possible and nothing can be tested; R reports p = 1 and estimate 0).
 * oddsRatio is 0 when a = lo and null (infinite) when a = hi. The p-value is
 * capped at 1 against rounding. Throws a RangeError unless all four counts are
 * non-negative safe integers (R silently rounds non-integers).
 *
 * Matches R `fisher.test` (stats 4.2.2) for 2 × 2 tables.
 * @see Fisher, R. A. (1935). The logic of inductive inference. JRSS 98(1),
 *   39–82 (the tea-tasting experiment).
 * @see Agresti, A. (2013). Categorical Data Analysis, 3rd ed., Wiley, §3.5.
 */
export function fisherExact2x2(table: TwoByTwoTable): FisherExactResult | null {
  const [[a, b], [c, d]] = table
  for (const count of [a, b, c, d]) {
    if (!(Number.isSafeInteger(count) && count >= 0)) {
      throw new RangeError(`count ${count} is not a non-negative integer`)
    }
  }
  const m = a + c
  const n = b + d
  const k = a + b
  const lo = Math.max(0, k - n)
  const hi = Math.min(k, m)
  if (lo === hi) return null

  const support = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i)
  // log C(m, x) + log C(n, k − x), without the terms that do not depend on x.
  const logWeights = support.map(
    (x) => -(gammaln(x + 1) + gammaln(m - x + 1) + gammaln(k - x + 1) + gammaln(n - k + x + 1)),
  )
  const noncentralDensity = (psi: number): number[] => {
    const logPsi = Math.log(psi)
    const logs = logWeights.map((w, i) => w + logPsi * (support[i] as number))
    const largest = logs.reduce((max, value) => (value > max ? value : max), -Infinity)
    const terms = logs.map((value) => Math.exp(value - largest))
    const sum = compensatedSum(terms)
    return terms.map((term) => term / sum)
  }
  const noncentralMean = (psi: number): number => {
    if (psi === 0) return lo
    const density = noncentralDensity(psi)
    return compensatedSum(density.map((p, i) => (support[i] as number) * p))
  }

  const density = noncentralDensity(1)
  const threshold = (density[a - lo] as number) * (1 + 1e-7)
  const pValue = Math.min(1, compensatedSum(density.filter((p) => p <= threshold)))

  let oddsRatio: number | null
  if (a === lo) {
    oddsRatio = 0
  } else if (a === hi) {
    oddsRatio = null
  } else {
    const mean = noncentralMean(1)
    if (mean > a) {
      oddsRatio = uniroot((t) => noncentralMean(t) - a, 0, 1)
    } else if (mean < a) {
      oddsRatio = 1 / uniroot((t) => noncentralMean(1 / t) - a, Number.EPSILON, 1)
    } else {
      oddsRatio = 1
    }
  }
  return { pValue, oddsRatio }
}
