import type { EgoNetwork } from '../network/ego-network.js'
import type { MeasureSpec } from './measure-spec.js'
import { categoryCoding, type CategoryCoding } from './alter-categories.js'
import { egoGraph, forClosedPairs, pairCount, type EgoGraph } from './ego-graph.js'

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
  coding: CategoryCoding = categoryCoding(net, attr),
  graph: EgoGraph = egoGraph(net),
): number {
  return bridgingPairsOf(coding, a, b, graph)
}

/** `bridgingPairs` of a prepared coding and graph. @internal */
export function bridgingPairsOf(
  coding: CategoryCoding,
  a: ReadonlySet<string>,
  b: ReadonlySet<string>,
  graph: EgoGraph,
): number {
  // Which side(s) each category code is on, then counts by side.
  const inA = coding.levels.map((level) => a.has(level))
  const inB = coding.levels.map((level) => b.has(level))
  let onlyA = 0
  let onlyB = 0
  let both = 0
  coding.counts.forEach((m, code) => {
    if (inA[code] === true && inB[code] === true) both += m
    else if (inA[code] === true) onlyA += m
    else if (inB[code] === true) onlyB += m
  })
  let count = onlyA * onlyB + onlyA * both + onlyB * both + pairCount(both)
  const codes = coding.codes
  // Tied pairs and pairs of unknown state are not open.
  forClosedPairs(graph, (i, j) => {
    const x = codes[i]!
    const y = codes[j]!
    if (x < 0 || y < 0) return
    if ((inA[x] === true && inB[y] === true) || (inA[y] === true && inB[x] === true)) count--
  })
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
  compute: (ctx, facts) => {
    const first = ctx.attributes[0]
    return first === undefined
      ? [null]
      : [bridgingPairsOf(facts.codings[0]!, facts.bridgeA, facts.bridgeB, facts.graph)]
  },
}
