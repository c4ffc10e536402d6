import type { EgoNetwork } from '../network/ego-network.js'
import type { MeasureSpec } from './measure-spec.js'
import { alterCategories } from './alter-categories.js'
import { pairCount } from './ego-graph.js'

/**
 * Bridging pairs: open alter pairs (known "no tie") with one alter in group
 * set A and the other in group set B — pairs the ego bridges. spnet's default
 * puts primary care in A and VCSE and local authority in B: the link worker
 * as the bridge between primary care and the community.
 *
 *   bridging_pairs = |{ open {j,k} : (x_j ∈ A ∧ x_k ∈ B) ∨ (x_k ∈ A ∧ x_j ∈ B) }|
 *
 * Counted as all such pairs, from the sizes of A∖B, B∖A and A∩B, minus the
 * tied and unknown ones. 0 when there are none.
 *
 * @see Burt, R. S. (2005). Brokerage and Closure. Oxford University Press
 *      (brokerage across structural holes); spnet's definition.
 */
export function bridgingPairs(
  net: EgoNetwork,
  attr: string,
  a: ReadonlySet<string>,
  b: ReadonlySet<string>,
  categories: readonly (string | null)[] = alterCategories(net, attr),
): number {
  let onlyA = 0
  let onlyB = 0
  let both = 0
  for (const c of categories) {
    if (c === null) continue
    const inA = a.has(c)
    const inB = b.has(c)
    if (inA && inB) both++
    else if (inA) onlyA++
    else if (inB) onlyB++
  }
  let count = onlyA * onlyB + onlyA * both + onlyB * both + pairCount(both)
  for (const tie of net.ties) {
    if (tie.state === 'no') continue
    const x = categories[tie.from] ?? null
    const y = categories[tie.to] ?? null
    if (x === null || y === null) continue
    if ((a.has(x) && b.has(y)) || (a.has(y) && b.has(x))) count--
  }
  return count
}

export const bridgingPairsSpec: MeasureSpec = {
  id: 'bridging_pairs',
  label: 'Bridging pairs',
  columnPattern: 'bridging_pairs',
  formula:
    'open pairs with one alter in group set A and the other in B (default A = primary_care, B = vcse, local_authority)',
  undefinedWhen: '–',
  citation: 'spnet; after Burt (2005), Brokerage and Closure',
  columns: (ctx) => (ctx.attributes.length === 0 || ctx.bridge === null ? [] : ['bridging_pairs']),
  compute: (net, ctx, facts) => {
    const first = ctx.attributes[0]
    return first === undefined || ctx.bridge === null
      ? []
      : [bridgingPairs(net, first.name, facts.bridgeA, facts.bridgeB, facts.categories[0])]
  },
}
