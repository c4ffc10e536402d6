import type { EgoNetwork } from '../network/ego-network.js'
import type { MeasureSpec } from './measure-spec.js'
import { categoryCoding, codeOf, type CategoryCoding } from './alter-categories.js'
import { closedPairCounts } from './closed-pair-counts.js'
import { egoGraph, openPairCount, pairCount, type EgoGraph } from './ego-graph.js'

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
 * unknown pairs of each kind (`closedPairCounts`), so the cost is O(n + t)
 * rather than O(n²).
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
  return brokerageOf(coding, egoValue, graph, closedPairCounts(coding, graph))
}

/** `brokerage` of a prepared coding, graph and `closedPairCounts`. @internal */
export function brokerageOf(
  coding: CategoryCoding,
  egoValue: string | null,
  g: EgoGraph,
  closed: readonly number[],
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
  const size = coding.levels.length
  let itinerant = 0
  for (let code = 0; code < size; code++) {
    if (code !== egoCode) itinerant += pairCount(coding.counts[code]!)
  }
  let coordinator = pairCount(same)
  let gatekeeperRepresentative = same * otherTotal
  let liaison = pairCount(otherTotal) - itinerant

  // Tied pairs and pairs of unknown state are not open.
  for (let x = 0; x < size; x++) {
    for (let y = x; y < size; y++) {
      const c = closed[x * size + y]!
      if (c === 0) continue
      const xSame = x === egoCode
      const ySame = y === egoCode
      if (xSame && ySame) coordinator -= c
      else if (xSame || ySame) gatekeeperRepresentative -= c
      else if (x === y) itinerant -= c
      else liaison -= c
    }
  }
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
  compute: (ctx, facts, row, at) => {
    // Without an attribute the roles are undefined; the open pairs are not.
    if (ctx.attributes.length === 0) {
      row[at] = row[at + 1] = row[at + 2] = row[at + 3] = null
      row[at + 4] = openPairCount(facts.graph)
      return
    }
    const b = brokerageOf(facts.codings[0]!, facts.egoValue, facts.graph, facts.closedPairs!)
    row[at] = b.coordinator
    row[at + 1] = b.itinerant
    row[at + 2] = b.gatekeeperRepresentative
    row[at + 3] = b.liaison
    row[at + 4] = b.total
  },
}
