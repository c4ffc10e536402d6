import { maxGenerators } from '../network/study-columns.js'
import { ok, type Result } from '../result.js'
import { openCsv, type CsvFile } from './csv-table.js'
import {
  cellIssue,
  collectAttributes,
  skipAttributes,
  resolveLayout,
  rowCapacity,
  unknownEgoIssue,
  widthOk,
  type ColumnRole,
  type Layout,
} from './file-layout.js'
import type { IssueCollector } from './issue-collector.js'
import { parseFlag, shorten } from './parse-value.js'
import type { EgoRecords } from './read-egos.js'

/** alters.csv as read: one entry per alter record, in file order. @internal */
export type AlterRecords = {
  readonly layout: Layout
  /** Name-generator columns, in order; bit g of `generators[r]` is column g. */
  readonly generatorColumns: readonly string[]
  readonly count: number
  readonly ego: Int32Array
  /** Position of the alter among its ego's alters. */
  readonly local: Int32Array
  readonly lines: Int32Array
  readonly generators: Int32Array
  readonly ids: readonly string[]
  /** Alters per ego. */
  readonly perEgo: Int32Array
  /** Per ego: alter id → alter record. */
  readonly indexOf: readonly (ReadonlyMap<string, number> | undefined)[]
}

export type AlterColumns = {
  readonly egoId: string
  readonly alterId: string
  readonly frequency: string
  /** Name-generator columns; undefined: those of `defaults` present. */
  readonly generators: readonly string[] | undefined
  /** Optional columns the user named (they must exist). */
  readonly explicit: ReadonlySet<ColumnRole>
}

/** Reads alters.csv; null (issues added) when its header is unusable. */
export function readAlters(
  file: CsvFile,
  egos: EgoRecords,
  cols: AlterColumns,
  defaults: readonly string[],
  egosFile: string,
  delimiter: string | undefined,
  issues: IssueCollector,
): Result<AlterRecords | null> {
  const capacity = rowCapacity(file.text)
  const ego = new Int32Array(capacity)
  const local = new Int32Array(capacity)
  const lines = new Int32Array(capacity)
  const generators = new Int32Array(capacity)
  const ids: string[] = []
  const perEgo = new Int32Array(egos.ids.length)
  const indexOf = new Array<Map<string, number> | undefined>(egos.ids.length)
  const opened = openCsv(file, { delimiter })
  if (!opened.ok) return opened
  const row = opened.value
  const header = row.header
  const generatorColumns = cols.generators ?? defaults.filter((g) => header.columns.includes(g))
  if (generatorColumns.length > maxGenerators) {
    issues.add({
      file: file.name,
      line: header.line,
      message: `${generatorColumns.length} name-generator columns were named; spnet handles up to ${maxGenerators}.`,
      fix: 'Name fewer columns with --generators.',
    })
    return ok(null)
  }
  const layout = resolveLayout(file.name, header, capacity, issues, {
    required: [
      ['egoId', cols.egoId],
      ['alterId', cols.alterId],
    ],
    optional: [['frequency', cols.frequency]],
    flags: generatorColumns,
    asAttributes: [cols.frequency],
    explicit: cols.explicit,
  })
  if (layout === null) return ok(null)
  const egoField = layout.fields.get(cols.egoId)!
  const idField = layout.fields.get(cols.alterId)!
  const flagFields = generatorColumns.map((g) => layout.fields.get(g)!)
  let lastEgoRaw = ''
  let lastEgo = -1
  while (row.next()) {
    const line = row.line
    const wide = widthOk(layout, row, line, issues)
    // Rows usually come grouped by ego: a repeat needs no string and no lookup.
    let e: number | undefined = lastEgo
    if (lastEgo < 0 || !row.cellIs(egoField, lastEgoRaw)) {
      const egoRaw = row.cell(egoField)
      e = egos.index.get(egoRaw)
      if (e === undefined) {
        issues.add(unknownEgoIssue(layout, line, egoField, egoRaw, egosFile))
        continue
      }
      lastEgoRaw = egoRaw
      lastEgo = e
    }
    const id = row.cell(idField)
    if (id === '') {
      issues.add(
        cellIssue(
          layout,
          line,
          idField,
          'The alter id is empty.',
          'Give every alter an id, unique within its ego.',
        ),
      )
      continue
    }
    const index = (indexOf[e] ??= new Map<string, number>())
    const first = index.get(id)
    if (first !== undefined) {
      issues.add(
        cellIssue(
          layout,
          line,
          idField,
          `Alter "${shorten(id)}" of ego "${shorten(egos.ids[e]!)}" is listed twice (first on line ${lines[first]}).`,
          'Alter ids must be unique within an ego: merge the two rows or give one a new id.',
        ),
      )
      continue
    }
    let mask = 0
    for (let g = 0; wide && g < flagFields.length; g++) {
      const field = flagFields[g]!
      const plain = row.flag(field)
      if (plain === 1) mask |= 1 << g
      else if (plain < 0) {
        const flag = parseFlag(row.field(field).trim())
        if (!flag.ok) issues.add(cellIssue(layout, line, field, flag.message, flag.fix))
        else if (flag.value) mask |= 1 << g
      }
    }
    const record = ids.length
    index.set(id, record)
    ids.push(id)
    ego[record] = e
    local[record] = perEgo[e]!++
    lines[record] = line
    generators[record] = mask
    if (wide) collectAttributes(layout, row, record)
    else skipAttributes(layout, record)
  }
  return ok({
    layout,
    generatorColumns,
    count: ids.length,
    ego,
    local,
    lines,
    generators,
    ids,
    perEgo,
    indexOf,
  })
}
