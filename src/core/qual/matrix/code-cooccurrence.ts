import { codePath, codeWithDescendants } from '../codebook/codebook.js'
import type { CaseId, CodeId, CoderId } from '../ids.js'
import type { QualProject } from '../project.js'
import {
  caseOfSource,
  matchesFilter,
  sourceAttributes,
  type AttributeFilter,
} from '../coding/retrieve-segments.js'
import type { UnitKind } from '../transcripts/transcript.js'

export type CooccurrenceOptions = {
  /** The units within which codes co-occur: speaker turns or sentences. */
  readonly unitKind: UnitKind
  /** Codes compared (default: every code applied in the selection). */
  readonly codeIds?: readonly CodeId[]
  /** Count a code's sub-codes as the code (default false). */
  readonly includeSubcodes?: boolean
  readonly coderIds?: readonly CoderId[]
  readonly caseIds?: readonly CaseId[]
  readonly where?: readonly AttributeFilter[]
}

export type Cooccurrence = {
  readonly codes: readonly { readonly id: CodeId; readonly path: string }[]
  /** counts[i][j]: units where codes i and j both occur; counts[i][i]: units with code i. */
  readonly counts: readonly (readonly number[])[]
  /** Units examined. */
  readonly units: number
}

/**
 * Code co-occurrence within declared units: two codes co-occur in a unit
 * when segments (of the selected coders) with each code overlap it. The
 * matrix is symmetric; the diagonal counts units holding the code at all.
 * The same filters as retrieval apply (cases, case attributes, coders).
 */
export function codeCooccurrence(project: QualProject, options: CooccurrenceOptions): Cooccurrence {
  const cases = caseOfSource(project)
  const sources = project.sources.filter((s) => {
    const kase = cases.get(s.id)
    if (options.caseIds !== undefined && (kase === undefined || !options.caseIds.includes(kase.id)))
      return false
    return (
      options.where === undefined ||
      options.where.every((f) => matchesFilter(sourceAttributes(s, kase), f))
    )
  })
  const inScope = new Set<string>(sources.map((s) => s.id))
  const segments = project.segments.filter(
    (s) =>
      inScope.has(s.sourceId) &&
      (options.coderIds === undefined || options.coderIds.includes(s.coderId)),
  )
  const codeIds =
    options.codeIds ??
    project.codebook.codes
      .map((c) => c.id)
      .filter((id) => segments.some((s) => s.codeIds.includes(id)))
  const members = codeIds.map(
    (id) =>
      new Set<string>(
        options.includeSubcodes === true ? codeWithDescendants(project.codebook, id) : [id],
      ),
  )
  const counts = codeIds.map(() => codeIds.map(() => 0))
  let units = 0
  for (const source of sources) {
    const segs = segments.filter((s) => s.sourceId === source.id)
    for (const unit of source.units) {
      if (unit.kind !== options.unitKind) continue
      units++
      const overlapping = segs.filter(
        (s) => Math.min(s.end, unit.end) - Math.max(s.start, unit.start) > 0,
      )
      const present = members.map((m) => overlapping.some((s) => s.codeIds.some((c) => m.has(c))))
      present.forEach((p, i) => {
        if (!p) return
        present.forEach((q, j) => {
          if (q) counts[i]![j]!++
        })
      })
    }
  }
  return {
    codes: codeIds.map((id) => ({ id, path: codePath(project.codebook, id).join(' / ') })),
    counts,
    units,
  }
}
