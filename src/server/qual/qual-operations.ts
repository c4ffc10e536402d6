import { randomUUID } from 'node:crypto'
import type { ImportedTranscriptResult } from '../../core/api/qual-api.js'
import { SpnetError } from '../../core/errors.js'
import { interviewNetwork } from '../../core/interview/interview-network.js'
import { starterCodebook } from '../../core/qual/codebook/starter-codebook.js'
import {
  addCode,
  addCoder,
  addMemo,
  addSource,
  codeSegment,
  deleteCode,
  deleteMemo,
  deleteSegment,
  linkSegment,
  setSegmentMemo,
  setSummary,
  updateCode,
  updateMemo,
  type NewCode,
} from '../../core/qual/coding/edit-project.js'
import { caseForFileName, mergeProject } from '../../core/qual/coding/merge-project.js'
import type { CaseId, CodeId, CoderId, MemoId, SegmentId, SourceId } from '../../core/qual/ids.js'
import type { MemoTarget, NetworkLink, QualProject } from '../../core/qual/project.js'
import { findNames, type KnownName } from '../../core/qual/pseudonymise/find-names.js'
import {
  decide,
  proposeReplacements,
  pseudonymiseSource,
  type Decision,
  type Proposal,
} from '../../core/qual/pseudonymise/pseudonymise.js'
import type { Code } from '../../core/qual/codebook/codebook.js'
import type { EgoNetwork } from '../../core/network/ego-network.js'
import { err, ok, type Result } from '../../core/result.js'
import { readTranscriptBytes } from '../../qual-io/read-transcript-file.js'
import { readQdpxBytes } from '../../qual-io/qdpx-file.js'
import { parseQdc } from '../../core/qual/refi/codebook-qdc.js'
import type { Actor } from '../../store/repositories/audit.js'
import type { QualEdit } from '../../store/repositories/qual.js'
import type { Store } from '../../store/store.js'
import { participantCases } from './live-project.js'

/**
 * The qualitative operations of a study, shared by the server's routes and
 * `spnet qual`: each reads what it needs, applies one pure edit from
 * src/core/qual, and stores the result in one transaction with its audit
 * entries. A coder is a user (their account id is their REFI-QDA GUID).
 */

/** REFI-QDA writes times to the second. */
export const nowIso = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')
const ids = () => ({ newId: randomUUID, now: nowIso() })

export type Coding = { readonly id: string; readonly name: string }

async function studyName(store: Store, studyId: string): Promise<string> {
  const study = await store.studies.get(studyId)
  if (study === null) throw new SpnetError('not_found', 'There is no such study.')
  return study.name
}

/** The project with the coder added when new. */
function withCoder(project: QualProject, coder: Coding | null): QualProject {
  if (coder === null || project.coders.some((c) => c.id === coder.id)) return project
  const added = addCoder(project, coder)
  return added.ok ? added.value : project
}

const edited = <T>(
  project: QualProject,
  value: T,
  audit: QualEdit<T>['audit'],
  extra: Partial<QualEdit<T>> = {},
): Result<QualEdit<T>> => ok({ project, value, audit, ...extra })

/** A pure edit that returns a project, as one stored edit with one audit entry. */
async function simpleEdit(
  store: Store,
  actor: Actor,
  studyId: string,
  coder: Coding | null,
  action: string,
  entity: string,
  entityId: string | null,
  fn: (p: QualProject) => Result<QualProject>,
  describe: (
    before: QualProject,
    after: QualProject,
  ) => { before?: unknown; after?: unknown } = () => ({}),
): Promise<QualProject> {
  const name = await studyName(store, studyId)
  const r = await store.qual.edit(actor, studyId, name, ({ project }) => {
    const start = withCoder(project, coder)
    const next = fn(start)
    if (!next.ok) return next
    return edited(next.value, null, [{ action, entity, entityId, ...describe(start, next.value) }])
  })
  return r.project
}

