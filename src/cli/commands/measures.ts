import * as z from 'zod/mini'
import { formatMeasuresCsv, formatMeasuresJson } from '../../core/export/format-measure-table.js'
import { computeMeasures, measureContext, measureRegistry } from '../../core/measures/index.js'
import { lists, parse, parseFlags, usage } from '../args.js'
import type { Io } from '../io.js'
import { emit } from '../output.js'
import { readStudyForMeasures } from '../read-study.js'
import { studyFlags, studyFlagsHelp, studyInput } from '../study-flags.js'
import { formatMeasureList } from '../format-measure-list.js'

export const measuresHelp = `spnet measures DIR [options]
spnet measures --list [--format text|md]

Computes the ego-network measures of every ego (one row per ego, in input
order) and writes them as CSV (NA for undefined values) or JSON (null).

  --attr ATTR[,ATTR]    alter attribute(s) for composition, diversity and E-I
                        (default org_type); the first also drives brokerage and bridging
  --ego-attr ATTR       ego attribute compared with alters for ego_ei and brokerage
                        (default sector; without one, every ego is "link_worker")
  --bridge A[,A]:B[,B]  categories on each side for bridging_pairs
                        (default primary_care:vcse,local_authority)
  --format csv|json     output format (default csv)
  --out FILE            write to FILE instead of the terminal
  --list                list every measure with its formula and citation

${studyFlagsHelp}
`

const formatSchema = z.enum(['csv', 'json'], { error: '--format must be csv or json.' })
const listFormatSchema = z.enum(['text', 'md'], {
  error: 'With --list, --format must be text or md.',
})

export async function measuresCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('measures', argv, {
    ...studyFlags,
    attr: { type: 'string', multiple: true },
    'ego-attr': { type: 'string' },
    bridge: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    list: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  })
  if (values.help === true) {
    io.stdout.write(measuresHelp)
    return 0
  }
  if (values.list === true) {
    const format = parse(listFormatSchema, values.format ?? 'text')
    await emit(formatMeasureList(measureRegistry, format), values.out, io)
    return 0
  }
  const format = parse(formatSchema, values.format ?? 'csv')
  const dir = positionals[0]
  if (dir === undefined || positionals.length > 1) {
    throw usage(
      'spnet measures needs one study folder (or .json file).',
      'Example: spnet measures my-study --out measures.csv',
    )
  }
  const study = await readStudyForMeasures(studyInput(dir, values), io)
  const context = measureContext(study, {
    attributes: lists(values.attr),
    egoAttribute: values['ego-attr'],
    bridge: parseBridge(values.bridge),
  })
  if (!context.ok) throw context.error
  for (const note of context.value.notes) io.stderr.write(`note: ${note}\n`)
  const table = computeMeasures(study, context.value.context)
  await emit(
    format === 'csv' ? formatMeasuresCsv(table) : formatMeasuresJson(table),
    values.out,
    io,
  )
  if (values.out !== undefined) {
    io.stderr.write(
      `Wrote ${table.rows.length} egos × ${table.columns.length} columns to ${values.out}\n`,
    )
  }
  return 0
}

export function parseBridge(value: string | undefined): { a: string[]; b: string[] } | undefined {
  if (value === undefined) return undefined
  const sides = value.split(':')
  const [a, b] = sides.map((side) =>
    side
      .split(',')
      .map((c) => c.trim())
      .filter((c) => c !== ''),
  )
  if (
    sides.length !== 2 ||
    a === undefined ||
    b === undefined ||
    a.length === 0 ||
    b.length === 0
  ) {
    throw usage(
      `--bridge must be two lists of categories separated by a colon, not "${value}".`,
      'Example: --bridge primary_care:vcse,local_authority',
    )
  }
  return { a, b }
}
