import { createReadStream } from 'node:fs'
import { mkdtemp, open, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { createGunzip } from 'node:zlib'
import { dsvFormat } from 'd3-dsv'
import { unzipSync } from 'fflate'
import readXlsxFile from 'read-excel-file/node'
import { SpnetError } from '../../core/errors.js'
import type { Cell } from '../../core/area-data/cells.js'
import { detectDelimiter, stripBom } from '../../core/import/csv-table.js'

/**
 * Reads the tables of an official data file row by row, whatever its
 * container: CSV (plain or gzipped, any size — it is streamed in chunks and
 * never held whole), XLSX (every sheet), or a ZIP of CSV/XLSX files. The
 * format is told from the bytes, not the file name.
 */

/** What to do with the rows of a table a visitor recognised. */
export type TableHandler = {
  readonly row: (cells: readonly Cell[], line: number) => void
  /** The first row is data too (headerless files such as epraccur). */
  readonly firstRowIsData?: boolean
  /**
   * Only code columns are read, so a CSV in Latin-1 or Windows-1252 is accepted too. ONS
   * publishes its postcode products that way (Welsh names such as "Ynys Môn");
   * every other file must be UTF-8.
   */
  readonly latin1?: boolean
}

export type TableVisitor = {
  /** Called with each table's first row; returns its handler, or null to skip the table. */
  readonly table: (name: string, first: readonly Cell[]) => TableHandler | null
  /** Bytes read so far, for a progress bar. */
  readonly progress?: ((read: number, total: number) => void) | undefined
}

export async function readTables(
  path: string,
  shownName: string,
  visitor: TableVisitor,
): Promise<void> {
  const head = await firstBytes(path, 4)
  if (head[0] === 0x50 && head[1] === 0x4b) {
    await readZip(path, shownName, visitor)
    return
  }
  await readCsvStream(path, shownName, head[0] === 0x1f && head[1] === 0x8b, visitor)
}

async function firstBytes(path: string, n: number): Promise<Uint8Array> {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(n)
    await handle.read(buffer, 0, n, 0)
    return buffer
  } finally {
    await handle.close()
  }
}

/** Whether a file is an HTML page (what a server sends when the file has moved). */
export async function isWebPage(path: string): Promise<boolean> {
  const head = new TextDecoder().decode(await firstBytes(path, 512))
  return /^\s*(<!doctype html|<html)/i.test(head.replace(/^\uFEFF/, ''))
}

function notUtf8(name: string, cause?: unknown): SpnetError {
  return new SpnetError('validation', `${name} is not UTF-8 text.`, {
    cause,
    issues: [
      {
        file: name,
        message: 'It may be saved as Windows-1252 or be a binary file.',
        fix: 'Use the official file as downloaded.',
      },
    ],
  })
}

/**
 * Decodes a CSV's bytes chunk by chunk: UTF-8, or Latin-1 once a chunk is
 * not UTF-8 (`fellBack`; the reader then checks that the table allows it).
 * Windows-1252 differs from Latin-1 only in bytes 0x80–0x9F (curly quotes,
 * dashes), which only ever occur in the name columns that are not read.
 * Incomplete UTF-8 sequences at a chunk's end wait for the next chunk, so the
 * bytes of a chunk that is not UTF-8 are all still at hand.
 * @internal
 */
export class ChunkDecoder {
  readonly #utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
  #pending: Uint8Array = new Uint8Array(0)
  fellBack = false

  decode(chunk: Uint8Array): string {
    if (this.fellBack) return latin1(chunk)
    const bytes = this.#pending.length === 0 ? chunk : concat(this.#pending, chunk)
    const end = completeUtf8End(bytes)
    try {
      const text = this.#utf8.decode(bytes.subarray(0, end))
      this.#pending = bytes.slice(end)
      return text
    } catch {
      this.fellBack = true
      this.#pending = new Uint8Array(0)
      return latin1(bytes)
    }
  }

  /** What is left at the end of the file: only an incomplete UTF-8 sequence, so not UTF-8. */
  end(): string {
    if (this.#pending.length === 0) return ''
    const rest = this.#pending
    this.#pending = new Uint8Array(0)
    this.fellBack = true
    return latin1(rest)
  }
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1')
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length)
  out.set(a)
  out.set(b, a.length)
  return out
}

