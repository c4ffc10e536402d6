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

export type TableVisitor = {
  /** Called with each table's first row; returns the row handler, or null to skip the table. */
  readonly table: (
    name: string,
    first: readonly Cell[],
  ) => ((cells: readonly Cell[], line: number) => void) | null
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
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let carry = ''
  let first = true
  let onRow: ((cells: readonly Cell[], line: number) => void) | null = null
  let parser: ReturnType<typeof dsvFormat> | null = null
  let line = 1
  let started = false
  const parsePiece = (piece: string) => {
    parser ??= dsvFormat(detectDelimiter(piece))
    parser.parseRows(piece, (fields) => {
      const at = line
      line += 1 + lineBreaks(fields)
      if (fields.length === 1 && fields[0]!.trim() === '') return null
      if (!started) {
        started = true
        onRow = visitor.table(name, fields)
        if (onRow === null) throw new SkipTable()
        if (firstRowIsDataMarker.has(onRow)) onRow(fields, at)
        return null
      }
      onRow?.(fields, at)
      return null
    })
  }
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let text: string
      try {
        text = decoder.decode(chunk, { stream: true })
      } catch (cause) {
        throw new SpnetError('validation', `${name} is not UTF-8 text.`, {
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
      if (first) {
        text = stripBom(text)
        first = false
      }
      carry += text
      const cut = lastLineEndOutsideQuotes(carry)
      if (cut < 0) continue
      parsePiece(carry.slice(0, cut + 1))
      carry = carry.slice(cut + 1)
    }
    if (carry.trim() !== '') parsePiece(carry)
  } catch (error) {
    if (error instanceof SkipTable) {
      raw.destroy()
      return
    }
    if (error instanceof Error && 'code' in error && error.code === 'Z_DATA_ERROR') {
      throw new SpnetError('validation', `${name} is a damaged gzip file.`, {
        cause: error,
        issues: [
          {
            file: name,
            message: 'The compressed data ends early or is corrupt.',
            fix: 'Download the file again.',
          },
        ],
      })
    }
    throw error
  }
}

class SkipTable extends Error {}

/** Row handlers that want the first row too (headerless files such as epraccur). */
export const firstRowIsDataMarker = new WeakSet<object>()

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
    const onRow = visitor.table(`${name} [${sheet}]`, first.cells)
    if (onRow === null) continue
    const from = firstRowIsDataMarker.has(onRow) ? 0 : 1
    for (let i = from; i < rows.length; i++) onRow(rows[i]!.cells, rows[i]!.line)
  }
}
