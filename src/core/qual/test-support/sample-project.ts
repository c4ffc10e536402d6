// A small two-case, two-coder project for tests, built through the public edits.
import { alterId } from '../../network/ids.js'
import { addCase, addCode, addCoder, addSource, codeSegment } from '../coding/edit-project.js'
import {
  coderId,
  type CaseId,
  type CodeId,
  type CoderId,
  type NewId,
  type SourceId,
} from '../ids.js'
import { emptyProject, type QualProject } from '../project.js'
import { codePointLength } from '../text/code-points.js'
import { parseTextTranscript } from '../transcripts/parse-text.js'
import type { Result } from '../../result.js'

/** Deterministic GUIDs: 00000000-0000-4000-8000-000000000001, …02, … */
export function sequentialIds(start = 1): NewId {
  let n = start
  return () => `00000000-0000-4000-8000-${(n++).toString(16).padStart(12, '0')}`
}

export const now = '2025-03-05T10:00:00Z'

export function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw r.error
  return r.value
}

/** Code-point span of the first occurrence of `needle` in `text`. */
export function spanOf(text: string, needle: string): { start: number; end: number } {
  const at = text.indexOf(needle)
  if (at < 0) throw new Error(`"${needle}" not in text`)
  const start = codePointLength(text.slice(0, at))
  return { start, end: start + codePointLength(needle) }
}

export const transcriptA = [
  'Interviewer: Who do you refer to most?',
  '',
  'LW: The food bank, run by Zoë 👍. They never get back to me though.',
  '',
  'Interviewer: And transport?',
  '',
  'LW: Buses are hopeless here. José at the CAB helps with fares.',
].join('\n')

export const transcriptB = [
  'Interviewer: Who supports you?',
  '',
  'LW: My peer group of link workers. Without them I would have quit.',
  '',
  'Interviewer: Funding?',
  '',
  'LW: The lunch club closed when the council cut its grant.',
].join('\n')

export type Sample = {
  project: QualProject
  ids: NewId
  coders: { ann: CoderId; bob: CoderId }
  cases: { a: CaseId; b: CaseId }
  sources: { a: SourceId; b: SourceId }
  codes: { barriers: CodeId; transport: CodeId; feedback: CodeId; support: CodeId; funding: CodeId }
}

export function sampleProject(): Sample {
  const ids = sequentialIds()
  const ann = coderId(ids())
  const bob = coderId(ids())
  let p = emptyProject('Link workers', now)
  p = unwrap(addCoder(p, { id: ann, name: 'Ann' }))
  p = unwrap(addCoder(p, { id: bob, name: 'Bob' }))
  p = addCase(
    p,
    {
      name: 'LW01',
      egoId: 'LW01',
      attributes: { imd_quintile: 1, constraint: 0.42, hosting: 'PCN' },
    },
    { newId: ids },
  )
  p = addCase(
    p,
    {
      name: 'LW02',
      egoId: 'LW02',
      attributes: { imd_quintile: 4, constraint: 0.31, hosting: 'VCSE' },
    },
    { newId: ids },
  )
  const [a, b] = p.cases.map((c) => c.id) as [CaseId, CaseId]
  p = unwrap(
    addSource(
      p,
      { name: 'LW01 interview', transcript: parseTextTranscript(transcriptA), caseId: a },
      { newId: ids, now },
    ),
  )
  p = unwrap(
    addSource(
      p,
      { name: 'LW02 interview', transcript: parseTextTranscript(transcriptB), caseId: b },
      { newId: ids, now },
    ),
  )
  const [sa, sb] = p.sources.map((s) => s.id) as [SourceId, SourceId]
  p = unwrap(
    addCode(
      p,
      { name: 'Barriers', color: '#d62728', description: 'What makes networking harder.' },
      { newId: ids },
    ),
  )
  const barriers = p.codebook.codes[0]!.id
  p = unwrap(addCode(p, { name: 'Transport', parentId: barriers }, { newId: ids }))
  p = unwrap(
    addCode(
      p,
      { name: 'Feedback loops', parentId: barriers, examples: ['never gets back to me'] },
      { newId: ids },
    ),
  )
  p = unwrap(addCode(p, { name: 'Support', description: 'Sources of support.' }, { newId: ids }))
  p = unwrap(addCode(p, { name: 'Funding cuts', parentId: barriers }, { newId: ids }))
  const byName = (name: string): CodeId => p.codebook.codes.find((c) => c.name === name)!.id
  const [transport, feedback, support, funding] = [
    'Transport',
    'Feedback loops',
    'Support',
    'Funding cuts',
  ].map(byName)
  const code = (
    coder: CoderId,
    source: SourceId,
    text: string,
    needle: string,
    codes: CodeId[],
    link?: string,
  ): void => {
    p = unwrap(
      codeSegment(
        p,
        {
          sourceId: source,
          ...spanOf(text, needle),
          coderId: coder,
          codeIds: codes,
          ...(link === undefined
            ? {}
            : { link: { kind: 'alter' as const, alterId: alterId(link) } }),
        },
        { newId: ids, now },
      ),
    )
  }
  code(ann, sa, transcriptA, 'They never get back to me though.', [feedback!], 'A01')
  code(ann, sa, transcriptA, 'Buses are hopeless here.', [transport!])
  code(bob, sa, transcriptA, 'They never get back to me though.', [feedback!])
  code(bob, sa, transcriptA, 'José at the CAB helps with fares.', [transport!, support!], 'A02')
  code(ann, sb, transcriptB, 'My peer group of link workers.', [support!])
  code(ann, sb, transcriptB, 'The lunch club closed when the council cut its grant.', [funding!])
  code(bob, sb, transcriptB, 'My peer group of link workers. Without them I would have quit.', [
    support!,
  ])
  code(bob, sb, transcriptB, 'The lunch club closed when the council cut its grant.', [funding!])
  return {
    project: p,
    ids,
    coders: { ann, bob },
    cases: { a, b },
    sources: { a: sa, b: sb },
    codes: {
      barriers,
      transport: transport!,
      feedback: feedback!,
      support: support!,
      funding: funding!,
    },
  }
}
