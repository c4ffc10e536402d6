import { fix, isValid, toNormalised } from 'postcode'
import { SpnetError } from '../errors.js'
import { err, ok, type Result } from '../result.js'
import {
  lsoaNation,
  whereIs,
  normaliseAreaCode,
  otherIndexHint,
  pcnCodePattern,
  practiceCodePattern,
} from './area-code.js'
import {
  editionGeography,
  type AreaData,
  type Edition,
  type IodArea,
  type IodTable,
  type PcnTable,
  type PracticeScores,
} from './area-tables.js'
import { decileOfRank, isCore20, quintileOfDecile } from './imd-groups.js'
import { rankScores } from './rank-scores.js'

/**
 * Places an area, postcode, GP practice or PCN on the English Index of
 * Multiple Deprivation (DOMAIN.md §2). Every answer records the edition, the
 * method, the score where the loaded files have one, the national rank,
 * decile, quintile and Core20 flag, and warnings where the fit is not exact.
 *
 * Methods:
 * - `lsoa`: an LSOA code given directly (2011 or 2021; translated to the
 *   edition's geography with the ONS lookup when needed).
 * - `postcode`: the LSOA of a postcode (ONS NSPL, ONSPD or PCD→LSOA lookup).
 * - `practice-lsoa`: the LSOA of a GP practice's postcode (ODS epraccur).
 * - `practice-weighted`: the practice's population-weighted IMD score
 *   (LSOA scores weighted by where its registered patients live), ranked
 *   nationally across practices — the method of OHID's Fingertips profiles.
 * - `pcn-mean`: the mean of a PCN's member practices' weighted scores
 *   (weighted by list size when known), ranked nationally across PCNs.
 *
 * @see Strong, M. et al. (2007). Postcode linkage overestimates deprivation in
 *      deprived areas compared with population weighting. Int J Health Geogr 6:4.
 */

export const placementMethods = [
  'lsoa',
  'postcode',
  'practice-lsoa',
  'practice-weighted',
  'pcn-mean',
] as const
export type PlacementMethod = (typeof placementMethods)[number]

export type Placement = {
  readonly edition: Edition
  readonly method: PlacementMethod
  /** What was ranked: an LSOA code, a practice code or a PCN code. */
  readonly unit: string
  readonly score: number | null
  readonly rank: number | null
  readonly decile: number
  readonly quintile: number
  readonly core20: boolean
  readonly warnings: readonly string[]
}

/** Places `value` by `method` in `edition`. */
export function placeArea(
  data: AreaData,
  method: PlacementMethod,
  value: string,
  edition: Edition,
): Result<Placement> {
  switch (method) {
    case 'lsoa':
      return placeByLsoa(data, value, edition)
    case 'postcode':
      return placeByPostcode(data, value, edition)
    case 'practice-lsoa':
    case 'practice-weighted':
      return placeByPractice(data, value, edition, method)
    case 'pcn-mean':
      return placeByPcn(data, value, edition)
  }
}

function fail(code: 'validation' | 'not_found' | 'unsupported', message: string, fix?: string) {
  return err(new SpnetError(code, message, fix === undefined ? {} : { issues: [{ message, fix }] }))
}

const importHint = (what: string) =>
  `Load it with \`spnet area import FILE\` (or \`spnet area download\`): ${what}.`

function iodTable(data: AreaData, edition: Edition): Result<IodTable> {
  const table = data.iod[edition]
  if (table !== undefined) return ok(table)
  return fail(
    'unsupported',
    `The Index of Multiple Deprivation ${edition} is not loaded.`,
    importHint(`an IoD${edition} file (File 1, 2 or 7, CSV or XLSX)`),
  )
}

function postcodeLookup(data: AreaData): Result<NonNullable<AreaData['postcodes']>> {
  if (data.postcodes !== undefined) return ok(data.postcodes)
  return fail(
    'unsupported',
    'No postcode lookup is loaded.',
    importHint(
      'the ONS Postcode Directory (ONSPD), the National Statistics Postcode Lookup (NSPL) or the PCD→OA21→LSOA21 lookup, from https://geoportal.statistics.gov.uk/',
    ),
  )
}

