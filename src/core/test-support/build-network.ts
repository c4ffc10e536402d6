import type {
  Alter,
  AlterTie,
  AttributeValue,
  EgoNetwork,
  TieState,
} from '../network/ego-network.js'
import { alterId, alterIndex, egoId } from '../network/ids.js'

/**
 * Builds small ego networks for tests from a compact description:
 *
 *   network({ alters: ['B', 'E', 'F', 'G'], ties: 'B-G E-G F-G', unknown: 'B-E' })
 *
 * `alters` is a list of ids or a record id → attributes. `ties` are `yes`
 * pairs, `no` explicit no-tie pairs, `unknown` `dont_know` pairs and
 * `notAsked` `not_asked` pairs.
 */
export type NetworkSpec = {
  readonly id?: string
  readonly ego?: Record<string, AttributeValue>
  readonly alters: readonly string[] | Readonly<Record<string, Record<string, AttributeValue>>>
  readonly ties?: string
  readonly no?: string
  readonly unknown?: string
  readonly notAsked?: string
  readonly frequency?: Readonly<Record<string, number | null>>
  readonly generators?: Readonly<Record<string, readonly string[]>>
}

export function network(spec: NetworkSpec): EgoNetwork {
  const entries: [string, Record<string, AttributeValue>][] = Array.isArray(spec.alters)
    ? (spec.alters as readonly string[]).map((id) => [id, {}])
    : Object.entries(spec.alters as Record<string, Record<string, AttributeValue>>)
  const index = new Map(entries.map(([id], i) => [id, i]))
  const alters: Alter[] = entries.map(([id, attributes]) => ({
    id: alterId(id),
    attributes,
    frequency: spec.frequency?.[id] ?? null,
    generators: spec.generators?.[id] ?? [],
  }))
  const ties: AlterTie[] = []
  const add = (pairs: string | undefined, state: TieState) => {
    for (const pair of (pairs ?? '').split(/\s+/).filter(Boolean)) {
      const [a, b] = pair.split('-')
      const from = index.get(a ?? '')
      const to = index.get(b ?? '')
      if (from === undefined || to === undefined) throw new Error(`test network: bad pair ${pair}`)
      ties.push({ from: alterIndex(from), to: alterIndex(to), state, weight: null })
    }
  }
  add(spec.ties, 'yes')
  add(spec.no, 'no')
  add(spec.unknown, 'dont_know')
  add(spec.notAsked, 'not_asked')
  return { ego: { id: egoId(spec.id ?? 'ego'), attributes: spec.ego ?? {} }, alters, ties }
}

/**
 * The ego network of `ego` in a whole undirected graph given as 'A-B A-F ...'
 * (alters are the ego's neighbours, ties the edges among them).
 */
export function egoNetworkOf(edges: string, ego: string): EgoNetwork {
  const pairs = edges
    .split(/\s+/)
    .filter(Boolean)
    .map((p) => p.split('-') as [string, string])
  const alters = [
    ...new Set(pairs.flatMap(([a, b]) => (a === ego ? [b] : b === ego ? [a] : []))),
  ].sort()
  const among = pairs.filter(([a, b]) => alters.includes(a) && alters.includes(b))
  return network({ id: ego, alters, ties: among.map(([a, b]) => `${a}-${b}`).join(' ') })
}
