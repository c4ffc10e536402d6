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
 * once per distinct c). For an ego of up to 128 alters the common neighbours
 * are counted in a table of the n² pairs, without a branch the processor
 * must guess: each alter adds one to every pair of its neighbours, Σ deg²/2
 * steps, then one pass over the pairs. A larger ego is walked two steps from
 * each alter, O(Σ deg²), so it needs no n² table.
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
  const shared = n <= maxTableAlters ? countByTable(g, hist) : commonNeighbourCounts(g, hist)
  // h_c / (1 + c) in increasing c: the same sum whichever way pairs were met.
  let fractions = 0
  for (let c = 1; c < n; c++) if (hist[c]! > 0) fractions += hist[c]! / (1 + c)
  return openPairCount(g) - shared + fractions
}

/** Largest ego whose pairs are counted in a table (128² counts: 64 KB). */
const maxTableAlters = 128
/** Marks a tied or unknown pair: counting up from it stays below zero. */
const CLOSED = -(1 << 30)
/** The pair table, zero between calls; reused, since egos come one after another. */
const table = new Int32Array(maxTableAlters * maxTableAlters)

/**
 * `commonNeighbourCounts` by a table: entry lo·n + hi counts the common
 * neighbours of alters lo < hi. Tied and unknown pairs are marked CLOSED
 * first, so they land in hist[0] with the open pairs that have none.
 */
function countByTable(g: EgoGraph, hist: number[]): number {
  const n = g.n
  const { start, neighbours } = g
  const pairs = table
  setKnownPairs(g, CLOSED)
  for (let m = 0; m < n; m++) {
    const end = start[m + 1]!
    for (let x = start[m]!; x < end; x++) {
      const j = neighbours[x]!
      for (let y = x + 1; y < end; y++) {
        const k = neighbours[y]!
        pairs[Math.min(j, k) * n + Math.max(j, k)]!++
      }
    }
  }
  // Every pair once (lo < hi), reset as it is read.
  for (let lo = 0; lo < n; lo++) {
    for (let at = lo * n + lo + 1; at < (lo + 1) * n; at++) {
      hist[Math.max(pairs[at]!, 0)]!++
      pairs[at] = 0
    }
  }
  // Entries below the diagonal were only marked CLOSED; clear them too.
  setKnownPairs(g, 0)
  let shared = 0
  for (let c = 1; c < n; c++) shared += hist[c]!
  return shared
}

/** Sets the table entry j·n + k of every tied and unknown pair, both ways round. */
function setKnownPairs(g: EgoGraph, value: number): void {
  const n = g.n
  const { start, neighbours, unknownStart, unknownNeighbours } = g
  for (let j = 0; j < n; j++) {
    const end = start[j + 1]!
    for (let x = start[j]!; x < end; x++) table[j * n + neighbours[x]!] = value
    const unknownEnd = unknownStart[j + 1]!
    for (let x = unknownStart[j]!; x < unknownEnd; x++) table[j * n + unknownNeighbours[x]!] = value
  }
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
