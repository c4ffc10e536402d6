import { ok, type Result } from '../result.js'
import { openCsv, type CsvFile } from './csv-table.js'
import {
  cellIssue,
  collectAttributes,
  skipAttributes,
  resolveLayout,
  rowCapacity,
  widthOk,
  type Layout,
} from './file-layout.js'
import type { IssueCollector } from './issue-collector.js'
import { shorten } from './parse-value.js'

/** egos.csv as read: ids in file order and their attribute columns. @internal */
export type EgoRecords = {
  readonly layout: Layout
  readonly ids: readonly string[]
  readonly index: ReadonlyMap<string, number>
  readonly lines: Int32Array
}

/**
 * Reads egos.csv. Returns null (issues added) when the file is unusable:
 * without egos every alter and tie would be reported too.
 */
export function readEgos(
  file: CsvFile,
  idColumn: string,
  delimiter: string | undefined,
  issues: IssueCollector,
): Result<EgoRecords | null> {
  const index = new Map<string, number>()
  const ids: string[] = []
  const lines = new Int32Array(rowCapacity(file.text))
  const opened = openCsv(file, { delimiter })
  if (!opened.ok) return opened
  const row = opened.value
  const layout = resolveLayout(file.name, row.header, lines.length, issues, {
    required: [['egoId', idColumn]],
  })
  if (layout === null) return ok(null)
  const idField = layout.fields.get(idColumn)!
  while (row.next()) {
    const line = row.line
    // A row with a problem still registers its id, so later files do not
    // report its alters and ties as unknown too.
    const wide = widthOk(layout, row, line, issues)
    const id = row.cell(idField)
    if (id === '') {
      issues.add(
        cellIssue(layout, line, idField, 'The ego id is empty.', 'Give every ego a unique id.'),
      )
      continue
    }
    const first = index.get(id)
    if (first !== undefined) {
      issues.add(
        cellIssue(
          layout,
          line,
          idField,
          `Ego "${shorten(id)}" is listed twice (first on line ${lines[first]}).`,
          'Give every ego a unique id, or remove the repeated row.',
        ),
      )
      continue
    }
    const record = ids.length
    index.set(id, record)
    ids.push(id)
    lines[record] = line
    if (wide) collectAttributes(layout, row, record)
    else skipAttributes(layout, record)
  }
  if (ids.length === 0 && row.count === 0) {
    issues.add({
      file: file.name,
      line: row.header.line + 1,
      message: `${file.name} has a header but no egos.`,
      fix: 'Add one row per ego (link worker) below the header.',
    })
  }
  if (ids.length === 0) return ok(null)
  return ok({ layout, ids, index, lines })
}
