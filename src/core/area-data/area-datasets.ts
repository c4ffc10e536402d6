import type { Edition, LsoaChange, PracticeStatus } from '../deprivation/area-tables.js'

/**
 * The datasets `spnet area import` keeps, one per official file (or sheet),
 * as plain JSON-friendly data: rows are arrays in a fixed column order.
 */

export type IodVariant = 'file1' | 'file2' | 'file6' | 'file7' | 'scores'

export type IodDataset = {
  readonly kind: 'iod'
  readonly edition: Edition
  readonly variant: IodVariant
  /** [code, name, lad, rank, decile, score, population] per LSOA. */
  readonly rows: readonly (readonly [
    string,
    string | null,
    string | null,
    number | null,
    number | null,
    number | null,
    number | null,
  ])[]
}

export type CrosswalkDataset = {
  readonly kind: 'lsoa-crosswalk'
  /** [lsoa11, lsoa21, change]. */
  readonly rows: readonly (readonly [string, string, LsoaChange])[]
}

export type GeographyDataset = {
  readonly kind: 'lsoa-geography'
  /** Which columns the ONS file had, e.g. icb24, sicbl24, lad24, ward24. */
  readonly columns: readonly string[]
  /** [lsoa21, ...codes in `columns` order]. */
  readonly rows: readonly (readonly string[])[]
}

export type PracticesDataset = {
  readonly kind: 'practices'
  readonly layout: 'legacy' | 'data-search-and-export'
  /** [code, name, postcode, status, gpPractice, closeDate]. */
  readonly rows: readonly (readonly [
    string,
    string,
    string | null,
    PracticeStatus,
    boolean,
    string | null,
  ])[]
}

export type PcnDetailsDataset = {
  readonly kind: 'pcn-details'
  /** [code, name, closed]. */
  readonly rows: readonly (readonly [string, string, boolean])[]
}

export type PcnMembersDataset = {
  readonly kind: 'pcn-members'
  /** [practice, pcn, start yyyymmdd, end yyyymmdd or null]. */
  readonly rows: readonly (readonly [string, string, string | null, string | null])[]
}

export type FingertipsDataset = {
  readonly kind: 'practice-imd'
  /** [practice, year (IMD edition), score]. */
  readonly rows: readonly (readonly [string, number, number])[]
}

export type PatientsDataset = {
  readonly kind: 'registered-patients'
  readonly extractDate: string | null
  /** [practice, lsoa, patients]. */
  readonly rows: readonly (readonly [string, string, number])[]
}

export type AreaDataset =
  | IodDataset
  | CrosswalkDataset
  | GeographyDataset
  | PracticesDataset
  | PcnDetailsDataset
  | PcnMembersDataset
  | FingertipsDataset
  | PatientsDataset

/** A stable name for a dataset: importing another file of the same name replaces it. */
export function datasetId(d: AreaDataset): string {
  switch (d.kind) {
    case 'iod':
      return `iod${d.edition}-${d.variant}`
    case 'lsoa-geography':
      return `lsoa21-${d.columns.join('-')}`
    default:
      return d.kind
  }
}

/** What people call a dataset. */
export function datasetTitle(d: AreaDataset): string {
  switch (d.kind) {
    case 'iod':
      return `English Indices of Deprivation ${d.edition}, ${variantTitles[d.variant]}`
    case 'lsoa-crosswalk':
      return 'ONS LSOA (2011) to LSOA (2021) lookup'
    case 'lsoa-geography':
      return `ONS LSOA (2021) to ${d.columns.join(', ')} lookup`
    case 'practices':
      return `ODS GP practices (epraccur, ${d.layout === 'legacy' ? 'legacy' : 'Data Search and Export'} layout)`
    case 'pcn-details':
      return 'ODS primary care networks (ePCN)'
    case 'pcn-members':
      return 'ODS practice to PCN membership (ePCN core partners)'
    case 'practice-imd':
      return 'OHID Fingertips practice deprivation score (indicator 93553)'
    case 'registered-patients':
      return `NHS England patients registered at a GP practice, by LSOA${d.extractDate === null ? '' : ` (${d.extractDate})`}`
  }
}

const variantTitles: Record<IodVariant, string> = {
  file1: 'File 1 (IMD ranks and deciles)',
  file2: 'File 2 (domain ranks and deciles)',
  file6: 'File 6 (population denominators)',
  file7: 'File 7 (scores, ranks, deciles and denominators)',
  scores: 'scores, ranks and deciles',
}

/** Rows of a dataset, for status and checks. */
export function datasetRows(d: AreaDataset): number {
  return d.rows.length
}

/** The edition a dataset belongs to, when it has one. */
export function datasetEdition(d: AreaDataset): Edition | null {
  return d.kind === 'iod' ? d.edition : null
}
