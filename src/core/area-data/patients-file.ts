import type { IssueCollector } from '../import/issue-collector.js'
import type { PatientsDataset } from './area-datasets.js'
import { cellNumber, cellText, type Cell } from './cells.js'
import { findColumn } from './header-match.js'
import type { AreaTableReader } from './table-reader.js'

/**
 * NHS England, "Patients registered at a GP practice": the file of patients
 * by practice and LSOA of residence (gp-reg-pat-prac-lsoa-all.csv; columns
 * PUBLICATION, EXTRACT_DATE, PRACTICE_CODE, PRACTICE_NAME, LSOA_CODE, SEX,
 * NUMBER_OF_PATIENTS). Rows by sex are summed unless an ALL row is given.
 */
export function patientsReader(
  file: string,
  header: readonly Cell[],
  issues: IssueCollector,
): AreaTableReader | null {
  const h = header.map(cellText)
  const practice = findColumn(h, 'practice_code')
  const lsoa = findColumn(h, 'lsoa_code', 'lsoa_code_2021', 'lsoa21cd')
  const count = findColumn(h, 'number_of_patients')
  const sex = findColumn(h, 'sex')
  const extract = findColumn(h, 'extract_date')
  if (practice < 0 || lsoa < 0 || count < 0) return null
  const totals = new Map<string, number>()
  const bySex = new Map<string, number>()
  let extractDate: string | null = null
  return {
    description: 'patients by practice and LSOA',
    row: (cells, line) => {
      const p = cellText(cells[practice]).toUpperCase()
      if (p === '') return
      const n = cellNumber(cells[count])
      if (n === null || Number.isNaN(n) || n < 0) {
        issues.add({
          file,
          line,
          column: count + 1,
          message: `"${cellText(cells[count])}" is not a number of patients.`,
        })
        return
      }
      extractDate ??= extract >= 0 ? cellText(cells[extract]) || null : null
      const key = `${p}\t${cellText(cells[lsoa]).toUpperCase()}`
      const s = sex >= 0 ? cellText(cells[sex]).toUpperCase() : 'ALL'
      const target = s === 'ALL' || s === 'PERSONS' || s === '' ? totals : bySex
      target.set(key, (target.get(key) ?? 0) + n)
    },
    finish: () => {
      // Practices with an ALL row use it; otherwise the sexes are summed.
      for (const [key, n] of bySex) if (!totals.has(key)) totals.set(key, n)
      const rows = [...totals].map(([key, n]) => {
        const [p, l] = key.split('\t') as [string, string]
        return [p, l, n] as const
      })
      if (rows.length === 0) issues.add({ file, message: `${file} has no patient counts.` })
      return issues.isEmpty()
        ? ({ kind: 'registered-patients', extractDate, rows } satisfies PatientsDataset)
        : null
    },
  }
}
