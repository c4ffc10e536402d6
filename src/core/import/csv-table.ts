import { dsvFormat, type DSV } from 'd3-dsv'
import { SpnetError, type Issue } from '../errors.js'
import { err, ok, type Result } from '../result.js'

/**
 * Reads one delimited text file row by row, adding what d3-dsv leaves out:
 * it strips a BOM, picks the delimiter from the header, rejects malformed
 * quoting (d3-dsv silently drops text after a closing quote and swallows the
 * rest of the file after an unclosed one), skips blank lines, and tells each
 * row the line it starts on, even when a field holds a line break.
 *
 * Rows are pulled one at a time (`while (rows.next())`) through a `CsvRows`
 * view that is filled again for each row, so memory stays proportional to
 * what the caller keeps. Pulling, rather than a callback per row, keeps each
 * reader's loop its own code: V8 optimises it for that file alone, where a
 * callback site shared by every file was deoptimised at each new file.
 *
 * A file without quotes (the usual case) is split by a scanner that only
 * records where each field starts and ends: no array and no string is made
 * for a cell until the caller asks for it, and checks such as "is this cell
 * `yes`" make none at all. A file with quotes is parsed by d3-dsv, a chunk of
 * whole rows at a time, and its fields are viewed the same way.
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

const QUOTE = 34
const LF = 10
const CR = 13
/** Characters of a quoted file handed to d3-dsv at a time (then cut back to whole rows). */
const chunkChars = 1 << 16

/**
 * A file's rows after its header, read one at a time: after `next()` returns
 * true the accessors view that row, until the next call. Field i is the text
 * between two delimiters, as written; a cell is a field trimmed as `trimmed`
 * trims.
 */
export class CsvRows {
  readonly header: CsvHeader
  /** Number of fields of the current row. */
  length = 0
  /** 1-based line on which the current row starts. */
  line = 0
  /** Data rows read so far (blank lines are not rows). */
  count = 0
  readonly #text: string
  readonly #delim: number
  #pos = 0
  #nextLine = 1
  /** Unquoted files: each field's start and end in the text. */
  #bounds: Int32Array = new Int32Array(64)
  /** Quoted files: d3-dsv, the rows of the chunk it parsed, the next of them, and the current row. */
  readonly #dsv: DSV | null
  #chunk: readonly string[][] = []
  #chunkRow = 0
  #fields: readonly string[] | null = null
  /** Quoted files: where the next chunk's search for opening quotes starts (see `wholeRowsEnd`). */
  readonly #quotes = { next: -2 }

