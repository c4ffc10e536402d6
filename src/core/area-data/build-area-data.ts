import type {
  AreaData,
  Edition,
  IodArea,
  IodTable,
  LsoaCrosswalk,
  LsoaLink,
  PcnTable,
  PostcodeIndex,
  PracticeScores,
  PracticeTable,
} from '../deprivation/area-tables.js'
import { editionAreaCount } from '../deprivation/area-tables.js'
import { decileOfRank } from '../deprivation/imd-groups.js'
import {
  practiceScoresFromFingertips,
  practiceScoresFromPatients,
} from '../deprivation/practice-scores.js'
import { rankScores } from '../deprivation/rank-scores.js'
import type { AreaDataset, IodDataset, IodVariant } from './area-datasets.js'

/**
 * Joins the imported datasets into the tables the lookups use. Several IoD
 * files of one edition combine: ranks and deciles from any, scores from
 * File 7 (or a scores table), names and LADs and populations where given.
 * Practice scores come from Fingertips for 2019 and, for any edition, from
 * registered patients and that edition's LSOA scores (computed wins).
 */
export function buildAreaData(
  datasets: readonly AreaDataset[],
  postcodes?: PostcodeIndex,
): AreaData {
  const iod: Partial<Record<Edition, IodTable>> = {}
  for (const edition of [2019, 2025] as const) {
    const parts = datasets.filter((d): d is IodDataset => d.kind === 'iod' && d.edition === edition)
    const table = parts.length > 0 ? combineIod(edition, parts) : null
    if (table !== null && table.areas.size > 0) iod[edition] = table
  }
  let crosswalk: LsoaCrosswalk | undefined
  let practices: PracticeTable | undefined
  let pcns: PcnTable | undefined
  const practiceScores: Partial<Record<Edition, PracticeScores>> = {}
  for (const d of datasets) {
    switch (d.kind) {
      case 'lsoa-crosswalk': {
        const to2021 = new Map<string, LsoaLink[]>()
        const to2011 = new Map<string, LsoaLink[]>()
        for (const [a, b, change] of d.rows) {
          push(to2021, a, { code: b, change })
          push(to2011, b, { code: a, change })
        }
        crosswalk = { to2021, to2011 }
        break
      }
      case 'practices':
        practices = new Map(
          d.rows.map(([code, name, postcode, status, gpPractice, closeDate]) => [
            code,
            { code, name, postcode, status, gpPractice, closeDate },
          ]),
        )
        break
      case 'practice-imd':
        practiceScores[2019] ??= practiceScoresFromFingertips(
          d.rows.map(([practice, year, value]) => ({ practice, year, value })),
          2019,
          'OHID Fingertips indicator 93553',
        )
        break
      default:
        break
    }
  }
  const details = datasets.find((d) => d.kind === 'pcn-details')
  const members = datasets.find((d) => d.kind === 'pcn-members')
  if (details !== undefined || members !== undefined) {
    const memberMap = new Map<string, string[]>()
    const pcnOf = new Map<string, string>()
    for (const [practice, pcn, , end] of members?.kind === 'pcn-members' ? members.rows : []) {
      if (end !== null) continue
      push(memberMap, pcn, practice)
      pcnOf.set(practice, pcn)
    }
    pcns = {
      pcns: new Map(
        (details?.kind === 'pcn-details' ? details.rows : []).map(([code, name, closed]) => [
          code,
          { code, name, closed },
        ]),
      ),
      members: memberMap,
      pcnOf,
    }
  }
  const patients = datasets.find((d) => d.kind === 'registered-patients')
  if (patients?.kind === 'registered-patients') {
    const counts = new Map<string, Map<string, number>>()
    for (const [practice, lsoa, n] of patients.rows) {
      let byLsoa = counts.get(practice)
      if (byLsoa === undefined) counts.set(practice, (byLsoa = new Map<string, number>()))
      byLsoa.set(lsoa, n)
    }
    for (const edition of [2019, 2025] as const) {
      const table = iod[edition]
      if (table === undefined || ![...table.areas.values()].some((a) => a.score !== null)) continue
      const computed = practiceScoresFromPatients(
        { extractDate: patients.extractDate, counts },
        table,
        `IoD${edition} LSOA scores weighted by registered patients${patients.extractDate === null ? '' : ` (${patients.extractDate})`}`,
      )
      // The patients file's LSOAs must be this edition's geography (2011 for
      // 2019, 2021 for 2025); otherwise most patients would fall out.
      const listed = [...computed.listSizes!.values()].reduce((s, n) => s + n, 0)
      const left = [...computed.partlyUnscored].reduce(
        (s, [p, share]) => s + share * (computed.listSizes!.get(p) ?? 0),
        0,
      )
      const coverage = listed === 0 ? 0 : 1 - left / listed
      const official = practiceScores[edition]
      if (official !== undefined) {
        // OHID's own scores stay; registered patients give them list sizes for PCN means.
        practiceScores[edition] = { ...official, listSizes: computed.listSizes }
      } else if (coverage >= 0.9) {
        practiceScores[edition] = computed
      }
    }
  }
  return { iod, crosswalk, postcodes, practices, pcns, practiceScores }
}

const precedence: Record<IodVariant, number> = { file7: 0, scores: 1, file1: 2, file2: 3, file6: 4 }

function combineIod(edition: Edition, parts: readonly IodDataset[]): IodTable {
  const ordered = [...parts].sort((a, b) => precedence[a.variant] - precedence[b.variant])
  const areas = new Map<string, { -readonly [K in keyof IodArea]: IodArea[K] | null }>()
  for (const part of ordered) {
    for (const [code, name, lad, rank, decile, score, population] of part.rows) {
      let a = areas.get(code)
      if (a === undefined)
        areas.set(
          code,
          (a = { rank: null, decile: null, score: null, name: null, lad: null, population: null }),
        )
      a.rank ??= rank
      a.decile ??= decile
      a.score ??= score
      a.name ??= name
      a.lad ??= lad
      a.population ??= population
    }
  }
  // A table with scores but no ranks: rank the scores (1 = highest), as MHCLG does.
  if ([...areas.values()].every((a) => a.rank === null)) {
    const scores = new Map(
      [...areas].flatMap(([code, a]) => (a.score === null ? [] : [[code, a.score] as const])),
    )
    for (const [code, rank] of rankScores(scores)) areas.get(code)!.rank = rank
  }
  const ranked = new Map<string, IodArea>()
  for (const [code, a] of areas) {
    if (a.rank === null) continue
    // A table with ranks but no deciles: the national decile of the rank.
    const decile = a.decile ?? decileOfRank(a.rank, editionAreaCount[edition])
    ranked.set(code, { ...a, rank: a.rank, decile })
  }
  return { edition, areas: ranked }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list === undefined) map.set(key, [value])
  else list.push(value)
}
