import type { Study } from '../core/network/ego-network.js'
import type { Protocol } from '../core/protocol/protocol.js'
import type { StudyDeprivation } from '../core/api/deprivation-api.js'
import { withImdFields } from '../core/deprivation/imd-fields.js'
import { SpnetError } from '../core/errors.js'
import { studyFromInterviews } from '../core/interview/study-from-interviews.js'
import type { Store } from '../store/store.js'
import type { AreaCache } from './area-cache.js'
import { studyDeprivation } from './study-deprivation.js'

/**
 * A study's collected data as the analysis engine reads it: one ego network
 * per interview, sent ones only unless `includeUnsent`. When the study
 * places participants on the IMD, each ego carries the computed imd_* fields
 * (study-deprivation.ts), which replace any typed by hand.
 */
export async function collectedStudy(
  store: Store,
  studyId: string,
  options: {
    readonly includeUnsent?: boolean
    readonly includeNames?: boolean
    readonly areas?: AreaCache | undefined
  } = {},
): Promise<{
  readonly study: Study
  readonly protocol: Protocol
  readonly name: string
  readonly deprivation: StudyDeprivation | null
}> {
  const detail = await store.studies.get(studyId)
  if (detail === null) throw new SpnetError('not_found', 'There is no such study.')
  const protocol = await store.protocols.get(detail.protocol.id, detail.protocol.version)
  if (protocol === null) throw new SpnetError('internal', `The study's protocol is missing.`)
  const interviews = await store.interviews.ofStudy(studyId, options.includeUnsent !== true)
  const study = studyFromInterviews(
    protocol,
    interviews.map((i) => ({ label: i.label, attributes: i.attributes, state: i.state })),
    { includeNames: options.includeNames === true },
  )
  const placed = await studyDeprivation(store, options.areas, detail)
  if (placed === null) return { study, protocol, name: detail.name, deprivation: null }
  const { method, edition } = placed.view.setting
  return {
    study: withImdFields(study, placed.fields, method, edition),
    protocol,
    name: detail.name,
    deprivation: placed.view,
  }
}
