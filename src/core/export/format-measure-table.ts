import { csvFormatRow, csvFormatValue } from 'd3-dsv'
import type { MeasureTable } from '../measures/compute-measures.js'

/**
 * The per-ego output contract of MEASURES.md: one row per ego in input
 * order, exact column names, `NA` in CSV and `null` in JSON for undefined
 * values; never NaN, never a silent 0. Numbers keep full precision (the
 * shortest text that reads back as the same double).
 */
export function formatMeasuresCsv(table: MeasureTable): string {
  // One string per line: ids and column names are quoted as d3-dsv quotes
  // them; numbers and NA never need quotes.
  const lines = new Array<string>(table.rows.length + 1)
  lines[0] = csvFormatRow([...table.columns])
  for (let i = 0; i < table.rows.length; i++) {
    let line = csvFormatValue(table.egoIds[i]!)
    for (const value of table.rows[i]!) line += value === null ? ',NA' : ',' + formatNumber(value)
    lines[i + 1] = line
  }
  return lines.join('\n') + '\n'
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