/** The alters of a participant's interview, as names to look for (contacts' names). */
async function alterNames(
  store: Store,
  studyId: string,
  label: string | null,
): Promise<{ names: KnownName[]; network: EgoNetwork | undefined }> {
  if (label === null) return { names: [], network: undefined }
  const study = await store.studies.get(studyId)
  const participant = study?.participantList.find((p) => p.label === label)
  if (study === null || participant === undefined) return { names: [], network: undefined }
  const interview = await store.interviews.get(participant.id)
  const protocol = await store.protocols.get(study.protocol.id, study.protocol.version)
  if (interview === null || protocol === null) return { names: [], network: undefined }
  const names: KnownName[] = interview.state.alters.flatMap((a, i) => {
    const n = a.answers[protocol.alterName]
    return typeof n === 'string' && n.trim() !== ''
      ? [
          {
            text: n.trim(),
            kind: 'org' as const,
            alterId: a.id as never,
            alterLabel: `A${String(i + 1).padStart(2, '0')}`,
          },
        ]
      : []
  })
  return { names, network: interviewNetwork(protocol, interview.state, label) }
}

/**
 * Adds a transcript to the study, attached to a participant's case (given,
 * or told from the file name), and proposes replacements for the names in
 * it: the participant's contacts, the names given, and what the detector
 * finds. The transcript stays "pending review" until a researcher has
 * decided on every proposal and applied them.
 */
export async function importTranscript(
  store: Store,
  actor: Actor,
  studyId: string,
  coder: Coding | null,
  input: {
    readonly fileName: string
    readonly bytes: Uint8Array
    readonly caseLabel?: string | null
    readonly names?: readonly string[]
  },
): Promise<ImportedTranscriptResult> {
  const transcript = await readTranscriptBytes(input.bytes, input.fileName)
  if (!transcript.ok) throw transcript.error
  const study = await store.studies.get(studyId)
  if (study === null) throw new SpnetError('not_found', 'There is no such study.')
  const labels = study.participantList.map((p) => p.label)
  if (input.caseLabel != null && input.caseLabel !== '' && !labels.includes(input.caseLabel)) {
    throw new SpnetError('validation', `${input.caseLabel} is not a participant of this study.`, {
      issues: [
        { path: 'caseLabel', message: `Choose one of: ${labels.join(', ') || '(none yet)'}.` },
      ],
    })
  }
  // Read what the edit needs first: on the embedded database a transaction
  // holds the one connection, so nothing else may be asked inside it.
  const before = participantCases(
    (await store.qual.get(studyId, study.name)).project,
    studyId,
    labels,
  )
  const chosen =
    input.caseLabel != null && input.caseLabel !== ''
      ? (before.cases.find((c) => c.egoId === input.caseLabel) ?? null)
      : caseForFileName(before, input.fileName)
  const { names } = await alterNames(store, studyId, chosen?.egoId ?? null)
  const r = await store.qual.edit(actor, studyId, study.name, ({ project, key }) => {
    let p = withCoder(participantCases(project, studyId, labels), coder)
    const kase = chosen === null ? null : (p.cases.find((c) => c.id === chosen.id) ?? null)
    const name = input.fileName.replace(/^.*[/\\]/, '').replace(/\.[^.]+$/, '')
    const had = new Set(p.sources.map((s) => s.id))
    const added = addSource(
      p,
      {
        name,
        transcript: transcript.value,
        caseId: kase?.id ?? null,
        creatorId: (coder?.id ?? null) as CoderId | null,
      },
      ids(),
    )
    if (!added.ok) return added
    p = added.value
    const source = p.sources.find((s) => !had.has(s.id))!
    const matches = findNames(source.text, {
      alters: names,
      userNames: (input.names ?? []).map((n) => ({ text: n, kind: 'person' as const })),
      detect: true,
    })
    const proposals = proposeReplacements(matches, key)
    const value: ImportedTranscriptResult = {
      sourceId: source.id,
      name,
      caseName: kase?.name ?? null,
      units: source.units.length,
      proposals,
    }
    return edited(
      p,
      value,
      [
        {
          action: 'import transcript',
          entity: 'qual_source',
          entityId: source.id,
          after: {
            name,
            file: input.fileName,
            case: kase?.name ?? null,
            units: source.units.length,
            proposals: proposals.length,
          },
        },
      ],
      { reviews: { [source.id]: proposals } },
    )
  })
  return r.value
}

