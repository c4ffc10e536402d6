import type { Issue } from '../errors.js'
import type { CsvHeader, CsvRows } from './csv-table.js'
import type { IssueCollector } from './issue-collector.js'
import { shorten } from './parse-value.js'

/**
 * The columns of one input file as resolved from its header, and the
 * attribute columns read from its rows. Shared by the egos, alters and ties
 * readers of `importThreeFiles`.
 * @internal
 */

/** Which column-name option names a column, for messages. */
export type ColumnRole = 'egoId' | 'alterId' | 'from' | 'to' | 'state' | 'weight' | 'frequency'

const roleFlags: Record<ColumnRole, string> = {
  egoId: '--ego-id-col',
  alterId: '--alter-id-col',
  from: '--from-col',
  to: '--to-col',
  state: '--state-col',
  weight: '--weight-col',
  frequency: '--frequency-col',
}

/**
 * An attribute column as read: each record's cell is the code of its
 * distinct raw value, in a preallocated Int32Array (no growth, nothing for the
 * garbage collector to trace); values are typed once per distinct value.
 */
export type AttributeColumn = {
  readonly name: string
  readonly field: number
  readonly codes: Int32Array
  readonly distinct: string[]
  readonly intern: Map<string, number>
  /**
   * Set once the column proves to hold mostly distinct values (organisation
   * ids): each cell then gets a code of its own, without a lookup, and
   * `distinct` may repeat a value.
   */
  unique: boolean
}

/** Distinct values a column may reach before it can be judged mostly distinct. */
const uniqueAfter = 4096

export type Layout = {
  readonly file: string
  readonly header: CsvHeader
  /** Field index of each named column. */
  readonly fields: ReadonlyMap<string, number>
  readonly attributes: readonly AttributeColumn[]
}

/**
 * An upper bound for the number of data rows: the number of line ends, LF
 * or CR (old Mac files end lines with CR alone), plus one.
 */
export function rowCapacity(text: string): number {
  let lines = 1
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++
  let crs = 1
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) crs++
  return Math.max(lines, crs)
}

/**
 * Resolves a file's columns: required ones must exist, optional ones may,
 * name-generator flags must exist; every other column is an attribute.
 * Returns null (with issues) when the header is unusable, so its rows are not
 * read.
 */
export function resolveLayout(
  file: string,
  header: CsvHeader,
  capacity: number,
  issues: IssueCollector,
  columns: {
    readonly required: readonly (readonly [ColumnRole, string])[]
    readonly optional?: readonly (readonly [ColumnRole, string])[]
    readonly flags?: readonly string[]
    /** Optional columns read like attributes (e.g. frequency). */
    readonly asAttributes?: readonly string[]
    /** Optional columns the user named: they must exist. */
    readonly explicit?: ReadonlySet<ColumnRole>
  },
): Layout | null {
  const fields = new Map<string, number>()
  let usable = true
  header.columns.forEach((name, i) => {
    if (name === '') return
    const first = fields.get(name)
    if (first !== undefined) {
      issues.add({
        file,
        line: header.line,
        column: i + 1,
        columnName: name,
        message: `The column "${shorten(name)}" appears twice (columns ${first + 1} and ${i + 1}).`,
        fix: 'Rename or remove one of them.',
      })
      usable = false
      return
    }
    fields.set(name, i)
  })
  // A column named in another case ("State", "Ego_ID") is the column meant.
  for (const [, name] of [...columns.required, ...(columns.optional ?? [])]) {
    if (fields.has(name)) continue
    const matches = header.columns.flatMap((c, i) =>
      c.toLowerCase() === name.toLowerCase() ? [i] : [],
    )
    if (matches.length === 1) fields.set(name, matches[0]!)
  }
  const listed = header.columns.filter((c) => c !== '').map((c) => shorten(c, 30))
  for (const [role, name] of (columns.optional ?? []).filter(
    ([role]) => columns.explicit?.has(role) === true,
  )) {
    if (!fields.has(name)) {
      issues.add({
        file,
        line: header.line,
        message: `${file} has no "${name}" column (named with ${roleFlags[role]}). Its columns are: ${listed.join(', ') || '(none)'}.`,
        fix: `Give ${roleFlags[role]} the name of an existing column.`,
      })
      usable = false
    }
  }
  for (const [role, name] of columns.required) {
    if (!fields.has(name)) {
      issues.add({
        file,
        line: header.line,
        message: `${file} has no "${name}" column. Its columns are: ${listed.join(', ') || '(none)'}.`,
        fix: `Rename the column to "${name}", or give its name with ${roleFlags[role]} NAME.`,
      })
      usable = false
    }
  }
  const flags = columns.flags ?? []
  for (const name of flags) {
    if (!fields.has(name)) {
      issues.add({
        file,
        line: header.line,
        message: `${file} has no name-generator column "${name}".`,
        fix: `List only columns of ${file} with --generators.`,
      })
      usable = false
    }
  }
  if (!usable) return null
  const asAttributes = new Set(columns.asAttributes ?? [])
  const special = new Set<number>(
    [
      ...columns.required.map(([, n]) => n),
      ...(columns.optional ?? []).map(([, n]) => n).filter((n) => !asAttributes.has(n)),
      ...flags,
    ].flatMap((n) => {
      const i = fields.get(n)
      return i === undefined ? [] : [i]
    }),
  )
  // Attribute columns found under another case keep the name asked for.
  const canonical = new Map<number, string>()
  for (const n of asAttributes) {
    const i = fields.get(n)
    if (i !== undefined) canonical.set(i, n)
  }
  const attributes: AttributeColumn[] = []
  header.columns.forEach((name, i) => {
    // Unnamed columns (a spreadsheet's trailing commas) are read, to check they are empty.
    if (name !== '' && (special.has(i) || (fields.get(name) !== i && !canonical.has(i)))) return
    attributes.push({
      name: canonical.get(i) ?? name,
      field: i,
      codes: new Int32Array(capacity),
      distinct: [],
      intern: new Map(),
      unique: false,
    })
  })
  return { file, header, fields, attributes }
}

