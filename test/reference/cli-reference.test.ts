// The spnet CLI, run as a user runs it (`spnet measures … --format json`,
// `spnet compare … --format json`), against values computed by networkx and
// by R igraph + sna + stats on the same input (scripts/reference/
// cli-references.sh, check-cli.py and check-cli.R). Unlike
// measures-reference.test.ts, pairs of unknown state are handled by the
// reference scripts, so every ego and every value is compared:
//
//   edge-cases  hand-made egos with 0, 1 and 2 alters, all pairs unknown, `no`
//               ties, missing values, a declared category no alter has, the
//               worked examples of MEASURES.md, groups of 1 and 2 egos
//   egor-32     egor's own three-file sample, read with renamed columns
//
// Counts must be equal, other values within 1e-12 (relative above 1),
// NA (null) exactly.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sharedDir } from '../support/shared-dir.js'
import { spnet } from '../cli/run-cli.js'

type Values = Readonly<Record<string, number | null>>
type NetworkxFile = {
  readonly producedBy: { readonly tool: string }
  readonly egos: readonly { readonly ego_id: string; readonly values: Values }[]
}
type RFile = {
  readonly producedBy: { readonly tool: string }
  readonly egos: readonly ({ readonly ego_id: string } & Readonly<Record<string, Values>>)[]
  readonly comparisons: readonly {
    readonly by: string
    readonly pair: readonly string[] | null
    readonly measures: readonly string[]
  }[]
  readonly statistics: Readonly<Record<string, number | boolean | null>>
}
type Summary = Readonly<Record<string, number | null | string | boolean>>
type CompositionTest = {
  readonly groups: readonly string[]
  readonly chiSquare: {
    readonly statistic: number
    readonly df: number
    readonly pValue: number
    readonly lowExpected: boolean
  } | null
  readonly fisher: { readonly pValue: number; readonly oddsRatio: number | null } | null
}
type ComparisonJson = {
  readonly measures: readonly {
    readonly measure: string
    readonly groups: readonly Summary[]
    readonly kruskalWallis: { statistic: number; df: number; pValue: number } | null
    readonly pair: {
      readonly groups: readonly string[]
      readonly wilcoxon: {
        statistic: number
        pValue: number
        exact: boolean
        rankBiserial: number
      } | null
    } | null
  }[]
  readonly composition: (CompositionTest & { readonly pair: CompositionTest | null }) | null
}

const fixtures = new URL('../fixtures/reference/', import.meta.url)
const read = (name: string): unknown => JSON.parse(readFileSync(new URL(name, fixtures), 'utf8'))

const egorFlags = [
  '--egos-file',
  'egos_32.csv',
  '--alters-file',
  'alters_32.csv',
  '--ties-file',
  'edges_32.csv',
  '--ego-id-col',
  'egoID',
  '--alter-id-col',
  'alterID',
  '--from-col',
  'Source',
  '--to-col',
  'Target',
  '--attr',
  'alter.sex',
  '--ego-attr',
  'sex',
]
const inputs = [
  { name: 'edge-cases', dir: () => new URL('edge-cases', fixtures).pathname, flags: [] },
  {
    name: 'egor-32',
    dir: () => join(sharedDir(), 'fixtures', 'egor-formats', 'three-files-32'),
    flags: egorFlags,
  },
] as const

function close(ours: unknown, theirs: unknown, what: string): number {
  if (theirs === null || ours === null || ours === undefined) {
    expect(ours ?? null, what).toBe(theirs)
    return 0
  }
  if (typeof theirs === 'boolean') {
    expect(ours, what).toBe(theirs)
    return 0
  }
  const a = ours as number
  const b = theirs as number
  const d = Math.abs(a - b)
  if (Number.isInteger(b) && Math.abs(b) < 2 ** 31 && Number.isInteger(a)) expect(a, what).toBe(b)
  else
    expect(d, `${what}: spnet ${a}, reference ${b}`).toBeLessThanOrEqual(
      1e-12 * Math.max(1, Math.abs(b)),
    )
  return d
}

async function run(args: readonly string[]): Promise<unknown> {
  const result = await spnet(args)
  expect(result.status, result.stderr).toBe(0)
  return JSON.parse(result.stdout) as unknown
}

