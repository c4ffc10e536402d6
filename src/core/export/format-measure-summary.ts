import type { MeasureTable } from '../measures/compute-measures.js'
import { describeSample } from '../statistics/describe-sample.js'
import { displayNumber, markdownTable } from './markdown-table.js'

/**
 * A table describing each measure across all egos: n, NA, mean, sd,
 * median, quartiles, min and max (quartiles as R's quantile type 7).
 */
export function formatMeasureSummary(table: MeasureTable, columns?: readonly string[]): string {
  const chosen = columns ?? table.columns.slice(1)
  const rows = chosen.map((column) => {
    const c = table.columns.indexOf(column) - 1
    const d = describeSample(table.rows.map((row) => row[c] ?? null))
    return [
      column,
      String(d.n),
      String(d.missing),
      displayNumber(d.mean),
      displayNumber(d.sd),
      displayNumber(d.median),
      d.q1 === null ? 'NA' : `${displayNumber(d.q1)}–${displayNumber(d.q3)}`,
      displayNumber(d.min),
      displayNumber(d.max),
    ]
  })
  return markdownTable(['measure', 'n', 'NA', 'mean', 'sd', 'median', 'IQR', 'min', 'max'], rows, [
    'l',
    'r',
    'r',
    'r',
    'r',
    'r',
    'r',
    'r',
    'r',
  ])
}
