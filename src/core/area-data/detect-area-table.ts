import type { IssueCollector } from '../import/issue-collector.js'
import type { Cell } from './cells.js'
import { epraccurReader, looksLikeEpraccur } from './epraccur-file.js'
import { pcnDetailsReader, pcnMembersReader } from './epcn-file.js'
import { fingertipsReader } from './fingertips-file.js'
import { iodReader } from './iod-file.js'
import { crosswalkReader, geographyReader } from './lsoa-lookup-file.js'
import { patientsReader } from './patients-file.js'
import { postcodeColumns, type PostcodeColumns } from './postcode-file.js'
import type { AreaTableReader } from './table-reader.js'

/**
 * Tells what an official table is from its first row (the header, or the
 * first record of headerless epraccur) — by content, never by file name.
 */
export type DetectedTable =
  | { readonly kind: 'table'; readonly reader: AreaTableReader; readonly firstRowIsData: boolean }
  | { readonly kind: 'postcodes'; readonly columns: PostcodeColumns }

export function detectAreaTable(
  file: string,
  first: readonly Cell[],
  issues: IssueCollector,
): DetectedTable | null {
  if (looksLikeEpraccur(first)) {
    return { kind: 'table', reader: epraccurReader(file, issues), firstRowIsData: true }
  }
  const postcodes = postcodeColumns(first)
  if (postcodes !== null) return { kind: 'postcodes', columns: postcodes }
  for (const make of [
    iodReader,
    crosswalkReader,
    geographyReader,
    pcnMembersReader,
    pcnDetailsReader,
    fingertipsReader,
    patientsReader,
  ]) {
    const reader = make(file, first, issues)
    if (reader !== null) return { kind: 'table', reader, firstRowIsData: false }
    if (!issues.isEmpty()) return null
  }
  return null
}

/** What spnet can import, for messages about files it does not recognise. */
export const knownAreaFiles = [
  'English Indices of Deprivation 2019 or 2025: File 1, 2, 6 or 7 (CSV or XLSX)',
  'ONS LSOA (2011) to LSOA (2021) lookup',
  'ONS LSOA (2021) to sub-ICB/ICB/LAD, or to ward/LAD, lookups',
  'ODS epraccur (GP practices), legacy or Data Search and Export layout',
  'ODS ePCN (XLSX, or its PCNDetails / PCN Core Partner Details sheets as CSV)',
  'OHID Fingertips practice deprivation score (indicator 93553)',
  "NHS England 'Patients registered at a GP practice' by LSOA",
  'ONS postcode products: NSPL, ONSPD or the PCD to OA21 to LSOA21 lookup',
] as const