function practiceList(data: AreaData): Result<NonNullable<AreaData['practices']>> {
  if (data.practices !== undefined) return ok(data.practices)
  return fail(
    'unsupported',
    'The GP practice list is not loaded.',
    importHint('ODS epraccur (GP practices and their postcodes)'),
  )
}

function pcnList(data: AreaData): Result<PcnTable> {
  if (data.pcns !== undefined) return ok(data.pcns)
  return fail(
    'unsupported',
    'The PCN list is not loaded.',
    importHint('ODS ePCN (PCNs and their member practices)'),
  )
}

/**
 * Whether the reference data `method` needs in `edition` is loaded, so a
 * missing file can be reported once rather than for every value. (An LSOA
 * code of the other edition's geography also needs the ONS LSOA lookup; that
 * is told per value, as other codes do not need it.)
 */
export function checkReferenceData(
  data: AreaData,
  method: PlacementMethod,
  edition: Edition,
): Result<null> {
  const needs: readonly (() => Result<unknown>)[] = {
    lsoa: [() => iodTable(data, edition)],
    postcode: [() => postcodeLookup(data), () => iodTable(data, edition)],
    'practice-lsoa': [
      () => practiceList(data),
      () => postcodeLookup(data),
      () => iodTable(data, edition),
    ],
    'practice-weighted': [() => practiceScores(data, edition)],
    'pcn-mean': [() => pcnList(data), () => practiceScores(data, edition)],
  }[method]
  for (const need of needs) {
    const found = need()
    if (!found.ok) return found
  }
  return ok(null)
}

function placement(
  edition: Edition,
  method: PlacementMethod,
  unit: string,
  values: { score: number | null; rank: number | null; decile: number },
  warnings: readonly string[],
): Placement {
  return {
    edition,
    method,
    unit,
    score: values.score,
    rank: values.rank,
    decile: values.decile,
    quintile: quintileOfDecile(values.decile),
    core20: isCore20(values.decile),
    warnings,
  }
}

/** Places an LSOA given directly (2011 or 2021 code). */
export function placeByLsoa(
  data: AreaData,
  raw: string,
  edition: Edition,
  method: PlacementMethod = 'lsoa',
  warnings: readonly string[] = [],
): Result<Placement> {
  const code = normaliseAreaCode(raw)
  const nation = lsoaNation(code)
  if (nation === null) {
    return fail(
      'validation',
      `"${raw}" is not an LSOA code.`,
      'LSOA codes look like E01021988: E01 and six digits.',
    )
  }
  if (nation !== 'england') {
    return fail('unsupported', `${code} ${whereIs(nation)}.`, otherIndexHint(nation))
  }
  const table = iodTable(data, edition)
  if (!table.ok) return table
  const direct = table.value.areas.get(code)
  if (direct !== undefined) {
    return ok(placement(edition, method, code, direct, warnings))
  }
  // Not in this edition's geography: translate between LSOA 2011 and 2021.
  const target = editionGeography[edition]
  const crosswalk = data.crosswalk
  const links = target === 'lsoa21' ? crosswalk?.to2021.get(code) : crosswalk?.to2011.get(code)
  if (links === undefined || links.length === 0) {
    if (crosswalk === undefined) {
      return fail(
        'unsupported',
        `${code} is not an LSOA of IoD${edition}, which ranks ${target === 'lsoa21' ? '2021' : '2011'} LSOAs.`,
        importHint(
          'the ONS LSOA (2011) to LSOA (2021) lookup, to translate codes between editions',
        ),
      )
    }
    return fail(
      'not_found',
      `${code} is not an English LSOA of 2011 or 2021.`,
      'Check the code; LSOA codes are listed in the IoD files and the ONS lookups.',
    )
  }
  const from = target === 'lsoa21' ? '2011' : '2021'
  const to = target === 'lsoa21' ? '2021' : '2011'
  const areas = links.map((l) => ({ link: l, area: table.value.areas.get(l.code) }))
  const found = areas.filter(
    (a): a is { link: (typeof links)[number]; area: IodArea } => a.area !== undefined,
  )
  if (found.length === 0) {
    return fail(
      'not_found',
      `${code} translates to ${links.map((l) => l.code).join(', ')}, which IoD${edition} does not rank.`,
    )
  }
  if (found.length === 1) {
    const { link, area } = found[0]!
    const exact = link.change === 'U'
    return ok(
      placement(edition, method, link.code, area, [
        ...warnings,
        `LSOA ${from} ${code} is LSOA ${to} ${link.code}` +
          (exact ? '.' : ` (${changeWords[link.change]}: not an exact fit).`),
      ]),
    )
  }
  // One area became several: use their median rank and mean score.
  const ranks = found.map((f) => f.area.rank).sort((a, b) => a - b)
  const middle = ranks.length / 2
  const rank = Math.round(
    ranks.length % 2 === 1 ? ranks[Math.floor(middle)]! : (ranks[middle - 1]! + ranks[middle]!) / 2,
  )
  // The mean score, weighted by population where the IoD file gives it.
  const weighted = found.every((f) => f.area.score !== null && f.area.population !== null)
  const scored = found.every((f) => f.area.score !== null)
  const weight = (f: (typeof found)[number]) => (weighted ? f.area.population! : 1)
  const total = found.reduce((sum, f) => sum + weight(f), 0)
  const score =
    scored && total > 0
      ? found.reduce((sum, f) => sum + f.area.score! * weight(f), 0) / total
      : null
  const unranked = links.filter((l) => !table.value.areas.has(l.code)).map((l) => l.code)
  const decile = decileOfRank(rank, table.value.areas.size)
  return ok(
    placement(edition, method, found.map((f) => f.link.code).join('+'), { score, rank, decile }, [
      ...warnings,
      `LSOA ${from} ${code} corresponds to ${found.length} LSOAs ${to} (${found
        .map((f) => `${f.link.code} decile ${f.area.decile}`)
        .join(
          ', ',
        )}${unranked.length > 0 ? `; ${unranked.join(', ')} not ranked` : ''}); spnet used their median rank and ${weighted ? 'population-weighted ' : ''}mean score: not an exact fit.`,
    ]),
  )
}

