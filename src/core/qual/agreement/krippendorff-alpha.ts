import { checkRectangular, presentValues, type Category, type Ratings } from './ratings.js'

export type KrippendorffAlpha = {
  /** α, or null when expected disagreement is 0 (every pairable value is the same category). */
  readonly alpha: number | null
  /** Observed disagreement D_o. */
  readonly observedDisagreement: number
  /** Expected disagreement D_e. */
  readonly expectedDisagreement: number
  /** Pairable values n (values in units with at least two values). */
  readonly pairableValues: number
  /** Units with at least two values. */
  readonly units: number
}

/**
 * Krippendorff's alpha for nominal data: any number of coders, missing values
 * allowed.
 *
 *   α = 1 − D_o / D_e
 *   o_ck = Σ_u (number of c–k pairs of values in u) / (m_u − 1)
 *   D_o = (1/n) Σ_c Σ_{k≠c} o_ck
 *   D_e = (1/(n(n − 1))) Σ_c Σ_{k≠c} n_c n_k
 *
 * Symbols: m_u — values in unit u (units with m_u < 2 are left out: they are
 * not pairable); o_ck — the coincidence matrix, counting ordered pairs of
 * values from different coders in the same unit; n_c = Σ_k o_ck — how often
 * category c was used among pairable values; n = Σ_c n_c.
 *
 * Edge cases: returns null when no unit has two values; `alpha` is null when
 * D_e = 0 (one category only: agreement cannot be told from chance).
 *
 * @see Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability.
 *   Annenberg School for Communication, University of Pennsylvania (§C, the
 *   4 observers × 12 units example: α_nominal = 0.743).
 * @see Hayes, A. F. & Krippendorff, K. (2007). Answering the call for a
 *   standard reliability measure for coding data. Communication Methods and
 *   Measures 1(1), 77–89.
 */
export function krippendorffAlphaNominal(ratings: Ratings): KrippendorffAlpha | null {
  checkRectangular(ratings, 'qual/krippendorff-alpha')
  const nc = new Map<Category, number>()
  let disagreeing = 0 // Σ_c Σ_{k≠c} o_ck
  let units = 0
  for (const unit of ratings) {
    const values = presentValues(unit)
    const m = values.length
    if (m < 2) continue
    units++
    const counts = new Map<Category, number>()
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
    for (const [c, k] of counts) {
      // Each value of category c pairs with the m − 1 others of its unit.
      nc.set(c, (nc.get(c) ?? 0) + k)
      disagreeing += (k * (m - k)) / (m - 1)
    }
  }
  if (units === 0) return null
  let n = 0
  let sumSquares = 0
  for (const count of nc.values()) {
    n += count
    sumSquares += count * count
  }
  const observedDisagreement = disagreeing / n
  const expectedDisagreement = (n * n - sumSquares) / (n * (n - 1))
  const alpha = expectedDisagreement === 0 ? null : 1 - observedDisagreement / expectedDisagreement
  return { alpha, observedDisagreement, expectedDisagreement, pairableValues: n, units }
}
