import {
  measureAttributes,
  ensureCasesForEgos,
  syncCaseAttributes,
} from '../../core/qual/coding/case-attributes.js'
import type { QualAttributes, QualProject } from '../../core/qual/project.js'
import { computeMeasures, measureContext } from '../../core/measures/compute-measures.js'
import { studyFromInterviews } from '../../core/interview/study-from-interviews.js'
import type { Store } from '../../store/store.js'
import { SpnetError } from '../../core/errors.js'
import { stableGuid } from '../../core/qual/stable-guid.js'
import type { AreaCache } from '../area-cache.js'
import { studyDeprivation } from '../study-deprivation.js'

/**
 * A study's qualitative project with its cases carrying the network: one
 * case per participant (named by the participant's label, which is the ego
 * id), whose attributes are the research team's participant attributes (IMD
 * decile and quintile, practice...), the participant's answers about
 * themself (implementation model, role...), the per-ego measures of
 * their sent interview and, when the study places participants on the IMD,
 * the computed imd_* fields (which replace any typed by hand). Computed on
 * every read, so they are always current.
 */
export async function liveProject(
  store: Store,
  studyId: string,
  areas?: AreaCache,
): Promise<{
  readonly project: QualProject
  readonly revision: number
  readonly studyName: string
}> {
  const study = await store.studies.get(studyId)
  if (study === null) throw new SpnetError('not_found', 'There is no such study.')
  const { project, revision } = await store.qual.get(studyId, study.name)
  return {
    project: await withNetworkAttributes(store, study, project, areas),
    revision,
    studyName: study.name,
  }
}

/** `study` as liveProject has just read it, so the study is read once per request. */
export async function withNetworkAttributes(
  store: Store,
  study: NonNullable<Awaited<ReturnType<Store['studies']['get']>>>,
  project: QualProject,
  areas?: AreaCache,
): Promise<QualProject> {
  const studyId = study.id
  const protocol = await store.protocols.get(study.protocol.id, study.protocol.version)
  const byEgo = new Map<string, QualAttributes>()
  for (const p of study.participantList) byEgo.set(p.label, { ...p.attributes })
  if (protocol !== null) {
    const sent = await store.interviews.ofStudy(studyId, true)
    const collected = studyFromInterviews(
      protocol,
      sent.map((i) => ({ label: i.label, attributes: i.attributes, state: i.state })),
    )
    for (const net of collected.networks) {
      byEgo.set(net.ego.id, { ...byEgo.get(net.ego.id), ...net.ego.attributes })
    }
    const context = measureContext(collected)
    if (context.ok && collected.networks.length > 0) {
      for (const [ego, measures] of measureAttributes(
        computeMeasures(collected, context.value.context),
      )) {
        byEgo.set(ego, { ...byEgo.get(ego), ...measures })
      }
    }
  }
  const placed = await studyDeprivation(store, areas, study)
  if (placed !== null) {
    for (const [ego, fields] of placed.fields) byEgo.set(ego, { ...byEgo.get(ego), ...fields })
  }
  const withCases = participantCases(
    project,
    studyId,
    study.participantList.map((p) => p.label),
  )
  return syncCaseAttributes(withCases, byEgo)
}

/**
 * A case for each participant that has none, with an id made from the study
 * and the label, so the case a read shows is the one an edit keeps.
 */
export function participantCases(
  project: QualProject,
  studyId: string,
  labels: readonly string[],
): QualProject {
  let next = project
  for (const label of labels) {
    next = ensureCasesForEgos(next, [label], {
      newId: () => stableGuid(`spnet/case/${studyId}/${label}`),
    })
  }
  return next
}
