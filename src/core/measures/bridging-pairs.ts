import type { EgoNetwork } from '../network/ego-network.js'
import type { MeasureSpec } from './measure-spec.js'
import { categoryCoding, type CategoryCoding } from './alter-categories.js'
import { closedPairCounts } from './closed-pair-counts.js'
import { egoGraph, pairCount, type EgoGraph } from './ego-graph.js'

/**
 * Bridging pairs: open alter pairs (known "no tie") with one alter in group
 * set A and the other in group set B — pairs the ego bridges. spnet's default
 * puts primary care in A and VCSE and local authority in B: the link worker
 * as the bridge between primary care and the community.
 *
 *   bridging_pairs = |{ open {j,k} : (x_j ∈ A ∧ x_k ∈ B) ∨ (x_k ∈ A ∧ x_j ∈ B) }|
 *
 * Counted as all such pairs, from the sizes of A∖B, B∖A and A∩B, minus the
 * tied and unknown ones (`closedPairCounts`). 0 when there are none.
 *
 * @see Burt, R. S. (2005). Brokerage and Closure. Oxford University Press
 *      (brokerage across structural holes); spnet's definition.
 */
export function bridgingPairs(
  net: EgoNetwork,
  attr: string,
  a: ReadonlySet<string>,
  b: ReadonlySet<string>,
  coding: CategoryCoding = categoryCoding(net, attr),
  graph: EgoGraph = egoGraph(net),
): number {
  return bridgingPairsOf(coding, a, b, closedPairCounts(coding, graph))
}

/** `bridgingPairs` of a prepared coding and its `closedPairCounts`. @internal */
export function bridgingPairsOf(
  coding: CategoryCoding,
  a: ReadonlySet<string>,
  b: ReadonlySet<string>,
  closed: readonly number[],
): number {
  // Which side(s) each category code is on, then counts by side.
  const levels = coding.levels
  const size = levels.length
  const inA = new Array<boolean>(size)
  const inB = new Array<boolean>(size)
  let onlyA = 0
  let onlyB = 0
  let both = 0
  for (let code = 0; code < size; code++) {
    const level = levels[code]!
    const m = coding.counts[code]!
    inA[code] = a.has(level)
    inB[code] = b.has(level)
    if (inA[code] && inB[code]) both += m
    else if (inA[code]) onlyA += m
    else if (inB[code]) onlyB += m
  }
  let count = onlyA * onlyB + onlyA * both + onlyB * both + pairCount(both)
  // Tied pairs and pairs of unknown state are not open.
  for (let x = 0; x < size; x++) {
    for (let y = x; y < size; y++) {
      if ((inA[x]! && inB[y]!) || (inA[y]! && inB[x]!)) count -= closed[x * size + y]!
    }
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
  columns: () => ['bridging_pairs'],
  compute: (ctx, facts, row, at) => {
    row[at] =
      ctx.attributes.length === 0
        ? null
        : bridgingPairsOf(facts.codings[0]!, facts.bridgeA, facts.bridgeB, facts.closedPairs!)
  },
}
