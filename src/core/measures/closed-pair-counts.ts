import type { CategoryCoding } from './alter-categories.js'
import { zeros, type EgoGraph } from './ego-graph.js'

/**
 * The pairs of alters that are not open (each `yes` tie and each pair of
 * unknown state) counted by the categories of their two alters: entry
 * x·L + y, x ≤ y, counts the closed pairs with one alter of code x and the
 * other of code y (L = the coding's levels). Pairs with a missing value are
 * not counted. Brokerage and bridging count all pairs of a kind from the
 * category sizes and subtract these, so each needs only O(L²) once this
 * O(t + u) pass has been made, and it is made once per ego.
 * @internal
 */
export function closedPairCounts(coding: CategoryCoding, graph: EgoGraph): number[] {
  const size = coding.levels.length
  const counts = zeros(size * size)
  const codes = coding.codes
  countPairs(graph.n, graph.start, graph.neighbours, codes, size, counts)
  countPairs(graph.n, graph.unknownStart, graph.unknownNeighbours, codes, size, counts)
  return counts
}

function countPairs(
  n: number,
  start: readonly number[],
  neighbours: readonly number[],
  codes: readonly number[],
  size: number,
  counts: number[],
): void {
  for (let i = 0; i < n; i++) {
    const x = codes[i]!
    if (x < 0) continue
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const j = neighbours[k]!
      const y = codes[j]!
      if (j <= i || y < 0) continue
      counts[x <= y ? x * size + y : y * size + x]!++
    }
  }
}
