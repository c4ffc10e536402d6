// spnet's per-ego measures against reference values from networkx (Python)
// and igraph + sna (R), computed by scripts/reference/measures.py and
// scripts/reference/measures.R on the inputs in test/fixtures/reference/
// (demo-60, and known-pairs = demo-60 without its unknown-state pairs; see
// the README.md there). Every ego and every value a fixture holds is compared:
// integer counts exactly, other values to 1e-12 relative, null (NA) exactly.
//
// Exclusions by design (MEASURES.md): networkx, igraph and sna have no notion
// of a pair of unknown state (`dont_know`, `not_asked`) and read it as "no
// tie", while spnet leaves such pairs out of density, ego_betweenness and the
// brokerage columns. For an ego with unknown pairs the scripts leave those
// columns out and record why in the ego's `notCompared`; the counts of such
// egos are asserted below, and known-pairs compares them for every ego.
// bridging_pairs is spnet's own measure and has no reference tool.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { importThreeFiles } from '../../src/core/import/three-files.js'
import { computeMeasures, measureContext } from '../../src/core/measures/index.js'
import { egoGraph } from '../../src/core/measures/ego-graph.js'
import { codebookSchema } from '../../src/core/network/codebook.js'
import type { Study } from '../../src/core/network/ego-network.js'

type Value = number | null

type ReferenceEgo = {
  readonly ego_id: string
  readonly alters: number
  readonly unknownPairs: number
  readonly values: Readonly<Record<string, Value>>
  readonly notCompared?: Readonly<Record<string, string>>
}

type ReferenceFile = {
  readonly producedBy: { readonly tool: string; readonly script: string; readonly date: string }
  readonly inputs: Readonly<
    Record<
      string,
      {
        readonly folder: string
        readonly methods: Readonly<Record<string, string>>
        readonly egos: readonly ReferenceEgo[]
      }
    >
  >
}

const fixtures = new URL('../fixtures/reference/', import.meta.url)
const inputs = ['demo-60', 'known-pairs'] as const
type Input = (typeof inputs)[number]

function readFixture(name: string): ReferenceFile {
  return JSON.parse(readFileSync(new URL(name, fixtures), 'utf8')) as ReferenceFile
}

const tools = {
  networkx: readFixture('measures-networkx.json'),
  'igraph+sna': readFixture('measures-r.json'),
} as const
type Tool = keyof typeof tools
const toolNames = Object.keys(tools) as Tool[]

/** Columns whose values are counts, compared exactly. */
const integerColumns = new Set([
  'size',
  'ties',
  'components',
  'isolates',
  'diversity_org_type',
  'brokerage_coordinator',
  'brokerage_itinerant',
  'brokerage_gatekeeper_representative',
  'brokerage_liaison',
  'brokerage_total',
  'size_work_contact',
  'size_refers_to',
  'size_advice_support',
  'size_capacity_building',
])

/** Columns that spnet computes differently when an ego has pairs of unknown state. */
const unknownSensitive = new Set([
  'density',
  'ego_betweenness',
  'brokerage_coordinator',
  'brokerage_itinerant',
  'brokerage_gatekeeper_representative',
  'brokerage_liaison',
  'brokerage_total',
])

const relativeTolerance = 1e-12

/**
 * Values each fixture holds (all compared). networkx: 30 columns × 60 egos,
 * less ego_betweenness for the 56 demo-60 egos with unknown pairs. igraph+sna:
 * 12 columns × 60 egos, less density, ego_betweenness and the 5 brokerage
 * columns (7) for those 56 egos.
 */
const valuesCompared: Record<Tool, Record<Input, number>> = {
  networkx: { 'demo-60': 30 * 60 - 56, 'known-pairs': 30 * 60 },
  'igraph+sna': { 'demo-60': 12 * 60 - 7 * 56, 'known-pairs': 12 * 60 },
}

function loadStudy(input: Input): Study {
  const folder = new URL(`${input}/`, fixtures)
  const read = (name: string) => ({ name, text: readFileSync(new URL(name, folder), 'utf8') })
  const codebook = codebookSchema.parse(
    JSON.parse(readFileSync(new URL('codebook.json', folder), 'utf8')),
  )
  const study = importThreeFiles(
    { egos: read('egos.csv'), alters: read('alters.csv'), ties: read('ties.csv') },
    { codebook },
  )
  if (!study.ok) throw new Error(`${input}: import failed: ${study.error.message}`)
  return study.value
}

