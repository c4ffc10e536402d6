import type { EgoNetwork } from '../network/ego-network.js'
import type { MeasureSpec } from './measure-spec.js'
import { egoGraph, type EgoGraph } from './ego-graph.js'

/**
 * Connected components of the alter–alter network, ego excluded. An alter
 * with no tie is a component on its own; 0 when there are no alters.
 *
 *   components = number of connected components of (alters, yes ties)
 *
 * Computed by union–find with path halving, O(n + t).
 *
 * @see igraph `components()` (Csárdi & Nepusz 2006); Wasserman & Faust (1994) §4.3.
 */
export function componentCount(net: EgoNetwork, graph: EgoGraph = egoGraph(net)): number {
  return componentCountOf(graph)
}

/** `componentCount` of a prepared graph. @internal */
export function componentCountOf(g: EgoGraph): number {
  const parent = new Array<number>(g.n)
  for (let i = 0; i < g.n; i++) parent[i] = i
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!
      x = parent[x]!
    }
    return x
  }
  let components = g.n
  for (let i = 0; i < g.n; i++) {
    for (let k = g.start[i]!; k < g.start[i + 1]!; k++) {
      const j = g.neighbours[k]!
      if (j < i) continue
      const a = find(i)
      const b = find(j)
      if (a !== b) {
        parent[a] = b
        components--
      }
    }
  }
  return components
}

export const componentCountSpec: MeasureSpec = {
  id: 'components',
  label: 'Components',
  columnPattern: 'components',
  formula: 'connected components among alters, ego excluded; an isolate is one',
  undefinedWhen: '– (0 when n = 0)',
  citation: 'Wasserman & Faust (1994) §4.3; igraph components',
  columns: () => ['components'],
  compute: (_ctx, facts, row, at) => {
    row[at] = componentCountOf(facts.graph)
  },
}
