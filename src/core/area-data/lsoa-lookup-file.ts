import type { LsoaChange } from '../deprivation/area-tables.js'
import type { IssueCollector } from '../import/issue-collector.js'
import type { CrosswalkDataset, GeographyDataset } from './area-datasets.js'
import { cellText, type Cell } from './cells.js'
import { findColumn, findColumnMatching } from './header-match.js'
import type { AreaTableReader } from './table-reader.js'

/**
 * ONS Open Geography lookups, in the portal's own column names (LSOA11CD,
 * LSOA21CD, CHGIND, SICBL24CD, ICB24CD, WD24CD, LAD24CD…) or in snake_case
 * renames (lsoa11_code, change_code, icb24_code, ward24_code, ltla24_code…):
 * - LSOA (2011) to LSOA (2021) exact-fit lookup (England and Wales; Welsh
 *   rows are kept so Welsh codes are recognised as Welsh).
 * - LSOA (2021) to sub-ICB location, ICB and LAD; LSOA (2021) to ward and LAD.
 */

export function crosswalkReader(
  file: string,
  header: readonly Cell[],
  issues: IssueCollector,
): AreaTableReader | null {
  const h = header.map(cellText)
  const c11 = findColumn(h, 'lsoa11cd', 'lsoa11_code')
  const c21 = findColumn(h, 'lsoa21cd', 'lsoa21_code')
  const change = findColumn(h, 'chgind', 'change_code')
  if (c11 < 0 || c21 < 0 || change < 0) return null
  const rows: [string, string, LsoaChange][] = []
  return {
    description: 'LSOA 2011 → 2021',
    row: (cells, line) => {
      const a = cellText(cells[c11]).toUpperCase()
      const b = cellText(cells[c21]).toUpperCase()
      const chg = cellText(cells[change]).toUpperCase()
      if (a === '' && b === '') return
      if (
        !/^[EW]01\d{6}$/.test(a) ||
        !/^[EW]01\d{6}$/.test(b) ||
        !['U', 'S', 'M', 'X'].includes(chg)
      ) {
        issues.add({
          file,
          line,
          message: `Row "${a}, ${b}, ${chg}" is not an LSOA 2011 code, an LSOA 2021 code and a change indicator (U, S, M or X).`,
        })
        return
      }
      rows.push([a, b, chg as LsoaChange])
    },
    finish: () => {
      if (rows.length < 30_000) {
        issues.add({
          file,
          message: `${file} has only ${rows.length} rows; the ONS lookup has about 35,800.`,
          fix: 'The file looks truncated: download it again.',
        })
      }
      return issues.isEmpty() ? ({ kind: 'lsoa-crosswalk', rows } satisfies CrosswalkDataset) : null
    },
  }
}

/** Columns kept from the LSOA 2021 geography lookups, by the ONS prefix they match. */
const geographyColumns: readonly [string, RegExp][] = [
  ['sicbl', /^(sicbl\d\dcd|sicbl\d\d_code)$/],
  ['sicbl_nhs', /^(sicbl\d\dcdh|sicbl\d\d_code_nhs)$/],
  ['sicbl_name', /^(sicbl\d\dnm|sicbl\d\d_name)$/],
  ['icb', /^(icb\d\dcd|icb\d\d_code)$/],
  ['icb_nhs', /^(icb\d\dcdh|icb\d\d_code_nhs)$/],
  ['icb_name', /^(icb\d\dnm|icb\d\d_name)$/],
  ['ward', /^(wd\d\dcd|ward\d\d_code)$/],
  ['ward_name', /^(wd\d\dnm|ward\d\d_name)$/],
  ['lad', /^(lad\d\dcd|ltla\d\d_code)$/],
  ['lad_name', /^(lad\d\dnm|ltla\d\d_name)$/],
]

/** ONS' lookup of 2021 LSOAs to wards puts E01027305 in Cherwell; the Aug 2025 correction (and IoD2025) put it in West Northamptonshire. */
const ladCorrections: ReadonlyMap<string, readonly [string, string]> = new Map([
  ['E01027305', ['E07000177', 'E06000062']],
])

export function geographyReader(
  file: string,
  header: readonly Cell[],
  issues: IssueCollector,
): AreaTableReader | null {
  const h = header.map(cellText)
  const lsoa = findColumn(h, 'lsoa21cd', 'lsoa21_code')
  if (lsoa < 0) return null
  const found = geographyColumns
    .map(([name, pattern]) => [name, findColumnMatching(h, pattern)] as const)
    .filter(([, i]) => i >= 0)
  if (!found.some(([name]) => name === 'icb' || name === 'ward' || name === 'lad')) return null
  const columns = found.map(([name]) => name)
  const ladAt = columns.indexOf('lad')
  const rows: string[][] = []
  const seen = new Set<string>()
  return {
    description: `LSOA 2021 → ${columns.join(', ')}`,
    row: (cells, line) => {
      const code = cellText(cells[lsoa]).toUpperCase()
      if (code === '') return
      if (seen.has(code)) {
        issues.add({ file, line, message: `LSOA ${code} is listed twice.` })
        return
      }
      seen.add(code)
      const values = found.map(([, i]) => cellText(cells[i]))
      const fix = ladCorrections.get(code)
      if (fix !== undefined && ladAt >= 0 && values[ladAt] === fix[0]) {
        values[ladAt] = fix[1]
      }
      rows.push([code, ...values])
    },
    finish: () => {
      if (rows.length < 30_000) {
        issues.add({
          file,
          message: `${file} has only ${rows.length} LSOAs; England alone has 33,755.`,
          fix: 'The file looks truncated: download it again.',
        })
      }
      return issues.isEmpty()
        ? ({ kind: 'lsoa-geography', columns, rows } satisfies GeographyDataset)
        : null
    },
  }
}