  /** @internal Use `openCsv`, which checks the text first. */
  constructor(text: string, delimiter: string, quoted: boolean) {
    this.#text = text
    this.#delim = delimiter.charCodeAt(0)
    this.#dsv = quoted ? dsvFormat(delimiter) : null
    let header: CsvHeader = { columns: [], delimiter, line: 1 }
    while (this.#advance()) {
      if (this.#isBlank()) continue
      header = { columns: this.toArray().map((name) => name.trim()), delimiter, line: this.line }
      break
    }
    this.header = header
  }

  /** Moves to the next data row; false at the end of the file. */
  next(): boolean {
    while (this.#advance()) {
      if (!this.#isBlank()) {
        this.count++
        return true
      }
    }
    return false
  }

  /** Field i as written; '' past the last field. */
  field(i: number): string {
    if (i >= this.length) return ''
    if (this.#fields !== null) return this.#fields[i]!
    return this.#text.slice(this.#bounds[2 * i], this.#bounds[2 * i + 1])
  }

  /** Field i trimmed (see `trimmed`); '' past the last field. */
  cell(i: number): string {
    if (i >= this.length || this.#fields !== null) return trimmed(this.field(i))
    // `trimmed(this.field(i))` without its two calls: readers ask for most cells.
    const text = this.#text
    const start = this.#bounds[2 * i]!
    const end = this.#bounds[2 * i + 1]!
    const s = text.slice(start, end)
    if (end === start) return s
    const a = text.charCodeAt(start)
    const b = text.charCodeAt(end - 1)
    return (a > 32 && a < 0xa0 && b > 32 && b < 0xa0) || plainEnds(a, b) ? s : s.trim()
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
    if (end > start) {
      // plainEnds, its usual case tested here: a call per cell costs.
      const a = this.#text.charCodeAt(start)
      const b = this.#text.charCodeAt(end - 1)
      if (!(a > 32 && a < 0xa0 && b > 32 && b < 0xa0) && !plainEnds(a, b)) {
        return this.cell(i) === value
      }
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
    const last = text.charCodeAt(end - 1)
    // plainEnds, its usual case tested here: a call per cell costs.
    if (!(first > 32 && first < 0xa0 && last > 32 && last < 0xa0) && !plainEnds(first, last)) {
      return values.indexOf(this.cell(i))
    }
    for (let k = 0; k < values.length; k++) {
      const v = values[k]!
      if (v.length !== length || v.charCodeAt(0) !== first) continue
      // One-character values (codes 1-5, y/n) need no further comparison.
      if (length === 1 || text.startsWith(v, start)) return k
    }
    return -1
  }

  /**
   * Field i as a 0/1 flag written plainly: 1 for `1`, 0 for `0`, −1 for
   * anything else (which the caller parses), without making a string.
   */
  flag(i: number): number {
    if (i >= this.length || this.#fields !== null) {
      const f = this.field(i)
      return f === '1' ? 1 : f === '0' ? 0 : -1
    }
    const start = this.#bounds[2 * i]!
    if (this.#bounds[2 * i + 1]! - start !== 1) return -1
    const c = this.#text.charCodeAt(start)
    return c === 49 ? 1 : c === 48 ? 0 : -1
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

  /** A blank line, or a row of empty cells (a spreadsheet's leftover `;;;;`). */
  #isBlank(): boolean {
    // Usual case first: a first cell that starts with a visible ASCII character.
    const c =
      this.#fields === null && this.#bounds[0]! < this.#bounds[1]!
        ? this.#text.charCodeAt(this.#bounds[0]!)
        : this.firstCharCode(0)
    if (c > 32 && c < 127) return false
    for (let i = 0; i < this.length; i++) if (this.field(i).trim() !== '') return false
    return true
  }

  /**
   * Moves to the next line's row, blank or not: the fields d3-dsv gives
   * (CRLF, CR or LF line ends; a final line end adds no row).
   */
  #advance(): boolean {
    if (this.#dsv !== null) return this.#advanceQuoted(this.#dsv)
    const text = this.#text
    const n = text.length
    let i = this.#pos
    if (i >= n) return false
    const delim = this.#delim
    let bounds = this.#bounds
    let k = 0
    let from = i
    let end = n
    this.line = this.#nextLine++
    while (i < n) {
      const c = text.charCodeAt(i)
      if (c === delim) {
        if (k + 2 >= bounds.length) bounds = this.#grow()
        bounds[k] = from
        bounds[k + 1] = i
        k += 2
        from = ++i
      } else if (c === LF || c === CR) {
        end = i
        i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1
        break
      } else i++
    }
    this.#pos = i
    bounds[k] = from
    bounds[k + 1] = end
    this.length = (k + 2) >> 1
    return true
  }

  #grow(): Int32Array {
    const grown = new Int32Array(2 * this.#bounds.length)
    grown.set(this.#bounds)
    this.#bounds = grown
    return grown
  }

  #advanceQuoted(dsv: DSV): boolean {
    while (this.#chunkRow >= this.#chunk.length) {
      const text = this.#text
      if (this.#pos >= text.length) return false
      const end = wholeRowsEnd(text, this.#pos, this.#delim, chunkChars, this.#quotes)
      this.#chunk = dsv.parseRows(text.slice(this.#pos, end))
      this.#chunkRow = 0
      this.#pos = end
    }
    const fields = this.#chunk[this.#chunkRow++]!
    this.#fields = fields
    this.length = fields.length
    this.line = this.#nextLine
    this.#nextLine += 1 + countLineBreaks(fields)
    return true
  }
}

/**
 * `s.trim()`, skipping the call for the usual cell that has nothing to trim.
 * Like `trim`, it removes Unicode spaces too: a no-break space that a
 * spreadsheet left around an id would otherwise make it another id.
 */
export function trimmed(s: string): string {
  const n = s.length
  return n === 0 || plainEnds(s.charCodeAt(0), s.charCodeAt(n - 1)) ? s : s.trim()
}

/**
 * Whether `trim` would keep both end characters of a cell, known without
 * calling it. The usual case, visible ASCII (below U+00A0) at both ends, is
 * answered by one test; spnet's readers ask it for most cells.
 */
function plainEnds(first: number, last: number): boolean {
  return (
    (first > 32 && first < 0xa0 && last > 32 && last < 0xa0) || (isPlain(first) && isPlain(last))
  )
}

/**
 * A character `trim` keeps: anything but ASCII space and control characters
 * and the Unicode spaces and line separators `trim` removes. Cells of any
 * script keep the fast paths.
 */
function isPlain(c: number): boolean {
  if (c > 32 && c < 0xa0) return true
  if (c <= 32) return false
  return !(
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  )
}

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

/**
 * Checks a file's text and opens it: its BOM stripped, its delimiter
 * detected (unless given) and its header read. An empty file, or quoting
 * d3-dsv would misread, is an error naming the line.
 */
export function openCsv(
  file: CsvFile,
  options: { readonly delimiter?: string | undefined } = {},
): Result<CsvRows> {
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
  // Without quotes no field can hold a line break, so the scanner counts
  // lines; with quotes, d3-dsv parses and line breaks inside fields are counted.
  return ok(new CsvRows(text, delimiter, text.includes('"')))
}

/**
 * The end of a run of whole rows of a text whose quoting `findQuoteProblem`
 * accepts: from `start` (a row's start) to the first line end outside a
 * quoted field at or after `start + size` (a CRLF kept whole), or the text's
 * end. d3-dsv parses such a run as it would the whole text.
 *
 * `quotes.next` carries, from one run to the next, the first quote at or
 * after `start` that opens a field (−1: none is left; −2: not yet looked
 * for), so that no search runs to the end of the text for every run.
 */
export function wholeRowsEnd(
  text: string,
  start: number,
  delim: number,
  size: number,
  quotes: { next: number },
): number {
  const n = text.length
  if (quotes.next === -2 || (quotes.next >= 0 && quotes.next < start)) {
    quotes.next = openingQuote(text, start, delim)
  }
  let at = start + size
  for (;;) {
    if (at >= n) return n
    // The next line end, found by hand: indexOf would look to the end of
    // the text for the kind of line end a file does not use.
    let end = at
    for (let c = text.charCodeAt(end); c !== LF && c !== CR; c = text.charCodeAt(end)) {
      if (++end >= n) return n
    }
    // Pass the quoted fields that open before this line end; if one holds
    // it, look again after that field.
    while (quotes.next !== -1 && quotes.next < end) {
      const close = closingQuote(text, quotes.next)
      quotes.next = openingQuote(text, close + 1, delim)
      if (close > end) {
        at = close + 1
        break
      }
    }
    if (at > end) continue
    return text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? end + 2 : end + 1
  }
}

/** The first quote at or after `from` that opens a field (a quote inside an unquoted field is text). */
function openingQuote(text: string, from: number, delim: number): number {
  for (let i = text.indexOf('"', from); i !== -1; i = text.indexOf('"', i + 1)) {
    const prev = i === 0 ? LF : text.charCodeAt(i - 1)
    if (prev === delim || prev === LF || prev === CR) return i
  }
  return -1
}

/** The quote that closes the field opened at `open` (`""` inside it is a quote). */
function closingQuote(text: string, open: number): number {
  let j = open + 1
  for (;;) {
    j = text.indexOf('"', j)
    if (j === -1 || text.charCodeAt(j + 1) !== QUOTE) return j === -1 ? text.length : j
    j += 2
  }
}
