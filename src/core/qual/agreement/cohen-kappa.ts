import { checkRectangular, type Category, type Ratings } from './ratings.js'

export type CohenKappa = {
  /** κ, or null when chance agreement is 1 (both coders used one and the same category throughout). */
  readonly kappa: number | null
  /** Observed agreement p_o. */
  readonly observed: number
  /** Agreement expected by chance p_e. */
  readonly expected: number
  /** Units both coders coded. */
  readonly units: number
}

/**
 * Cohen's kappa for two coders and nominal categories.
 *
 *   κ = (p_o − p_e) / (1 − p_e)
 *   p_o = (1/N) Σ_u [a_u = b_u]
 *   p_e = Σ_c (N_a,c / N) (N_b,c / N)
 *
 * Symbols: N — units coded by both coders; a_u, b_u — their categories for
 * unit u; N_a,c, N_b,c — how often each coder used category c. Chance
 * agreement uses each coder's own marginal distribution (Cohen), not a pooled
 * one (Scott's π) and not the union-of-coded-characters arithmetic QualCoder
 * calls kappa (QUAL-ANCHORS.md §1.1).
 *
 * Edge cases: units where either coder is missing are skipped. Returns null
 * when N = 0; `kappa` is null when p_e = 1. Throws (a bug) unless every unit
 * has exactly two ratings.
 *
 * @see Cohen, J. (1960). A coefficient of agreement for nominal scales.
 *   Educational and Psychological Measurement 20(1), 37–46.
 * @see Fleiss, J. L., Levin, B. & Paik, M. C. (2003). Statistical Methods for
 *   Rates and Proportions, 3rd ed., Wiley, §18.1.
 */
export function cohenKappa(ratings: Ratings): CohenKappa | null {
  if (ratings.length > 0 && checkRectangular(ratings, 'qual/cohen-kappa') !== 2) {
    throw new RangeError('qual/cohen-kappa: Cohen’s kappa needs exactly two coders')
  }
  let n = 0
  let agree = 0
  const marginA = new Map<Category, number>()
  const marginB = new Map<Category, number>()
  for (const [a, b] of ratings) {
    if (a === null || a === undefined || b === null || b === undefined) continue
    n++
    if (a === b) agree++
    marginA.set(a, (marginA.get(a) ?? 0) + 1)
    marginB.set(b, (marginB.get(b) ?? 0) + 1)
  }
  if (n === 0) return null
  let expected = 0
  for (const [c, na] of marginA) expected += (na / n) * ((marginB.get(c) ?? 0) / n)
  const observed = agree / n
  const kappa = expected === 1 ? null : (observed - expected) / (1 - expected)
  return { kappa, observed, expected, units: n }
}
