import { chiSquareUpperTail } from './chi-square-upper-tail.js'
import { compensatedSum } from './compensated-sum.js'
import { averageRanks, tieGroupSizes } from './rank.js'

export type KruskalWallisResult = {
  /** The tie-corrected statistic H ("Kruskal-Wallis chi-squared" in R). */
  readonly statistic: number
  /** Degrees of freedom k − 1, k = number of non-empty groups. */
  readonly df: number
  /** Upper tail of the chi-square distribution with df degrees of freedom at H. */
  readonly pValue: number
}

/**
 * Kruskal–Wallis rank-sum test, with the correction for ties.
 *
 *   H = [12 / (N(N+1)) Σ_i R_i² / n_i − 3(N+1)] / [1 − Σ_t (t³ − t) / (N³ − N)]
 *   p = P(χ²_{k−1} ≥ H)
 *
 * Symbols: k — number of non-empty groups; n_i — size of group i; N = Σ n_i;
 * R_i — sum of the average ranks (see `averageRanks`) of group i within the
 * pooled sample; t — size of each group of tied values in the pooled sample.
 * The arithmetic follows R's `kruskal.test.default` step by step (with
 * compensated summation in place of R's long double sums).
 *
 * Ties, as R counts them: R ranks the values with exact comparisons, but counts
 * ties for the correction with `table(x)`, which compares values printed to 15
 * significant digits. Values that differ only beyond the 15th digit (such as
 * 0.1 + 0.2 and 0.3) therefore get different ranks yet count as tied in the
 * correction. spnet reproduces this, to match R.
 *
 * Edge cases: groups with no values are dropped before k is counted (as R does
 * for `kruskal.test(x, g)`, where unused factor levels disappear). Returns null
 * when fewer than 2 groups have values, and when the tie correction's
 * denominator is 0, i.e. when all values are equal (R gives NaN there, or Inf
 * when the values agree to 15 digits but not exactly). ±Infinity are ranked
 * like other values, as R does; NaN throws a RangeError.
 *
 * Matches R `kruskal.test` (stats 4.2.2).
 * @see Kruskal, W. H. & Wallis, W. A. (1952). Use of ranks in one-criterion
 *   variance analysis. JASA 47(260), 583–621.
 * @see Hollander, M., Wolfe, D. A. & Chicken, E. (2014). Nonparametric
 *   Statistical Methods, 3rd ed., Wiley, §6.1.
 */
export function kruskalWallis(groups: readonly (readonly number[])[]): KruskalWallisResult | null {
  const nonEmpty = groups.filter((group) => group.length > 0)
  const pooled = nonEmpty.flat()
  pooled.forEach((value, i) => {
    if (Number.isNaN(value)) throw new RangeError(`pooled value ${i} is NaN`)
  })
  const k = nonEmpty.length
  if (k < 2) return null
  const n = pooled.length
  const ranks = averageRanks(pooled)
  let offset = 0
  const terms = nonEmpty.map((group) => {
    const rankSum = compensatedSum(ranks.subarray(offset, offset + group.length))
    offset += group.length
    return (rankSum * rankSum) / group.length
  })
  const sumOfTerms = compensatedSum(terms)
  const ties = tieGroupSizes(pooled.map((value) => Number(value.toPrecision(15))))
  const tieSum = compensatedSum(ties.map((t) => t * t * t - t))
  const denominator = 1 - tieSum / (n * n * n - n)
  if (denominator === 0) return null
  const statistic = ((12 * sumOfTerms) / (n * (n + 1)) - 3 * (n + 1)) / denominator
  const df = k - 1
  return { statistic, df, pValue: chiSquareUpperTail(statistic, df) }
}