/** Records the researcher's decisions on a transcript's proposed replacements. */
export async function decideReplacements(
  store: Store,
  actor: Actor,
  studyId: string,
  sourceId: string,
  decisions: Readonly<Record<string, Decision | { readonly placeholder: string }>>,
): Promise<Proposal[]> {
  const name = await studyName(store, studyId)
  const r = await store.qual.edit(actor, studyId, name, async ({ project, review }) => {
    const proposals = await review(sourceId)
    if (proposals === null)
      return err(new SpnetError('not_found', 'This transcript has no names awaiting review.'))
    const unknown = Object.keys(decisions).filter((id) => !proposals.some((p) => p.id === id))
    if (unknown.length > 0) {
      return err(
        new SpnetError('validation', 'Some decisions are about no proposal.', {
          issues: unknown.map((id) => ({
            path: `decisions.${id}`,
            message: 'Not a proposal of this transcript.',
          })),
        }),
      )
    }
    const next = decide(proposals, decisions)
    return edited(
      project,
      next,
      [{ action: 'review names', entity: 'qual_source', entityId: sourceId, after: { decisions } }],
      { reviews: { [sourceId]: next } },
    )
  })
  return r.value
}

/**
 * Applies the accepted replacements to a transcript and marks it reviewed:
 * from now on its text is the pseudonymised one, and the key (placeholder →
 * original) is kept apart. Refused while any proposal is undecided.
 */
export async function applyPseudonymisation(
  store: Store,
  actor: Actor,
  studyId: string,
  sourceId: string,
): Promise<{ replaced: number }> {
  const name = await studyName(store, studyId)
  const r = await store.qual.edit(actor, studyId, name, async ({ project, review, key }) => {
    const source = project.sources.find((s) => s.id === sourceId)
    if (source === undefined)
      return err(new SpnetError('not_found', 'There is no such transcript.'))
    if (source.pseudonymisation === 'reviewed')
      return err(new SpnetError('conflict', `“${source.name}” has already been pseudonymised.`))
    const proposals = (await review(sourceId)) ?? []
    const done = pseudonymiseSource(project, sourceId as SourceId, proposals, key)
    if (!done.ok) return done
    const replaced = proposals.filter((p) => p.decision === 'accept').length
    return edited(
      done.value.project,
      { replaced },
      [{ action: 'pseudonymise', entity: 'qual_source', entityId: sourceId, after: { replaced } }],
      {
        key: done.value.key,
        reviews: { [sourceId]: null },
      },
    )
  })
  return r.value
}

export async function createCode(
  store: Store,
  actor: Actor,
  studyId: string,
  coder: Coding | null,
  input: NewCode,
): Promise<Code> {
  let created: Code | undefined
  await simpleEdit(
    store,
    actor,
    studyId,
    coder,
    'create',
    'qual_code',
    null,
    (p) => {
      const before = new Set(p.codebook.codes.map((c) => c.id))
      const next = addCode(p, input, ids())
      if (next.ok) created = next.value.codebook.codes.find((c) => !before.has(c.id))
      return next
    },
    () => ({ after: created }),
  )
  return created!
}

export async function changeCode(
  store: Store,
  actor: Actor,
  studyId: string,
  codeId: string,
  change: Partial<Omit<Code, 'id'>>,
): Promise<Code> {
  const p = await simpleEdit(
    store,
    actor,
    studyId,
    null,
    'update',
    'qual_code',
    codeId,
    (q) => updateCode(q, codeId as CodeId, change),
    (b, a) => ({
      before: b.codebook.codes.find((c) => c.id === codeId),
      after: a.codebook.codes.find((c) => c.id === codeId),
    }),
  )
  return p.codebook.codes.find((c) => c.id === codeId)!
}

export async function removeCode(
  store: Store,
  actor: Actor,
  studyId: string,
  codeId: string,
  uncodeSegments: boolean,
): Promise<void> {
  await simpleEdit(
    store,
    actor,
    studyId,
    null,
    'delete',
    'qual_code',
    codeId,
    (q) => deleteCode(q, codeId as CodeId, { uncodeSegments }),
    (b) => ({
      before: b.codebook.codes.find((c) => c.id === codeId),
    }),
  )
}

