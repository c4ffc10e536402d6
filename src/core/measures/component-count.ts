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
  const n = g.n
  const { start, neighbours } = g
  const parent = new Array<number>(n)
  for (let i = 0; i < n; i++) parent[i] = i
  let components = n
  for (let i = 0; i < n; i++) {
    const end = start[i + 1]!
    for (let k = start[i]!; k < end; k++) {
      const j = neighbours[k]!
      if (j < i) continue
      // find(i) and find(j), with path halving, written out: a call per
      // tie costs more than the work (the measures run without inlining).
      let a = i
      while (parent[a] !== a) {
        parent[a] = parent[parent[a]!]!
        a = parent[a]!
      }
      let b = j
      while (parent[b] !== b) {
        parent[b] = parent[parent[b]!]!
        b = parent[b]!
      }
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
