import { execFileSync } from 'node:child_process'
import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import type { Study } from '../network/ego-network.js'
import { alterId, alterIndex } from '../network/ids.js'
import { network } from '../test-support/build-network.js'
import { formatGraphml } from './format-graphml.js'

type XmlData = { '@_key': string; '#text'?: string | number }
type XmlNode = { '@_id': string; data: XmlData[] }
type XmlEdge = { '@_source': string; '@_target': string; data?: XmlData[] }
type XmlGraph = {
  '@_id': string
  '@_edgedefault': string
  data: XmlData[]
  node?: XmlNode[]
  edge?: XmlEdge[]
}
type XmlKey = { '@_id': string; '@_for': string; '@_attr.name': string; '@_attr.type': string }
type GraphmlDoc = { graphml: { key: XmlKey[]; graph?: XmlGraph[] } }

/** Parses GraphML back, every value as text (so "3" stays "3" and "true" stays "true"). */
function parse(xml: string): GraphmlDoc['graphml'] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    isArray: (name) => ['key', 'graph', 'node', 'edge', 'data'].includes(name),
  })
  return (parser.parse(xml) as GraphmlDoc).graphml
}

/** xmllint's verdict on well-formedness ('' when well-formed); throws (fails) if it is missing. */
function xmllint(xml: string): string {
  return execFileSync('xmllint', ['--noout', '-'], { input: xml, encoding: 'utf8' })
}

/** A graph's or node's data as key id → text. */
const dataOf = (x: { data?: XmlData[] }) =>
  Object.fromEntries((x.data ?? []).map((d) => [d['@_key'], String(d['#text'] ?? '')]))

const study: Study = {
  codebook: { ego: {}, alter: {} },
  generators: ['work_contact', 'refers_to'],
  networks: [
    network({
      id: 'LW 01',
      ego: { imd_decile: 3, sector: 'vcse', pilot: true, note: 'A & B <c> "d"', gone: null },
      alters: {
        a1: { org_type: 'vcse', name: 'Tom & Jerry’s <café> "x"' },
        'a/2': { org_type: 'primary_care', score: 1 },
        a3: { org_type: null, score: 'high' },
        a4: {},
      },
      ties: 'a1-a/2',
      no: 'a1-a3',
      unknown: 'a/2-a3',
      notAsked: 'a1-a4 a3-a4',
      frequency: { a1: 4, 'a/2': null },
      generators: { a1: ['work_contact', 'refers_to'], 'a/2': ['refers_to'] },
    }),
    network({
      id: 'LW02',
      ego: { imd_decile: 'n/a', sector: 'primary_care' },
      alters: { b1: { org_type: 'vcse' }, b2: { org_type: 'vcse' } },
      ties: 'b1-b2',
    }),
  ],
}
const xml = formatGraphml(study)
const doc = parse(xml)

