import { dsvFormat } from 'd3-dsv'
import { SpnetError, type Issue } from '../errors.js'
import { err, ok, type Result } from '../result.js'

/**
 * Reads one delimited text file row by row, adding what d3-dsv leaves out:
 * it strips a BOM, picks the delimiter from the header, rejects malformed
 * quoting (d3-dsv silently drops text after a closing quote and swallows the
 * rest of the file after an unclosed one), skips blank lines, and tells each
 * row the line it starts on, even when a field holds a line break.
 *
 * Rows are handed to a callback as a `CsvRow` view that is reused from row to
 * row, so memory stays proportional to what the caller keeps. A file without
 * quotes (the usual case) is split by a scanner that only records where each
 * field starts and ends: no array and no string is made for a cell until the
 * caller asks for it, and checks such as "is this cell `yes`" make none at
 * all. A file with quotes is parsed by d3-dsv and its fields are viewed the
 * same way.
 */

export type CsvFile = {
  /** Name used in messages, e.g. `alters.csv`. */
  readonly name: string
  readonly text: string
}

export type CsvHeader = {
  /** Trimmed column names. */
  readonly columns: readonly string[]
  readonly delimiter: string
  /** 1-based line of the header (after any leading blank lines). */
  readonly line: number
}

/** Called for each data row with the 1-based line on which it starts. */
export type CsvRowHandler = (row: CsvRow, line: number) => void

/**
 * One row of a file, valid only during the call that receives it (the same
 * object is filled again for the next row). Field i is the text between two
 * delimiters, as written; a cell is a field trimmed as `trimmed` trims.
 */
export class CsvRow {
  /** Number of fields. */
  length = 0
  /** Unquoted files: the file's text, and each field's start and end in `bounds`. */
  #text = ''
  #bounds = new Int32Array(64)
  /** Quoted files: the fields d3-dsv parsed; null for an unquoted file. */
  #fields: readonly string[] | null = null

  /** @internal Views fields `[bounds[2i], bounds[2i+1])` of `text`. */
  setText(text: string): void {
    this.#text = text
    this.#fields = null
  }

  /** @internal Views the fields of a quoted row. */
  setFields(fields: readonly string[]): void {
    this.#fields = fields
    this.length = fields.length
  }

