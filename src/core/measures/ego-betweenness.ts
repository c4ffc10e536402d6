import type { EgoNetwork } from '../network/ego-network.js'
import type { MeasureSpec } from './measure-spec.js'
import { egoGraph, openPairCount, zeros, type EgoGraph } from './ego-graph.js'

/**
 * Ego betweenness: the ego's share of the shortest paths between its alters.
 * Only open pairs (known "no tie") have a path through the ego; a pair with c
 * common alter neighbours has c + 1 geodesics of length 2, one through ego.
 *
 *   ego_betweenness = Σ_{open pairs {j,k}} 1 / (1 + c_jk)
 *
 * Pairs of unknown state are left out. 0 when n < 2. Equals igraph's
 * betweenness of the ego in G_e when no pair is unknown.
 *
 * Computed as (open pairs) − (open pairs with c_jk > 0) + Σ_c h_c / (1 + c),
 * where h_c counts the open pairs with c common neighbours. Summing by c
 * makes the result independent of the order pairs are met in (and rounds
 * once per distinct c). The pairs with common neighbours are found through
 * two-step walks, so the cost is O(Σ deg²), not O(n²).
 *
 * @see Everett, M. & Borgatti, S. P. (2005). Ego network betweenness. Social
 *      Networks, 27(1), 31–38. UCINET "EgoBetween".
 */
export function egoBetweenness(net: EgoNetwork, graph: EgoGraph = egoGraph(net)): number {
  return egoBetweennessOf(graph)
}

/** `egoBetweenness` of a prepared graph. @internal */
export function egoBetweennessOf(g: EgoGraph): number {
  const n = g.n
  if (n < 2) return 0
  const hist = zeros(n)
  const shared = commonNeighbourCounts(g, hist)
  // h_c / (1 + c) in increasing c: the same sum whichever way pairs were met.
  let fractions = 0
  for (let c = 1; c < n; c++) if (hist[c]! > 0) fractions += hist[c]! / (1 + c)
  return openPairCount(g) - shared + fractions
}

/**
 * Finds the open pairs with common neighbours by two-step walks j → m → k
 * (k > j) from each alter j. Adds h_c to `hist` and returns the number of
 * such pairs.
 */
function commonNeighbourCounts(g: EgoGraph, hist: number[]): number {
  const n = g.n
  const { start, neighbours, unknownStart, unknownNeighbours } = g
  let shared = 0
  const common = zeros(n)
  const closed = zeros(n) // == j + 1 when k is tied to j or unknown with j
  const touched = zeros(n) // the k met for this j
  for (let j = 0; j < n; j++) {
    const mark = j + 1
    const first = start[j]!
    const last = start[j + 1]!
    for (let x = first; x < last; x++) closed[neighbours[x]!] = mark
    const unknownEnd = unknownStart[j + 1]!
    for (let x = unknownStart[j]!; x < unknownEnd; x++) closed[unknownNeighbours[x]!] = mark
    let met = 0
    for (let x = first; x < last; x++) {
      const m = neighbours[x]!
      const end = start[m + 1]!
      for (let y = start[m]!; y < end; y++) {
        const k = neighbours[y]!
        if (k <= j) continue
        if (common[k] === 0) touched[met++] = k
        common[k]!++
      }
    }
    for (let t = 0; t < met; t++) {
      const k = touched[t]!
      if (closed[k] !== mark) {
        shared++
        hist[common[k]!]!++
      }
      common[k] = 0
    }
  }
  return shared
}

export const egoBetweennessSpec: MeasureSpec = {
  id: 'ego_betweenness',
  label: 'Ego betweenness',
  columnPattern: 'ego_betweenness',
  formula: 'Σ over open pairs {j,k} of 1 / (1 + alters adjacent to both); unknown pairs left out',
  undefinedWhen: '– (0 when n < 2)',
  citation: 'Everett & Borgatti (2005), Social Networks 27(1); UCINET EgoBetween',
  columns: () => ['ego_betweenness'],
  compute: (_ctx, facts, row, at) => {
    row[at] = egoBetweennessOf(facts.graph)
  },
}
