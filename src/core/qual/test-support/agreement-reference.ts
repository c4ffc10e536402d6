// Loads test/fixtures/reference/agreement-r.json (scripts/reference/agreement.R). Test-only.
import { readFileSync } from 'node:fs'

type Nullable = number | null

export type AgreementReference = {
  readonly producedBy: string
  readonly rVersion: string
  readonly psychVersion: string
  readonly ratings: readonly {
    label: string
    ratings: (number | null)[][]
    alpha: Nullable
    percent: Nullable
    kappa: Nullable
    kappaPsych: Nullable
  }[]
  readonly tables: readonly {
    label: string
    table: number[][]
    kappa: number
    kappaPsych: number
    observed: number
    expected: number
  }[]
  readonly characters: readonly {
    total: number
    codedA: number
    codedB: number
    codedBoth: number
    kappa: number
    kappaPsych: number
    agreement: number
  }[]
}

const url = new URL('../../../../test/fixtures/reference/agreement-r.json', import.meta.url)
export const agreementReference = JSON.parse(readFileSync(url, 'utf8')) as AgreementReference

/** Expands a contingency table (rows coder A, columns coder B) into unit ratings. */
export function ratingsFromTable(table: readonly (readonly number[])[]): [number, number][] {
  const out: [number, number][] = []
  table.forEach((row, i) => {
    row.forEach((count, j) => {
      for (let k = 0; k < count; k++) out.push([i, j])
    })
  })
  return out
}
