import type { EgoNetwork } from '../network/ego-network.js'
import type { MeasureSpec } from './measure-spec.js'
import { egoGraph, pairCount, type EgoGraph } from './ego-graph.js'

/**
 * Density of the alter–alter network, ego excluded, over the pairs whose
 * state is known.
 *
 *   density = t / (n(n−1)/2 − u)
 *
 * t = `yes` ties; u = pairs marked `dont_know` or `not_asked`, which are left
 * out of the denominator rather than read as "no tie".
 * Undefined (null) when n < 2 or no pair has a known state. (egor returns NaN
 * for n < 2; spnet returns null.)
 *
 * @see Wasserman, S. & Faust, K. (1994). Social Network Analysis. Cambridge
 *      University Press, §4.2. egor `ego_density`.
 */
export function density(net: EgoNetwork, graph: EgoGraph = egoGraph(net)): number | null {
  return densityOf(graph)
}

/** `density` of a prepared graph. @internal */
export function densityOf(g: EgoGraph): number | null {
  const known = pairCount(g.n) - g.unknown
  if (g.n < 2 || known <= 0) return null
  return g.ties / known
}

export const densitySpec: MeasureSpec = {
  id: 'density',
  label: 'Density',
  columnPattern: 'density',
  formula: 't / (n(n−1)/2 − pairs marked dont_know or not_asked)',
  undefinedWhen: 'n < 2, or no pair of known state',
  citation: 'Wasserman & Faust (1994) §4.2; egor ego_density',
  columns: () => ['density'],
  compute: (_ctx, facts, row, at) => {
    row[at] = densityOf(facts.graph)
  },
}
