// `spnet compare` end to end against R: the same inputs, spnet's whole
// pipeline (read the three files, compute the measures, group, test) run
// in-process through the CLI, and every number compared with
// test/fixtures/reference/compare-r.json, which scripts/reference/compare.R
// computes with base R (quantile type 7, kruskal.test, wilcox.test,
// chisq.test, fisher.test) from the measures CSV that spnet writes. See
// test/fixtures/reference/README-compare.md.
//
// Tolerances: p-values 1e-9 absolute; statistics, descriptives, expected counts
// and odds ratios 1e-12 relative; counts, degrees of freedom and flags (exact
// Wilcoxon, Yates, low expected counts) exactly; NA (null) exactly. Nothing is
// withheld (--show-small-groups). Every mismatch is collected and reported
// with the grouping, measure, group and statistic it concerns.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.js'
import { tempDir } from '../cli/run-cli.js'
import type { Comparison } from '../../src/core/compare/compare-groups.js'

type Value = number | null

type RDescription = {
  readonly group: string
  readonly egos: number
  readonly n: number
  readonly missing: number
  readonly median: Value
  readonly q1: Value
  readonly q3: Value
  readonly iqr: Value
  readonly mean: Value
  readonly sd: Value
  readonly min: Value
  readonly max: Value
}

type RKruskal = {
  readonly statistic: Value
  readonly parameter: number
  readonly pValue: Value
  readonly method: string
  readonly warnings: readonly string[]
}

type RWilcox = {
  readonly groups: readonly [string, string]
  readonly nx: number
  readonly ny: number
  readonly statistic: number
  readonly pValue: Value
  readonly method: string
  readonly exact: boolean
  readonly rankBiserial: number
  readonly warnings: readonly string[]
}

type RChiSquare = {
  readonly statistic: number
  readonly parameter: number
  readonly pValue: number
  readonly method: string
  readonly yates: boolean
  readonly lowExpected: boolean
  readonly expected: readonly (readonly number[])[]
  readonly warnings: readonly string[]
}

type RFisher = {
  readonly pValue: number
  /** null when R's estimate is +Inf. */
  readonly estimate: Value
  readonly method: string
  readonly table: readonly (readonly number[])[]
  readonly warnings: readonly string[]
}

type RTable = {
  readonly groups: readonly string[]
  readonly counts: readonly (readonly number[])[]
  readonly droppedRows: readonly string[]
  readonly droppedColumns: readonly string[]
  readonly chisq: RChiSquare | null
  readonly fisher: RFisher | null
}

type RComparison = {
  readonly input: string
  readonly by: string
  readonly pair: readonly [string, string]
  readonly attribute: string
  readonly groups: readonly { readonly group: string; readonly egos: number }[]
  readonly egosWithoutGroup: number
  readonly measures: readonly {
    readonly measure: string
    readonly groups: readonly RDescription[]
    readonly kruskal: RKruskal
    readonly wilcox: RWilcox
  }[]
  readonly composition: RTable & {
    readonly attribute: string
    readonly categories: readonly string[]
    readonly missing: number
    readonly pair: RTable
  }
}

type RFixture = {
  readonly producedBy: { readonly tool: string; readonly script: string; readonly date: string }
  readonly measureColumns: readonly string[]
  readonly inputValues: {
    readonly egoIds: readonly string[]
    readonly values: Readonly<Record<string, readonly Value[]>>
  }
  readonly warnings: readonly { readonly warning: string; readonly where: readonly string[] }[]
  readonly comparisons: readonly RComparison[]
}

const fixtures = new URL('../fixtures/reference/', import.meta.url)
const fixture = JSON.parse(readFileSync(new URL('compare-r.json', fixtures), 'utf8')) as RFixture

const pTolerance = 1e-9
const relativeTolerance = 1e-12

/** R's warning when an expected count is below 5. */
const lowExpectedWarning = 'Chi-squared approximation may be incorrect'

/**
 * The alter attributes to give spnet for each comparison: the first is the
 * composition attribute; org_type also (second) where the composition is of
 * another attribute, because the compared measures include org_type columns.
 */
function attributes(comparison: RComparison): string {
  return comparison.attribute === 'org_type' ? 'org_type' : `${comparison.attribute},org_type`
}

