import { isUtf8 } from 'node:buffer'

/**
 * Splits CSV bytes into rows a chunk at a time, without decoding the whole
 * text: a 1 GB postcode directory is scanned once, and only the fields a
 * reader asks for become strings. Quoted fields may hold delimiters, line
 * breaks and doubled quotes (RFC 4180); a row cut by a chunk's end waits for
 * the next chunk. Line ends are LF or CRLF. Text after a closing quote and
 * before the next delimiter is dropped, as d3-dsv does.
 * @internal
 */

const QUOTE = 0x22
const LF = 0x0a
const CR = 0x0d
const bom = Buffer.from([0xef, 0xbb, 0xbf])

/** One row: its fields as byte ranges, decoded on request. Valid only during the callback. */
export class CsvRow {
  bytes: Buffer = Buffer.alloc(0)
  count = 0
  /** 1-based line the row starts on. */
  line = 1
  latin1 = false
  readonly starts: number[] = []
  readonly ends: number[] = []
  readonly escaped: boolean[] = []

  /** Field `i` as text (UTF-8, or Latin-1 once the file proved not to be UTF-8). */
  field(i: number): string {
    if (i < 0 || i >= this.count) return ''
    const text = this.bytes.toString(this.latin1 ? 'latin1' : 'utf8', this.starts[i], this.ends[i])
    return this.escaped[i] === true ? text.replaceAll('""', '"') : text
  }

  /** Every field as text. */
  fields(): string[] {
    const out = new Array<string>(this.count)
    for (let i = 0; i < this.count; i++) out[i] = this.field(i)
    return out
  }

  /** A blank line: one empty (or all-space) field. */
  isBlank(): boolean {
    if (this.count !== 1) return false
    for (let i = this.starts[0]!; i < this.ends[0]!; i++) {
      const c = this.bytes[i]!
      if (c !== 0x20 && c !== 0x09 && c !== CR) return false
    }
    return true
  }
}

export class CsvRowSplitter {
  #tail: Buffer = Buffer.alloc(0)
  #line = 1
  #delimiter = -1
  #first = true
  readonly #row = new CsvRow()
  /** Bytes of an incomplete UTF-8 sequence at the end of the last chunk, still to be checked. */
  #unchecked: Buffer = Buffer.alloc(0)
  /** True once a chunk was not UTF-8: fields are then read as Latin-1. */
  notUtf8 = false

  /** The delimiter is `,`, `;` or tab, told from the header (see detectDelimiter). */
  constructor(private readonly detect: (headerLine: string) => string) {}

  /** Splits what is complete of the bytes so far, calling `onRow` for each row. */
  push(chunk: Buffer, onRow: (row: CsvRow) => void): void {
    this.#check(chunk)
    let bytes = this.#tail.length === 0 ? chunk : Buffer.concat([this.#tail, chunk])
    if (this.#first) {
      // A UTF-8 byte order mark, which may come in more than one chunk.
      if (bytes.length < 3 && bom.subarray(0, bytes.length).equals(bytes)) {
        this.#tail = bytes
        return
      }
      this.#first = false
      if (bytes.subarray(0, 3).equals(bom)) bytes = bytes.subarray(3)
    }
    this.#tail = bytes.subarray(this.#split(bytes, false, onRow))
  }

  /** The last row, which may lack a final line end. */
  end(onRow: (row: CsvRow) => void): void {
    if (this.#unchecked.length > 0) this.notUtf8 = true
    const bytes = this.#tail
    this.#tail = Buffer.alloc(0)
    if (bytes.length > 0) this.#split(bytes, true, onRow)
  }

  #check(chunk: Buffer): void {
    if (this.notUtf8) return
    const bytes = this.#unchecked.length === 0 ? chunk : Buffer.concat([this.#unchecked, chunk])
    const end = completeUtf8End(bytes)
    if (!isUtf8(bytes.subarray(0, end))) this.notUtf8 = true
    this.#unchecked = Buffer.from(bytes.subarray(end))
  }

  /** Emits the complete rows of `bytes`; returns where the incomplete rest starts. */
  #split(bytes: Buffer, final: boolean, onRow: (row: CsvRow) => void): number {
    const n = bytes.length
    if (this.#delimiter < 0) {
      const lf = bytes.indexOf(LF)
      if (lf < 0 && !final) return 0
      const header = bytes.toString('latin1', 0, lf < 0 ? n : lf)
      this.#delimiter = this.detect(header).charCodeAt(0)
    }
    const delimiter = this.#delimiter
    const row = this.#row
    row.bytes = bytes
    row.latin1 = this.notUtf8
    const { starts, ends, escaped } = row
    let rowStart = 0
    while (rowStart < n) {
      let p = rowStart
      let k = 0
      let rowEnd: number
      for (;;) {
        if (p >= n) {
          // The row ends with the file (no final line end): one last empty field after a delimiter.
          if (!final) return rowStart
          starts[k] = n
          ends[k] = n
          escaped[k++] = false
          rowEnd = n
          break
        }
        if (bytes[p] === QUOTE) {
          let q = p + 1
          let doubled = false
          for (;;) {
            q = bytes.indexOf(QUOTE, q)
            if (q < 0) break
            if (q + 1 < n && bytes[q + 1] === QUOTE) {
              doubled = true
              q += 2
              continue
            }
            if (q + 1 >= n && !final) q = -1 // a doubled quote may continue in the next chunk
            break
          }
          if (q < 0) {
            if (!final) return rowStart
            // An unclosed quote: the field runs to the end of the file.
            starts[k] = p + 1
            ends[k] = n
            escaped[k++] = doubled
            rowEnd = n
            break
          }
          starts[k] = p + 1
          ends[k] = q
          escaped[k++] = doubled
          p = q + 1
          while (p < n && bytes[p] !== delimiter && bytes[p] !== LF) p++
          if (p >= n && !final) return rowStart
          if (p < n && bytes[p] === delimiter) {
            p++
            continue
          }
          rowEnd = p
          break
        }
        let q = p
        while (q < n) {
          const c = bytes[q]
          if (c === delimiter || c === LF) break
          q++
        }
        if (q >= n && !final) return rowStart
        let e = q
        if (e > p && bytes[e - 1] === CR) e--
        starts[k] = p
        ends[k] = e
        escaped[k++] = false
        if (q < n && bytes[q] === delimiter) {
          p = q + 1
          continue
        }
        rowEnd = q
        break
      }
      row.count = k
      row.line = this.#line
      // Line ends inside quoted fields count towards the next row's line.
      let breaks = 0
      for (
        let lf = bytes.indexOf(LF, rowStart);
        lf >= 0 && lf < rowEnd;
        lf = bytes.indexOf(LF, lf + 1)
      )
        breaks++
      this.#line += 1 + breaks
      onRow(row)
      rowStart = rowEnd + 1
    }
    return n
  }
}

/** The length of `bytes` without an incomplete UTF-8 sequence at its end. */
export function completeUtf8End(bytes: Uint8Array): number {
  const n = bytes.length
  for (let i = n - 1; i >= 0 && i >= n - 4; i--) {
    const b = bytes[i]!
    if (b < 0x80) return n
    if (b >= 0xc0) {
      const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2
      return i + length > n ? i : n
    }
  }
  return n
}