type SpnetRows = {
  readonly columns: readonly string[]
  readonly egoIds: readonly string[]
  readonly byEgo: ReadonlyMap<string, ReadonlyMap<string, Value>>
  readonly unknownPairs: ReadonlyMap<string, number>
}

function spnetMeasures(input: Input): SpnetRows {
  const study = loadStudy(input)
  const context = measureContext(study, {})
  if (!context.ok) throw new Error(`${input}: ${context.error.message}`)
  const table = computeMeasures(study, context.value.context)
  const columns = table.columns.slice(1)
  const byEgo = new Map<string, Map<string, Value>>()
  table.rows.forEach((row, i) => {
    byEgo.set(table.egoIds[i]!, new Map(columns.map((column, j) => [column, row[j]!])))
  })
  const unknownPairs = new Map(study.networks.map((net) => [net.ego.id, egoGraph(net).unknown]))
  return { columns, egoIds: table.egoIds, byEgo, unknownPairs }
}

const spnet: Record<Input, SpnetRows> = {
  'demo-60': spnetMeasures('demo-60'),
  'known-pairs': spnetMeasures('known-pairs'),
}

/** |a − e| / |e|, or |a − e| when e = 0. */
function relativeDifference(actual: number, expected: number): number {
  if (actual === expected) return 0
  const difference = Math.abs(actual - expected)
  return expected === 0 ? difference : difference / Math.abs(expected)
}

/** Why `actual` fails to match `expected`, or null when it matches. */
function mismatch(column: string, actual: Value | undefined, expected: Value): string | null {
  if (actual === undefined) return 'spnet has no such column'
  if (expected === null || actual === null) {
    return actual === expected ? null : 'NA in one and a number in the other'
  }
  if (!Number.isFinite(actual)) return 'spnet value is not finite'
  if (integerColumns.has(column)) {
    return Number.isInteger(expected) && actual === expected ? null : 'counts differ'
  }
  const difference = relativeDifference(actual, expected)
  return difference <= relativeTolerance
    ? null
    : `relative difference ${difference.toExponential(2)} > ${relativeTolerance}`
}

type Comparison = {
  readonly egos: number
  readonly values: number
  readonly mismatches: readonly string[]
}

function compare(tool: Tool, input: Input): Comparison {
  const reference = tools[tool].inputs[input]
  if (reference === undefined) throw new Error(`${tool} fixture has no input ${input}`)
  const ours = spnet[input]
  const mismatches: string[] = []
  let values = 0
  for (const ego of reference.egos) {
    const row = ours.byEgo.get(ego.ego_id)
    if (row === undefined) {
      mismatches.push(`${tool} / ${input}: ego ${ego.ego_id} is not in spnet's output`)
      continue
    }
    for (const [column, expected] of Object.entries(ego.values)) {
      values++
      const actual = row.get(column)
      const why = mismatch(column, actual, expected)
      if (why !== null) {
        mismatches.push(
          `${tool} / ${input}: ego ${ego.ego_id}, column ${column}: spnet ${String(actual)}, ${tool} ${String(expected)} (${why})`,
        )
      }
    }
  }
  return { egos: reference.egos.length, values, mismatches }
}