const changeWords = { U: 'unchanged', S: 'split', M: 'merged', X: 'redrawn' } as const

/** Normalises a postcode with the `postcode` library, fixing common slips. */
export function normalisePostcode(raw: string): { postcode: string; fixed: boolean } | null {
  const trimmed = raw.trim()
  if (isValid(trimmed)) return { postcode: toNormalised(trimmed)!, fixed: false }
  const repaired = fix(trimmed)
  if (isValid(repaired)) return { postcode: toNormalised(repaired)!, fixed: true }
  return null
}

/** Places the LSOA a postcode is in. */
export function placeByPostcode(
  data: AreaData,
  raw: string,
  edition: Edition,
  method: PlacementMethod = 'postcode',
  warnings: readonly string[] = [],
): Result<Placement> {
  const normal = normalisePostcode(raw)
  if (normal === null) {
    return fail(
      'validation',
      `"${raw}" is not a valid UK postcode.`,
      'Postcodes look like SW1A 1AA.',
    )
  }
  const notes = normal.fixed
    ? [...warnings, `Read "${raw}" as the postcode ${normal.postcode}.`]
    : warnings
  const lookup = postcodeLookup(data)
  if (!lookup.ok) return lookup
  const record = lookup.value.find(normal.postcode)
  if (record === null) {
    return fail(
      'not_found',
      `The postcode ${normal.postcode} is not in the loaded postcode lookup.`,
      'Check it; a postcode created after the lookup was published needs a newer lookup.',
    )
  }
  if (record.terminated !== null) {
    const when = /^\d{6}$/.test(record.terminated)
      ? ` in ${record.terminated.slice(0, 4)}-${record.terminated.slice(4)}`
      : ''
    const was = record.lsoa21 ?? record.lsoa11
    return fail(
      'not_found',
      `The postcode ${normal.postcode} was retired${when}` +
        (was !== null ? ` (it was in LSOA ${was}).` : '.'),
      'Use the current postcode of the address.',
    )
  }
  if (record.nation !== 'england') {
    return fail(
      'unsupported',
      `The postcode ${normal.postcode} ${whereIs(record.nation)}.`,
      otherIndexHint(record.nation),
    )
  }
  const lsoa =
    editionGeography[edition] === 'lsoa21'
      ? (record.lsoa21 ?? record.lsoa11)
      : (record.lsoa11 ?? record.lsoa21)
  if (lsoa === null) {
    return fail('not_found', `The postcode lookup gives no LSOA for ${normal.postcode}.`)
  }
  return placeByLsoa(data, lsoa, edition, method, notes)
}