async function runSpnet(argv: readonly string[]): Promise<string> {
  let stdout = ''
  let stderr = ''
  const status = await main(argv, {
    stdout: { write: (text) => void (stdout += text) },
    stderr: { write: (text) => void (stderr += text) },
    env: { SPNET_DATA_DIR: tempDir('compare-reference') },
    cwd: process.cwd(),
  })
  if (status !== 0) throw new Error(`spnet ${argv.join(' ')} exited ${status}: ${stderr}`)
  return stdout
}

function folder(input: string): string {
  return fileURLToPath(new URL(`${input}/`, fixtures))
}

async function spnetCompare(comparison: RComparison, showSmallGroups = true): Promise<Comparison> {
  const stdout = await runSpnet([
    'compare',
    folder(comparison.input),
    '--by',
    comparison.by,
    '--measures',
    fixture.measureColumns.join(','),
    '--pair',
    comparison.pair.join(','),
    '--attr',
    attributes(comparison),
    '--format',
    'json',
    ...(showSmallGroups ? ['--show-small-groups'] : []),
  ])
  return JSON.parse(stdout) as Comparison
}

/** Collects mismatches, counts the values compared and tracks the largest differences. */
class Checker {
  readonly mismatches: string[] = []
  compared = 0
  largestP = { difference: 0, where: '' }
  largestRelative = { difference: 0, where: '' }
  /** Largest difference per statistic (p-values absolute, others relative). */
  readonly largestByKind = new Map<string, number>()

  constructor(private readonly prefix: string) {}

  private fail(where: string, spnet: unknown, r: unknown, why: string): void {
    this.mismatches.push(
      `${this.prefix} / ${where}: spnet ${JSON.stringify(spnet)}, R ${JSON.stringify(r)} (${why})`,
    )
  }

  /** Both null, or both numbers; returns the numbers when both are. */
  private numbers(
    where: string,
    spnet: Value | undefined,
    r: Value,
  ): readonly [number, number] | null {
    this.compared++
    if (spnet === undefined) {
      this.fail(where, spnet, r, 'missing from spnet output')
      return null
    }
    if (spnet === null || r === null) {
      if (spnet !== r) this.fail(where, spnet, r, 'NA in one and a number in the other')
      return null
    }
    return [spnet, r]
  }

  /** Counts, degrees of freedom: equal. */
  exact(where: string, spnet: Value | undefined, r: Value): void {
    const pair = this.numbers(where, spnet, r)
    if (pair !== null && pair[0] !== pair[1]) this.fail(where, spnet, r, 'not equal')
  }

  /** p-values: 1e-9 absolute. */
  p(where: string, spnet: Value | undefined, r: Value): void {
    const pair = this.numbers(where, spnet, r)
    if (pair === null) return
    const difference = Math.abs(pair[0] - pair[1])
    this.track(where, difference)
    if (difference > this.largestP.difference) this.largestP = { difference, where: this.at(where) }
    if (!(difference <= pTolerance)) {
      this.fail(
        where,
        spnet,
        r,
        `absolute difference ${difference.toExponential(2)} > ${pTolerance}`,
      )
    }
  }

  /** Statistics and descriptives: 1e-12 relative to R's value (exact when R's is 0). */
  relative(where: string, spnet: Value | undefined, r: Value): void {
    const pair = this.numbers(where, spnet, r)
    if (pair === null) return
    const [a, e] = pair
    const difference = a === e ? 0 : Math.abs(a - e) / Math.abs(e)
    this.track(where, difference)
    if (difference > this.largestRelative.difference) {
      this.largestRelative = { difference, where: this.at(where) }
    }
    if (!(difference <= relativeTolerance)) {
      this.fail(
        where,
        spnet,
        r,
        `relative difference ${difference.toExponential(2)} > ${relativeTolerance}`,
      )
    }
  }

  /** Flags and labels: equal. */
  same(where: string, spnet: unknown, r: unknown): void {
    this.compared++
    if (JSON.stringify(spnet) !== JSON.stringify(r)) this.fail(where, spnet, r, 'not equal')
  }

  private track(where: string, difference: number): void {
    // The statistic without its measure and group: "Wilcoxon p", "median", "expected count".
    const kind = where
      .split(': ')
      .slice(1)
      .filter((part) => !part.startsWith('group '))
      .join(': ')
      .replace(/^Wilcoxon .* vs [^:]*/, 'Wilcoxon')
      .replace(/ of group .*$/, '')
      .replace(/ \(R: .*\)$/, '')
    this.largestByKind.set(kind, Math.max(this.largestByKind.get(kind) ?? 0, difference))
  }