/** Adds the starter codebook of the topic guide (DOMAIN.md §3.5), once. */
export async function addStarterCodebook(
  store: Store,
  actor: Actor,
  studyId: string,
): Promise<number> {
  let added = 0
  await simpleEdit(
    store,
    actor,
    studyId,
    null,
    'add starter codebook',
    'qual_codebook',
    studyId,
    (p) => {
      const have = new Set(p.codebook.codes.map((c) => c.id))
      const fresh = starterCodebook().codes.filter((c) => !have.has(c.id))
      added = fresh.length
      return ok({ ...p, codebook: { codes: [...p.codebook.codes, ...fresh] } })
    },
    () => ({ after: { added } }),
  )
  return added
}

/**
 * The network a source's segments can be linked into (its participant's
 * interview). Read before an edit's transaction, never inside it.
 */
async function caseNetwork(
  store: Store,
  studyId: string,
  sourceId: string,
): Promise<EgoNetwork | undefined> {
  const { project } = await store.qual.get(studyId, '')
  const kase = project.cases.find((c) => c.sourceIds.includes(sourceId as SourceId))
  return (await alterNames(store, studyId, kase?.egoId ?? null)).network
}

export async function createSegment(
  store: Store,
  actor: Actor,
  studyId: string,
  coder: Coding,
  input: {
    sourceId: string
    start: number
    end: number
    codeIds: readonly string[]
    memo?: string | undefined
    link?: NetworkLink | null | undefined
  },
): Promise<QualProject['segments'][number]> {
  const name = await studyName(store, studyId)
  const network = await caseNetwork(store, studyId, input.sourceId)
  const r = await store.qual.edit(actor, studyId, name, ({ project }) => {
    const p = withCoder(project, coder)
    const source = p.sources.find((s) => s.id === input.sourceId)
    if (source?.pseudonymisation === 'pending') {
      return err(
        new SpnetError('conflict', `“${source.name}” is waiting for its names to be reviewed.`, {
          issues: [
            {
              path: 'sourceId',
              message:
                'Review the proposed replacements and apply them before coding this transcript.',
            },
          ],
        }),
      )
    }
    const before = new Set(p.segments.map((s) => s.id))
    const next = codeSegment(
      p,
      {
        sourceId: input.sourceId as SourceId,
        start: input.start,
        end: input.end,
        coderId: coder.id as CoderId,
        codeIds: input.codeIds as CodeId[],
        ...(input.memo === undefined ? {} : { memo: input.memo }),
        link: input.link ?? null,
      },
      ids(),
      network === undefined ? {} : { network },
    )
    if (!next.ok) return next
    const segment = next.value.segments.find((s) => !before.has(s.id))!
    return edited(next.value, segment, [
      { action: 'code', entity: 'qual_segment', entityId: segment.id, after: segment },
    ])
  })
  return r.value
}

/** Changes one's own segment: its codes, memo or network link. */
export async function changeSegment(
  store: Store,
  actor: Actor,
  studyId: string,
  coder: Coding,
  segmentId: string,
  change: {
    codeIds?: readonly string[] | undefined
    memo?: string | undefined
    link?: NetworkLink | null | undefined
  },
): Promise<QualProject['segments'][number]> {
  const name = await studyName(store, studyId)
  const current = (await store.qual.get(studyId, name)).project.segments.find(
    (s) => s.id === segmentId,
  )
  const network =
    current === undefined ? undefined : await caseNetwork(store, studyId, current.sourceId)
  const r = await store.qual.edit(actor, studyId, name, ({ project }) => {
    const segment = project.segments.find((s) => s.id === segmentId)
    if (segment === undefined) return err(new SpnetError('not_found', 'There is no such segment.'))
    if (segment.coderId !== coder.id) return err(ownWork())
    let p: Result<QualProject> = ok(project)
    if (change.codeIds !== undefined) {
      const codes = change.codeIds
      p = ok({
        ...project,
        segments: project.segments.map((s) =>
          s.id === segmentId ? { ...s, codeIds: [...new Set(codes)] as CodeId[] } : s,
        ),
      })
      for (const [i, id] of codes.entries()) {
        const code = project.codebook.codes.find((c) => c.id === id)
        if (code === undefined)
          return err(
            new SpnetError('not_found', `There is no code ${id}.`, {
              issues: [{ path: `codeIds.${i}`, message: 'Unknown code.' }],
            }),
          )
        if (!code.isCodable)
          return err(
            new SpnetError('validation', `“${code.name}” is a grouping, not a code to apply.`, {
              issues: [{ path: `codeIds.${i}`, message: 'Choose one of the codes inside it.' }],
            }),
          )
      }
    }
    if (change.memo !== undefined) p = setSegmentMemo(p.value, segmentId as SegmentId, change.memo)
    if (change.link !== undefined && p.ok) {
      p = linkSegment(
        p.value,
        segmentId as SegmentId,
        change.link,
        network === undefined ? {} : { network },
      )
    }
    if (!p.ok) return p
    const after = p.value.segments.find((s) => s.id === segmentId)!
    return edited(p.value, after, [
      { action: 'update', entity: 'qual_segment', entityId: segmentId, before: segment, after },
    ])
  })
  return r.value
}

