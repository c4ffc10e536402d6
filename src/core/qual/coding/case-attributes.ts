import type { MeasureTable } from '../../measures/compute-measures.js'
import { caseId, type NewId } from '../ids.js'
import type { QualAttributes, QualProject } from '../project.js'

/**
 * Cases carry the network: per-ego measures and area-deprivation fields
 * become case attributes, joined on the case's `egoId`. The store calls
 * these whenever networks or deprivation data change, so framework matrices
 * and retrieval filters always see current values.
 */

/** One attribute record per ego from a measure table (`network_size`, `constraint`, …). */
export function measureAttributes(table: MeasureTable): Map<string, QualAttributes> {
  const out = new Map<string, QualAttributes>()
  const names = table.columns.slice(1)
  table.egoIds.forEach((ego, i) => {
    const row = table.rows[i]!
    out.set(ego, Object.fromEntries(names.map((n, k) => [n, row[k] ?? null])))
  })
  return out
}

/**
 * Writes the given attributes onto every case whose `egoId` has an entry,
 * replacing those keys only (attributes a researcher typed stay). Cases with
 * no entry are left alone.
 */
export function syncCaseAttributes(
  project: QualProject,
  byEgo: ReadonlyMap<string, QualAttributes>,
): QualProject {
  return {
    ...project,
    cases: project.cases.map((c) => {
      const fresh = c.egoId === null ? undefined : byEgo.get(c.egoId)
      return fresh === undefined ? c : { ...c, attributes: { ...c.attributes, ...fresh } }
    }),
  }
}

/** Adds a case for each ego that has none yet (named by the ego id), in the given order. */
export function ensureCasesForEgos(
  project: QualProject,
  egoIds: readonly string[],
  ids: { newId: NewId },
): QualProject {
  const have = new Set(project.cases.map((c) => c.egoId))
  const added = egoIds
    .filter((e, i) => !have.has(e) && egoIds.indexOf(e) === i)
    .map((e) => ({
      id: caseId(ids.newId()),
      name: e,
      egoId: e,
      description: '',
      attributes: {},
      sourceIds: [],
      selections: [],
    }))
  return added.length === 0 ? project : { ...project, cases: [...project.cases, ...added] }
}
