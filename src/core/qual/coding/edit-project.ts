import type { EgoNetwork } from '../../network/ego-network.js'
import { SpnetError } from '../../errors.js'
import { err, ok, type Result } from '../../result.js'
import type { Code } from '../codebook/codebook.js'
import { codeWithDescendants, treeOrder } from '../codebook/codebook.js'
import {
  caseId as toCaseId,
  codeId as toCodeId,
  coderId as toCoderId,
  memoId as toMemoId,
  segmentId as toSegmentId,
  sourceId as toSourceId,
  type CaseId,
  type CodeId,
  type CoderId,
  type MemoId,
  type NewId,
  type SegmentId,
  type SourceId,
} from '../ids.js'
import type {
  Memo,
  MemoTarget,
  NetworkLink,
  QualAttributes,
  QualCase,
  QualProject,
  Segment,
  Source,
} from '../project.js'
import { codePointLength } from '../text/code-points.js'
import { declareUnits } from '../transcripts/split-units.js'
import type { Transcript } from '../transcripts/transcript.js'

/**
 * Pure edits of a project: each takes a project and returns a new one, or an
 * error a user can cause (an unknown code, a range outside the text). Ids and
 * times are passed in.
 */

const notFound = (what: string, id: string, path: string): Result<never> =>
  err(
    new SpnetError('not_found', `There is no ${what} ${id}.`, {
      issues: [{ path, message: `Unknown ${what} ${id}.` }],
    }),
  )

const invalid = (message: string, path: string, fix?: string): Result<never> =>
  err(
    new SpnetError('validation', message, {
      issues: [{ path, message, ...(fix === undefined ? {} : { fix }) }],
    }),
  )

export function addCoder(
  project: QualProject,
  coder: { id: string; name: string },
): Result<QualProject> {
  if (project.coders.some((c) => c.id === coder.id)) {
    return err(new SpnetError('conflict', `Coder ${coder.id} already exists.`))
  }
  return ok({
    ...project,
    coders: [...project.coders, { id: toCoderId(coder.id), name: coder.name }],
  })
}

export type NewCase = {
  name: string
  egoId?: string | null
  attributes?: QualAttributes
  description?: string
}

export function addCase(project: QualProject, input: NewCase, ids: { newId: NewId }): QualProject {
  const c: QualCase = {
    id: toCaseId(ids.newId()),
    name: input.name,
    egoId: input.egoId ?? null,
    description: input.description ?? '',
    attributes: input.attributes ?? {},
    sourceIds: [],
    selections: [],
  }
  return { ...project, cases: [...project.cases, c] }
}

/** Sets case attributes (merged over the existing ones; null clears one). */
export function setCaseAttributes(
  project: QualProject,
  caseId: CaseId,
  attributes: QualAttributes,
): Result<QualProject> {
  if (!project.cases.some((c) => c.id === caseId)) return notFound('case', caseId, 'caseId')
  return ok({
    ...project,
    cases: project.cases.map((c) =>
      c.id === caseId ? { ...c, attributes: { ...c.attributes, ...attributes } } : c,
    ),
  })
}

export type NewSource = {
  name: string
  transcript: Transcript
  caseId?: CaseId | null
  creatorId?: CoderId | null
  description?: string
}

/** Adds a transcript as a source with its declared units; pseudonymisation is pending review. */
export function addSource(
  project: QualProject,
  input: NewSource,
  ids: { newId: NewId; now: string },
): Result<QualProject> {
  const caseId = input.caseId ?? null
  if (caseId !== null && !project.cases.some((c) => c.id === caseId))
    return notFound('case', caseId, 'caseId')
  const source: Source = {
    id: toSourceId(ids.newId()),
    name: input.name,
    description: input.description ?? '',
    text: input.transcript.text,
    format: input.transcript.format,
    turns: input.transcript.turns,
    cues: input.transcript.cues,
    units: declareUnits(input.transcript),
    attributes: {},
    pseudonymisation: 'pending',
    creatorId: input.creatorId ?? null,
    createdAt: ids.now,
  }
  return ok({
    ...project,
    sources: [...project.sources, source],
    cases: project.cases.map((c) =>
      c.id === caseId ? { ...c, sourceIds: [...c.sourceIds, source.id] } : c,
    ),
  })
}

export type NewSegment = {
  sourceId: SourceId
  start: number
  end: number
  coderId: CoderId
  codeIds: readonly CodeId[]
  memo?: string
  link?: NetworkLink | null
}