export async function removeSegment(
  store: Store,
  actor: Actor,
  studyId: string,
  coder: Coding,
  segmentId: string,
): Promise<void> {
  const name = await studyName(store, studyId)
  await store.qual.edit(actor, studyId, name, ({ project }) => {
    const segment = project.segments.find((s) => s.id === segmentId)
    if (segment === undefined) return err(new SpnetError('not_found', 'There is no such segment.'))
    if (segment.coderId !== coder.id) return err(ownWork())
    const next = deleteSegment(project, segmentId as SegmentId)
    if (!next.ok) return next
    return edited(next.value, null, [
      { action: 'delete', entity: 'qual_segment', entityId: segmentId, before: segment },
    ])
  })
}

const ownWork = () =>
  new SpnetError('conflict', 'This is another coder’s segment: each coder’s work is kept apart.', {
    issues: [{ message: 'Code the text yourself instead; agreement is worked out from both.' }],
  })

export async function createMemo(
  store: Store,
  actor: Actor,
  studyId: string,
  coder: Coding | null,
  input: { target: MemoTarget; title?: string | undefined; text: string },
) {
  const name = await studyName(store, studyId)
  const r = await store.qual.edit(actor, studyId, name, ({ project }) => {
    const p = withCoder(project, coder)
    const before = new Set(p.memos.map((m) => m.id))
    const next = addMemo(
      p,
      {
        target: input.target,
        ...(input.title === undefined ? {} : { title: input.title }),
        text: input.text,
        coderId: (coder?.id ?? null) as CoderId | null,
      },
      ids(),
    )
    if (!next.ok) return next
    const memo = next.value.memos.find((m) => !before.has(m.id))!
    return edited(next.value, memo, [
      { action: 'create', entity: 'qual_memo', entityId: memo.id, after: memo },
    ])
  })
  return r.value
}

export async function changeMemo(
  store: Store,
  actor: Actor,
  studyId: string,
  memoId: string,
  change: { title?: string | undefined; text?: string | undefined },
) {
  const p = await simpleEdit(
    store,
    actor,
    studyId,
    null,
    'update',
    'qual_memo',
    memoId,
    (q) =>
      updateMemo(q, memoId as MemoId, {
        ...(change.title === undefined ? {} : { title: change.title }),
        ...(change.text === undefined ? {} : { text: change.text }),
      }),
    (b, a) => ({
      before: b.memos.find((m) => m.id === memoId),
      after: a.memos.find((m) => m.id === memoId),
    }),
  )
  return p.memos.find((m) => m.id === memoId)!
}

export async function removeMemo(
  store: Store,
  actor: Actor,
  studyId: string,
  memoId: string,
): Promise<void> {
  await simpleEdit(
    store,
    actor,
    studyId,
    null,
    'delete',
    'qual_memo',
    memoId,
    (q) => deleteMemo(q, memoId as MemoId),
    (b) => ({ before: b.memos.find((m) => m.id === memoId) }),
  )
}

export async function writeSummary(
  store: Store,
  actor: Actor,
  studyId: string,
  coder: Coding | null,
  input: { caseId: string; codeId: string; text: string },
) {
  await simpleEdit(
    store,
    actor,
    studyId,
    coder,
    'summarise',
    'qual_summary',
    `${input.caseId}|${input.codeId}`,
    (p) =>
      setSummary(
        p,
        {
          caseId: input.caseId as CaseId,
          codeId: input.codeId as CodeId,
          text: input.text,
          coderId: (coder?.id ?? null) as CoderId | null,
        },
        { now: nowIso() },
      ),
    () => ({ after: input }),
  )
}

