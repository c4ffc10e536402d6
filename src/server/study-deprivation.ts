import type { StudyDetail } from '../core/api/api.js'
import type { ParticipantDeprivation, StudyDeprivation } from '../core/api/deprivation-api.js'
import { classifyEgos } from '../core/deprivation/classify-egos.js'
import { imdFields, type ImdFields } from '../core/deprivation/imd-fields.js'
import { checkReferenceData } from '../core/deprivation/place-area.js'
import { isSpnetError } from '../core/errors.js'
import { studyFromInterviews } from '../core/interview/study-from-interviews.js'
import { categoryOf } from '../core/measures/alter-categories.js'
import type { Store } from '../store/store.js'
import type { AreaCache } from './area-cache.js'

/**
 * Each participant of a study placed on the IMD by the study's setting,
 * computed on every read so it follows the participants' attributes, their
 * answers and the loaded reference data. The value placed is the
 * participant's answer to the question `by` when they gave one, else the
 * research team's attribute `by` (the precedence of the collected study).
 * The sample tertile is taken over all the study's participants placed, so
 * a participant has the same fields on every page, export and matrix.
 *
 * Reference data that is missing or damaged is reported once, as `problem`,
 * with what to do (the message `spnet enrich` gives), never as an error.
 */
export type PlacedStudy = {
  readonly view: StudyDeprivation
  /** The imd_* fields by participant label (the ego id). */
  readonly fields: ReadonlyMap<string, ImdFields>
}

export async function studyDeprivation(
  store: Store,
  areas: AreaCache | undefined,
  study: StudyDetail,
): Promise<PlacedStudy | null> {
  const setting = study.deprivationSetting
  if (setting === null) return null
  const { by, method, edition } = setting

  const values = new Map(
    study.participantList.map((p) => [p.label, categoryOf(p.attributes[by]) ?? null]),
  )
  const protocol = await store.protocols.get(study.protocol.id, study.protocol.version)
  if (protocol !== null) {
    const interviews = await store.interviews.ofStudy(study.id, false)
    const collected = studyFromInterviews(protocol, interviews)
    for (const net of collected.networks) {
      const answer = categoryOf(net.ego.attributes[by])
      if (answer !== null) values.set(net.ego.id, answer)
    }
  }
  const labels = study.participantList.map((p) => p.label)

  let problem: StudyDeprivation['problem'] = null
  let reference: StudyDeprivation['reference'] = []
  let placements: ReturnType<typeof classifyEgos> = []
  try {
    const loaded = areas === undefined ? null : await areas.current()
    reference = (loaded?.datasets ?? []).map((d) => ({
      title: d.title,
      source: d.source,
      sha256: d.sha256,
      importedAt: d.importedAt,
    }))
    if (loaded === null || loaded.datasets.length === 0) {
      problem = {
        message: 'No area reference data is loaded.',
        // Read by researchers in the web app: the commands are for whoever runs the server.
        fix: `Whoever runs this spnet server can load it with spnet area download, or spnet area import FILE...${whereHint(areas)}`,
      }
    } else {
      const ready = checkReferenceData(loaded.data, method, edition)
      if (!ready.ok) {
        problem = {
          message: ready.error.message,
          fix: forOperator(ready.error.issues[0]?.fix) + whereHint(areas),
        }
      } else {
        placements = classifyEgos(
          loaded.data,
          labels.map((l) => values.get(l) ?? null),
          method,
          edition,
        )
      }
    }
  } catch (error) {
    // A damaged store says what to import again; anything else is a bug.
    if (!isSpnetError(error)) throw error
    problem = { message: error.message, fix: error.issues[0]?.message ?? null }
  }

  const participants: Record<string, ParticipantDeprivation> = {}
  const fields = new Map<string, ImdFields>()
  study.participantList.forEach((p, i) => {
    const placed = placements[i] ?? null
    fields.set(p.label, imdFields(placed, method, edition))
    const value = values.get(p.label) ?? null
    participants[p.id] =
      placed === null
        ? {
            placed: false,
            value,
            reason: problem?.message ?? 'Not placed.',
            fix: problem?.fix ?? null,
          }
        : placed.ok
          ? {
              placed: true,
              value: value ?? '',
              unit: placed.placement.unit,
              fields: fields.get(p.label)!,
              warnings: placed.placement.warnings,
            }
          : {
              placed: false,
              value: placed.value === '' ? null : placed.value,
              reason: placed.reason,
              fix: placed.fix,
            }
  })
  return {
    view: {
      setting,
      problem,
      placed: placements.filter((p) => p.ok).length,
      participants,
      reference,
    },
    fields,
  }
}

/** A fix that only whoever runs the server can make, said as such. */
function forOperator(fix: string | undefined): string {
  return fix === undefined || fix === '' ? '' : `For whoever runs this spnet server: ${fix}`
}

function whereHint(areas: AreaCache | undefined): string {
  return areas === undefined ? '' : ` This server reads the reference data from ${areas.where}.`
}