/** Places a GP practice by the LSOA of its postcode, or by its weighted score. */
export function placeByPractice(
  data: AreaData,
  raw: string,
  edition: Edition,
  method: 'practice-lsoa' | 'practice-weighted',
): Result<Placement> {
  const code = raw.trim().toUpperCase()
  if (!practiceCodePattern.test(code)) {
    return fail(
      'validation',
      `"${raw}" is not a GP practice code.`,
      'Practice ODS codes look like A81001: a letter, then five characters.',
    )
  }
  const practice = data.practices?.get(code)
  if (method === 'practice-lsoa') {
    const list = practiceList(data)
    if (!list.ok) return list
    if (practice === undefined) {
      return fail(
        'not_found',
        `${code} is not a practice in the loaded ODS list (epraccur).`,
        'Check the code, or load a newer epraccur.',
      )
    }
    if (practice.postcode === null)
      return fail('not_found', `The ODS list gives no postcode for practice ${code}.`)
    const warnings =
      practice.status === 'active'
        ? []
        : [
            practice.closeDate === null
              ? `Practice ${code} is ${practice.status} in the ODS list.`
              : `Practice ${code} closed on ${isoDate(practice.closeDate)}.`,
          ]
    const placed = placeByPostcode(data, practice.postcode, edition, 'practice-lsoa', warnings)
    return placed.ok ? ok({ ...placed.value, unit: `${code} (${placed.value.unit})` }) : placed
  }
  const scores = practiceScores(data, edition)
  if (!scores.ok) return scores
  const score = scores.value.scores.get(code)
  if (score === undefined) {
    if (data.practices !== undefined && practice === undefined) {
      return fail(
        'not_found',
        `${code} is not a GP practice in the loaded ODS list or the practice scores.`,
        'Check the code.',
      )
    }
    return fail(
      'not_found',
      `Practice ${code} has no IMD ${edition} weighted score in ${scores.value.source}.`,
      'Practices that opened after the file was made, or outside England, have none; place them by the area (LSOA) of the practice’s postcode instead (method practice-lsoa).',
    )
  }
  const ranked = rankedScores(scores.value)
  const rank = ranked.get(code)!
  return ok(
    placement(
      edition,
      'practice-weighted',
      code,
      { score, rank, decile: decileOfRank(rank, ranked.size) },
      [
        ...(practice !== undefined && practice.status !== 'active'
          ? [`Practice ${code} is ${practice.status}.`]
          : []),
      ],
    ),
  )
}

function practiceScores(data: AreaData, edition: Edition): Result<PracticeScores> {
  const scores = data.practiceScores?.[edition]
  if (scores !== undefined) return ok(scores)
  return fail(
    'unsupported',
    `No practice-level IMD ${edition} scores are loaded.`,
    edition === 2019
      ? importHint(
          'the OHID Fingertips practice deprivation scores (indicator 93553, "Deprivation score (IMD 2019)")',
        )
      : 'IMD 2025 practice scores are computed from the IoD2025 LSOA scores (File 7) and NHS England\'s "Patients registered at a GP practice" by LSOA (gp-reg-pat-prac-lsoa-all.csv, from https://digital.nhs.uk/data-and-information/publications/statistical/patients-registered-at-a-gp-practice). ' +
          (hasScores(data.iod[edition])
            ? 'The LSOA scores are loaded: import the registered-patients file with `spnet area import`.'
            : 'Import both with `spnet area import` (the loaded IoD2025 files, if any, have ranks but no scores).'),
  )
}

/** Whether an IoD table holds scores (File 7), not only ranks (File 1, 2 or 6). */
function hasScores(table: IodTable | undefined): boolean {
  if (table === undefined) return false
  for (const area of table.areas.values()) if (area.score !== null) return true
  return false
}

const rankCache = new WeakMap<PracticeScores, Map<string, number>>()

