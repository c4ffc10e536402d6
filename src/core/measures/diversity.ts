import type { EgoNetwork } from '../network/ego-network.js'
import type { MeasureSpec } from './measure-spec.js'
import { alterCategories, categoryCounts } from './alter-categories.js'

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
  categories: readonly (string | null)[] = alterCategories(net, attr),
): number {
  return categoryCounts(categories).counts.size
}

export const diversitySpec: MeasureSpec = {
  id: 'diversity',
  label: 'Diversity (categories present)',
  columnPattern: 'diversity_<attr>',
  formula: 'number of distinct non-missing categories among alters',
  undefinedWhen: '–',
  citation: 'egor alts_diversity_count',
  columns: (ctx) => ctx.attributes.map((a) => `diversity_${a.name}`),
  compute: (net, ctx, facts) =>
    ctx.attributes.map((a, i) => diversity(net, a.name, facts.categories[i])),
}
