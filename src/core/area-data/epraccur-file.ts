import type { PracticeStatus } from '../deprivation/area-tables.js'
import { practiceCodePattern } from '../deprivation/area-code.js'
import type { IssueCollector } from '../import/issue-collector.js'
import type { PracticesDataset } from './area-datasets.js'
import { cellText, type Cell } from './cells.js'
import type { AreaTableReader } from './table-reader.js'

/**
 * ODS epraccur: GP practices and prescribing cost centres, no header row,
 * 27 columns. Two layouts are in use:
 * - legacy (digital.nhs.uk): status letters A/C/D/P in column 13 and the
 *   prescribing setting as a number in column 26 (4 = GP practice);
 * - Data Search and Export (2025–): status words ACTIVE/INACTIVE/DORMANT and
 *   ODS role codes in column 26 (RO76 = GP practice), several joined by "|"
 *   when an organisation has more than one role (e.g. "RO76|RO268", a GP
 *   practice that also dispenses).
 */

const statusWords: Readonly<Record<string, PracticeStatus>> = {
  A: 'active',
  ACTIVE: 'active',
  C: 'closed',
  CLOSED: 'closed',
  INACTIVE: 'closed',
  D: 'dormant',
  DORMANT: 'dormant',
  P: 'proposed',
  PROPOSED: 'proposed',
}

/** Whether a headerless first row looks like epraccur. */
export function looksLikeEpraccur(first: readonly Cell[]): boolean {
  return (
    first.length >= 20 &&
    practiceCodePattern.test(cellText(first[0]).toUpperCase()) &&
    /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i.test(cellText(first[9]))
  )
}

export function epraccurReader(file: string, issues: IssueCollector): AreaTableReader {
  const rows: [string, string, string | null, PracticeStatus, boolean, string | null][] = []
  let layout: PracticesDataset['layout'] | null = null
  const seen = new Set<string>()
  return {
    description: 'ODS epraccur',
    row: (cells, line) => {
      const code = cellText(cells[0]).toUpperCase()
      if (code === '') return
      if (cells.length < 26) {
        issues.add({
          file,
          line,
          message: `This row has ${cells.length} columns; epraccur rows have 27.`,
          fix: 'The file looks truncated or is not epraccur: download it again.',
        })
        return
      }
      if (seen.has(code)) {
        issues.add({ file, line, message: `Practice ${code} is listed twice.` })
        return
      }
      seen.add(code)
      const statusRaw = cellText(cells[12]).toUpperCase()
      const setting = cellText(cells[25]).toUpperCase()
      layout ??=
        /^RO\d+/.test(setting) || statusRaw.length > 1 ? 'data-search-and-export' : 'legacy'
      const postcode = cellText(cells[9])
      rows.push([
        code,
        cellText(cells[1]),
        postcode === '' ? null : postcode,
        statusWords[statusRaw] ?? 'unknown',
        isGpPractice(setting),
        cellText(cells[11]) || null,
      ])
    },
    finish: () => {
      if (rows.length === 0) issues.add({ file, message: `${file} has no practices.` })
      return issues.isEmpty() && layout !== null
        ? ({ kind: 'practices', layout, rows } satisfies PracticesDataset)
        : null
    },
  }
}

/**
 * Whether column 26 of epraccur marks a GP practice: prescribing setting 4
 * (legacy layout), or ODS role RO76 among the roles listed (new layout).
 */
export function isGpPractice(setting: string): boolean {
  const value = setting.trim().toUpperCase()
  if (value === '4') return true
  return value.split(/[|;,\s]+/).includes('RO76')
}
