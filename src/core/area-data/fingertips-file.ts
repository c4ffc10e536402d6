import type { IssueCollector } from '../import/issue-collector.js'
import type { FingertipsDataset } from './area-datasets.js'
import { cellNumber, cellText, type Cell } from './cells.js'
import { findColumn } from './header-match.js'
import type { AreaTableReader } from './table-reader.js'

/**
 * OHID Fingertips indicator 93553, "Deprivation score (IMD)", for GP
 * practices: the extract OHID supplies (IndicatorID, Year, AreaCode,
 * AreaName, IsAreaCurrent, Value) and the public API's CSV (Indicator ID,
 * Area Code, Area Type, Time period, Value, …). The year is the IMD edition
 * (2010, 2015, 2019).
 */
export function fingertipsReader(
  file: string,
  header: readonly Cell[],
  issues: IssueCollector,
): AreaTableReader | null {
  const h = header.map(cellText)
  const indicator = findColumn(h, 'indicatorid', 'indicator id')
  const area = findColumn(h, 'areacode', 'area code')
  const year = findColumn(h, 'year', 'time period')
  const value = findColumn(h, 'value')
  const areaType = findColumn(h, 'area type')
  if (indicator < 0 || area < 0 || year < 0 || value < 0) return null
  const rows: [string, number, number][] = []
  return {
    description: 'Fingertips 93553',
    row: (cells, line) => {
      if (cellText(cells[indicator]) !== '93553') {
        issues.add({
          file,
          line,
          column: indicator + 1,
          message: `Indicator ${cellText(cells[indicator])} is not 93553 (practice deprivation score).`,
          fix: 'Download indicator 93553 only.',
        })
        return
      }
      // The public API also returns England and ICB rows; keep practices.
      if (areaType >= 0 && !/gp|practice/i.test(cellText(cells[areaType]))) return
      const v = cellNumber(cells[value])
      const y = cellNumber(cells[year])
      if (v === null) return
      if (Number.isNaN(v) || y === null || Number.isNaN(y)) {
        issues.add({
          file,
          line,
          message: `The year "${cellText(cells[year])}" or value "${cellText(cells[value])}" is not a number.`,
        })
        return
      }
      rows.push([cellText(cells[area]).toUpperCase(), y, v])
    },
    finish: () =>
      issues.isEmpty() ? ({ kind: 'practice-imd', rows } satisfies FingertipsDataset) : null,
  }
}
