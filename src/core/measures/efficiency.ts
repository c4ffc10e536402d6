import type { EgoNetwork } from '../network/ego-network.js'
import type { MeasureSpec } from './measure-spec.js'
import { egoGraph, type EgoGraph } from './ego-graph.js'
import { effectiveSizeOf } from './effective-size.js'

/**
 * Burt's efficiency: effective size per alter.
 *
 *   efficiency = effective_size / n = 1 − 2t / n²
 *
 * Undefined (null) when n = 0.
 *
 * @see Burt (1992), Structural Holes; UCINET "Efficiency"; networkx
 *      `effective_size(G)[v] / G.degree(v)` on G_e.
 */
export function efficiency(net: EgoNetwork, graph: EgoGraph = egoGraph(net)): number | null {
  return efficiencyOf(graph)
}

/** `efficiency` of a prepared graph. @internal */
export function efficiencyOf(graph: EgoGraph): number | null {
  const size = effectiveSizeOf(graph)
  return size === null ? null : size / graph.n
}

export const efficiencySpec: MeasureSpec = {
  id: 'efficiency',
  label: 'Efficiency',
  columnPattern: 'efficiency',
  formula: 'effective_size / n',
  undefinedWhen: 'n = 0',
  citation: 'Burt (1992), Structural Holes; UCINET Efficiency',
  columns: () => ['efficiency'],
  compute: (_ctx, facts, row, at) => {
    row[at] = efficiencyOf(facts.graph)
  },
}
