import { createReadStream } from 'node:fs'
import { mkdtemp, open, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { createGunzip } from 'node:zlib'
import { unzipSync } from 'fflate'
import readXlsxFile from 'read-excel-file/node'
import { SpnetError } from '../../core/errors.js'
import type { Cell } from '../../core/area-data/cells.js'
import { detectDelimiter } from '../../core/import/csv-table.js'
import { CsvRowSplitter, type CsvRow } from './csv-rows.js'

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
  /**
   * The only columns read (0-based): the others are left empty, and the
   * cells array is reused from row to row. For files of millions of rows.
   */
  readonly columns?: readonly number[]
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

/** Streams a CSV in chunks, split into rows by bytes (csv-rows.ts). */
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
  const splitter = new CsvRowSplitter(detectDelimiter)
  let handler: TableHandler | null = null
  let started = false
  // Rows of a table that reads only some columns share one array, refilled each row.
  let cells: string[] = []
  const onRow = (row: CsvRow) => {
    if (row.isBlank()) return
    if (!started) {
      started = true
      handler = visitor.table(name, row.fields())
      if (handler === null) throw new SkipTable()
      checkEncoding()
      if (handler.firstRowIsData === true) handler.row(row.fields(), row.line)
      return
    }
    checkEncoding()
    const h = handler!
    if (h.columns === undefined) {
      h.row(row.fields(), row.line)
      return
    }
    if (cells.length !== row.count) cells = new Array<string>(row.count).fill('')
    for (const c of h.columns) if (c >= 0 && c < row.count) cells[c] = row.field(c)
    h.row(cells, row.line)
  }
  const checkEncoding = () => {
    if (splitter.notUtf8 && handler !== null && handler.latin1 !== true) throw notUtf8(name)
  }
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) splitter.push(chunk, onRow)
    splitter.end(onRow)
    checkEncoding()
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
