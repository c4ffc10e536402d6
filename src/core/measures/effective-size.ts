import type { EgoNetwork } from '../network/ego-network.js'
import type { MeasureSpec } from './measure-spec.js'
import { egoGraph, type EgoGraph } from './ego-graph.js'

/**
 * Burt's effective size of the ego in its ego network G_e: the number of
 * alters less their average redundancy. For binary undirected ties this is
 * Borgatti's shortcut:
 *
 *   effective_size = n − 2t / n
 *
 * Undefined (null) when n = 0. Only `yes` ties count.
 *
 * @see Burt, R. S. (1992). Structural Holes. Harvard University Press.
 * @see Borgatti, S. P. (1997). Structural holes: Unpacking Burt's redundancy
 *      measures. Connections, 20(1), 35–38. networkx `effective_size`.
 */
export function effectiveSize(net: EgoNetwork, graph: EgoGraph = egoGraph(net)): number | null {
  return effectiveSizeOf(graph)
}

/** `effectiveSize` of a prepared graph. @internal */
export function effectiveSizeOf(g: EgoGraph): number | null {
  if (g.n === 0) return null
  return g.n - (2 * g.ties) / g.n
}

export const effectiveSizeSpec: MeasureSpec = {
  id: 'effective_size',
  label: "Burt's effective size",
  columnPattern: 'effective_size',
  formula: 'n − 2t/n (binary undirected ties)',
  undefinedWhen: 'n = 0',
  citation:
    'Burt (1992), Structural Holes; Borgatti (1997), Connections 20(1); networkx effective_size',
  columns: () => ['effective_size'],
  compute: (_ctx, facts, row, at) => {
    row[at] = effectiveSizeOf(facts.graph)
  },
}
