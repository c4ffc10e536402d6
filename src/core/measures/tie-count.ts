import type { EgoNetwork } from '../network/ego-network.js'
import type { MeasureSpec } from './measure-spec.js'
import { egoGraph, type EgoGraph } from './ego-graph.js'

/**
 * Number of alter–alter ties: pairs whose state is `yes`.
 *
 *   ties = t
 *
 * `no`, `dont_know` and `not_asked` pairs are not ties.
 */
export function tieCount(net: EgoNetwork, graph: EgoGraph = egoGraph(net)): number {
  return graph.ties
}

export const tieCountSpec: MeasureSpec = {
  id: 'ties',
  label: 'Alter–alter ties',
  columnPattern: 'ties',
  formula: 't = pairs of alters whose state is yes',
  undefinedWhen: '–',
  citation: 'Wasserman & Faust (1994), Social Network Analysis §4.2',
  columns: () => ['ties'],
  compute: (_ctx, facts, row, at) => {
    row[at] = facts.graph.ties
  },
}