/** National ranks of the practices' scores (memoised per score table). */
function rankedScores(scores: PracticeScores): Map<string, number> {
  let ranks = rankCache.get(scores)
  if (ranks === undefined) {
    ranks = rankScores(scores.scores)
    rankCache.set(scores, ranks)
  }
  return ranks
}

/** Places a PCN (or the PCN of a practice) by the mean of its practices' weighted scores. */
export function placeByPcn(data: AreaData, raw: string, edition: Edition): Result<Placement> {
  const code = raw.trim().toUpperCase()
  const list = pcnList(data)
  if (!list.ok) return list
  const pcns = list.value
  let pcn = code
  const warnings: string[] = []
  if (!pcnCodePattern.test(code)) {
    if (!practiceCodePattern.test(code)) {
      return fail(
        'validation',
        `"${raw}" is not a PCN code.`,
        'PCN codes look like U12345; a practice code is also accepted.',
      )
    }
    const of = pcns.pcnOf.get(code)
    if (of === undefined && isUnknownPractice(data, code)) {
      return fail(
        'not_found',
        `${code} is not a practice in the loaded ODS list (epraccur), the ePCN file or the practice scores.`,
        'Check the code, or load a newer epraccur and ePCN.',
      )
    }
    if (of === undefined)
      return fail('not_found', `Practice ${code} has no current PCN in the loaded ePCN file.`)
    pcn = of
    warnings.push(`Practice ${code} is in PCN ${pcn}.`)
  }
  const members = pcns.members.get(pcn)
  if (members === undefined || members.length === 0) {
    return fail(
      'not_found',
      `${pcn} is not a PCN with current member practices in the loaded ePCN file.`,
    )
  }
  const scores = practiceScores(data, edition)
  if (!scores.ok) return scores
  const means = pcnMeans(pcns, scores.value)
  const mean = means.get(pcn)
  if (mean === undefined) {
    return fail(
      'not_found',
      `None of the practices of ${pcn} has an IMD ${edition} weighted score.`,
    )
  }
  if (pcns.pcns.get(pcn)?.closed === true) warnings.push(`PCN ${pcn} is closed in the ePCN file.`)
  if (scores.value.listSizes === null) {
    warnings.push(
      'A simple mean of the practices: no list sizes are loaded to weight it (import the registered-patients file).',
    )
  }
  const missing = members.filter((m) => !scores.value.scores.has(m))
  if (missing.length > 0) {
    warnings.push(
      `${missing.length} of ${members.length} member practices have no score (${missing.join(', ')}); the mean uses the others.`,
    )
  }
  const ranks = rankScores(means)
  const rank = ranks.get(pcn)!
  return ok(
    placement(
      edition,
      'pcn-mean',
      pcn,
      { score: mean, rank, decile: decileOfRank(rank, ranks.size) },
      warnings,
    ),
  )
}

const meanCache = new WeakMap<PracticeScores, WeakMap<PcnTable, Map<string, number>>>()

/** Each PCN's mean member score, weighted by list size when known. */
function pcnMeans(pcns: PcnTable, scores: PracticeScores): Map<string, number> {
  let byPcns = meanCache.get(scores)
  if (byPcns === undefined) meanCache.set(scores, (byPcns = new WeakMap()))
  let means = byPcns.get(pcns)
  if (means === undefined) {
    means = new Map()
    for (const [pcn, members] of pcns.members) {
      let sum = 0
      let weight = 0
      for (const m of members) {
        const s = scores.scores.get(m)
        if (s === undefined) continue
        const w = scores.listSizes?.get(m) ?? 1
        sum += s * w
        weight += w
      }
      if (weight > 0) means.set(pcn, sum / weight)
    }
    byPcns.set(pcns, means)
  }
  return means
}

/** A code in none of the loaded practice tables (only known when epraccur is loaded). */
function isUnknownPractice(data: AreaData, code: string): boolean {
  if (data.practices === undefined || data.practices.has(code)) return false
  return !Object.values(data.practiceScores ?? {}).some((s) => s.scores.has(code))
}

/** yyyymmdd → yyyy-mm-dd (other text as it is). */
function isoDate(date: string): string {
  return /^\d{8}$/.test(date) ? `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}` : date
}
