/**
 * Sample quantile by linear interpolation between order statistics: R's
 * default `quantile(x, p, type = 7)` (Hyndman & Fan's definition 7).
 *
 *   index = 1 + (n − 1)·p,  lo = ⌊index⌋,  hi = ⌈index⌉,  h = index − lo
 *   Q(p) = (1 − h)·x₍lo₎ + h·x₍hi₎     when h > 0 and x₍hi₎ ≠ x₍lo₎
 *   Q(p) = x₍lo₎                      otherwise
 *
 * Symbols: x₍1₎ ≤ … ≤ x₍n₎ — the sorted sample (1-based order statistics);
 * p ∈ [0, 1] — the probability. The arithmetic is written exactly as in R's
 * `quantile.default` (stats 4.2.2), operation for operation, so the result has
 * the same floating-point bits as R's. Note that Q(0.5) is the median, but not
 * always bit-identical to R's `median()`, which computes (a + b)/2.
 *
 * Edge cases: returns null for an empty sample; n = 1 gives x₍1₎ for every p.
 * Throws a RangeError when p is not in [0, 1] (or NaN), when a value is not
 * finite, or when the input is not sorted in increasing order.
 *
 * @see Hyndman, R. J. & Fan, Y. (1996). Sample quantiles in statistical
 *   packages. The American Statistician 50(4), 361–365.
 * @see R Core Team (2022). R 4.2.2 `stats::quantile`, `type = 7`.
 */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`probability ${p} is outside [0, 1]`)
  const n = sorted.length
  for (let i = 0; i < n; i++) {
    const value = sorted[i] as number
    if (!Number.isFinite(value)) throw new RangeError(`value ${i} (${value}) is not finite`)
    if (i > 0 && value < (sorted[i - 1] as number)) {
      throw new RangeError(`values are not sorted in increasing order at index ${i}`)
    }
  }
  if (n === 0) return null
  const index = 1 + (n - 1) * p
  const lo = Math.floor(index)
  const hi = Math.ceil(index)
  const xLo = sorted[lo - 1] as number
  const xHi = sorted[hi - 1] as number
  if (index > lo && xHi !== xLo) {
    const h = index - lo
    return (1 - h) * xLo + h * xHi
  }
  return xLo
}
