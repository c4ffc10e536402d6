import type { AttributeValue, Study } from '../network/ego-network.js'

/**
 * Writes a study as GraphML (graphml.graphdrawing.org): one undirected
 * `<graph>` per ego, as Network Canvas exports do, with the ego's attributes
 * as graph-level `<data>`, one node per alter (its attributes, `frequency`,
 * and a 0/1 key per name generator) and one edge per "yes" pair.
 *
 * "No" and "don't know" answers are kept without being edges, so any
 * GraphML reader gets the right network: each graph carries `pairs_no`,
 * `pairs_dont_know` and `pairs_not_asked`, lists of `u,v` node-id pairs
 * separated by spaces. Node ids are `<ego>.<alter>` (made NMTOKEN-safe, and
 * unique in the document: a second `a_b` becomes `a_b_2`), so they hold no
 * space or comma and the lists read back unambiguously whatever the alter
 * ids hold; the original ids are the `ego_id` and `alter_id` data. Characters XML 1.0 cannot hold (most control
 * characters) are left out, as in the .qdpx export; a carriage return is kept
 * as `&#13;`.
 */
export function formatGraphml(study: Study): string {
  const egoKeys = keysOf(study.networks.map((n) => n.ego.attributes))
  const alterKeys = keysOf(study.networks.flatMap((n) => n.alters.map((a) => a.attributes)))
  const hasWeight = study.networks.some((n) => n.ties.some((t) => t.weight !== null))
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    key('g_ego_id', 'graph', 'ego_id', 'string'),
    ...[...egoKeys].map(([name, type], i) => key(`g${i}`, 'graph', name, type)),
    key('g_pairs_no', 'graph', 'pairs_no', 'string'),
    key('g_pairs_dont_know', 'graph', 'pairs_dont_know', 'string'),
    key('g_pairs_not_asked', 'graph', 'pairs_not_asked', 'string'),
    key('n_alter_id', 'node', 'alter_id', 'string'),
    ...[...alterKeys].map(([name, type], i) => key(`n${i}`, 'node', name, type)),
    key('n_frequency', 'node', 'frequency', 'double'),
    ...study.generators.map((g, i) => key(`n_gen${i}`, 'node', g, 'int')),
    ...(hasWeight ? [key('e_weight', 'edge', 'weight', 'double')] : []),
  ]
  const egoIndex = new Map([...egoKeys.keys()].map((k, i) => [k, `g${i}`]))
  const alterIndex = new Map([...alterKeys.keys()].map((k, i) => [k, `n${i}`]))
  const graphIds = new Set<string>()
  const nodeIds = new Set<string>()
  const unique = (id: string, used: Set<string>): string => {
    let out = id
    for (let n = 2; used.has(out); n++) out = `${id}_${n}`
    used.add(out)
    return out
  }
  for (const net of study.networks) {
    const ego = unique(token(net.ego.id), graphIds)
    out.push(`  <graph id="${ego}" edgedefault="undirected">`)
    out.push(data('g_ego_id', net.ego.id, 4))
    for (const [name, value] of Object.entries(net.ego.attributes)) {
      if (value !== null) out.push(data(egoIndex.get(name)!, value, 4))
    }
    const nodeId = net.alters.map((a) => unique(`${ego}.${token(a.id)}`, nodeIds))
    const pairs: Record<'no' | 'dont_know' | 'not_asked', string[]> = {
      no: [],
      dont_know: [],
      not_asked: [],
    }
    for (const t of net.ties) {
      if (t.state !== 'yes') pairs[t.state].push(`${nodeId[t.from]!},${nodeId[t.to]!}`)
    }
    out.push(data('g_pairs_no', pairs.no.join(' '), 4))
    out.push(data('g_pairs_dont_know', pairs.dont_know.join(' '), 4))
    out.push(data('g_pairs_not_asked', pairs.not_asked.join(' '), 4))
    net.alters.forEach((alter, j) => {
      out.push(`    <node id="${escape(nodeId[j]!)}">`)
      out.push(data('n_alter_id', alter.id, 6))
      for (const [name, value] of Object.entries(alter.attributes)) {
        if (value !== null) out.push(data(alterIndex.get(name)!, value, 6))
      }
      if (alter.frequency !== null) out.push(data('n_frequency', alter.frequency, 6))
      study.generators.forEach((g, i) => {
        out.push(data(`n_gen${i}`, alter.generators.includes(g) ? 1 : 0, 6))
      })
      out.push('    </node>')
    })
    for (const t of net.ties) {
      if (t.state !== 'yes') continue
      const attrs = `source="${escape(nodeId[t.from]!)}" target="${escape(nodeId[t.to]!)}"`
      if (t.weight === null) out.push(`    <edge ${attrs}/>`)
      else out.push(`    <edge ${attrs}>`, data('e_weight', t.weight, 6), '    </edge>')
    }
    out.push('  </graph>')
  }
  out.push('</graphml>', '')
  return out.join('\n')
}

type KeyType = 'boolean' | 'double' | 'string'

/** Every attribute name in first-seen order, with the one GraphML type all its values fit. */
function keysOf(
  records: readonly Readonly<Record<string, AttributeValue>>[],
): Map<string, KeyType> {
  const types = new Map<string, Set<KeyType>>()
  for (const r of records) {
    for (const [name, value] of Object.entries(r)) {
      let seen = types.get(name)
      if (seen === undefined) types.set(name, (seen = new Set()))
      if (value !== null)
        seen.add(
          typeof value === 'number' ? 'double' : typeof value === 'boolean' ? 'boolean' : 'string',
        )
    }
  }
  const keys = new Map<string, KeyType>()
  for (const [name, seen] of types) keys.set(name, seen.size === 1 ? [...seen][0]! : 'string')
  return keys
}

function key(
  id: string,
  target: 'graph' | 'node' | 'edge',
  name: string,
  type: KeyType | 'int',
): string {
  return `  <key id="${id}" for="${target}" attr.name="${escape(name)}" attr.type="${type}"/>`
}

function data(keyId: string, value: Exclude<AttributeValue, null>, indent: number): string {
  return `${' '.repeat(indent)}<data key="${keyId}">${escape(String(value))}</data>`
}

/** An id usable as an XML NMTOKEN: anything else becomes `_`. */
function token(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, '_')
}

/** Characters not allowed in XML 1.0, even escaped (and unpaired surrogates). */
const notXml = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu
const entities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  // A parser would read a bare CR as a line feed.
  '\r': '&#13;',
}

function escape(text: string): string {
  return text.replace(notXml, '').replace(/[&<>"\r]/g, (c) => entities[c]!)
}
