import type { Edition } from '../deprivation/area-tables.js'
import { editionAreaCount } from '../deprivation/area-tables.js'
import { decileOfRank } from '../deprivation/imd-groups.js'
import type { IssueCollector } from '../import/issue-collector.js'
import type { IodDataset, IodVariant } from './area-datasets.js'
import { cellNumber, cellText, type Cell } from './cells.js'
import { findColumnStarting, normaliseHeader } from './header-match.js'
import type { AreaTableReader } from './table-reader.js'

/**
 * The English Indices of Deprivation LSOA files: File 1 (IMD rank and
 * decile), File 2 (domains), File 6 (population denominators), File 7 (all
 * scores, ranks, deciles and denominators), as CSV or XLSX, and tables that
 * rename their columns (e.g. `lsoa21_code`, `IMD_score`). Columns are found
 * by the start of their official names, so truncated headers still match.
 *
 * Checks: every code is an English LSOA, none repeats, every decile agrees
 * with its rank (decile = ⌈10·rank/N⌉), and the file has the edition's full
 * set of LSOAs (32,844 for 2019, 33,755 for 2025) — a partial or truncated
 * file is refused.
 */

type Columns = {
  code: number
  name: number
  lad: number
  rank: number
  decile: number
  score: number
  population: number
  domains: boolean
}

export function iodReader(
  file: string,
  header: readonly Cell[],
  issues: IssueCollector,
): AreaTableReader | null {
  const h = header.map(cellText)
  const c11 = findColumnStarting(h, 'lsoa code (2011)', 'lsoa11cd', 'lsoa11_code')
  const c21 = findColumnStarting(h, 'lsoa code (2021)', 'lsoa21cd', 'lsoa21_code')
  const code = c21 >= 0 ? c21 : c11
  if (code < 0) return null
  const cols: Columns = {
    code,
    name: findColumnStarting(h, 'lsoa name'),
    lad: findColumnStarting(h, 'local authority district code'),
    rank: findColumnStarting(h, 'index of multiple deprivation (imd) rank', 'imd_rank', 'imd rank'),
    decile: findColumnStarting(
      h,
      'index of multiple deprivation (imd) decile',
      'imd_decile',
      'imd decile',
    ),
    score: findColumnStarting(
      h,
      'index of multiple deprivation (imd) score',
      'imd_score',
      'imd score',
    ),
    population: findColumnStarting(h, 'total population'),
    domains: findColumnStarting(h, 'income rank', 'income_rank') >= 0,
  }
  if (cols.rank < 0 && cols.score < 0 && cols.population < 0) return null
  const ladHeader = cols.lad >= 0 ? normaliseHeader(h[cols.lad]!) : ''
  if (
    c21 < 0 &&
    (ladHeader.includes('(2013)') || h.some((x) => normaliseHeader(x).includes('mid 2012')))
  ) {
    issues.add({
      file,
      line: 1,
      message: `${file} is from the English Indices of Deprivation 2015, which spnet does not use.`,
      fix: 'Use the 2019 or 2025 edition (spnet area download --edition 2019).',
    })
    return null
  }
  const edition: Edition = c21 >= 0 ? 2025 : 2019
  const variant: IodVariant =
    cols.score >= 0 && cols.population >= 0
      ? 'file7'
      : cols.score >= 0
        ? 'scores'
        : cols.rank >= 0 && cols.domains
          ? 'file2'
          : cols.rank >= 0
            ? 'file1'
            : 'file6'
  return iodRows(file, edition, variant, cols, issues)
}

function iodRows(
  file: string,
  edition: Edition,
  variant: IodVariant,
  cols: Columns,
  issues: IssueCollector,
): AreaTableReader {
  const rows: [
    string,
    string | null,
    string | null,
    number | null,
    number | null,
    number | null,
    number | null,
  ][] = []
  const seen = new Map<string, number>()
  const lines: number[] = []
  const number = (cells: readonly Cell[], i: number, what: string, line: number): number | null => {
    if (i < 0) return null
    const v = cellNumber(cells[i])
    if (v === null || Number.isNaN(v)) {
      issues.add({
        file,
        line,
        column: i + 1,
        message: `The ${what} "${cellText(cells[i])}" is not a number.`,
        fix: 'The file may be damaged or not the official one; download it again.',
      })
      return null
    }
    return v
  }
  return {
    description: `IoD${edition} ${variant}`,
    row: (cells, line) => {
      const code = cellText(cells[cols.code]).toUpperCase()
      if (code === '') return
      if (!/^E01\d{6}$/.test(code)) {
        issues.add({
          file,
          line,
          column: cols.code + 1,
          message: `"${code}" is not an English LSOA code.`,
          fix: 'The English indices list English LSOAs only (E01…).',
        })
        return
      }
      const first = seen.get(code)
      if (first !== undefined) {
        issues.add({
          file,
          line,
          column: cols.code + 1,
          message: `LSOA ${code} is listed twice (also line ${lines[first]}).`,
        })
        return
      }
      seen.set(code, rows.length)
      lines.push(line)
      rows.push([
        code,
        cols.name >= 0 ? cellText(cells[cols.name]) || null : null,
        cols.lad >= 0 ? cellText(cells[cols.lad]) || null : null,
        number(cells, cols.rank, 'rank', line),
        number(cells, cols.decile, 'decile', line),
        number(cells, cols.score, 'score', line),
        number(cells, cols.population, 'population', line),
      ])
    },
    finish: () => {
      const expected = editionAreaCount[edition]
      if (rows.length !== expected) {
        issues.add({
          file,
          message: `${file} has ${rows.length.toLocaleString('en-GB')} LSOAs; the IoD${edition} ranks ${expected.toLocaleString('en-GB')}.`,
          fix:
            rows.length < expected
              ? 'The file looks truncated or filtered: download the complete official file again.'
              : 'The file holds more than England’s LSOAs: use the official England file.',
        })
      }
      // Deciles must agree with ranks, as the official files' do.
      let mismatches = 0
      rows.forEach(([code, , , rank, decile], r) => {
        if (rank === null || decile === null) return
        if (decile !== decileOfRank(rank, expected) && mismatches++ < 5) {
          issues.add({
            file,
            line: lines[r]!,
            message: `LSOA ${code} has rank ${rank} but decile ${decile}; rank ${rank} of ${expected.toLocaleString('en-GB')} is decile ${decileOfRank(rank, expected)}.`,
            fix: 'The file has been edited or damaged; use the official file.',
          })
        }
      })
      if (
        issues.isEmpty() &&
        variant !== 'file6' &&
        rows.some((r) => r[3] === null && r[5] === null)
      ) {
        issues.add({ file, message: `${file} has LSOAs without a rank or score.` })
      }
      return issues.isEmpty()
        ? ({ kind: 'iod', edition, variant, rows } satisfies IodDataset)
        : null
    },
  }
}