/** The network a segment's link must point into, when the caller has it. */
export type LinkContext = { readonly network?: EgoNetwork }

function checkLink(link: NetworkLink | null, ctx: LinkContext): Result<null> {
  if (link === null || ctx.network === undefined) return ok(null)
  const alters = new Set<string>(ctx.network.alters.map((a) => a.id))
  const ids = link.kind === 'alter' ? [link.alterId] : [link.from, link.to]
  for (const id of ids) {
    if (!alters.has(id)) return notFound('alter', id, 'link')
  }
  if (link.kind === 'tie' && link.from === link.to)
    return invalid('A tie links two different alters.', 'link')
  return ok(null)
}

/**
 * Codes the span [start, end) of a source (code points) with one or more
 * codes, as one coder. Codes must exist and be codable; the span must be
 * non-empty and inside the text.
 */
export function codeSegment(
  project: QualProject,
  input: NewSegment,
  ids: { newId: NewId; now: string },
  ctx: LinkContext = {},
): Result<QualProject> {
  const source = project.sources.find((s) => s.id === input.sourceId)
  if (source === undefined) return notFound('source', input.sourceId, 'sourceId')
  if (!project.coders.some((c) => c.id === input.coderId))
    return notFound('coder', input.coderId, 'coderId')
  const length = codePointLength(source.text)
  if (!(
    Number.isInteger(input.start) &&
    Number.isInteger(input.end) &&
    input.start >= 0 &&
    input.start < input.end &&
    input.end <= length
  )) {
    return invalid(
      `The span ${input.start}–${input.end} is not a non-empty range inside the text (0–${length}).`,
      'start',
      'Select some text of this transcript.',
    )
  }
  if (input.codeIds.length === 0) return invalid('Choose at least one code.', 'codeIds')
  for (const [i, id] of input.codeIds.entries()) {
    const code = project.codebook.codes.find((c) => c.id === id)
    if (code === undefined) return notFound('code', id, `codeIds[${i}]`)
    if (!code.isCodable)
      return invalid(
        `“${code.name}” is a grouping, not a code to apply.`,
        `codeIds[${i}]`,
        'Choose one of the codes inside it.',
      )
  }
  const link = input.link ?? null
  const linked = checkLink(link, ctx)
  if (!linked.ok) return linked
  const segment: Segment = {
    id: toSegmentId(ids.newId()),
    sourceId: input.sourceId,
    start: input.start,
    end: input.end,
    coderId: input.coderId,
    codeIds: [...new Set(input.codeIds)],
    memo: input.memo ?? '',
    link,
    createdAt: ids.now,
  }
  return ok({ ...project, segments: [...project.segments, segment] })
}

function editSegment(
  project: QualProject,
  id: SegmentId,
  edit: (s: Segment) => Result<Segment | null>,
): Result<QualProject> {
  const segment = project.segments.find((s) => s.id === id)
  if (segment === undefined) return notFound('segment', id, 'segmentId')
  const edited = edit(segment)
  if (!edited.ok) return edited
  const next = edited.value
  return ok({
    ...project,
    segments:
      next === null
        ? project.segments.filter((s) => s.id !== id)
        : project.segments.map((s) => (s.id === id ? next : s)),
    // Memos on a deleted segment go with it.
    memos:
      next === null
        ? project.memos.filter((m) => !(m.target.kind === 'segment' && m.target.id === id))
        : project.memos,
  })
}

/** Removes one code from a segment; removing its last code deletes the segment. */
export function uncode(
  project: QualProject,
  segmentId: SegmentId,
  codeId: CodeId,
): Result<QualProject> {
  return editSegment(project, segmentId, (s) => {
    if (!s.codeIds.includes(codeId)) return notFound('code on this segment', codeId, 'codeId')
    const codeIds = s.codeIds.filter((c) => c !== codeId)
    return ok(codeIds.length === 0 ? null : { ...s, codeIds })
  })
}

export function deleteSegment(project: QualProject, segmentId: SegmentId): Result<QualProject> {
  return editSegment(project, segmentId, () => ok(null))
}

export function setSegmentMemo(
  project: QualProject,
  segmentId: SegmentId,
  memo: string,
): Result<QualProject> {
  return editSegment(project, segmentId, (s) => ok({ ...s, memo }))
}

/** Links a segment to an alter or an alter–alter tie of its case's network (null unlinks). */
export function linkSegment(
  project: QualProject,
  segmentId: SegmentId,
  link: NetworkLink | null,
  ctx: LinkContext = {},
): Result<QualProject> {
  const checked = checkLink(link, ctx)
  if (!checked.ok) return checked
  return editSegment(project, segmentId, (s) => ok({ ...s, link }))
}