describe.each(inputs)('spnet CLI against networkx and R on $name', ({ name, dir, flags }) => {
  const networkx = read(`${name}-networkx.json`) as NetworkxFile
  const r = read(`${name}-r.json`) as RFile

  it('names the tools and versions that made the fixtures', () => {
    expect(networkx.producedBy.tool).toMatch(/^networkx \d/)
    expect(r.producedBy.tool).toMatch(/^R \d+\.\d+\.\d+, igraph \d.*, sna \d/)
  })

  it('spnet measures: every value of every ego equals networkx, igraph and sna', async () => {
    const rows = (await run(['measures', dir(), ...flags, '--format', 'json'])) as Record<
      string,
      number | null | string
    >[]
    expect(rows.map((row) => row['ego_id'])).toEqual(networkx.egos.map((e) => e.ego_id))
    let compared = 0
    rows.forEach((row, i) => {
      const nx = networkx.egos[i]!
      expect(Object.keys(row).slice(1).sort()).toEqual(Object.keys(nx.values).sort())
      for (const [column, value] of Object.entries(nx.values)) {
        close(row[column], value, `${nx.ego_id} ${column} (networkx)`)
        compared++
      }
      const { ego_id: id, ...tools } = r.egos[i]!
      expect(id).toBe(nx.ego_id)
      for (const [tool, values] of Object.entries(tools)) {
        for (const [column, value] of Object.entries(values)) {
          close(row[column], value, `${id} ${column} (${tool})`)
          compared++
        }
      }
    })
    expect(compared).toBeGreaterThan(rows.length * 30)
  })

  it('spnet compare: summaries, Kruskal–Wallis, Wilcoxon, chi-square and Fisher equal R', async () => {
    const compared = new Set<string>()
    const check = (key: string, ours: unknown) => {
      expect(key in r.statistics, `no R value for ${key}`).toBe(true)
      close(ours, r.statistics[key], key)
      compared.add(key)
    }
    for (const c of r.comparisons) {
      const args = ['compare', dir(), ...flags, '--by', c.by, '--measures', c.measures.join(',')]
      if (c.pair !== null) args.push('--pair', c.pair.join(','))
      const json = (await run([
        ...args,
        '--show-small-groups',
        '--format',
        'json',
      ])) as ComparisonJson
      for (const m of json.measures) {
        const key = (what: string) => `${c.by}|${m.measure}|${what}`
        for (const g of m.groups) {
          for (const field of ['n', 'missing', 'mean', 'sd', 'median', 'q1', 'q3', 'iqr']) {
            check(key(`describe|${String(g['group'])}|${field}`), g[field])
          }
        }
        check(key('kruskal|statistic'), m.kruskalWallis?.statistic ?? null)
        if (m.kruskalWallis !== null) {
          check(key('kruskal|df'), m.kruskalWallis.df)
          check(key('kruskal|p'), m.kruskalWallis.pValue)
        }
        if (m.pair !== null) {
          const w = m.pair.wilcoxon
          check(key(`wilcox|${m.pair.groups.join(',')}|W`), w?.statistic ?? null)
          if (w !== null) {
            check(key(`wilcox|${m.pair.groups.join(',')}|p`), w.pValue)
            check(key(`wilcox|${m.pair.groups.join(',')}|exact`), w.exact)
            check(key(`wilcox|${m.pair.groups.join(',')}|rank_biserial`), w.rankBiserial)
          }
        }
      }
      const parts: [string, CompositionTest | null | undefined][] = [
        ['all', json.composition],
        [json.composition?.pair?.groups.join(',') ?? '', json.composition?.pair],
      ]
      for (const [which, part] of parts) {
        if (part === null || part === undefined) continue
        const key = (what: string) => `${c.by}|composition|${which}|${what}`
        check(key('chisq|statistic'), part.chiSquare?.statistic ?? null)
        if (part.chiSquare === null) continue
        check(key('chisq|df'), part.chiSquare.df)
        check(key('chisq|p'), part.chiSquare.pValue)
        check(key('chisq|low_expected'), part.chiSquare.lowExpected)
        if (part.fisher !== null) {
          check(key('fisher|p'), part.fisher.pValue)
          check(key('fisher|odds_ratio'), part.fisher.oddsRatio)
        }
      }
    }
    // Every value R computed was compared.
    expect(compared.size).toBe(Object.keys(r.statistics).length)
  })
})
