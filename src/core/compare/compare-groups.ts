import { SpnetError } from '../errors.js'
import type { MeasureTable } from '../measures/compute-measures.js'
import { categoryOf } from '../measures/alter-categories.js'
import type { Study } from '../network/ego-network.js'
import { err, ok, type Result } from '../result.js'
import { chiSquareTest, type ChiSquareTestResult } from '../statistics/chi-square-test.js'
import { describeSample, type Description } from '../statistics/describe-sample.js'
import { fisherExact2x2, type FisherExactResult } from '../statistics/fisher-exact.js'
import { kruskalWallis, type KruskalWallisResult } from '../statistics/kruskal-wallis.js'
import { wilcoxonRankSum, type WilcoxonRankSumResult } from '../statistics/wilcoxon-rank-sum.js'

/**
 * Group comparisons of MEASURES.md: per-group descriptives, Kruskal–Wallis
 * across groups, Wilcoxon rank-sum between two chosen groups, and the
 * composition of the pooled alters by group (chi-square; Fisher for 2×2).
 *
 * Disclosure control: groups with fewer than `minGroupSize` egos (default 3)
 * are flagged and their own summaries (descriptives, composition counts) are
 * withheld unless `showSmallGroups`. Tests still use every ego, so they equal
 * R's on the same data.
 */

export type CompareOptions = {
  /** Ego attribute defining the groups, e.g. `imd_quintile`. */
  readonly by: string
  /** Measure columns to compare; default a core set present in the table. */
  readonly measures?: readonly string[] | undefined
  /** Two groups for the Wilcoxon test and the 2-group composition. */
  readonly pair?: readonly [string, string] | undefined
  /** Alter attribute for the composition test (default the table's first). */
  readonly attribute?: string | undefined
  readonly minGroupSize?: number | undefined
  readonly showSmallGroups?: boolean | undefined
}

export type GroupInfo = {
  readonly group: string
  readonly egos: number
  /** Fewer egos than the minimum group size. */
  readonly small: boolean
}

export type GroupSummary = Description & {
  readonly group: string
  readonly egos: number
  /** Summaries withheld for disclosure control (all values null). */
  readonly suppressed: boolean
}

export type PairComparison = {
  readonly groups: readonly [string, string]
  readonly wilcoxon: WilcoxonRankSumResult | null
}

export type MeasureComparison = {
  readonly measure: string
  readonly groups: readonly GroupSummary[]
  readonly kruskalWallis: KruskalWallisResult | null
  readonly pair: PairComparison | null
}

export type CompositionTest = {
  readonly groups: readonly string[]
  /** Alters per group (rows) and category (columns); null rows are withheld. */
  readonly counts: readonly (readonly number[] | null)[]
  /**
   * The chi-square test. Expected counts are given per group row (null for
   * a withheld group, whose counts they would reveal, and for rows dropped as
   * empty), per kept category column.
   */
  readonly chiSquare:
    | (Omit<ChiSquareTestResult, 'expected'> & {
        readonly expected: readonly (readonly number[] | null)[]
      })
    | null
  /** Fisher's exact test, when the table (after dropping empty rows and columns) is 2×2. */
  readonly fisher: FisherExactResult | null
}

export type CompositionComparison = CompositionTest & {
  readonly attribute: string
  readonly categories: readonly string[]
  /** Alters with no value for the attribute, left out of the table. */
  readonly missing: number
  readonly pair: CompositionTest | null
}

export type Comparison = {
  readonly by: string
  readonly groups: readonly GroupInfo[]
  /** Egos with no value for `by`, left out. */
  readonly egosWithoutGroup: number
  readonly minGroupSize: number
  readonly measures: readonly MeasureComparison[]
  readonly composition: CompositionComparison | null
  readonly notes: readonly string[]
}

/** The measures compared when none are named, for the first attribute `attr`. */
export function defaultComparedMeasures(attr: string | undefined): string[] {
  const base = [
    'size',
    'density',
    'components',
    'effective_size',
    'efficiency',
    'constraint',
    'hierarchy',
    'ego_betweenness',
    'brokerage_total',
    'bridging_pairs',
    'mean_frequency',
    'multiplexity',
  ]
  return attr === undefined
    ? base
    : [...base, `prop_${attr}_vcse`, `iqv_${attr}`, `ei_${attr}`, `ego_ei_${attr}`]
}