  private at(where: string): string {
    return `${this.prefix} / ${where}`
  }
}

function checkMeasures(check: Checker, r: RComparison, spnet: Comparison): void {
  check.same(
    'groups',
    spnet.groups.map((g) => g.group),
    r.groups.map((g) => g.group),
  )
  for (const group of r.groups) {
    const ours = spnet.groups.find((g) => g.group === group.group)
    check.exact(`group ${group.group}: egos`, ours?.egos, group.egos)
  }
  check.exact('egos without a group', spnet.egosWithoutGroup, r.egosWithoutGroup)
  check.same(
    'measures',
    spnet.measures.map((m) => m.measure),
    r.measures.map((m) => m.measure),
  )

  for (const measure of r.measures) {
    const at = (what: string) => `${measure.measure}: ${what}`
    const ours = spnet.measures.find((m) => m.measure === measure.measure)
    if (ours === undefined) {
      check.same(at('present in spnet output'), false, true)
      continue
    }
    for (const group of measure.groups) {
      const summary = ours.groups.find((g) => g.group === group.group)
      const g = (statistic: string) => at(`group ${group.group}: ${statistic}`)
      check.same(g('suppressed'), summary?.suppressed, false)
      check.exact(g('egos'), summary?.egos, group.egos)
      check.exact(g('n'), summary?.n, group.n)
      check.exact(g('NA count'), summary?.missing, group.missing)
      check.relative(g('median'), summary?.median, group.median)
      check.relative(g('Q1 (type 7)'), summary?.q1, group.q1)
      check.relative(g('Q3 (type 7)'), summary?.q3, group.q3)
      check.relative(g('IQR'), summary?.iqr, group.iqr)
      check.relative(g('mean'), summary?.mean, group.mean)
      check.relative(g('sd'), summary?.sd, group.sd)
      check.relative(g('min'), summary?.min, group.min)
      check.relative(g('max'), summary?.max, group.max)
    }

    const kw = ours.kruskalWallis
    check.relative(at('Kruskal-Wallis H'), kw?.statistic ?? null, measure.kruskal.statistic)
    check.exact(at('Kruskal-Wallis df'), kw?.df ?? null, measure.kruskal.parameter)
    check.p(at('Kruskal-Wallis p'), kw?.pValue ?? null, measure.kruskal.pValue)

    const w = measure.wilcox
    const pairName = (what: string) => at(`Wilcoxon ${w.groups.join(' vs ')}: ${what}`)
    const wilcoxon = ours.pair?.wilcoxon ?? null
    check.same(pairName('groups'), ours.pair?.groups, w.groups)
    check.relative(pairName('W'), wilcoxon?.statistic ?? null, w.statistic)
    check.p(pairName('p'), wilcoxon?.pValue ?? null, w.pValue)
    check.same(pairName(`exact method (R: ${w.method})`), wilcoxon?.exact, w.exact)
    check.relative(pairName('rank-biserial r'), wilcoxon?.rankBiserial ?? null, w.rankBiserial)
    // Groups' n as R saw them, from the descriptives of the same measure.
    const nOf = (name: string) => ours.groups.find((g) => g.group === name)?.n
    check.exact(pairName('n of first group'), nOf(w.groups[0]) ?? null, w.nx)
    check.exact(pairName('n of second group'), nOf(w.groups[1]) ?? null, w.ny)
  }
}

type SpnetTable = NonNullable<Comparison['composition']>['pair']

