import type { EgoNetwork } from '../network/ego-network.js'
import type { MeasureSpec } from './measure-spec.js'
import { degreeOf, egoGraph, type EgoGraph } from './ego-graph.js'

/**
 * Isolates: alters with no alter–alter tie (they are tied to the ego only).
 *
 *   isolates = |{ j : deg(j) = 0 }|, deg counted over `yes` ties
 *
 * @see Wasserman & Faust (1994) §4.2.
 */
export function isolateCount(net: EgoNetwork, graph: EgoGraph = egoGraph(net)): number {
  return isolateCountOf(graph)
}

/** `isolateCount` of a prepared graph. @internal */
export function isolateCountOf(g: EgoGraph): number {
  let isolates = 0
  for (let i = 0; i < g.n; i++) if (degreeOf(g, i) === 0) isolates++
  return isolates
}

export const isolateCountSpec: MeasureSpec = {
  id: 'isolates',
  label: 'Isolates',
  columnPattern: 'isolates',
  formula: 'alters with no alter–alter tie',
  undefinedWhen: '–',
  citation: 'Wasserman & Faust (1994) §4.2',
  columns: () => ['isolates'],
  compute: (_ctx, facts, row, at) => {
    row[at] = isolateCountOf(facts.graph)
  },
}