describe.each(toolNames)('reference values from %s', (tool) => {
  const file = tools[tool]

  it('names the tool, its version and the script', () => {
    expect(file.producedBy.tool).toMatch(/\d+\.\d+/)
    expect(file.producedBy.script).toMatch(/^scripts\/reference\/measures\.(py|R)$/)
    expect(Object.keys(file.inputs).sort()).toEqual([...inputs].sort())
  })

  describe.each(inputs)('%s', (input) => {
    const reference = file.inputs[input]!
    const ours = spnet[input]

    it('equal spnet for every ego and every column the fixture holds', () => {
      const result = compare(tool, input)
      expect(result.mismatches, result.mismatches.join('\n')).toEqual([])
      expect(result.egos).toBe(60)
      expect(result.values).toBe(valuesCompared[tool][input])
    })

    it('cover every ego, in spnet order, with spnet column names', () => {
      expect(reference.egos.map((ego) => ego.ego_id)).toEqual(ours.egoIds)
      const columns = new Set(reference.egos.flatMap((ego) => Object.keys(ego.values)))
      const unknownColumns = [...columns].filter((column) => !ours.columns.includes(column))
      expect(unknownColumns, `${tool} columns that spnet does not write`).toEqual([])
    })

    it('include egos with 0, 1 and 2 alters', () => {
      const sizes = new Set(reference.egos.map((ego) => ego.alters))
      for (const n of [0, 1, 2]) {
        expect(sizes.has(n), `${tool} / ${input}: an ego with ${n} alters`).toBe(true)
      }
      for (const ego of reference.egos) {
        expect(ours.byEgo.get(ego.ego_id)?.get('size'), `${tool} / ${ego.ego_id} size`).toBe(
          ego.alters,
        )
      }
    })

    it('leave out only the unknown-pair columns, and only for egos with unknown pairs', () => {
      const excluded = new Map<string, number>()
      for (const ego of reference.egos) {
        expect(ego.unknownPairs, `${tool} / ${ego.ego_id}: unknown pairs`).toBe(
          ours.unknownPairs.get(ego.ego_id),
        )
        for (const column of Object.keys(ego.notCompared ?? {})) {
          expect(unknownSensitive.has(column), `${tool} / ${ego.ego_id}: ${column}`).toBe(true)
          expect(ego.unknownPairs, `${tool} / ${ego.ego_id}: ${column}`).toBeGreaterThan(0)
          expect(ego.values[column], `${tool} / ${ego.ego_id}: ${column}`).toBeUndefined()
          excluded.set(column, (excluded.get(column) ?? 0) + 1)
        }
        if (ego.unknownPairs === 0) {
          expect(ego.values, `${tool} / ${ego.ego_id}`).toHaveProperty('ego_betweenness')
        }
      }
      // demo-60: 56 of the 60 egos have a dont_know pair (all but those with
      // 0, 1, 2 and 12 alters); known-pairs has none.
      const withUnknown = reference.egos.filter((ego) => ego.unknownPairs > 0).length
      expect(withUnknown).toBe(input === 'demo-60' ? 56 : 0)
      expect(excluded.get('ego_betweenness') ?? 0).toBe(withUnknown)
    })
  })
})

describe('coverage of the reference tools', () => {
  it('every spnet column but bridging_pairs is compared with some tool on known-pairs', () => {
    const covered = new Set(
      toolNames.flatMap((tool) =>
        tools[tool].inputs['known-pairs']!.egos.flatMap((ego) => Object.keys(ego.values)),
      ),
    )
    const uncovered = spnet['known-pairs'].columns.filter((column) => !covered.has(column))
    // bridging_pairs is spnet's own measure; no tool computes it.
    expect(uncovered).toEqual(['bridging_pairs'])
  })

  it('ego_betweenness, density and brokerage are compared on all 60 known-pairs egos', () => {
    const egos = tools['igraph+sna'].inputs['known-pairs']!.egos
    for (const column of unknownSensitive) {
      const compared = egos.filter((ego) => column in ego.values).length
      expect(compared, `igraph+sna ${column}`).toBe(60)
    }
    const nx = tools.networkx.inputs['known-pairs']!.egos
    expect(nx.filter((ego) => 'ego_betweenness' in ego.values).length).toBe(60)
  })

  it('the fixtures are not trivial', () => {
    const egos = tools.networkx.inputs['known-pairs']!.egos
    const positive = (column: string) =>
      egos.filter((ego) => {
        const v = ego.values[column]
        return typeof v === 'number' && v > 0
      }).length
    expect(positive('hierarchy')).toBeGreaterThanOrEqual(50)
    expect(positive('ego_betweenness')).toBeGreaterThanOrEqual(55)
    expect(egos.some((ego) => !Number.isInteger(ego.values.ego_betweenness))).toBe(true)
    expect(egos.filter((ego) => ego.values.ei_org_type !== null).length).toBeGreaterThan(50)
    // The input exercises the NA rules: missing frequencies (left out of the
    // mean), `no` and `dont_know` pairs, an ego whose sector is no org_type.
    const study = loadStudy('demo-60')
    const alters = study.networks.flatMap((net) => net.alters)
    expect(alters.filter((alter) => alter.frequency === null).length).toBeGreaterThan(10)
    const states = study.networks.flatMap((net) => net.ties.map((tie) => tie.state))
    expect(states.filter((state) => state === 'no').length).toBeGreaterThan(100)
    expect(states.filter((state) => state === 'dont_know').length).toBeGreaterThan(100)
    expect(study.networks.some((net) => net.ego.attributes.sector === 'other')).toBe(true)
  })
})