function checkTable(
  check: Checker,
  name: string,
  categories: readonly string[],
  r: RTable,
  spnet: SpnetTable,
): void {
  const at = (what: string) => `composition ${name}: ${what}`
  if (spnet === null) {
    check.same(at('present in spnet output'), false, true)
    return
  }
  check.same(at('groups (rows)'), spnet.groups, r.groups)
  r.groups.forEach((group, i) => {
    const row = spnet.counts[i]
    categories.forEach((category, j) => {
      check.exact(at(`count of group ${group}, ${category}`), row?.[j], r.counts[i]![j]!)
    })
    check.exact(
      at(`number of categories of group ${group}`),
      row?.length ?? null,
      categories.length,
    )
  })

  const chi = spnet.chiSquare
  if (r.chisq === null) {
    check.same(at('chi-square test'), chi, null)
  } else {
    const rows = r.groups.filter((g) => !r.droppedRows.includes(g))
    const columns = categories.filter((c) => !r.droppedColumns.includes(c))
    check.same(
      at('dropped rows'),
      chi?.droppedRows.map((i) => r.groups[i]),
      r.droppedRows,
    )
    check.same(
      at('dropped columns'),
      chi?.droppedColumns.map((j) => categories[j]),
      r.droppedColumns,
    )
    check.relative(at('chi-square X²'), chi?.statistic ?? null, r.chisq.statistic)
    check.exact(at('chi-square df'), chi?.df ?? null, r.chisq.parameter)
    check.p(at('chi-square p'), chi?.pValue ?? null, r.chisq.pValue)
    check.same(at(`Yates correction (R: ${r.chisq.method})`), chi?.yates, r.chisq.yates)
    check.same(
      at(`expected count < 5 (R warnings: ${JSON.stringify(r.chisq.warnings)})`),
      chi?.lowExpected,
      r.chisq.warnings.includes(lowExpectedWarning),
    )
    rows.forEach((group, i) => {
      columns.forEach((category, j) => {
        check.relative(
          at(`expected count of group ${group}, ${category}`),
          chi?.expected[i]?.[j],
          r.chisq!.expected[i]![j]!,
        )
      })
    })
  }

  if (r.fisher === null) {
    check.same(at('Fisher test (R applies it to 2×2 tables only)'), spnet.fisher, null)
  } else {
    check.p(at('Fisher p'), spnet.fisher?.pValue ?? null, r.fisher.pValue)
    check.relative(
      at('Fisher odds ratio (conditional MLE)'),
      spnet.fisher?.oddsRatio,
      r.fisher.estimate,
    )
  }
}

function checkComposition(check: Checker, r: RComparison, spnet: Comparison): void {
  const composition = spnet.composition
  const reference = r.composition
  if (composition === null) {
    check.same('composition present in spnet output', false, true)
    return
  }
  check.same('composition attribute', composition.attribute, reference.attribute)
  check.same('composition categories (columns)', composition.categories, reference.categories)
  check.exact('composition: alters with no category', composition.missing, reference.missing)
  checkTable(check, 'of all groups', reference.categories, reference, composition)
  checkTable(
    check,
    `of ${reference.pair.groups.join(' vs ')}`,
    reference.categories,
    reference.pair,
    composition.pair,
  )
  check.same(
    `composition: low-expected-count note (R warned: ${JSON.stringify(reference.chisq?.warnings)})`,
    spnet.notes.some((note) => note.includes('expected counts') && note.includes('below 5')),
    reference.chisq?.warnings.includes(lowExpectedWarning) ?? false,
  )
}

/** What was compared, over all tests; printed when SPNET_REFERENCE_REPORT is set. */
const totals = {
  compared: 0,
  largestP: { difference: 0, where: '' },
  largestRelative: { difference: 0, where: '' },
  largestByKind: new Map<string, number>(),
}

function record(check: Checker): void {
  totals.compared += check.compared
  if (check.largestP.difference >= totals.largestP.difference) totals.largestP = check.largestP
  if (check.largestRelative.difference >= totals.largestRelative.difference) {
    totals.largestRelative = check.largestRelative
  }
  for (const [kind, difference] of check.largestByKind) {
    totals.largestByKind.set(kind, Math.max(totals.largestByKind.get(kind) ?? 0, difference))
  }
}

afterAll(() => {
  if (process.env['SPNET_REFERENCE_REPORT'] !== undefined) {
    console.log(
      `compare vs R: ${totals.compared} values compared; largest p-value difference ` +
        `${totals.largestP.difference.toExponential(2)} (${totals.largestP.where}); largest ` +
        `relative difference ${totals.largestRelative.difference.toExponential(2)} ` +
        `(${totals.largestRelative.where})`,
    )
    for (const [kind, difference] of totals.largestByKind) {
      console.log(`  ${kind}: ${difference.toExponential(2)}`)
    }
  }
})

