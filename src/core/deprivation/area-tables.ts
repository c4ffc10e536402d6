import type { Nation } from './area-code.js'

/**
 * The reference tables the deprivation lookups use. They are plain data,
 * parsed from the official files by `src/core/area-data` and kept in spnet's
 * data directory by the CLI; the lookups take them as arguments.
 */

export type Edition = 2019 | 2025
export const editions: readonly Edition[] = [2019, 2025]

/** The LSOA geography each edition ranks. */
export const editionGeography: Record<Edition, 'lsoa11' | 'lsoa21'> = {
  2019: 'lsoa11',
  2025: 'lsoa21',
}

/** English LSOAs ranked by each edition (MHCLG). */
export const editionAreaCount: Record<Edition, number> = { 2019: 32_844, 2025: 33_755 }

/** One LSOA in an IoD edition. */
export type IodArea = {
  readonly rank: number
  readonly decile: number
  /** The IMD score, when a scores file (File 5/7) was loaded. */
  readonly score: number | null
  readonly name: string | null
  readonly lad: string | null
  /** Total population (the IoD denominator), when File 6/7 was loaded. */
  readonly population: number | null
}

export type IodTable = {
  readonly edition: Edition
  readonly areas: ReadonlyMap<string, IodArea>
}

/** ONS exact-fit LSOA 2011 ↔ 2021 lookup. Change: U unchanged, S split, M merged, X irregular. */
export type LsoaChange = 'U' | 'S' | 'M' | 'X'
export type LsoaLink = { readonly code: string; readonly change: LsoaChange }
export type LsoaCrosswalk = {
  readonly to2021: ReadonlyMap<string, readonly LsoaLink[]>
  readonly to2011: ReadonlyMap<string, readonly LsoaLink[]>
}

/** What a postcode product says about one postcode. */
export type PostcodeRecord = {
  readonly postcode: string
  readonly lsoa21: string | null
  readonly lsoa11: string | null
  /** Date the postcode was terminated (yyyymm), or null if live. */
  readonly terminated: string | null
  readonly nation: Nation
}

/** Finds postcodes by their normalised form (e.g. "SW1A 1AA"). */
export type PostcodeIndex = {
  readonly find: (postcode: string) => PostcodeRecord | null
}

export type PracticeStatus = 'active' | 'closed' | 'dormant' | 'proposed' | 'unknown'

export type Practice = {
  readonly code: string
  readonly name: string
  readonly postcode: string | null
  readonly status: PracticeStatus
  /** True for GP practices (ODS role RO76 / prescribing setting 4). */
  readonly gpPractice: boolean
  readonly closeDate: string | null
}

export type PracticeTable = ReadonlyMap<string, Practice>

export type Pcn = { readonly code: string; readonly name: string; readonly closed: boolean }

export type PcnTable = {
  readonly pcns: ReadonlyMap<string, Pcn>
  /** Current member practices of each PCN. */
  readonly members: ReadonlyMap<string, readonly string[]>
  /** Current PCN of each practice. */
  readonly pcnOf: ReadonlyMap<string, string>
}

/** Practices' population-weighted IMD scores for one edition, ranked nationally. */
export type PracticeScores = {
  readonly edition: Edition
  /** Where the scores come from, for the record of each placement. */
  readonly source: string
  readonly scores: ReadonlyMap<string, number>
  /** Registered patients per practice, when known (weights PCN means). */
  readonly listSizes: ReadonlyMap<string, number> | null
}

/** Everything loaded; any part may be missing. */
export type AreaData = {
  readonly iod: Partial<Record<Edition, IodTable>>
  readonly crosswalk?: LsoaCrosswalk | undefined
  readonly postcodes?: PostcodeIndex | undefined
  readonly practices?: PracticeTable | undefined
  readonly pcns?: PcnTable | undefined
  readonly practiceScores?: Partial<Record<Edition, PracticeScores>> | undefined
}
