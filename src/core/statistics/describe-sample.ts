import { compensatedSum } from './compensated-sum.js'
import { quantile } from './quantile.js'

/** Summary of one sample; every field that is undefined for the sample is null. */
export type Description = {
  /** Number of non-missing values. */
  readonly n: number
  /** Number of missing values (nulls). */
  readonly missing: number
  readonly mean: number | null
  /** Sample standard deviation (divisor n − 1); null when n < 2. */
  readonly sd: number | null
  readonly median: number | null
  /** First quartile, R `quantile(x, 0.25)` (type 7). */
  readonly q1: number | null
  /** Third quartile, R `quantile(x, 0.75)` (type 7). */
  readonly q3: number | null
  /** Interquartile range q3 − q1, R `IQR(x)`. */
  readonly iqr: number | null
  readonly min: number | null
  readonly max: number | null
}

/**
 * Descriptive statistics of a sample with missing values, as R computes them
 * with `na.rm = TRUE`.
 *
 *   mean   x̄ = Σ x_i / n
 *   sd     s = √( Σ (x_i − x̄)² / (n − 1) )
 *   median x₍(n+1)/2₎ for odd n, (x₍n/2₎ + x₍n/2+1₎)/2 for even n
 *   q1, q3 type-7 quantiles at 0.25 and 0.75 (see `quantile`); iqr = q3 − q1
 *
 * Symbols: x_i — the n non-missing values; x₍k₎ — the k-th smallest.
 * Sums follow R's two-pass algorithms (`mean` re-centres on the first-pass mean;
 * `var` sums squared deviations from that mean), accumulated with compensated
 * summation in place of R's long double, so results agree with R to about one
 * unit in the last place.
 *
 * Edge cases: n = 0 gives nulls everywhere except `n` and `missing`; n = 1 gives
 * sd = null (R: NA). The result never contains NaN (sd could overflow to
 * Infinity only for values beyond about ±1e154). A value that is a number
 * but not finite (NaN, ±Infinity) throws a RangeError: missing values must be
 * passed as null.
 *
 * Matches R `mean`, `sd`, `median`, `quantile(type = 7)`, `IQR`, `min`, `max`
 * (base/stats 4.2.2) applied to `x[!is.na(x)]`.
 * @see Hyndman, R. J. & Fan, Y. (1996). Sample quantiles in statistical
 *   packages. The American Statistician 50(4), 361–365.
 */
export function describeSample(values: readonly (number | null)[]): Description {
  const present: number[] = []
  let missing = 0
  values.forEach((value, i) => {
    if (value === null) {
      missing++
    } else if (!Number.isFinite(value)) {
      throw new RangeError(`value ${i} (${value}) is not finite; pass missing values as null`)
    } else {
      present.push(value)
    }
  })
  const n = present.length
  if (n === 0) {
    return {
      n,
      missing,
      mean: null,
      sd: null,
      median: null,
      q1: null,
      q3: null,
      iqr: null,
      min: null,
      max: null,
    }
  }
  const sorted = [...present].sort((a, b) => a - b)
  const mean = twoPassMean(present)
  const q1 = quantile(sorted, 0.25) as number
  const q3 = quantile(sorted, 0.75) as number
  const half = Math.floor((n + 1) / 2)
  const median =
    n % 2 === 1
      ? (sorted[half - 1] as number)
      : twoPassMean([sorted[half - 1] as number, sorted[half] as number])
  let sd: number | null = null
  if (n >= 2) {
    const sumOfSquares = compensatedSum(present.map((x) => (x - mean) * (x - mean)))
    sd = Math.sqrt(sumOfSquares / (n - 1))
  }
  return {
    n,
    missing,
    mean,
    sd,
    median,
    q1,
    q3,
    iqr: q3 - q1,
    min: sorted[0] as number,
    max: sorted[n - 1] as number,
  }
}

/**
 * R's `mean`: Σx/n, then corrected by the mean of the residuals. When Σx
 * overflows (|x| near 1.8e308), falls back to Σ(x/n), as R does.
 */
function twoPassMean(values: readonly number[]): number {
  const n = values.length
  const first = compensatedSum(values) / n
  if (!Number.isFinite(first)) return compensatedSum(values.map((x) => x / n))
  return first + compensatedSum(values.map((x) => x - first)) / n
}
