import * as z from 'zod/mini'
import { compareGroups, type Comparison } from '../../core/compare/compare-groups.js'
import {
  formatComparisonCsv,
  formatComparisonJson,
  formatComparisonMarkdown,
} from '../../core/export/format-comparison.js'
import { computeMeasures, measureContext } from '../../core/measures/index.js'
import type { Study } from '../../core/network/ego-network.js'
import { list, lists, parse, parseFlags, usage } from '../args.js'
import type { Io } from '../io.js'
import { emit } from '../output.js'
import { readStudy } from '../read-study.js'
import { studyFlags, studyFlagsHelp, studyInput } from '../study-flags.js'
import { parseBridge } from './measures.js'

export const compareHelp = `spnet compare DIR --by ATTR [options]

Compares egos grouped by an ego attribute (e.g. imd_quintile or
implementation_model): per-group n, NA, median, IQR, mean and sd of each
measure; a Kruskal–Wallis test across groups; a Wilcoxon rank-sum test
between two groups (--pair); and the composition of the pooled alters by
group (Pearson chi-square; Fisher's exact test for 2×2 tables). The numbers
equal R's kruskal.test, wilcox.test, chisq.test, fisher.test and quantile.

Groups with fewer than 3 egos are flagged and their summaries withheld
(disclosure control); the tests still include them.

  --by ATTR             ego attribute that defines the groups (required)
  --measures A,B        measure columns to compare (default: a core set;
                        spnet measures --list shows them all)
  --pair G1,G2          two groups for the Wilcoxon test, e.g. --pair 1,5
  --attr ATTR           alter attribute for composition (default org_type)
  --ego-attr ATTR       ego attribute for ego_ei and brokerage (default sector)
  --bridge A:B          categories for bridging_pairs (see spnet measures --help)
  --format md|csv|json  output (default md: readable tables; csv is tidy: one value a row)
  --out FILE            write to FILE instead of the terminal
  --min-group-size N    smallest group whose summaries are shown (default 3)
  --show-small-groups   show small groups' summaries anyway

${studyFlagsHelp}
`

const formatSchema = z.enum(['md', 'csv', 'json'], { error: '--format must be md, csv or json.' })
const minSchema = z
  .int({ error: '--min-group-size must be a whole number.' })
  .check(z.minimum(1, '--min-group-size must be at least 1.'))

export async function compareCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('compare', argv, {
    ...studyFlags,
    by: { type: 'string' },
    measures: { type: 'string' },
    pair: { type: 'string' },
    attr: { type: 'string', multiple: true },
    'ego-attr': { type: 'string' },
    bridge: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    'min-group-size': { type: 'string' },
    'show-small-groups': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  })
  if (values.help === true) {
    io.stdout.write(compareHelp)
    return 0
  }
  const dir = positionals[0]
  if (dir === undefined || positionals.length > 1) {
    throw usage(
      'spnet compare needs one study folder (or .json file).',
      'Example: spnet compare my-study --by imd_quintile',
    )
  }
  if (values.by === undefined)
    throw usage('spnet compare needs --by ATTR, the ego attribute that defines the groups.')
  const format = parse(formatSchema, values.format ?? 'md')
  const minGroupSize = parse(minSchema, Number(values['min-group-size'] ?? '3'))
  const pair = list(values.pair)
  if (pair !== undefined && pair.length !== 2)
    throw usage(`--pair needs two groups separated by a comma, e.g. --pair 1,5.`)

  const study = await readStudy(studyInput(dir, values), io)
  const comparison = runComparison(study, {
    by: values.by,
    measures: list(values.measures),
    pair: pair as [string, string] | undefined,
    attributes: lists(values.attr),
    egoAttribute: values['ego-attr'],
    bridge: parseBridge(values.bridge),
    minGroupSize,
    showSmallGroups: values['show-small-groups'] === true,
    io,
  })
  const text =
    format === 'md'
      ? formatComparisonMarkdown(comparison)
      : format === 'csv'
        ? formatComparisonCsv(comparison)
        : formatComparisonJson(comparison)
  await emit(text, values.out, io)
  return 0
}

export type ComparisonRequest = {
  readonly by: string
  readonly measures?: readonly string[] | undefined
  readonly pair?: readonly [string, string] | undefined
  readonly attributes?: readonly string[] | undefined
  readonly egoAttribute?: string | undefined
  readonly bridge?: { a: string[]; b: string[] } | undefined
  readonly minGroupSize?: number | undefined
  readonly showSmallGroups?: boolean | undefined
  readonly io: Io
}

/** Measures then compares; notes about defaults go to stderr. */
export function runComparison(study: Study, request: ComparisonRequest): Comparison {
  const context = measureContext(study, {
    attributes: request.attributes,
    egoAttribute: request.egoAttribute,
    bridge: request.bridge,
  })
  if (!context.ok) throw context.error
  for (const note of context.value.notes) request.io.stderr.write(`note: ${note}\n`)
  const table = computeMeasures(study, context.value.context)
  const result = compareGroups(study, table, {
    by: request.by,
    measures: request.measures,
    pair: request.pair,
    attribute: context.value.context.attributes[0]?.name,
    minGroupSize: request.minGroupSize,
    showSmallGroups: request.showSmallGroups,
  })
  if (!result.ok) throw result.error
  return result.value
}