  /** @internal The bounds array, grown to hold at least `fields` fields. */
  boundsFor(fields: number): Int32Array {
    if (2 * fields > this.#bounds.length) {
      const grown = new Int32Array(Math.max(2 * fields, 2 * this.#bounds.length))
      grown.set(this.#bounds)
      this.#bounds = grown
    }
    return this.#bounds
  }

  /** Field i as written; '' past the last field. */
  field(i: number): string {
    if (i >= this.length) return ''
    if (this.#fields !== null) return this.#fields[i]!
    return this.#text.slice(this.#bounds[2 * i], this.#bounds[2 * i + 1])
  }

  /** Field i trimmed (see `trimmed`); '' past the last field. */
  cell(i: number): string {
    return trimmed(this.field(i))
  }

  /** Whether `field(i) === value`, without making the field's string. */
  fieldIs(i: number, value: string): boolean {
    if (i >= this.length) return value === ''
    if (this.#fields !== null) return this.#fields[i] === value
    const start = this.#bounds[2 * i]!
    return this.#bounds[2 * i + 1]! - start === value.length && this.#text.startsWith(value, start)
  }

  /** Whether `cell(i) === value`, without making the cell's string when nothing is trimmed. */
  cellIs(i: number, value: string): boolean {
    if (i >= this.length || this.#fields !== null) return this.cell(i) === value
    const start = this.#bounds[2 * i]!
    const end = this.#bounds[2 * i + 1]!
    if (
      end > start &&
      (this.#text.charCodeAt(start) <= 32 || this.#text.charCodeAt(end - 1) <= 32)
    ) {
      return this.cell(i) === value
    }
    return end - start === value.length && this.#text.startsWith(value, start)
  }

  /**
   * The index of `cell(i)` in `values`, or −1; without making the cell's
   * string when nothing is trimmed. For short lists (a column's few
   * categories), where it is faster than a map lookup of a new string.
   */
  cellIndex(i: number, values: readonly string[]): number {
    if (i >= this.length || this.#fields !== null) return values.indexOf(this.cell(i))
    const text = this.#text
    const start = this.#bounds[2 * i]!
    const end = this.#bounds[2 * i + 1]!
    const length = end - start
    if (length === 0) return values.indexOf('')
    const first = text.charCodeAt(start)
    if (first <= 32 || text.charCodeAt(end - 1) <= 32) return values.indexOf(this.cell(i))
    for (let k = 0; k < values.length; k++) {
      const v = values[k]!
      if (v.length === length && v.charCodeAt(0) === first && text.startsWith(v, start)) return k
    }
    return -1
  }

  /** The first character code of field i; NaN when it is empty or past the last field. */
  firstCharCode(i: number): number {
    if (i >= this.length) return Number.NaN
    if (this.#fields !== null) return this.#fields[i]!.charCodeAt(0)
    const start = this.#bounds[2 * i]!
    return start < this.#bounds[2 * i + 1]! ? this.#text.charCodeAt(start) : Number.NaN
  }

  /** Whether field i is empty. */
  fieldIsEmpty(i: number): boolean {
    if (i >= this.length) return true
    if (this.#fields !== null) return this.#fields[i] === ''
    return this.#bounds[2 * i]! === this.#bounds[2 * i + 1]!
  }

  /** Every field, as written. */
  toArray(): string[] {
    return Array.from({ length: this.length }, (_, i) => this.field(i))
  }
}

/** `s.trim()`, skipping the call for the usual cell that has nothing to trim. */
export function trimmed(s: string): string {
  const n = s.length
  return n === 0 || (s.charCodeAt(0) > 32 && s.charCodeAt(n - 1) > 32) ? s : s.trim()
}

/**
 * Called once with the header; returns the handler for the data rows, or
 * `null` to skip them (e.g. when a required column is missing).
 */
export type CsvHeaderHandler = (header: CsvHeader) => CsvRowHandler | null

export type CsvReadResult = {
  readonly header: CsvHeader
  /** Number of data rows (blank lines are not rows). */
  readonly rows: number
}

const QUOTE = 34
const LF = 10
const CR = 13

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** Picks `,`, `;` or tab from the first line, preferring a comma. */
export function detectDelimiter(text: string): string {
  // Count candidates in the header line, outside quoted names.
  const seen = { ',': false, ';': false, '\t': false }
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (c === '"') quoted = !quoted
    else if (!quoted && (c === '\n' || c === '\r')) break
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) seen[c] = true
  }
  if (seen[',']) return ','
  if (seen[';']) return ';'
  if (seen['\t']) return '\t'
  return ','
}

export type QuoteProblem = { readonly kind: 'unclosed' | 'after-closing'; readonly offset: number }

/**
 * Finds the first quoted field that is not closed, or whose closing quote is
 * followed by something other than a delimiter or line end. A quote inside an
 * unquoted field is kept as a literal character, as d3-dsv does.
 */
export function findQuoteProblem(text: string, delimiter: string): QuoteProblem | null {
  const delim = delimiter.charCodeAt(0)
  const n = text.length
  let i = text.indexOf('"')
  while (i !== -1) {
    const prev = i === 0 ? LF : text.charCodeAt(i - 1)
    if (prev !== delim && prev !== LF && prev !== CR) {
      i = text.indexOf('"', i + 1)
      continue
    }
    let j = i + 1
    for (;;) {
      j = text.indexOf('"', j)
      if (j === -1) return { kind: 'unclosed', offset: i }
      if (text.charCodeAt(j + 1) === QUOTE) j += 2
      else break
    }
    const next = j + 1 < n ? text.charCodeAt(j + 1) : LF
    if (next !== delim && next !== LF && next !== CR)
      return { kind: 'after-closing', offset: j + 1 }
    i = text.indexOf('"', j + 1)
  }
  return null
}

/** 1-based line and character of a character offset. */
export function lineAndChar(text: string, offset: number): { line: number; char: number } {
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++
    lineStart = i + 1
  }
  return { line, char: offset - lineStart + 1 }
}

const lineBreaks = /\r\n|\r|\n/g

function countLineBreaks(fields: readonly string[]): number {
  let count = 0
  for (const f of fields) {
    if (f.includes('\n') || f.includes('\r')) count += f.match(lineBreaks)?.length ?? 0
  }
  return count
}

/** A blank line, or a row of empty cells (a spreadsheet's leftover `;;;;`). */
function isBlank(row: CsvRow): boolean {
  // Usual case first: a first cell that starts with a visible ASCII character.
  const c = row.firstCharCode(0)
  if (c > 32 && c < 127) return false
  for (let i = 0; i < row.length; i++) if (row.field(i).trim() !== '') return false
  return true
}

export function readCsv(
  file: CsvFile,
  onHeader: CsvHeaderHandler,
  options: { readonly delimiter?: string | undefined } = {},
): Result<CsvReadResult> {
  const text = stripBom(file.text)
  if (!/\S/.test(text)) {
    return err(
      new SpnetError('validation', `${file.name} is empty.`, {
        issues: [
          {
            file: file.name,
            message: `${file.name} is empty.`,
            fix: 'It needs a header row naming its columns, then one row per record.',
          },
        ],
      }),
    )
  }
  const delimiter = options.delimiter ?? detectDelimiter(text)
  const quote = findQuoteProblem(text, delimiter)
  if (quote !== null) {
    const where = lineAndChar(text, quote.offset)
    const issue: Issue =
      quote.kind === 'unclosed'
        ? {
            file: file.name,
            ...where,
            message: 'A quoted value is never closed: the opening " has no closing ".',
            fix: 'Add the missing closing quote, or double any quote inside the value (""). If the file uses another delimiter, give it with --delimiter.',
          }
        : {
            file: file.name,
            ...where,
            message: 'Text follows the closing quote of a quoted value.',
            fix: 'Put the whole value inside the quotes and write a quote inside a value as "". If the file uses another delimiter, give it with --delimiter.',
          }
    return err(new SpnetError('validation', `${file.name} is not valid CSV.`, { issues: [issue] }))
  }

  // Without quotes no field can hold a line break, so a row's line is its
  // index + 1; with quotes, line breaks inside fields are counted.
  const quoted = text.includes('"')
  // Assigned inside the parser's callback, which TypeScript cannot follow.
  let header = null as CsvHeader | null
  let onRow: CsvRowHandler | null = null
  let rows = 0
  let line = 1
  const row = new CsvRow()
  const take = (breaks: number): void => {
    const start = line
    line += 1 + breaks
    if (isBlank(row)) return
    if (header === null) {
      header = { columns: row.toArray().map((name) => name.trim()), delimiter, line: start }
      onRow = onHeader(header)
      return
    }
    if (onRow === null) return
    rows++
    onRow(row, start)
  }
  if (quoted) {
    dsvFormat(delimiter).parseRows(text, (fields) => {
      row.setFields(fields)
      take(countLineBreaks(fields))
      return null
    })
  } else {
    scanUnquoted(text, delimiter, row, () => {
      take(0)
    })
  }
  return ok({ header: header ?? { columns: [], delimiter, line: 1 }, rows })
}

/**
 * Rows of a delimited text with no quote character at all, viewed through
 * `row` (filled again for each row, then `onRow` is called): the same fields
 * d3-dsv gives such a text (CRLF, CR or LF line ends; a final line end adds
 * no row). One pass over the characters; no string is made.
 */
export function scanUnquoted(
  text: string,
  delimiter: string,
  row: CsvRow,
  onRow: (row: CsvRow) => void,
): void {
  const n = text.length
  const delim = delimiter.charCodeAt(0)
  row.setText(text)
  let bounds = row.boundsFor(32)
  let k = 0
  let from = 0
  let i = 0
  while (i < n) {
    const c = text.charCodeAt(i)
    if (c === delim) {
      if (k + 2 > bounds.length) bounds = row.boundsFor((k >> 1) + 1)
      bounds[k] = from
      bounds[k + 1] = i
      k += 2
      from = ++i
    } else if (c === LF || c === CR) {
      if (k + 2 > bounds.length) bounds = row.boundsFor((k >> 1) + 1)
      bounds[k] = from
      bounds[k + 1] = i
      row.length = (k + 2) >> 1
      onRow(row)
      k = 0
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1
      from = i
    } else i++
  }
  if (from < n || k > 0) {
    if (k + 2 > bounds.length) bounds = row.boundsFor((k >> 1) + 1)
    bounds[k] = from
    bounds[k + 1] = n
    row.length = (k + 2) >> 1
    onRow(row)
  }
}