/** The length of `bytes` without an incomplete UTF-8 sequence at its end. */
function completeUtf8End(bytes: Uint8Array): number {
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

/** Streams a CSV in chunks cut at line ends outside quotes, parsing each with d3-dsv. */
async function readCsvStream(
  path: string,
  name: string,
  gzipped: boolean,
  visitor: TableVisitor,
): Promise<void> {
  const total = (await stat(path)).size
  const raw = createReadStream(path, { highWaterMark: 1 << 20 })
  let read = 0
  raw.on('data', (chunk) => {
    read += chunk.length
    visitor.progress?.(read, total)
  })
  const stream = gzipped ? raw.pipe(createGunzip()) : raw
  const decoder = new ChunkDecoder()
  let carry = ''
  let first = true
  let handler: TableHandler | null = null
  let parser: ReturnType<typeof dsvFormat> | null = null
  let line = 1
  let started = false
  const checkEncoding = () => {
    if (decoder.fellBack && handler !== null && handler.latin1 !== true) throw notUtf8(name)
  }
  const parsePiece = (piece: string) => {
    parser ??= dsvFormat(detectDelimiter(piece))
    parser.parseRows(piece, (fields) => {
      const at = line
      line += 1 + lineBreaks(fields)
      if (fields.length === 1 && fields[0]!.trim() === '') return null
      if (!started) {
        started = true
        handler = visitor.table(name, fields)
        if (handler === null) throw new SkipTable()
        checkEncoding()
        if (handler.firstRowIsData === true) handler.row(fields, at)
        return null
      }
      handler?.row(fields, at)
      return null
    })
  }
  const take = (text: string, last: boolean) => {
    if (first) {
      text = stripBom(text)
      first = false
    }
    checkEncoding()
    carry += text
    if (last) {
      if (carry.trim() !== '') parsePiece(carry)
      return
    }
    const cut = lastLineEndOutsideQuotes(carry)
    if (cut < 0) return
    parsePiece(carry.slice(0, cut + 1))
    carry = carry.slice(cut + 1)
  }
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) take(decoder.decode(chunk), false)
    take(decoder.end(), true)
  } catch (error) {
    if (error instanceof SkipTable) {
      raw.destroy()
      return
    }
    if (
      error instanceof Error &&
      'code' in error &&
      (error.code === 'Z_DATA_ERROR' || error.code === 'Z_BUF_ERROR')
    ) {
      throw new SpnetError('validation', `${name} is a damaged gzip file.`, {
        cause: error,
        issues: [
          {
            file: name,
            message:
              error.code === 'Z_BUF_ERROR'
                ? 'The compressed data ends early: the file is truncated.'
                : 'The compressed data is corrupt.',
            fix: 'Download the file again.',
          },
        ],
      })
    }
    throw error
  }
}

class SkipTable extends Error {}

function lineBreaks(fields: readonly string[]): number {
  let n = 0
  for (const f of fields) if (f.includes('\n')) n += f.split('\n').length - 1
  return n
}

/** Index of the last newline not inside a quoted field, or -1. */
function lastLineEndOutsideQuotes(text: string): number {
  if (!text.includes('"')) return text.lastIndexOf('\n')
  let inQuotes = false
  let last = -1
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 34) inQuotes = !inQuotes
    else if (c === 10 && !inQuotes) last = i
  }
  return last
}

async function readZip(path: string, name: string, visitor: TableVisitor): Promise<void> {
  const bytes = await readFile(path)
  let entries: Record<string, Uint8Array>
  try {
    entries = unzipSync(bytes)
  } catch (cause) {
    throw new SpnetError('validation', `${name} is a damaged ZIP or XLSX file.`, {
      cause,
      issues: [
        { file: name, message: 'The archive cannot be opened.', fix: 'Download the file again.' },
      ],
    })
  }
  if ('xl/workbook.xml' in entries) {
    await readXlsx(bytes, name, visitor)
    return
  }
  const dir = await mkdtemp(join(tmpdir(), 'spnet-zip-'))
  try {
    for (const [entry, data] of Object.entries(entries)) {
      if (entry.endsWith('/') || !/\.(csv|txt|xlsx)$/i.test(entry)) continue
      const file = join(dir, basename(entry))
      await writeFile(file, data)
      await readTables(file, `${name}:${entry}`, visitor)
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

async function readXlsx(bytes: Buffer, name: string, visitor: TableVisitor): Promise<void> {
  let sheets: { sheet: string; data: Cell[][] }[]
  try {
    sheets = (await readXlsxFile(bytes)) as unknown as { sheet: string; data: Cell[][] }[]
  } catch (cause) {
    throw new SpnetError('validation', `${name} cannot be read as a spreadsheet.`, {
      cause,
      issues: [
        {
          file: name,
          message: cause instanceof Error ? cause.message : String(cause),
          fix: 'Open it in Excel and save it again, or download it again.',
        },
      ],
    })
  }
  for (const { sheet, data } of sheets) {
    // Line numbers are spreadsheet row numbers; blank rows are skipped.
    const rows: { cells: Cell[]; line: number }[] = []
    data.forEach((cells, i) => {
      if (cells.some((c) => c !== null && String(c).trim() !== ''))
        rows.push({ cells, line: i + 1 })
    })
    const first = rows[0]
    if (first === undefined) continue
    const handler = visitor.table(`${name} [${sheet}]`, first.cells)
    if (handler === null) continue
    const from = handler.firstRowIsData === true ? 0 : 1
    for (let i = from; i < rows.length; i++) handler.row(rows[i]!.cells, rows[i]!.line)
  }
}
