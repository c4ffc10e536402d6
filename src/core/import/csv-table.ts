import { dsvFormat } from 'd3-dsv'
import { SpnetError, type Issue } from '../errors.js'
import { err, ok, type Result } from '../result.js'

/**
 * Reads one delimited text file row by row with d3-dsv, adding what d3-dsv
 * leaves out: it strips a BOM, picks the delimiter from the header, rejects
 * malformed quoting (d3-dsv silently drops text after a closing quote and
 * swallows the rest of the file after an unclosed one), skips blank lines, and
 * tells each row the line it starts on, even when a field holds a line break.
 *
 * Rows are handed to a callback and not kept, so memory stays proportional to
 * what the caller keeps (the parser measured fastest in PERFORMANCE.md; keeping
 * every row array alive triples its time through garbage collection).
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
export type CsvRowHandler = (fields: string[], line: number) => void

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
function isBlank(fields: readonly string[]): boolean {
  for (const f of fields) if (f.trim() !== '') return false
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
  const take = (fields: string[]): void => {
    const start = line
    line += quoted ? 1 + countLineBreaks(fields) : 1
    if (isBlank(fields)) return
    if (header === null) {
      header = { columns: fields.map((name) => name.trim()), delimiter, line: start }
      onRow = onHeader(header)
      return
    }
    if (onRow === null) return
    rows++
    onRow(fields, start)
  }
  if (quoted) {
    dsvFormat(delimiter).parseRows(text, (fields) => {
      take(fields)
      return null
    })
  } else {
    splitUnquoted(text, delimiter, take)
  }
  return ok({ header: header ?? { columns: [], delimiter, line: 1 }, rows })
}

/**
 * Rows of a delimited text with no quote character at all, split with the
 * engine's own string search: the same fields d3-dsv gives such a text
 * (CRLF, CR or LF line ends; a final line end adds no row), in about half
 * the time, which matters at national scale.
 */
export function splitUnquoted(
  text: string,
  delimiter: string,
  onRow: (fields: string[]) => void,
): void {
  const n = text.length
  let start = 0
  // The next CR is looked up again only once passed, so a file with a stray CR stays linear.
  let cr = text.indexOf('\r')
  while (start < n) {
    let end = text.indexOf('\n', start)
    if (cr !== -1 && cr < start) cr = text.indexOf('\r', start)
    let next: number
    if (cr !== -1 && (end === -1 || cr < end)) {
      end = cr
      next = text.charCodeAt(cr + 1) === LF ? cr + 2 : cr + 1
    } else if (end === -1) {
      end = n
      next = n
    } else next = end + 1
    const fields: string[] = []
    let from = start
    for (;;) {
      const d = text.indexOf(delimiter, from)
      if (d === -1 || d >= end) {
        fields.push(text.slice(from, end))
        break
      }
      fields.push(text.slice(from, d))
      from = d + 1
    }
    onRow(fields)
    start = next
  }
}