/**
 * Imports a REFI-QDA project (.qdpx, from QualCoder, NVivo, MAXQDA,
 * ATLAS.ti or spnet) or codebook (.qdc) into the study, merged by GUID:
 * all of it, or nothing when anything is wrong or clashes.
 */
export async function importRefi(
  store: Store,
  actor: Actor,
  studyId: string,
  input: { readonly fileName: string; readonly bytes: Uint8Array },
): Promise<{
  readonly kind: 'project' | 'codebook'
  readonly notes: readonly string[]
  readonly sources: number
  readonly segments: number
  readonly codes: number
  /** Imported transcripts awaiting a names review, and the names proposed in them. */
  readonly toReview: number
  readonly proposals: number
}> {
  const name = await studyName(store, studyId)
  const isZip = input.bytes[0] === 0x50 && input.bytes[1] === 0x4b
  if (!isZip) {
    let text: string
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input.bytes)
    } catch {
      throw new SpnetError(
        'validation',
        `${input.fileName} is neither a .qdpx project (a zip) nor a .qdc codebook (XML text).`,
      )
    }
    const codebook = parseQdc(text, input.fileName)
    if (!codebook.ok) throw codebook.error
    const r = await store.qual.edit(actor, studyId, name, ({ project }) => {
      const have = new Set(project.codebook.codes.map((c) => c.id))
      const fresh = codebook.value.codes.filter((c) => !have.has(c.id))
      return edited(
        { ...project, codebook: { codes: [...project.codebook.codes, ...fresh] } },
        fresh.length,
        [
          {
            action: 'import codebook',
            entity: 'qual_codebook',
            entityId: studyId,
            after: { file: input.fileName, codes: fresh.length },
          },
        ],
      )
    })
    return {
      kind: 'codebook',
      notes: [],
      sources: 0,
      segments: 0,
      codes: r.value,
      toReview: 0,
      proposals: 0,
    }
  }
  const report = readQdpxBytes(input.bytes, input.fileName)
  if (!report.ok) throw report.error
  const incoming = report.value.project
  // The contacts of the participants the project's cases name, read before the edit;
  // only labels that are participants cost a read.
  const participants = new Set(
    (await store.studies.get(studyId))?.participantList.map((p) => p.label) ?? [],
  )
  const labels = new Set(
    incoming.cases
      .flatMap((c) => [c.egoId, c.name])
      .filter((l) => l !== null && participants.has(l)),
  ) as Set<string>
  const contacts = new Map<string, KnownName[]>()
  for (const label of labels) {
    const { names } = await alterNames(store, studyId, label)
    if (names.length > 0) contacts.set(label, names)
  }
  const r = await store.qual.edit(actor, studyId, name, ({ project, key }) => {
    const merged = mergeProject(project, incoming)
    if (!merged.ok) return merged
    // Transcripts from another tool await a names review like any other:
    // propose replacements now, so the review has something to decide.
    const had = new Set(project.sources.map((s) => s.id))
    const reviews: Record<string, Proposal[]> = {}
    for (const source of merged.value.sources) {
      if (had.has(source.id) || source.pseudonymisation === 'reviewed') continue
      const kase = merged.value.cases.find((c) => c.sourceIds.includes(source.id))
      const alters =
        kase === undefined ? [] : (contacts.get(kase.egoId ?? '') ?? contacts.get(kase.name) ?? [])
      reviews[source.id] = proposeReplacements(
        findNames(source.text, { alters, userNames: [], detect: true }),
        key,
      )
    }
    const proposals = Object.values(reviews).reduce((n, p) => n + p.length, 0)
    return edited(
      merged.value,
      { toReview: Object.keys(reviews).length, proposals },
      [
        {
          action: 'import project',
          entity: 'qual_project',
          entityId: studyId,
          after: {
            file: input.fileName,
            origin: incoming.origin,
            sources: incoming.sources.length,
            segments: incoming.segments.length,
            codes: incoming.codebook.codes.length,
            proposals,
          },
        },
      ],
      { reviews },
    )
  })
  return {
    kind: 'project',
    notes: report.value.notes,
    sources: incoming.sources.length,
    segments: incoming.segments.length,
    codes: incoming.codebook.codes.length,
    toReview: r.value.toReview,
    proposals: r.value.proposals,
  }
}
