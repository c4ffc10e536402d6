import writeXlsxFile from 'write-excel-file/node'
import type { Cooccurrence } from '../core/qual/matrix/code-cooccurrence.js'
import { cooccurrenceTable, matrixTable } from '../core/qual/matrix/format-matrix.js'
import type { FrameworkMatrix } from '../core/qual/matrix/framework-matrix.js'

type Cell = string | number | boolean | null

const sheetRows = (rows: readonly (readonly Cell[])[]) =>
  rows.map((r, i) =>
    r.map((v) =>
      v === null
        ? null
        : i === 0
          ? { value: String(v), fontWeight: 'bold' as const }
          : { value: v, wrap: typeof v === 'string' },
    ),
  )

/**
 * The framework matrix as an .xlsx workbook: "Matrix" (one row per case:
 * per theme its count, summary and quotes) and "Segments" (one row per coded
 * segment, for filtering in Excel).
 */
export async function matrixXlsx(matrix: FrameworkMatrix): Promise<Uint8Array> {
  const segments: Cell[][] = [
    [...matrix.groupBy, 'case', 'theme', 'coder', 'source', 'start', 'end', 'text', 'summary'],
  ]
  for (const r of matrix.rows) {
    r.cells.forEach((c, k) => {
      for (const s of c.segments)
        segments.push([
          ...r.group,
          r.caseName,
          matrix.themes[k]!.path,
          s.coderName,
          s.sourceName,
          s.start,
          s.end,
          s.text,
          c.summary,
        ])
    })
  }
  const buffer = await writeXlsxFile([
    { sheet: 'Matrix', data: sheetRows(matrixTable(matrix)), stickyRowsCount: 1 },
    { sheet: 'Segments', data: sheetRows(segments), stickyRowsCount: 1 },
  ]).toBuffer()
  return new Uint8Array(buffer)
}

export async function cooccurrenceXlsx(c: Cooccurrence): Promise<Uint8Array> {
  const buffer = await writeXlsxFile([
    { sheet: 'Co-occurrence', data: sheetRows(cooccurrenceTable(c)), stickyRowsCount: 1 },
  ]).toBuffer()
  return new Uint8Array(buffer)
}
