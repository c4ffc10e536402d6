/**
 * Area and organisation codes spnet meets, and what each says about where it
 * is. The English indices cover England only: Welsh (W01), Scottish (S01)
 * and Northern Irish (95…) areas have their own, non-comparable indices.
 */

export type Nation =
  | 'england'
  | 'wales'
  | 'scotland'
  | 'northern_ireland'
  | 'channel_islands'
  | 'isle_of_man'
  | 'unknown'

/** LSOA or data-zone code, e.g. E01021988 (England), W01000001 (Wales), S01006506 (a Scottish data zone). */
const lsoaPattern = /^([EWS])01\d{6}$/

export function lsoaNation(code: string): Nation | null {
  const m = lsoaPattern.exec(code)
  if (m === null) return null
  return m[1] === 'E' ? 'england' : m[1] === 'W' ? 'wales' : 'scotland'
}

/** Normalises an LSOA code as typed: trimmed and upper-cased. */
export function normaliseAreaCode(raw: string): string {
  return raw.trim().toUpperCase()
}

/** GP practice ODS code: a letter and five characters, e.g. A81001, Y02345. */
export const practiceCodePattern = /^[A-Z][0-9A-Z]\d{4}$/

/** Primary care network ODS code: U and five digits, e.g. U12345. */
export const pcnCodePattern = /^U\d{5}$/

/** Nation of a country code in the ONS postcode products (ctry). */
export function countryNation(code: string): Nation {
  switch (code) {
    case 'E92000001':
      return 'england'
    case 'W92000004':
      return 'wales'
    case 'S92000003':
      return 'scotland'
    case 'N92000002':
      return 'northern_ireland'
    case 'L93000001':
      return 'channel_islands'
    case 'M83000003':
      return 'isle_of_man'
    default:
      return 'unknown'
  }
}

const whereWords: Record<Nation, string> = {
  england: 'is in England',
  wales: 'is in Wales',
  scotland: 'is in Scotland',
  northern_ireland: 'is in Northern Ireland',
  channel_islands: 'is in the Channel Islands',
  isle_of_man: 'is on the Isle of Man',
  unknown: 'is outside England',
}

/** "is in Wales", "is on the Isle of Man", "is outside England". */
export function whereIs(nation: Nation): string {
  return whereWords[nation]
}

/** Where to find the index for an area outside England. */
export function otherIndexHint(nation: Nation): string {
  switch (nation) {
    case 'wales':
      return 'The English indices cover England only; Welsh areas are ranked by the Welsh Index of Multiple Deprivation (WIMD).'
    case 'scotland':
      return 'The English indices cover England only; Scottish data zones are ranked by the Scottish Index of Multiple Deprivation (SIMD).'
    case 'northern_ireland':
      return 'The English indices cover England only; Northern Ireland has its own Multiple Deprivation Measure (NIMDM).'
    default:
      return 'The English indices cover England only.'
  }
}