describe('reference values from R (compare-r.json)', () => {
  it('was made by the reference script from the expected comparisons', () => {
    expect(fixture.producedBy.script).toBe('scripts/reference/compare.R')
    expect(fixture.comparisons.map((c) => `${c.input}: ${c.by}`)).toEqual([
      'demo-60: imd_quintile',
      'demo-60: implementation_model',
      'demo-60-binary: core20',
    ])
    // At least one exact and one normal-approximation Wilcoxon test, one
    // Yates-corrected 2×2 chi-square, one Fisher test, one low-expected warning.
    const wilcoxons = fixture.comparisons.flatMap((c) => c.measures.map((m) => m.wilcox))
    expect(new Set(wilcoxons.map((w) => w.exact))).toEqual(new Set([true, false]))
    const tables = fixture.comparisons.flatMap((c) => [c.composition, c.composition.pair])
    expect(tables.some((t) => t.chisq?.yates === true)).toBe(true)
    expect(tables.some((t) => t.fisher !== null)).toBe(true)
    expect(tables.some((t) => t.chisq?.warnings.includes(lowExpectedWarning))).toBe(true)
  })

  it.each(['demo-60', 'demo-60-binary'])(
    "R's inputs are spnet's measure values bit for bit (%s)",
    async (input) => {
      const attr = input === 'demo-60' ? 'org_type' : 'is_vcse,org_type'
      const rows = JSON.parse(
        await runSpnet(['measures', folder(input), '--attr', attr, '--format', 'json']),
      ) as Record<string, Value | string>[]
      const { egoIds, values } = fixture.inputValues
      expect(rows.map((row) => row['ego_id'])).toEqual(egoIds)
      const mismatches: string[] = []
      for (const column of fixture.measureColumns) {
        rows.forEach((row, i) => {
          const ours = row[column]
          const theirs = values[column]![i]
          if (!Object.is(ours, theirs)) {
            mismatches.push(`${input} / ${egoIds[i]!} / ${column}: spnet ${ours}, R read ${theirs}`)
          }
        })
      }
      expect(mismatches).toEqual([])
    },
  )

  it('withholds small groups by default without changing any test result', async () => {
    // implementation_model has a group of 2 egos ("other"); R's tests include it.
    const reference = fixture.comparisons.find((c) => c.by === 'implementation_model')!
    const small = reference.groups.filter((g) => g.egos < 3).map((g) => g.group)
    expect(small).toEqual(['other'])
    const shown = await spnetCompare(reference)
    const withheld = await spnetCompare(reference, false)
    // Expected counts are left out: a withheld group's row would reveal its counts.
    const withoutExpected = (t: Comparison['composition']) =>
      t?.chiSquare === null || t?.chiSquare === undefined
        ? null
        : { ...t.chiSquare, expected: undefined }
    const tests = (c: Comparison) => ({
      measures: c.measures.map((m) => [m.kruskalWallis, m.pair]),
      chiSquare: withoutExpected(c.composition),
      pair: c.composition?.pair?.chiSquare?.statistic,
    })
    expect(tests(withheld)).toEqual(tests(shown))
    for (const measure of withheld.measures) {
      const other = measure.groups.find((g) => g.group === 'other')!
      expect(other).toMatchObject({ suppressed: true, median: null, mean: null, sd: null })
    }
    const row = withheld.composition!.groups.indexOf('other')
    expect(withheld.composition!.counts[row]).toBeNull()
    expect(withheld.composition!.chiSquare!.expected[row]).toBeNull()
    expect(shown.composition!.chiSquare!.expected[row]).not.toBeNull()
  })

  describe.each(fixture.comparisons.map((c) => [`${c.input}: --by ${c.by}`, c] as const))(
    '%s',
    (_, reference) => {
      let result: Comparison
      beforeAll(async () => {
        result = await spnetCompare(reference)
      })

      it('matches R: descriptives, Kruskal–Wallis and Wilcoxon of every measure and group', () => {
        const check = new Checker(`--by ${reference.by}`)
        checkMeasures(check, reference, result)
        record(check)
        expect(check.mismatches).toEqual([])
      })

      it('matches R: composition table cell by cell, chi-square and Fisher tests', () => {
        const check = new Checker(`--by ${reference.by}`)
        checkComposition(check, reference, result)
        record(check)
        expect(check.mismatches).toEqual([])
      })
    },
  )
})
