import type { EgoNetwork } from '../network/ego-network.js'
import type { MeasureSpec } from './measure-spec.js'
import { categoryCoding, type CategoryCoding } from './alter-categories.js'

/**
 * Diversity: the number of distinct categories among the alters.
 *
 *   diversity_<attr> = |{ x_j : x_j not missing }|
 *
 * 0 when no alter has a value.
 *
 * @see egor `alts_diversity_count()`; Marsden (1987).
 */
export function diversity(
  net: EgoNetwork,
  attr: string,
  coding: CategoryCoding = categoryCoding(net, attr),
): number {
  return diversityOf(coding)
}

/** `diversity` of a prepared coding. @internal */
export function diversityOf(coding: CategoryCoding): number {
  let distinct = 0
  for (const count of coding.counts) if (count > 0) distinct++
  return distinct
}

export const diversitySpec: MeasureSpec = {
  id: 'diversity',
  label: 'Diversity (categories present)',
  columnPattern: 'diversity_<attr>',
  formula: 'number of distinct non-missing categories among alters',
  undefinedWhen: '–',
  citation: 'egor alts_diversity_count',
  columns: (ctx) => ctx.attributes.map((a) => `diversity_${a.name}`),
  compute: (ctx, facts, row, at) => {
    for (let i = 0; i < ctx.attributes.length; i++) row[at + i] = diversityOf(facts.codings[i]!)
  },
}