describe('formatGraphml', () => {
  it('writes well-formed XML (xmllint agrees)', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns=')).toBe(true)
    expect(xmllint(xml)).toBe('')
  })

  it('declares typed keys: one type all of an attribute’s values fit, else string', () => {
    expect(doc.key.map((k) => [k['@_id'], k['@_for'], k['@_attr.name'], k['@_attr.type']])).toEqual(
      [
        ['g_ego_id', 'graph', 'ego_id', 'string'],
        // 3 and 'n/a': string. gone is never given: string.
        ['g0', 'graph', 'imd_decile', 'string'],
        ['g1', 'graph', 'sector', 'string'],
        ['g2', 'graph', 'pilot', 'boolean'],
        ['g3', 'graph', 'note', 'string'],
        ['g4', 'graph', 'gone', 'string'],
        ['g_pairs_no', 'graph', 'pairs_no', 'string'],
        ['g_pairs_dont_know', 'graph', 'pairs_dont_know', 'string'],
        ['g_pairs_not_asked', 'graph', 'pairs_not_asked', 'string'],
        ['n_alter_id', 'node', 'alter_id', 'string'],
        ['n0', 'node', 'org_type', 'string'],
        ['n1', 'node', 'name', 'string'],
        // 1 and 'high': string.
        ['n2', 'node', 'score', 'string'],
        ['n_frequency', 'node', 'frequency', 'double'],
        ['n_gen0', 'node', 'work_contact', 'int'],
        ['n_gen1', 'node', 'refers_to', 'int'],
      ],
    )
  })

  it('writes one undirected graph per ego, with NMTOKEN-safe ids and the ego’s data', () => {
    expect(doc.graph?.map((g) => [g['@_id'], g['@_edgedefault']])).toEqual([
      ['LW_01', 'undirected'],
      ['LW02', 'undirected'],
    ])
    expect(dataOf(doc.graph![0]!)).toEqual({
      g_ego_id: 'LW 01',
      g0: '3',
      g1: 'vcse',
      g2: 'true',
      g3: 'A & B <c> "d"',
      // gone (null) is left out.
      // Node ids, which hold no space or comma, whatever the alter ids hold.
      g_pairs_no: 'LW_01.a1,LW_01.a3',
      g_pairs_dont_know: 'LW_01.a_2,LW_01.a3',
      g_pairs_not_asked: 'LW_01.a1,LW_01.a4 LW_01.a3,LW_01.a4',
    })
    expect(dataOf(doc.graph![1]!)).toEqual({
      g_ego_id: 'LW02',
      g0: 'n/a',
      g1: 'primary_care',
      g_pairs_no: '',
      g_pairs_dont_know: '',
      g_pairs_not_asked: '',
    })
  })

  it('writes a node per alter with its data, frequency and a 0/1 per generator', () => {
    const nodes = doc.graph![0]!.node!
    expect(nodes.map((n) => n['@_id'])).toEqual(['LW_01.a1', 'LW_01.a_2', 'LW_01.a3', 'LW_01.a4'])
    expect(nodes.map(dataOf)).toEqual([
      {
        n_alter_id: 'a1',
        n0: 'vcse',
        n1: 'Tom & Jerry’s <café> "x"',
        n_frequency: '4',
        n_gen0: '1',
        n_gen1: '1',
      },
      { n_alter_id: 'a/2', n0: 'primary_care', n2: '1', n_gen0: '0', n_gen1: '1' },
      { n_alter_id: 'a3', n2: 'high', n_gen0: '0', n_gen1: '0' },
      { n_alter_id: 'a4', n_gen0: '0', n_gen1: '0' },
    ])
  })

  it('writes an edge for each "yes" pair only', () => {
    const edges = doc.graph!.map((g) =>
      (g.edge ?? []).map((e) => `${e['@_source']} ${e['@_target']}`),
    )
    expect(edges).toEqual([['LW_01.a1 LW_01.a_2'], ['LW02.b1 LW02.b2']])
  })

  it('escapes & < > " in text and attributes', () => {
    expect(xml).toContain('<data key="g3">A &amp; B &lt;c&gt; &quot;d&quot;</data>')
    const odd: Study = {
      ...study,
      networks: [network({ id: 'e', ego: { 'r&d <"x">': 1 }, alters: [] })],
    }
    const out = formatGraphml(odd)
    expect(out).toContain('attr.name="r&amp;d &lt;&quot;x&quot;&gt;"')
    expect(parse(out).key.find((k) => k['@_id'] === 'g0')?.['@_attr.name']).toBe('r&d <"x">')
    expect(xmllint(out)).toBe('')
  })

  it('leaves out characters XML cannot hold, and keeps a carriage return', () => {
    const odd: Study = {
      ...study,
      networks: [
        network({
          id: 'e',
          ego: { note: 'bell\u0007 nul\u0000 half\uD800 fffe\uFFFE ok\u{1F600}', lines: 'a\r\nb' },
          alters: [],
        }),
      ],
    }
    const out = formatGraphml(odd)
    expect(xmllint(out)).toBe('')
    expect(dataOf(parse(out).graph![0]!)['g0']).toBe('bell nul half fffe ok\u{1F600}')
    expect(out).toContain('<data key="g1">a&#13;\nb</data>')
  })

  it('keeps node and graph ids unique when ids only differ in characters made safe', () => {
    const clash: Study = {
      ...study,
      networks: [
        // Ties x y–x_y and x_y–x_y_2 (a tie string cannot hold the space).
        {
          ...network({ id: 'a b', alters: ['x y', 'x_y', 'x_y_2'] }),
          ties: [
            { from: alterIndex(0), to: alterIndex(1), state: 'yes', weight: null },
            { from: alterIndex(1), to: alterIndex(2), state: 'yes', weight: null },
          ],
        },
        network({ id: 'a_b', alters: ['x'] }),
        // 'e' + '1.x' and 'e.1' + 'x' would both be e.1.x.
        network({ id: 'e', alters: ['1.x'] }),
        network({ id: 'e.1', alters: ['x'] }),
      ],
    }
    const g = parse(formatGraphml(clash)).graph!
    expect(xmllint(formatGraphml(clash))).toBe('')
    expect(g.map((x) => x['@_id'])).toEqual(['a_b', 'a_b_2', 'e', 'e.1'])
    expect(g.map((x) => (x.node ?? []).map((n) => n['@_id']))).toEqual([
      ['a_b.x_y', 'a_b.x_y_2', 'a_b.x_y_2_2'],
      ['a_b_2.x'],
      ['e.1.x'],
      ['e.1.x_2'],
    ])
    // Edges point at the right nodes: x y–x_y and x_y–x_y_2.
    expect(g[0]!.edge!.map((e) => `${e['@_source']} ${e['@_target']}`)).toEqual([
      'a_b.x_y a_b.x_y_2',
      'a_b.x_y_2 a_b.x_y_2_2',
    ])
  })

  it('declares and writes a weight only when a tie has one', () => {
    expect(doc.key.some((k) => k['@_attr.name'] === 'weight')).toBe(false)
    const net = network({ id: 'w', alters: ['a', 'b', 'c'], ties: 'a-b b-c' })
    const weighted: Study = {
      ...study,
      networks: [
        { ...net, ties: net.ties.map((t, i) => ({ ...t, weight: i === 0 ? 2.5 : null })) },
      ],
    }
    const out = parse(formatGraphml(weighted))
    expect(out.key.at(-1)).toEqual({
      '@_id': 'e_weight',
      '@_for': 'edge',
      '@_attr.name': 'weight',
      '@_attr.type': 'double',
    })
    expect(out.graph![0]!.edge!.map(dataOf)).toEqual([{ e_weight: '2.5' }, {}])
  })

  it('writes a study without egos as a document of keys only', () => {
    const out = formatGraphml({ ...study, networks: [] })
    expect(xmllint(out)).toBe('')
    expect(parse(out).graph).toBeUndefined()
  })

  it('lists pairs so that they read back whatever the alter ids hold (spaces, --, commas)', () => {
    const names = ['St Mary’s Surgery', 'a--b', 'x,y', 'a', 'b--']
    const net = network({
      id: 'LW 9',
      alters: ['p', 'q', 'r', 's', 't'],
      ties: 'p-q',
      no: 'p-r q-s',
      unknown: 'r-t',
      notAsked: 's-t',
    })
    const renamed = { ...net, alters: net.alters.map((a, i) => ({ ...a, id: alterId(names[i]!) })) }
    const graph = parse(formatGraphml({ ...study, networks: [renamed] })).graph![0]!
    const alterOf = new Map(graph.node!.map((n) => [n['@_id'], dataOf(n)['n_alter_id']]))
    const read = (key: string) => {
      const list = dataOf(graph)[key]!
      return list
        .split(' ')
        .filter(Boolean)
        .map((pair) => pair.split(',').map((id) => alterOf.get(id)))
    }
    expect(read('g_pairs_no')).toEqual([
      ['St Mary’s Surgery', 'x,y'],
      ['a--b', 'a'],
    ])
    expect(read('g_pairs_dont_know')).toEqual([['x,y', 'b--']])
    expect(read('g_pairs_not_asked')).toEqual([['a', 'b--']])
  })
})
