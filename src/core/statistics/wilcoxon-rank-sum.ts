import normalCdf from '@stdlib/stats-base-dists-normal-cdf'

import { compensatedSum } from './compensated-sum.js'
import { averageRanks, tieGroupSizes } from './rank.js'
import { pwilcox } from './wilcoxon-distribution.js'

export type WilcoxonRankSumResult = {
  /** W = Σ rank(x_i) − n_x(n_x+1)/2, as R reports it (the Mann–Whitney U of x). */
  readonly statistic: number
  /** Two-sided p-value. */
  readonly pValue: number
  /** True when the p-value comes from the exact null distribution of W. */
  readonly exact: boolean
  /** Rank-biserial correlation 2W/(n_x n_y) − 1, in [−1, 1]; > 0 when x tends to be larger. */
  readonly rankBiserial: number
}

/**
 * Wilcoxon rank-sum (Mann–Whitney) test of two independent samples, two-sided,
 * with R's defaults (`wilcox.test(x, y)`: `exact = NULL`, `correct = TRUE`).
 *
 *   W = Σ_{i=1}^{n_x} r_i − n_x(n_x + 1)/2
 *
 * Exact p-value, when n_x < 50, n_y < 50 and no value is tied:
 *   p = min(1, 2·P(W' ≥ W))  if W > n_x n_y / 2,  else  min(1, 2·P(W' ≤ W))
 * with W' following the null distribution of W (see `pwilcox`).
 *
 * Otherwise the normal approximation with tie and continuity corrections:
 *   σ = √( n_x n_y / 12 · [(N + 1) − Σ_t (t³ − t) / (N(N − 1))] )
 *   z = (W − n_x n_y / 2 − sign(W − n_x n_y / 2)·½) / σ,   p = 2·Φ(−|z|)
 *
 * Effect size: rank-biserial correlation r = 2W/(n_x n_y) − 1 (Kerby's simple
 * difference formula: the proportion of (x, y) pairs in which x is larger minus
 * the proportion in which y is larger, ties counting half to each).
 *
 * Symbols: r_i — the average rank of x_i in the pooled sample of the n_x values
 * of x and n_y values of y; N = n_x + n_y; t — sizes of the groups of tied
 * values; Φ — the standard normal distribution function.
 *
 * Edge cases: returns null when either sample is empty, and when all N values
 * are equal (σ = 0; R gives a NaN p-value). ±Infinity are ranked like other
 * values, as R does; NaN throws a RangeError. Ties are exact equality.
 *
 * Matches R `wilcox.test(x, y)` (stats 4.2.2): `statistic`, `p.value`, and
 * whether its method is the "exact" test.
 * @see Wilcoxon, F. (1945). Individual comparisons by ranking methods.
 *   Biometrics Bulletin 1(6), 80–83.
 * @see Mann, H. B. & Whitney, D. R. (1947). Ann. Math. Statist. 18(1), 50–60.
 * @see Kerby, D. S. (2014). The simple difference formula: an approach to
 *   teaching nonparametric correlation. Comprehensive Psychology 3, 11.IT.3.1.
 */
export function wilcoxonRankSum(
  x: readonly number[],
  y: readonly number[],
): WilcoxonRankSumResult | null {
  const pooled = [...x, ...y]
  pooled.forEach((value, i) => {
    if (Number.isNaN(value)) throw new RangeError(`pooled value ${i} is NaN`)
  })
  if (x.length === 0 || y.length === 0) return null
  const nx = x.length
  const ny = y.length
  const ranks = averageRanks(pooled)
  const statistic = compensatedSum(ranks.subarray(0, nx)) - (nx * (nx + 1)) / 2
  const rankBiserial = (2 * statistic) / (nx * ny) - 1
  const ties = tieGroupSizes(pooled)
  const hasTies = ties.length !== pooled.length
  if (nx < 50 && ny < 50 && !hasTies) {
    const p =
      statistic > (nx * ny) / 2 ? pwilcox(statistic - 1, nx, ny, false) : pwilcox(statistic, nx, ny)
    return { statistic, pValue: Math.min(2 * p, 1), exact: true, rankBiserial }
  }
  const n = nx + ny
  const tieSum = compensatedSum(ties.map((t) => t * t * t - t))
  const sigma = Math.sqrt(((nx * ny) / 12) * (n + 1 - tieSum / (n * (n - 1))))
  if (sigma === 0) return null
  const centred = statistic - (nx * ny) / 2
  const z = (centred - Math.sign(centred) * 0.5) / sigma
  const pValue = 2 * normalCdf(-Math.abs(z), 0, 1)
  return { statistic, pValue, exact: false, rankBiserial }
}
