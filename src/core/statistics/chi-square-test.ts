import { chiSquareUpperTail } from './chi-square-upper-tail.js'
import { compensatedSum } from './compensated-sum.js'

export type ChiSquareTestResult = {
  /** Pearson's X² (with Yates' correction when `yates` is true). */
  readonly statistic: number
  /** (r − 1)(c − 1) for the table after dropping empty rows and columns. */
  readonly df: number
  readonly pValue: number
  /** Expected counts E_ij of the tested (reduced) table, rows × columns. */
  readonly expected: number[][]
  /** True when any expected count is below 5 (R warns "approximation may be incorrect"). */
  readonly lowExpected: boolean
  /** True when Yates' continuity correction was applied (2 × 2 tables, and Y > 0). */
  readonly yates: boolean
  /** 0-based indices of input rows dropped because their total is 0. */
  readonly droppedRows: number[]
  /** 0-based indices of input columns dropped because their total is 0. */
  readonly droppedColumns: number[]
}

/**
 * Pearson's chi-square test of independence in an r × c contingency table,
 * with Yates' continuity correction for 2 × 2 tables, as R's
 * `chisq.test(table)` computes it with its defaults (`correct = TRUE`).
 *
 *   E_ij = R_i C_j / N
 *   X² = Σ_ij (|O_ij − E_ij| − Y)² / E_ij,   df = (r − 1)(c − 1),
 *   p = P(χ²_df ≥ X²)
 *   Y = min(0.5, min_ij |O_ij − E_ij|) for a 2 × 2 table, Y = 0 otherwise
 *
 * Symbols: O_ij — the observed counts; R_i, C_j — row and column totals;
 * N — the grand total; E_ij — expected counts under independence; Y — R's
 * form of Yates' correction (capped so that it never overshoots |O − E|).
 *
 * Edge cases: rows and columns whose total is 0 are dropped first and reported
 * (R would give a NaN statistic, from 0/0 expected counts); a table that drops
 * to 2 × 2 is then corrected like any 2 × 2 table. Returns null when fewer than
 * 2 rows or 2 columns remain (including an all-zero or empty table). Counts
 * need not be integers (R allows that too) but must be finite and ≥ 0, and all
 * rows must have the same length; otherwise a RangeError is thrown.
 * `lowExpected` flags the usual rule of thumb (some E_ij < 5) under which the
 * chi-square approximation is doubtful; see `fisherExact2x2` for 2 × 2 tables.
 *
 * Matches R `chisq.test` (stats 4.2.2) on the reduced table.
 * @see Pearson, K. (1900). On the criterion that a given system of deviations
 *   from the probable … Philosophical Magazine 50(302), 157–175.
 * @see Yates, F. (1934). Contingency tables involving small numbers and the χ²
 *   test. Supplement to JRSS 1(2), 217–235.
 */
export function chiSquareTest(table: readonly (readonly number[])[]): ChiSquareTestResult | null {
  const columnCount = table[0]?.length ?? 0
  table.forEach((row, i) => {
    if (row.length !== columnCount) {
      throw new RangeError(`row ${i} has ${row.length} cells, expected ${columnCount}`)
    }
    row.forEach((count, j) => {
      if (!(Number.isFinite(count) && count >= 0)) {
        throw new RangeError(`cell [${i}][${j}] (${count}) is not a finite count ≥ 0`)
      }
    })
  })
  const rowTotals = table.map((row) => compensatedSum(row))
  const columnTotals = Array.from({ length: columnCount }, (_, j) =>
    compensatedSum(table.map((row) => row[j] as number)),
  )
  const keptRows = indicesWhere(rowTotals, (total) => total > 0)
  const keptColumns = indicesWhere(columnTotals, (total) => total > 0)
  const droppedRows = indicesWhere(rowTotals, (total) => total === 0)
  const droppedColumns = indicesWhere(columnTotals, (total) => total === 0)
  const r = keptRows.length
  const c = keptColumns.length
  if (r < 2 || c < 2) return null

  const observed = keptRows.map((i) => keptColumns.map((j) => (table[i] as number[])[j] as number))
  const sr = keptRows.map((i) => rowTotals[i] as number)
  const sc = keptColumns.map((j) => columnTotals[j] as number)
  const total = compensatedSum(observed.flat())
  const expected = sr.map((rowTotal) => sc.map((columnTotal) => (rowTotal * columnTotal) / total))

  // R works on the matrix in column-major order; keep that order for the sums.
  const cells: { o: number; e: number }[] = []
  for (let j = 0; j < c; j++) {
    for (let i = 0; i < r; i++) {
      cells.push({
        o: (observed[i] as number[])[j] as number,
        e: (expected[i] as number[])[j] as number,
      })
    }
  }
  let correction = 0
  if (r === 2 && c === 2) {
    correction = Math.min(0.5, ...cells.map(({ o, e }) => Math.abs(o - e)))
  }
  const statistic = compensatedSum(
    cells.map(({ o, e }) => {
      const deviation = Math.abs(o - e) - correction
      return (deviation * deviation) / e
    }),
  )
  const df = (r - 1) * (c - 1)
  return {
    statistic,
    df,
    pValue: chiSquareUpperTail(statistic, df),
    expected,
    lowExpected: cells.some(({ e }) => e < 5),
    yates: correction > 0,
    droppedRows,
    droppedColumns,
  }
}

function indicesWhere(values: readonly number[], test: (value: number) => boolean): number[] {
  const indices: number[] = []
  values.forEach((value, i) => {
    if (test(value)) indices.push(i)
  })
  return indices
}
