import { pcnCodePattern, practiceCodePattern } from '../deprivation/area-code.js'
import type { IssueCollector } from '../import/issue-collector.js'
import type { PcnDetailsDataset, PcnMembersDataset } from './area-datasets.js'
import { cellText, type Cell } from './cells.js'
import { findColumn, findColumnStarting } from './header-match.js'
import type { AreaTableReader } from './table-reader.js'

/**
 * ODS ePCN: the PCNDetails sheet (PCN code, name, dates) and the
 * "PCN Core Partner Details" sheet (practice → PCN, with relationship start
 * and end dates), as XLSX or CSV exports. Headers may contain line breaks.
 */

export function pcnDetailsReader(
  file: string,
  header: readonly Cell[],
  issues: IssueCollector,
): AreaTableReader | null {
  const h = header.map(cellText)
  const code = findColumn(h, 'pcn code')
  const name = findColumn(h, 'pcn name')
  const close = findColumn(h, 'close date')
  if (code < 0 || name < 0 || findColumnStarting(h, 'partner organisation code') >= 0) return null
  const rows: [string, string, boolean][] = []
  return {
    description: 'ODS PCNs',
    row: (cells, line) => {
      const c = cellText(cells[code]).toUpperCase()
      if (c === '') return
      if (!pcnCodePattern.test(c)) {
        issues.add({
          file,
          line,
          column: code + 1,
          message: `"${c}" is not a PCN code (U and five digits).`,
        })
        return
      }
      rows.push([c, cellText(cells[name]), close >= 0 && cellText(cells[close]) !== ''])
    },
    finish: () =>
      issues.isEmpty() ? ({ kind: 'pcn-details', rows } satisfies PcnDetailsDataset) : null,
  }
}

export function pcnMembersReader(
  file: string,
  header: readonly Cell[],
  issues: IssueCollector,
): AreaTableReader | null {
  const h = header.map(cellText)
  const practice = findColumnStarting(h, 'partner organisation code')
  const pcn = findColumn(h, 'pcn code')
  const start = findColumnStarting(h, 'practice to pcn relationship start date')
  const end = findColumnStarting(h, 'practice to pcn relationship end date')
  if (practice < 0 || pcn < 0) return null
  const rows: [string, string, string | null, string | null][] = []
  return {
    description: 'ODS practice → PCN',
    row: (cells, line) => {
      const p = cellText(cells[practice]).toUpperCase()
      if (p === '') return
      const n = cellText(cells[pcn]).toUpperCase()
      if (!practiceCodePattern.test(p) || !pcnCodePattern.test(n)) {
        issues.add({
          file,
          line,
          message: `"${p}" → "${n}" is not a practice code and a PCN code.`,
        })
        return
      }
      rows.push([
        p,
        n,
        start >= 0 ? cellText(cells[start]) || null : null,
        end >= 0 ? cellText(cells[end]) || null : null,
      ])
    },
    finish: () =>
      issues.isEmpty() ? ({ kind: 'pcn-members', rows } satisfies PcnMembersDataset) : null,
  }
}