export function compareGroups(
  study: Study,
  table: MeasureTable,
  options: CompareOptions,
): Result<Comparison> {
  const minGroupSize = options.minGroupSize ?? 3
  const show = options.showSmallGroups === true
  const notes: string[] = []
  const egoVars = study.codebook.ego
  if (egoVars[options.by] === undefined) {
    return err(
      new SpnetError('usage', `Egos have no attribute "${options.by}" to group by.`, {
        issues: [{ message: `Egos have: ${Object.keys(egoVars).join(', ') || '(none)'}.` }],
      }),
    )
  }

  // Group of each ego, in table order (the table follows study order).
  const groupOf = study.networks.map((net) => categoryOf(net.ego.attributes[options.by]))
  const order = groupOrder(study, options.by, groupOf)
  const egosIn = new Map(order.map((g) => [g, 0]))
  let egosWithoutGroup = 0
  for (const g of groupOf) {
    if (g === null) egosWithoutGroup++
    else egosIn.set(g, egosIn.get(g)! + 1)
  }
  const groups: GroupInfo[] = order.map((group) => {
    const egos = egosIn.get(group)!
    return { group, egos, small: egos < minGroupSize }
  })
  if (groups.length < 2) {
    return err(
      new SpnetError(
        'validation',
        `All egos with a value of "${options.by}" are in one group (${order[0] ?? 'none'}); there is nothing to compare.`,
      ),
    )
  }
  if (egosWithoutGroup > 0)
    notes.push(`${egosWithoutGroup} ego(s) with no value of "${options.by}" are left out.`)
  const small = groups.filter((g) => g.small)
  if (small.length > 0) {
    notes.push(
      `Group(s) ${small.map((g) => `${g.group} (${g.egos} ego${g.egos === 1 ? '' : 's'})`).join(', ')} have fewer than ${minGroupSize} egos: ` +
        (show
          ? 'their summaries are shown because you asked; take care before publishing them.'
          : 'their summaries are withheld (disclosure control). The tests still include them.'),
    )
  }

  const pair = options.pair
  if (pair !== undefined) {
    const missing = pair.filter((p) => !order.includes(p))
    if (missing.length > 0) {
      return err(
        new SpnetError(
          'usage',
          `--pair names ${missing.map((m) => `"${m}"`).join(', ')}, not a group of "${options.by}".`,
          {
            issues: [{ message: `The groups are: ${order.join(', ')}.` }],
          },
        ),
      )
    }
    if (pair[0] === pair[1])
      return err(new SpnetError('usage', '--pair needs two different groups.'))
  }

  const firstAttr = table.columns
    .find((c) => c.startsWith('diversity_'))
    ?.slice('diversity_'.length)
  const wanted =
    options.measures ?? defaultComparedMeasures(firstAttr).filter((m) => table.columns.includes(m))
  const unknown = wanted.filter((m) => !table.columns.includes(m) || m === table.columns[0])
  if (unknown.length > 0) {
    return err(
      new SpnetError('usage', `No measure column ${unknown.map((m) => `"${m}"`).join(', ')}.`, {
        issues: [{ message: `The measure columns are: ${table.columns.slice(1).join(', ')}.` }],
      }),
    )
  }

  const measures = wanted.map((measure): MeasureComparison => {
    const c = table.columns.indexOf(measure) - 1
    const byGroup = new Map<string, (number | null)[]>(order.map((g) => [g, []]))
    table.rows.forEach((row, i) => {
      const g = groupOf[i]
      if (g !== null && g !== undefined) byGroup.get(g)!.push(row[c] ?? null)
    })
    const summaries = groups.map((info): GroupSummary => {
      const d = describeSample(byGroup.get(info.group)!)
      const suppressed = info.small && !show
      return { ...(suppressed ? withheld(d) : d), group: info.group, egos: info.egos, suppressed }
    })
    const present = order.map((g) => byGroup.get(g)!.filter((v): v is number => v !== null))
    return {
      measure,
      groups: summaries,
      kruskalWallis: kruskalWallis(present),
      pair:
        pair === undefined
          ? null
          : {
              groups: pair,
              wilcoxon: wilcoxonRankSum(
                present[order.indexOf(pair[0])]!,
                present[order.indexOf(pair[1])]!,
              ),
            },
    }
  })

  const attribute = options.attribute ?? firstAttr
  const composition =
    attribute === undefined
      ? null
      : compareComposition(study, attribute, order, groupOf, groups, show, pair)
  if (composition?.chiSquare?.lowExpected === true) {
    notes.push(
      `Some expected counts in the ${attribute} composition table are below 5, so its chi-square p-value is approximate.`,
    )
  }
  return ok({
    by: options.by,
    groups,
    egosWithoutGroup,
    minGroupSize,
    measures,
    composition,
    notes,
  })
}