/** Stores record `record`'s attribute cells as codes of their distinct values. */
export function collectAttributes(lay: Layout, row: CsvRows, record: number): void {
  for (const col of lay.attributes) {
    // A column of few distinct values (categories, 0/1, small counts) is
    // matched in place; others are looked up by their text.
    let code = col.distinct.length <= 16 ? row.cellIndex(col.field, col.distinct) : -1
    if (code < 0) {
      const raw = row.cell(col.field)
      code = col.unique ? -1 : (col.intern.get(raw) ?? -1)
      if (code < 0) {
        code = col.distinct.length
        col.distinct.push(raw)
        if (!col.unique) {
          col.intern.set(raw, code)
          // A lookup per cell costs more than it saves once most values are
          // new: a large map of short strings, probed for each one.
          if (code >= uniqueAfter && 2 * code > record) {
            col.unique = true
            col.intern.clear()
          }
        }
      }
    }
    col.codes[record] = code
  }
}

/** Marks record `record` as having no attribute cells (its row had the wrong width). */
export function skipAttributes(lay: Layout, record: number): void {
  for (const col of lay.attributes) col.codes[record] = -1
}

/** Checks a row has as many fields as the header (trailing empty ones allowed). */
export function widthOk(lay: Layout, row: CsvRows, line: number, issues: IssueCollector): boolean {
  const width = lay.header.columns.length
  if (row.length === width) return true
  if (
    row.length > width &&
    row
      .toArray()
      .slice(width)
      .every((f) => f.trim() === '')
  )
    return true
  issues.add({
    file: lay.file,
    line,
    message: `This row has ${row.length} value${row.length === 1 ? '' : 's'} but the header has ${width} columns.`,
    fix: 'Check for a missing or extra delimiter. A value that contains the delimiter or a line break must be in double quotes.',
  })
  return false
}

/** An issue located at one cell. */
export function cellIssue(
  lay: Layout,
  line: number,
  field: number,
  message: string,
  fix: string,
): Issue {
  return {
    file: lay.file,
    line,
    column: field + 1,
    columnName: lay.header.columns[field] ?? '',
    message,
    fix,
  }
}

export function unknownEgoIssue(
  lay: Layout,
  line: number,
  field: number,
  raw: string,
  egosFile: string,
): Issue {
  return cellIssue(
    lay,
    line,
    field,
    raw === '' ? 'The ego id is empty.' : `Ego "${shorten(raw)}" is not in ${egosFile}.`,
    `Add the ego to ${egosFile}, or correct the id.`,
  )
}
