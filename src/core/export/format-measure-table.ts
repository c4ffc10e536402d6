import { csvFormatRows } from 'd3-dsv'
import type { MeasureTable } from '../measures/compute-measures.js'

/**
 * The per-ego output contract of MEASURES.md: one row per ego in input
 * order, exact column names, `NA` in CSV and `null` in JSON for undefined
 * values; never NaN, never a silent 0. Numbers keep full precision (the
 * shortest text that reads back as the same double).
 */
export function formatMeasuresCsv(table: MeasureTable): string {
  const rows: string[][] = [[...table.columns]]
  table.rows.forEach((row, i) => {
    const out: string[] = [table.egoIds[i]!]
    for (const value of row) out.push(value === null ? 'NA' : formatNumber(value))
    rows.push(out)
  })
  return csvFormatRows(rows) + '\n'
}

export function formatMeasuresJson(table: MeasureTable): string {
  const columns = table.columns.slice(1)
  const lines = table.rows.map((row, i) => {
    const record: Record<string, string | number | null> = { [table.columns[0]!]: table.egoIds[i]! }
    columns.forEach((column, c) => {
      const value = row[c] ?? null
      if (value !== null && !Number.isFinite(value)) {
        throw new Error(`format-measure-table: a measure returned ${value}`)
      }
      record[column] = value
    })
    return JSON.stringify(record)
  })
  return `[\n${lines.join(',\n')}\n]\n`
}

/** Shortest round-trip text of a number; −0 is written as 0. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`format-measure-table: a measure returned ${value}`)
  return Object.is(value, -0) ? '0' : String(value)
}
