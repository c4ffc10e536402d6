import { checkRectangular, countCategories, presentValues, type Ratings } from './ratings.js'

export type PercentAgreement = {
  /** Mean proportion of agreeing coder pairs per unit, in [0, 1]. */
  readonly agreement: number
  /** Units with at least two values (the others cannot show agreement). */
  readonly units: number
  /** Units on which every coder who coded it gave the same value. */
  readonly unanimousUnits: number
}

/**
 * Percent agreement over units, for two or more coders.
 *
 *   P̄ = (1/N) Σ_u  Σ_c n_uc (n_uc − 1) / ( m_u (m_u − 1) )
 *
 * Symbols: N — units with m_u ≥ 2 values; m_u — the number of coders who
 * coded unit u; n_uc — how many of them chose category c. For two coders this
 * is the plain share of units on which they agree; for more it is the mean
 * share of agreeing pairs (Fleiss's P̄, which allows a different number of
 * coders per unit).
 *
 * Edge cases: null when no unit has two values. Missing values (null) are
 * skipped; a unit coded by one coder only is not counted.
 *
 * @see Fleiss, J. L. (1971). Measuring nominal scale agreement among many
 *   raters. Psychological Bulletin 76(5), 378–382 (P̄, eq. 2–3).
 */
export function percentAgreement(ratings: Ratings): PercentAgreement | null {
  checkRectangular(ratings, 'qual/percent-agreement')
  let units = 0
  let unanimous = 0
  let sum = 0
  for (const unit of ratings) {
    const values = presentValues(unit)
    const m = values.length
    if (m < 2) continue
    units++
    let agreeingPairs = 0
    const counts = countCategories(values)
    for (const n of counts.values()) agreeingPairs += n * (n - 1)
    if (counts.size === 1) unanimous++
    sum += agreeingPairs / (m * (m - 1))
  }
  if (units === 0) return null
  return { agreement: sum / units, units, unanimousUnits: unanimous }
}