function targetExists(project: QualProject, t: MemoTarget): boolean {
  switch (t.kind) {
    case 'project':
      return true
    case 'code':
      return project.codebook.codes.some((c) => c.id === t.id)
    case 'segment':
      return project.segments.some((s) => s.id === t.id)
    case 'case':
      return project.cases.some((c) => c.id === t.id)
    case 'source':
      return project.sources.some((s) => s.id === t.id)
    case 'range': {
      const s = project.sources.find((x) => x.id === t.sourceId)
      return s !== undefined && t.start <= t.end && t.end <= codePointLength(s.text)
    }
  }
}

export type NewMemo = { target: MemoTarget; title?: string; text: string; coderId: CoderId | null }

/** A memo on the project, a code, a segment, a case, a source or a span of text (an annotation). */
export function addMemo(
  project: QualProject,
  input: NewMemo,
  ids: { newId: NewId; now: string },
): Result<QualProject> {
  if (!targetExists(project, input.target)) return notFound(input.target.kind, 'target', 'target')
  if (input.coderId !== null && !project.coders.some((c) => c.id === input.coderId))
    return notFound('coder', input.coderId, 'coderId')
  const memo: Memo = {
    id: toMemoId(ids.newId()),
    target: input.target,
    title: input.title ?? '',
    text: input.text,
    coderId: input.coderId,
    createdAt: ids.now,
  }
  return ok({ ...project, memos: [...project.memos, memo] })
}

export function updateMemo(
  project: QualProject,
  id: MemoId,
  change: { title?: string; text?: string },
): Result<QualProject> {
  if (!project.memos.some((m) => m.id === id)) return notFound('memo', id, 'memoId')
  return ok({
    ...project,
    memos: project.memos.map((m) => (m.id === id ? { ...m, ...change } : m)),
  })
}

export function deleteMemo(project: QualProject, id: MemoId): Result<QualProject> {
  if (!project.memos.some((m) => m.id === id)) return notFound('memo', id, 'memoId')
  return ok({ ...project, memos: project.memos.filter((m) => m.id !== id) })
}

/** Writes the framework-matrix summary of one case × theme (empty text removes it). */
export function setSummary(
  project: QualProject,
  input: { caseId: CaseId; codeId: CodeId; text: string; coderId: CoderId | null },
  ids: { now: string },
): Result<QualProject> {
  if (!project.cases.some((c) => c.id === input.caseId))
    return notFound('case', input.caseId, 'caseId')
  if (!project.codebook.codes.some((c) => c.id === input.codeId))
    return notFound('code', input.codeId, 'codeId')
  const others = project.summaries.filter(
    (s) => !(s.caseId === input.caseId && s.codeId === input.codeId),
  )
  const summaries =
    input.text.trim() === '' ? others : [...others, { ...input, updatedAt: ids.now }]
  return ok({ ...project, summaries })
}

export type NewCode = {
  name: string
  parentId?: CodeId | null
  description?: string
  color?: string | null
  examples?: readonly string[]
  isCodable?: boolean
}

