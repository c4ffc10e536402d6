import type { Edition, IodTable, PracticeScores } from './area-tables.js'

/**
 * Practice-level population-weighted IMD scores.
 *
 * For IoD2019, OHID publishes them (Fingertips indicator 93553, "Deprivation
 * score (IMD 2019)"). For IoD2025 none is published yet, so spnet computes
 * them the same way: the mean of the LSOA scores where the practice's
 * registered patients live, weighted by the number of patients in each LSOA.
 *
 *   score_p = Σ_l n_pl · s_l / Σ_l n_pl      over English LSOAs l with a score
 *
 * Patients living in LSOAs the edition does not score (Wales, or a different
 * LSOA vintage) are left out; the share left out is reported.
 *
 * @see OHID. National General Practice Profiles: Deprivation score (IMD),
 *      indicator 93553 — LSOA scores applied to practice populations.
 */

export type FingertipsValue = {
  readonly practice: string
  readonly year: number
  readonly value: number
}

/** Practice scores of one IMD year (2019) from the Fingertips file. */
export function practiceScoresFromFingertips(
  values: readonly FingertipsValue[],
  edition: Edition,
  source: string,
): PracticeScores {
  const scores = new Map<string, number>()
  for (const v of values) if (v.year === edition) scores.set(v.practice, v.value)
  return { edition, source, scores, listSizes: null }
}

export type RegisteredPatients = {
  /** Extract date of the NHS England file, e.g. 2025-10-01. */
  readonly extractDate: string | null
  /** Practice → LSOA → patients. */
  readonly counts: ReadonlyMap<string, ReadonlyMap<string, number>>
}

export type ComputedPracticeScores = PracticeScores & {
  /** Practices whose patients were partly in LSOAs without a score, with that share. */
  readonly partlyUnscored: ReadonlyMap<string, number>
}

/** Computes weighted practice scores from registered patients and LSOA scores. */
export function practiceScoresFromPatients(
  patients: RegisteredPatients,
  iod: IodTable,
  source: string,
): ComputedPracticeScores {
  const scores = new Map<string, number>()
  const listSizes = new Map<string, number>()
  const partlyUnscored = new Map<string, number>()
  for (const [practice, byLsoa] of patients.counts) {
    let sum = 0
    let scored = 0
    let all = 0
    for (const [lsoa, n] of byLsoa) {
      all += n
      const s = iod.areas.get(lsoa)?.score
      if (s === undefined || s === null) continue
      sum += n * s
      scored += n
    }
    listSizes.set(practice, all)
    if (scored > 0) scores.set(practice, sum / scored)
    if (all > scored) partlyUnscored.set(practice, (all - scored) / all)
  }
  return { edition: iod.edition, source, scores, listSizes, partlyUnscored }
}
