import type { EgoNetwork } from '../network/ego-network.js'
import type { MeasureSpec } from './measure-spec.js'
import { constraintContributions } from './constraint.js'
import { egoGraph, type EgoGraph } from './ego-graph.js'

/**
 * Burt's hierarchy: how far the ego's constraint is concentrated in one alter.
 *
 *   H = Σ_j r_j ln r_j / (n ln n),   r_j = c_j / (C / n)
 *
 * c_j are the dyadic constraints of `constraint`, C their sum. H is 0 when all
 * c_j are equal (returned as exactly 0, not ±1e-17 rounding noise: c_j within
 * 1e-12 relative of each other count as equal) and
 * approaches 1 when one alter holds all the constraint.
 * Undefined (null) when n ≤ 1.
 *
 * @see Burt, R. S. (1992). Structural Holes, p. 71. UCINET "Hierarchy".
 */
export function hierarchy(net: EgoNetwork, graph: EgoGraph = egoGraph(net)): number | null {
  return hierarchyOf(constraintContributions(graph))
}

/** H from the dyadic constraints c_j (`constraintContributions`). @internal */
export function hierarchyOf(c: readonly number[] | null): number | null {
  const n = c?.length ?? 0
  if (c === null || n <= 1) return null
  let total = 0
  let min = Infinity
  let max = -Infinity
  for (const value of c) {
    total += value
    if (value < min) min = value
    if (value > max) max = value
  }
  // Equal in exact arithmetic but summed in another order, c_j can differ in
  // the last bits; H is then ~1e-17 noise of either sign, not a measurement.
  if (max - min <= 1e-12 * max) return 0
  const mean = total / n
  let sum = 0
  for (const value of c) {
    const r = value / mean
    sum += r * Math.log(r)
  }
  return sum / (n * Math.log(n))
}

export const hierarchySpec: MeasureSpec = {
  id: 'hierarchy',
  label: "Burt's hierarchy",
  columnPattern: 'hierarchy',
  formula: 'Σ_j r_j ln r_j / (n ln n), r_j = c_ej / (C/n); 0 when all c_ej are equal',
  undefinedWhen: 'n ≤ 1',
  citation: 'Burt (1992), Structural Holes p. 71; UCINET Hierarchy',
  columns: () => ['hierarchy'],
  compute: (_ctx, facts, row, at) => {
    row[at] = hierarchyOf(facts.constraints)
  },
}
