import type { Random } from '../../demo/random.js'
import { quantile } from '../../statistics/quantile.js'

export type BootstrapOptions = {
  /** Resamples to draw (default 1000). */
  readonly replicates?: number
  /** Confidence level (default 0.95). */
  readonly level?: number
  /** The seeded generator; the same seed gives the same interval. */
  readonly random: Random
}

export type BootstrapCi = {
  readonly lower: number
  readonly upper: number
  readonly level: number
  /** Resamples drawn. */
  readonly replicates: number
  /** Resamples on which the statistic was defined (the interval uses only these). */
  readonly defined: number
}

/**
 * Percentile bootstrap confidence interval of a statistic of units.
 *
 *   draw B samples of N units with replacement, compute θ*_1..θ*_B,
 *   CI = [ Q(α/2), Q(1 − α/2) ] of the defined θ*
 *
 * Symbols: N — the number of units; B — `replicates`; α = 1 − level; Q — the
 * sample quantile (R type 7). Units are resampled whole, so the codes every
 * coder gave one unit stay together (the unit is what was sampled).
 *
 * Edge cases: returns null for no units or when the statistic is undefined
 * (null) on every resample; resamples where it is undefined are left out and
 * counted in `defined`. Throws (a bug) on bad options.
 *
 * @see Efron, B. & Tibshirani, R. J. (1993). An Introduction to the
 *   Bootstrap. Chapman & Hall, ch. 13 (percentile intervals).
 * @see Hayes, A. F. & Krippendorff, K. (2007). Answering the call for a
 *   standard reliability measure for coding data. Communication Methods and
 *   Measures 1(1), 77–89 (bootstrapping α).
 */
export function bootstrapCi<T>(
  units: readonly T[],
  statistic: (sample: readonly T[]) => number | null,
  options: BootstrapOptions,
): BootstrapCi | null {
  const replicates = options.replicates ?? 1000
  const level = options.level ?? 0.95
  if (!(Number.isInteger(replicates) && replicates > 0)) {
    throw new RangeError(
      `qual/bootstrap-ci: replicates must be a positive integer, not ${replicates}`,
    )
  }
  if (!(level > 0 && level < 1))
    throw new RangeError(`qual/bootstrap-ci: level ${level} is not in (0, 1)`)
  const n = units.length
  if (n === 0) return null
  const values: number[] = []
  const sample: T[] = new Array<T>(n)
  for (let r = 0; r < replicates; r++) {
    for (let i = 0; i < n; i++) sample[i] = units[Math.floor(options.random.next() * n)]!
    const v = statistic(sample)
    if (v !== null && Number.isFinite(v)) values.push(v)
  }
  return percentileInterval(values, level, replicates)
}

/**
 * The percentile interval [Q(α/2), Q(1 − α/2)] of bootstrap replicates of a
 * statistic (those where it was defined), or null when there are none.
 * Sorts `values` in place.
 */
export function percentileInterval(
  values: number[],
  level: number,
  replicates: number,
): BootstrapCi | null {
  if (values.length === 0) return null
  values.sort((a, b) => a - b)
  const tail = (1 - level) / 2
  return {
    lower: quantile(values, tail)!,
    upper: quantile(values, 1 - tail)!,
    level,
    replicates,
    defined: values.length,
  }
}
