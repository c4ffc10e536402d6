import type { EgoNetwork } from '../network/ego-network.js'
import type { MeasureSpec } from './measure-spec.js'
import { categoryCoding, codeOf, type CategoryCoding } from './alter-categories.js'
import { egoGraph, forClosedPairs, openPairCount, pairCount, type EgoGraph } from './ego-graph.js'

export type Brokerage = {
  /** Open pairs with x_j = x_k = x_ego. */
  readonly coordinator: number | null
  /** Open pairs with x_j = x_k ≠ x_ego. */
  readonly itinerant: number | null
  /** Open pairs where exactly one of x_j, x_k equals x_ego. */
  readonly gatekeeperRepresentative: number | null
  /** Open pairs with x_j, x_k and x_ego all different. */
  readonly liaison: number | null
  /** All open pairs. */
  readonly total: number
}

/**
 * Gould–Fernandez brokerage roles of the ego between pairs of its alters
 * that are known not to be tied (open pairs), by an attribute grouping alters
 * and ego. With undirected survey data the gatekeeper and representative roles
 * cannot be told apart and are counted together.
 *
 *   coordinator    x_j = x_k = x_ego            (sna w_I / 2)
 *   itinerant      x_j = x_k ≠ x_ego            (sna w_O / 2)
 *   gatekeeper_representative  exactly one of x_j, x_k = x_ego  ((b_IO + b_OI) / 2)
 *   liaison        x_j ≠ x_k, both ≠ x_ego      (sna b_O / 2)
 *   total          all open pairs: n(n−1)/2 − t − u   (sna t / 2)
 *
 * Pairs of unknown state (u) are not open. Pairs with a missing alter value
 * count in `total` only, so the roles may sum to less than the total. When the
 * ego's own value is missing the roles are undefined (null).
 *
 * Counted from category sizes (all pairs of each kind) minus the tied and
 * unknown pairs of each kind, so the cost is O(n + t) rather than O(n²).
 *
 * @see Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: A formal
 *      approach to brokerage in transaction networks. Sociological Methodology,
 *      19, 89–126. sna `brokerage()` (Butts).
 */
export function brokerage(
  net: EgoNetwork,
  attr: string,
  egoValue: string | null,
  coding: CategoryCoding = categoryCoding(net, attr),
  graph: EgoGraph = egoGraph(net),
): Brokerage {
  return brokerageOf(coding, egoValue, graph)
}

/** `brokerage` of a prepared coding and graph. @internal */
export function brokerageOf(
  coding: CategoryCoding,
  egoValue: string | null,
  g: EgoGraph,
): Brokerage {
  const total = openPairCount(g)
  if (egoValue === null) {
    return {
      coordinator: null,
      itinerant: null,
      gatekeeperRepresentative: null,
      liaison: null,
      total,
    }
  }
  const egoCode = codeOf(coding, egoValue)
  const same = egoCode < 0 ? 0 : coding.counts[egoCode]!
  const otherTotal = coding.present - same
  let itinerant = 0
  coding.counts.forEach((m, code) => {
    if (code !== egoCode) itinerant += pairCount(m)
  })
  let coordinator = pairCount(same)
  let gatekeeperRepresentative = same * otherTotal
  let liaison = pairCount(otherTotal) - itinerant

  const codes = coding.codes
  // Tied pairs and pairs of unknown state are not open.
  forClosedPairs(g, (i, j) => {
    const a = codes[i]!
    const b = codes[j]!
    if (a < 0 || b < 0) return
    const aSame = a === egoCode
    const bSame = b === egoCode
    if (aSame && bSame) coordinator--
    else if (aSame || bSame) gatekeeperRepresentative--
    else if (a === b) itinerant--
    else liaison--
  })
  return { coordinator, itinerant, gatekeeperRepresentative, liaison, total }
}

const brokerageColumns = [
  'brokerage_coordinator',
  'brokerage_itinerant',
  'brokerage_gatekeeper_representative',
  'brokerage_liaison',
  'brokerage_total',
] as const

export const brokerageSpec: MeasureSpec = {
  id: 'brokerage',
  label: 'Gould–Fernandez brokerage',
  columnPattern: 'brokerage_{coordinator,itinerant,gatekeeper_representative,liaison,total}',
  formula:
    'open pairs by group: coordinator x_j = x_k = x_ego; itinerant x_j = x_k ≠ x_ego; gatekeeper_representative one shares x_ego; liaison all differ; total all open pairs',
  undefinedWhen: "roles: the ego's value is missing; total: –",
  citation: 'Gould & Fernandez (1989), Sociological Methodology 19; sna brokerage',
  columns: () => brokerageColumns,
  compute: (ctx, facts) => {
    const first = ctx.attributes[0]
    // Without an attribute the roles are undefined; the open pairs are not.
    if (first === undefined) return [null, null, null, null, openPairCount(facts.graph)]
    const b = brokerageOf(facts.codings[0]!, facts.egoValue, facts.graph)
    return [b.coordinator, b.itinerant, b.gatekeeperRepresentative, b.liaison, b.total]
  },
}