export function addCode(
  project: QualProject,
  input: NewCode,
  ids: { newId: NewId },
): Result<QualProject> {
  const parentId = input.parentId ?? null
  if (parentId !== null && !project.codebook.codes.some((c) => c.id === parentId))
    return notFound('code', parentId, 'parentId')
  if (input.name.trim() === '') return invalid('A code needs a name.', 'name')
  if (input.color != null && !/^#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/.test(input.color))
    return invalid('Use a colour like #1f77b4.', 'color')
  const code: Code = {
    id: toCodeId(ids.newId()),
    name: input.name.trim(),
    parentId,
    isCodable: input.isCodable ?? true,
    color: input.color ?? null,
    description: input.description ?? '',
    examples: [...(input.examples ?? [])],
  }
  // Kept in tree order (a parent, then its sub-codes), as REFI-QDA nests them.
  return ok({ ...project, codebook: { codes: treeOrder([...project.codebook.codes, code]) } })
}

/** Edits a code; moving it under one of its own descendants is refused. */
export function updateCode(
  project: QualProject,
  id: CodeId,
  change: Partial<Omit<Code, 'id'>>,
): Result<QualProject> {
  const code = project.codebook.codes.find((c) => c.id === id)
  if (code === undefined) return notFound('code', id, 'codeId')
  if (change.parentId !== undefined && change.parentId !== null) {
    if (!project.codebook.codes.some((c) => c.id === change.parentId))
      return notFound('code', change.parentId, 'parentId')
    if (codeWithDescendants(project.codebook, id).includes(change.parentId)) {
      return err(
        new SpnetError('conflict', `“${code.name}” cannot be moved inside itself.`, {
          issues: [
            { path: 'parentId', message: 'The new parent is the code or one of its sub-codes.' },
          ],
        }),
      )
    }
  }
  if (change.isCodable === false && project.segments.some((s) => s.codeIds.includes(id))) {
    return err(
      new SpnetError(
        'conflict',
        `“${code.name}” is applied to text, so it cannot become a grouping.`,
      ),
    )
  }
  return ok({
    ...project,
    codebook: {
      codes: project.codebook.codes.map((c) => (c.id === id ? { ...c, ...change, id } : c)),
    },
  })
}

/**
 * Deletes a code and its sub-codes. Refused while any of them is applied to
 * text, unless `uncodeSegments` is set: then they are removed from segments
 * (segments left with no code are deleted), with their memos and summaries.
 */
export function deleteCode(
  project: QualProject,
  id: CodeId,
  options: { uncodeSegments?: boolean } = {},
): Result<QualProject> {
  if (!project.codebook.codes.some((c) => c.id === id)) return notFound('code', id, 'codeId')
  const gone = new Set<string>(codeWithDescendants(project.codebook, id))
  const used = project.segments.filter((s) => s.codeIds.some((c) => gone.has(c))).length
  if (used > 0 && options.uncodeSegments !== true) {
    return err(
      new SpnetError(
        'conflict',
        `The code is applied to ${used} segment${used === 1 ? '' : 's'}.`,
        {
          issues: [
            {
              path: 'codeId',
              message: 'Deleting it would remove that coding.',
              fix: 'Merge it into another code, or confirm removing the coding.',
            },
          ],
        },
      ),
    )
  }
  const segments = project.segments
    .map((s) => ({ ...s, codeIds: s.codeIds.filter((c) => !gone.has(c)) }))
    .filter((s) => s.codeIds.length > 0)
  const kept = new Set<string>(segments.map((s) => s.id))
  return ok({
    ...project,
    codebook: { codes: project.codebook.codes.filter((c) => !gone.has(c.id)) },
    segments,
    memos: project.memos.filter(
      (m) =>
        !(
          (m.target.kind === 'code' && gone.has(m.target.id)) ||
          (m.target.kind === 'segment' && !kept.has(m.target.id))
        ),
    ),
    summaries: project.summaries.filter((s) => !gone.has(s.codeId)),
    sets: project.sets.map((s) => ({ ...s, codeIds: s.codeIds.filter((c) => !gone.has(c)) })),
  })
}

/** Merges code `from` into `into`: its segments get `into`, its sub-codes move under `into`. */
export function mergeCodes(project: QualProject, from: CodeId, into: CodeId): Result<QualProject> {
  if (from === into) return invalid('A code cannot be merged into itself.', 'into')
  const a = project.codebook.codes.find((c) => c.id === from)
  const b = project.codebook.codes.find((c) => c.id === into)
  if (a === undefined) return notFound('code', from, 'from')
  if (b === undefined) return notFound('code', into, 'into')
  if (codeWithDescendants(project.codebook, from).includes(into))
    return invalid('A code cannot be merged into one of its own sub-codes.', 'into')
  return ok({
    ...project,
    codebook: {
      codes: treeOrder(
        project.codebook.codes
          .filter((c) => c.id !== from)
          .map((c) =>
            c.parentId === from
              ? { ...c, parentId: into }
              : c.id === into
                ? { ...c, examples: [...c.examples, ...a.examples] }
                : c,
          ),
      ),
    },
    segments: project.segments.map((s) =>
      s.codeIds.includes(from)
        ? { ...s, codeIds: [...new Set(s.codeIds.map((c) => (c === from ? into : c)))] }
        : s,
    ),
    memos: project.memos.map((m) =>
      m.target.kind === 'code' && m.target.id === from
        ? { ...m, target: { kind: 'code', id: into } }
        : m,
    ),
    summaries: project.summaries.filter((s) => s.codeId !== from),
    sets: project.sets.map((s) => ({
      ...s,
      codeIds: [...new Set(s.codeIds.map((c) => (c === from ? into : c)))],
    })),
  })
}
