import type { AlterId } from '../../network/ids.js'
import { codeWithDescendants } from '../codebook/codebook.js'
import type { CaseId, CodeId, CoderId, SourceId } from '../ids.js'
import type { QualAttributes, QualCase, QualProject, Segment, Source } from '../project.js'
import { codePointIndex } from '../text/code-points.js'

/** A condition on a case attribute (IMD quintile, hosting model, network size…). */
export type AttributeFilter =
  | {
      readonly attribute: string
      readonly op: 'eq' | 'ne'
      readonly value: string | number | boolean
    }
  | {
      readonly attribute: string
      readonly op: 'in'
      readonly values: readonly (string | number | boolean)[]
    }
  | { readonly attribute: string; readonly op: 'lt' | 'lte' | 'gt' | 'gte'; readonly value: number }
  | { readonly attribute: string; readonly op: 'missing' | 'present' }

export function matchesFilter(attributes: QualAttributes, f: AttributeFilter): boolean {
  const v = attributes[f.attribute] ?? null
  switch (f.op) {
    case 'missing':
      return v === null
    case 'present':
      return v !== null
    case 'eq':
      return v === f.value
    case 'ne':
      return v !== null && v !== f.value
    case 'in':
      return v !== null && f.values.includes(v)
    default: {
      if (typeof v !== 'number') return false
      if (f.op === 'lt') return v < f.value
      if (f.op === 'lte') return v <= f.value
      if (f.op === 'gt') return v > f.value
      return v >= f.value
    }
  }
}

/** The case each source belongs to (the first case listing it). */
export function caseOfSource(project: QualProject): Map<SourceId, QualCase> {
  const out = new Map<SourceId, QualCase>()
  for (const c of project.cases) for (const s of c.sourceIds) if (!out.has(s)) out.set(s, c)
  return out
}

/** Attributes a filter sees for a source: its document variables, overridden by its case's attributes. */
export function sourceAttributes(source: Source, kase: QualCase | undefined): QualAttributes {
  return { ...source.attributes, ...(kase?.attributes ?? {}) }
}

export type SegmentQuery = {
  /** The code to retrieve; by default its sub-codes count too. */
  readonly codeId?: CodeId
  readonly includeSubcodes?: boolean
  readonly coderIds?: readonly CoderId[]
  readonly caseIds?: readonly CaseId[]
  readonly where?: readonly AttributeFilter[]
  /** Only segments linked to this alter (directly, or through a tie it is part of). */
  readonly alterId?: AlterId
}

export type RetrievedSegment = {
  readonly segment: Segment
  /** The coded text. */
  readonly text: string
  readonly source: Source
  readonly case: QualCase | null
}

/**
 * All segments matching a query, in source then text order: a code (with its
 * sub-codes), coders, cases, case-attribute filters (all must hold) and an
 * alter of the case's network.
 */
export function retrieveSegments(
  project: QualProject,
  query: SegmentQuery = {},
): RetrievedSegment[] {
  const codes =
    query.codeId === undefined
      ? null
      : new Set<string>(
          query.includeSubcodes === false
            ? [query.codeId]
            : codeWithDescendants(project.codebook, query.codeId),
        )
  const cases = caseOfSource(project)
  const sources = new Map(project.sources.map((s, i) => [s.id, { s, i }]))
  const indexes = new Map<SourceId, ReturnType<typeof codePointIndex>>()
  const out: RetrievedSegment[] = []
  for (const seg of project.segments) {
    if (codes !== null && !seg.codeIds.some((c) => codes.has(c))) continue
    if (query.coderIds !== undefined && !query.coderIds.includes(seg.coderId)) continue
    const entry = sources.get(seg.sourceId)
    if (entry === undefined) continue
    const kase = cases.get(seg.sourceId)
    if (query.caseIds !== undefined && (kase === undefined || !query.caseIds.includes(kase.id)))
      continue
    if (query.where !== undefined) {
      const attrs = sourceAttributes(entry.s, kase)
      if (!query.where.every((f) => matchesFilter(attrs, f))) continue
    }
    if (query.alterId !== undefined) {
      const l = seg.link
      if (l === null) continue
      if (
        l.kind === 'alter'
          ? l.alterId !== query.alterId
          : l.from !== query.alterId && l.to !== query.alterId
      )
        continue
    }
    let idx = indexes.get(seg.sourceId)
    if (idx === undefined) {
      idx = codePointIndex(entry.s.text)
      indexes.set(seg.sourceId, idx)
    }
    out.push({
      segment: seg,
      text: idx.slice(seg.start, seg.end),
      source: entry.s,
      case: kase ?? null,
    })
  }
  const order = (r: RetrievedSegment): number => sources.get(r.source.id)!.i
  return out.sort(
    (a, b) =>
      order(a) - order(b) || a.segment.start - b.segment.start || a.segment.end - b.segment.end,
  )
}

/** Every quote about one tie of a case's network (both directions). */
export function segmentsForTie(
  project: QualProject,
  caseId: CaseId,
  a: AlterId,
  b: AlterId,
): RetrievedSegment[] {
  return retrieveSegments(project, { caseIds: [caseId] }).filter((r) => {
    const l = r.segment.link
    return (
      l !== null &&
      l.kind === 'tie' &&
      ((l.from === a && l.to === b) || (l.from === b && l.to === a))
    )
  })
}

/** One coder's work only: what they see when coding blind. */
export function coderView(project: QualProject, coderId: CoderId): QualProject {
  return {
    ...project,
    segments: project.segments.filter((s) => s.coderId === coderId),
    memos: project.memos.filter((m) => m.coderId === null || m.coderId === coderId),
  }
}
