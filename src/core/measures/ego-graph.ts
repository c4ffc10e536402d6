import type { EgoNetwork } from '../network/ego-network.js'

/**
 * The alter–alter structure of one ego network in compressed sparse rows,
 * built once per network and shared by the structural measures. Memory is
 * proportional to n + ties (no n×n matrix), so one very large ego cannot
 * blow up memory.
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
  readonly start: Int32Array
  readonly neighbours: Int32Array
  /** Unknown-state partners of alter i, laid out the same way. */
  readonly unknownStart: Int32Array
  readonly unknownNeighbours: Int32Array
}

const cache = new WeakMap<EgoNetwork, EgoGraph>()

/** The (memoised) structure of `net`. */
export function egoGraph(net: EgoNetwork): EgoGraph {
  let graph = cache.get(net)
  if (graph === undefined) {
    graph = buildEgoGraph(net)
    cache.set(net, graph)
  }
  return graph
}

function buildEgoGraph(net: EgoNetwork): EgoGraph {
  const n = net.alters.length
  const degree = new Int32Array(n)
  const unknownDegree = new Int32Array(n)
  let ties = 0
  let unknown = 0
  for (const tie of net.ties) {
    if (tie.state === 'yes') {
      ties++
      degree[tie.from]!++
      degree[tie.to]!++
    } else if (tie.state !== 'no') {
      unknown++
      unknownDegree[tie.from]!++
      unknownDegree[tie.to]!++
    }
  }
  const start = offsets(degree)
  const unknownStart = offsets(unknownDegree)
  const neighbours = new Int32Array(2 * ties)
  const unknownNeighbours = new Int32Array(2 * unknown)
  const fill = start.slice(0, n)
  const unknownFill = unknownStart.slice(0, n)
  for (const tie of net.ties) {
    if (tie.state === 'yes') {
      neighbours[fill[tie.from]!++] = tie.to
      neighbours[fill[tie.to]!++] = tie.from
    } else if (tie.state !== 'no') {
      unknownNeighbours[unknownFill[tie.from]!++] = tie.to
      unknownNeighbours[unknownFill[tie.to]!++] = tie.from
    }
  }
  return { n, ties, unknown, start, neighbours, unknownStart, unknownNeighbours }
}

function offsets(degree: Int32Array): Int32Array {
  const start = new Int32Array(degree.length + 1)
  for (let i = 0; i < degree.length; i++) start[i + 1] = start[i]! + degree[i]!
  return start
}

/** Number of unordered alter pairs, n(n−1)/2. */
export function pairCount(n: number): number {
  return (n * (n - 1)) / 2
}

/** Pairs known to be "no tie": all pairs minus ties minus unknown pairs. */
export function openPairCount(graph: EgoGraph): number {
  return pairCount(graph.n) - graph.ties - graph.unknown
}

/** `yes`-degree of alter i. */
export function degreeOf(graph: EgoGraph, i: number): number {
  return graph.start[i + 1]! - graph.start[i]!
}
