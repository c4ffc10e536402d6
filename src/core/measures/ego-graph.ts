import type { EgoNetwork } from '../network/ego-network.js'
import { tieStateOrder } from '../network/study-columns.js'

/**
 * The alter–alter structure of one ego network in compressed sparse rows,
 * built once per ego by `computeMeasures` and passed to every structural
 * measure (each measure builds its own when called alone). Memory is
 * proportional to n + ties (no n×n matrix), so one very large ego cannot
 * blow up memory. Plain arrays, not typed arrays: for the small networks of
 * ego studies V8 allocates them far faster than ArrayBuffers.
 *
 * `yes` ties are the ties; `dont_know` and `not_asked` pairs are "unknown";
 * every other pair, listed as `no` or not listed, is open.
 * @internal
 */
export type EgoGraph = {
  /** Number of alters. */
  readonly n: number
  /** Number of `yes` ties (t). */
  readonly ties: number
  /** Number of pairs of unknown state. */
  readonly unknown: number
  /** `yes` neighbours of alter i: neighbours[start[i] .. start[i+1]). */
  readonly start: readonly number[]
  readonly neighbours: readonly number[]
  /** Unknown-state partners of alter i, laid out the same way. */
  readonly unknownStart: readonly number[]
  readonly unknownNeighbours: readonly number[]
}

/** The structure of `net`. */
export function egoGraph(net: EgoNetwork): EgoGraph {
  const ties = net.ties
  const from = new Int32Array(ties.length)
  const to = new Int32Array(ties.length)
  const state = new Uint8Array(ties.length)
  for (let t = 0; t < ties.length; t++) {
    from[t] = ties[t]!.from
    to[t] = ties[t]!.to
    state[t] = tieStateOrder.indexOf(ties[t]!.state)
  }
  return egoGraphOf(net.alters.length, from, to, state, 0, ties.length)
}

/**
 * The structure of an ego of n alters whose ties are rows `first .. last`
 * of tie columns (endpoints, and states coded as in `tieStateOrder`), in
 * the order `EgoNetwork.ties` lists them.
 */
export function egoGraphOf(
  n: number,
  from: Int32Array,
  to: Int32Array,
  state: Uint8Array,
  first: number,
  last: number,
): EgoGraph {
  const degree = zeros(n)
  const unknownDegree = zeros(n)
  let ties = 0
  let unknown = 0
  for (let t = first; t < last; t++) {
    const s = state[t]!
    if (s === YES) {
      ties++
      degree[from[t]!]!++
      degree[to[t]!]!++
    } else if (s !== NO) {
      unknown++
      unknownDegree[from[t]!]!++
      unknownDegree[to[t]!]!++
    }
  }
  const start = offsets(degree)
  const unknownStart = offsets(unknownDegree)
  const neighbours = zeros(2 * ties)
  const unknownNeighbours = zeros(2 * unknown)
  const fill = start.slice(0, n)
  const unknownFill = unknownStart.slice(0, n)
  for (let t = first; t < last; t++) {
    const s = state[t]!
    const a = from[t]!
    const b = to[t]!
    if (s === YES) {
      neighbours[fill[a]!++] = b
      neighbours[fill[b]!++] = a
    } else if (s !== NO) {
      unknownNeighbours[unknownFill[a]!++] = b
      unknownNeighbours[unknownFill[b]!++] = a
    }
  }
  return { n, ties, unknown, start, neighbours, unknownStart, unknownNeighbours }
}
const YES = tieStateOrder.indexOf('yes')
const NO = tieStateOrder.indexOf('no')

/** An array of n zeros (small integers, which V8 stores unboxed). */
export function zeros(n: number): number[] {
  const a = new Array<number>(n)
  for (let i = 0; i < n; i++) a[i] = 0
  return a
}

function offsets(degree: readonly number[]): number[] {
  const start = zeros(degree.length + 1)
  for (let i = 0; i < degree.length; i++) start[i + 1] = start[i]! + degree[i]!
  return start
}

/** Number of unordered alter pairs, n(n−1)/2 (+0, not −0, when n = 0). */
export function pairCount(n: number): number {
  return n < 2 ? 0 : (n * (n - 1)) / 2
}

/** Pairs known to be "no tie": all pairs minus ties minus unknown pairs. */
export function openPairCount(graph: EgoGraph): number {
  return pairCount(graph.n) - graph.ties - graph.unknown
}

/** `yes`-degree of alter i. */
export function degreeOf(graph: EgoGraph, i: number): number {
  return graph.start[i + 1]! - graph.start[i]!
}
