import type { EgoNetwork } from '../network/ego-network.js'
import type { MeasureSpec } from './measure-spec.js'
import { categoryCoding, type CategoryCoding } from './alter-categories.js'

/**
 * Blau's index of heterogeneity: the chance that two alters drawn at random
 * (with replacement) are in different categories.
 *
 *   blau_<attr> = 1 − Σ_k p_k²,   p_k = n_k / (alters with a value)
 *
 * Undefined (null) when no alter has a value.
 *
 * @see Blau, P. M. (1977). Inequality and Heterogeneity. Free Press. UCINET/E-Net "Blau".
 */
export function blau(
  net: EgoNetwork,
  attr: string,
  coding: CategoryCoding = categoryCoding(net, attr),
): number | null {
  return blauOf(coding)
}

/** `blau` of a prepared coding. @internal */
export function blauOf(coding: CategoryCoding): number | null {
  const { counts, present } = coding
  if (present === 0) return null
  let sumSquares = 0
  for (const count of counts) {
    const p = count / present
    sumSquares += p * p
  }
  return 1 - sumSquares
}

export const blauSpec: MeasureSpec = {
  id: 'blau',
  label: "Blau's heterogeneity",
  columnPattern: 'blau_<attr>',
  formula: '1 − Σ_k p_k²',
  undefinedWhen: 'no alter has a value',
  citation: 'Blau (1977), Inequality and Heterogeneity; UCINET / E-Net',
  columns: (ctx) => ctx.attributes.map((a) => `blau_${a.name}`),
  compute: (ctx, facts, row, at) => {
    for (let i = 0; i < ctx.attributes.length; i++) row[at + i] = blauOf(facts.codings[i]!)
  },
}