function withheld(d: Description): Description {
  return {
    n: d.n,
    missing: d.missing,
    mean: null,
    sd: null,
    median: null,
    q1: null,
    q3: null,
    iqr: null,
    min: null,
    max: null,
  }
}

/** Groups in a natural order: declared levels, numbers ascending, else text order. */
function groupOrder(study: Study, by: string, groupOf: readonly (string | null)[]): string[] {
  const present = [...new Set(groupOf.filter((g): g is string => g !== null))]
  const variable = study.codebook.ego[by]
  if (variable?.type === 'categorical') {
    const rank = new Map(variable.levels.map((level, i) => [level, i]))
    return present.sort(
      (a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || compareText(a, b),
    )
  }
  if (present.every((g) => Number.isFinite(Number(g))))
    return present.sort((a, b) => Number(a) - Number(b))
  return present.sort(compareText)
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function compareComposition(
  study: Study,
  attribute: string,
  order: readonly string[],
  groupOf: readonly (string | null)[],
  groups: readonly GroupInfo[],
  show: boolean,
  pair: readonly [string, string] | undefined,
): CompositionComparison | null {
  const declared = study.codebook.alter[attribute]
  const seen = new Set<string>()
  const counts = new Map<string, Map<string, number>>(order.map((g) => [g, new Map()]))
  let missing = 0
  study.networks.forEach((net, i) => {
    const g = groupOf[i]
    if (g === null || g === undefined) return
    const row = counts.get(g)!
    for (const alter of net.alters) {
      const c = categoryOf(alter.attributes[attribute])
      if (c === null) {
        missing++
        continue
      }
      seen.add(c)
      row.set(c, (row.get(c) ?? 0) + 1)
    }
  })
  const categories =
    declared?.type === 'categorical'
      ? declared.levels.filter((l) => seen.has(l))
      : [...seen].sort(compareText)
  if (categories.length === 0) return null
  const matrix = order.map((g) => categories.map((c) => counts.get(g)!.get(c) ?? 0))
  const test = (rows: readonly number[]): CompositionTest => {
    const sub = rows.map((r) => matrix[r]!)
    const chiSquare = chiSquareTest(sub)
    const kept = sub
      .filter((_, r) => !(chiSquare?.droppedRows ?? []).includes(r))
      .map((row) => row.filter((_, c) => !(chiSquare?.droppedColumns ?? []).includes(c)))
    const fisher =
      chiSquare !== null && kept.length === 2 && kept[0]!.length === 2
        ? fisherExact2x2([
            [kept[0]![0]!, kept[0]![1]!],
            [kept[1]![0]!, kept[1]![1]!],
          ])
        : null
    const withheld = (r: number) => groups[r]!.small && !show
    let next = 0
    const expected = rows.map((r, i) => {
      if (chiSquare === null || chiSquare.droppedRows.includes(i)) return null
      const row = chiSquare.expected[next++]!
      return withheld(r) ? null : row
    })
    return {
      groups: rows.map((r) => order[r]!),
      counts: rows.map((r) => (withheld(r) ? null : matrix[r]!)),
      chiSquare: chiSquare === null ? null : { ...chiSquare, expected },
      fisher,
    }
  }
  const all = test(order.map((_, r) => r))
  return {
    attribute,
    categories,
    missing,
    ...all,
    pair: pair === undefined ? null : test([order.indexOf(pair[0]), order.indexOf(pair[1])]),
  }
}
