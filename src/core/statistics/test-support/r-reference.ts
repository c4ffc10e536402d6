// Loads test/fixtures/reference/statistics-r.json, the reference values that
// scripts/reference/statistics.R computes with R 4.2.2. Test-only (uses node:fs).
import { readFileSync } from 'node:fs'

type Nullable = number | null

export type RReference = {
  readonly producedBy: string
  readonly date: string
  readonly rVersion: string
  readonly rank: readonly { values: number[]; ranks: number[]; tieSizes: number[] }[]
  readonly quantile: readonly { sorted: number[]; probs: number[]; quantiles: number[] }[]
  readonly describe: readonly {
    values: Nullable[]
    n: number
    missing: number
    mean: Nullable
    sd: Nullable
    median: Nullable
    q1: Nullable
    q3: Nullable
    iqr: Nullable
    min: Nullable
    max: Nullable
  }[]
  readonly kruskalWallis: readonly {
    label: string
    groups: number[][]
    /** R's outcome: "finite", "NaN", "Inf" or "error". */
    r: string
    result: { statistic: number; df: number; pValue: number } | null
  }[]
  readonly wilcoxonRankSum: readonly {
    label: string
    x: number[]
    y: number[]
    r: string
    result: { statistic: number; pValue: number; exact: boolean } | null
  }[]
  readonly pwilcox: readonly { q: number; m: number; n: number; lower: number; upper: number }[]
  readonly dwilcox: readonly { m: number; n: number; w: number[]; d: number[] }[]
  readonly chiSquareTest: readonly {
    label: string
    table: number[][]
    result: {
      statistic: number
      df: number
      pValue: number
      expected: number[][]
      lowExpected: boolean
      yates: boolean
      droppedRows: number[]
      droppedColumns: number[]
    } | null
  }[]
  readonly fisherExact2x2: readonly {
    label: string
    table: [[number, number], [number, number]]
    /** What R itself reports (estimate null = Inf). */
    r: { pValue: number; estimate: Nullable }
    result: { pValue: number; oddsRatio: Nullable } | null
  }[]
  readonly pchisq: readonly { x: number; df: number; upper: number }[]
  readonly uniroot: readonly {
    f: string
    lower: number
    upper: number
    tol: number
    root: number
  }[]
}

const fixtureUrl = new URL('../../../../test/fixtures/reference/statistics-r.json', import.meta.url)

export const rReference = JSON.parse(readFileSync(fixtureUrl, 'utf8')) as RReference

/** |actual − expected| / |expected|, or the absolute difference when expected is 0. */
export function relativeDifference(actual: number, expected: number): number {
  if (actual === expected) return 0
  const difference = Math.abs(actual - expected)
  return expected === 0 ? difference : difference / Math.abs(expected)
}
