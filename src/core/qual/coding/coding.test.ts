import { describe, expect, it } from 'vitest'
import { alterId } from '../../network/ids.js'
import { codePath, codeWithDescendants } from '../codebook/codebook.js'
import { starterCodebook } from '../codebook/starter-codebook.js'
import { codeId, coderId } from '../ids.js'
import { qualProjectSchema } from '../project.js'
import { now, sampleProject, spanOf, transcriptA, unwrap } from '../test-support/sample-project.js'
import { validateProject } from '../validate-project.js'
import {
  addMemo,
  codeSegment,
  deleteCode,
  linkSegment,
  mergeCodes,
  setSummary,
  uncode,
  updateCode,
} from './edit-project.js'
import { coderView, retrieveSegments, segmentsForTie } from './retrieve-segments.js'

describe('coding a project', () => {
  it('builds a valid project whose schema parses', () => {
    const { project } = sampleProject()
    expect(validateProject(project).ok).toBe(true)
    expect(qualProjectSchema.safeParse(project).success).toBe(true)
    expect(project.segments).toHaveLength(8)
    expect(project.sources[0]!.units.filter((u) => u.kind === 'turn')).toHaveLength(4)
  })

  it('refuses bad spans, unknown codes, groupings and unknown coders', () => {
    const s = sampleProject()
    const ids = { newId: s.ids, now }
    const base = { sourceId: s.sources.a, coderId: s.coders.ann, codeIds: [s.codes.transport] }
    const outside = codeSegment(s.project, { ...base, start: 0, end: 10_000 }, ids)
    expect(!outside.ok && outside.error.code).toBe('validation')
    const empty = codeSegment(s.project, { ...base, start: 5, end: 5 }, ids)
    expect(!empty.ok && empty.error.code).toBe('validation')
    const unknown = codeSegment(
      s.project,
      { ...base, start: 0, end: 3, codeIds: [codeId('00000000-0000-4000-8000-0000000000ff')] },
      ids,
    )
    expect(!unknown.ok && unknown.error.code).toBe('not_found')
    const coder = codeSegment(
      s.project,
      { ...base, start: 0, end: 3, coderId: coderId('00000000-0000-4000-8000-0000000000fe') },
      ids,
    )
    expect(!coder.ok && coder.error.code).toBe('not_found')
    const grouped = unwrap(updateCode(s.project, s.codes.barriers, { isCodable: false }))
    const grouping = codeSegment(
      grouped,
      { ...base, start: 0, end: 3, codeIds: [s.codes.barriers] },
      ids,
    )
    expect(!grouping.ok && grouping.error.issues[0]!.path).toBe('codeIds[0]')
  })

  it('counts offsets in code points: the emoji does not shift the coded text', () => {
    const s = sampleProject()
    const span = spanOf(transcriptA, 'They never get back to me though.')
    // "👍" comes before this span: UTF-16 index is one more than the code-point offset.
    expect(transcriptA.indexOf('They never')).toBe(span.start + 1)
    const got = retrieveSegments(s.project, { codeId: s.codes.feedback, coderIds: [s.coders.ann] })
    expect(got.map((r) => r.text)).toEqual(['They never get back to me though.'])
  })

  it('checks links against the ego network when given one', () => {
    const s = sampleProject()
    const seg = s.project.segments[1]!.id
    const network = {
      ego: { id: 'LW01' as never, attributes: {} },
      alters: [{ id: alterId('A01'), attributes: {}, frequency: null, generators: [] }],
      ties: [],
    }
    const bad = linkSegment(s.project, seg, { kind: 'alter', alterId: alterId('A09') }, { network })
    expect(!bad.ok && bad.error.code).toBe('not_found')
    const good = unwrap(
      linkSegment(s.project, seg, { kind: 'tie', from: alterId('A01'), to: alterId('A02') }),
    )
    expect(
      segmentsForTie(good, s.cases.a, alterId('A02'), alterId('A01')).map((r) => r.segment.id),
    ).toEqual([seg])
  })

  it('uncoding the last code deletes the segment and its memos', () => {
    const s = sampleProject()
    const seg = s.project.segments[0]!
    const withMemo = unwrap(
      addMemo(
        s.project,
        { target: { kind: 'segment', id: seg.id }, text: 'Check with LW', coderId: s.coders.ann },
        { newId: s.ids, now },
      ),
    )
    const after = unwrap(uncode(withMemo, seg.id, s.codes.feedback))
    expect(after.segments.some((x) => x.id === seg.id)).toBe(false)
    expect(after.memos).toHaveLength(0)
    expect(validateProject(after).ok).toBe(true)
  })

  it('deleting a used code needs confirmation; merging moves codings and sub-codes', () => {
    const s = sampleProject()
    const refused = deleteCode(s.project, s.codes.barriers)
    expect(!refused.ok && refused.error.code).toBe('conflict')
    const deleted = unwrap(deleteCode(s.project, s.codes.barriers, { uncodeSegments: true }))
    expect(deleted.codebook.codes.map((c) => c.name)).toEqual(['Support'])
    // Bob's transport+support segment keeps support only.
    expect(deleted.segments.map((x) => x.codeIds.length)).toEqual([1, 1, 1])
    const merged = unwrap(mergeCodes(s.project, s.codes.transport, s.codes.support))
    expect(merged.segments.filter((x) => x.codeIds.includes(s.codes.support))).toHaveLength(4)
    expect(validateProject(merged).ok).toBe(true)
    const cycle = updateCode(s.project, s.codes.barriers, { parentId: s.codes.transport })
    expect(!cycle.ok && cycle.error.code).toBe('conflict')
  })

  it('summaries are set and cleared per case × code', () => {
    const s = sampleProject()
    const p = unwrap(
      setSummary(
        s.project,
        {
          caseId: s.cases.a,
          codeId: s.codes.feedback,
          text: 'No feedback.',
          coderId: s.coders.ann,
        },
        { now },
      ),
    )
    expect(p.summaries).toHaveLength(1)
    const cleared = unwrap(
      setSummary(
        p,
        { caseId: s.cases.a, codeId: s.codes.feedback, text: ' ', coderId: null },
        { now },
      ),
    )
    expect(cleared.summaries).toHaveLength(0)
  })
})

describe('retrieveSegments', () => {
  it('retrieves a code with its sub-codes, filtered by case attributes', () => {
    const s = sampleProject()
    const all = retrieveSegments(s.project, { codeId: s.codes.barriers })
    expect(all).toHaveLength(6)
    const deprived = retrieveSegments(s.project, {
      codeId: s.codes.barriers,
      where: [{ attribute: 'imd_quintile', op: 'eq', value: 1 }],
    })
    expect(deprived.map((r) => r.case?.name)).toEqual(['LW01', 'LW01', 'LW01', 'LW01'])
    const lowConstraint = retrieveSegments(s.project, {
      codeId: s.codes.funding,
      where: [
        { attribute: 'constraint', op: 'lt', value: 0.35 },
        { attribute: 'hosting', op: 'in', values: ['VCSE'] },
      ],
    })
    expect(lowConstraint.map((r) => r.text)).toEqual([
      'The lunch club closed when the council cut its grant.',
      'The lunch club closed when the council cut its grant.',
    ])
    expect(
      retrieveSegments(s.project, { codeId: s.codes.barriers, includeSubcodes: false }),
    ).toHaveLength(0)
    expect(
      retrieveSegments(s.project, { where: [{ attribute: 'region', op: 'missing' }] }),
    ).toHaveLength(8)
  })

  it('retrieves every quote about an alter, and keeps coders apart', () => {
    const s = sampleProject()
    expect(retrieveSegments(s.project, { alterId: alterId('A02') }).map((r) => r.text)).toEqual([
      'José at the CAB helps with fares.',
    ])
    const annOnly = coderView(s.project, s.coders.ann)
    expect(annOnly.segments.every((x) => x.coderId === s.coders.ann)).toBe(true)
    expect(annOnly.segments).toHaveLength(4)
  })
})

describe('starter codebook', () => {
  it('covers the topic guide with definitions and stable ids', () => {
    const a = starterCodebook()
    const b = starterCodebook()
    expect(a).toEqual(b)
    const top = a.codes.filter((c) => c.parentId === null).map((c) => c.name)
    expect(top).toContain('Deprivation context')
    expect(top).toContain('Reflections on the network map')
    const barriers = a.codes.find((c) => c.name === 'Barriers to networking')!
    expect(codePath(a, barriers.id)).toEqual(['Cross-cutting', 'Barriers to networking'])
    const deprivation = a.codes.find((c) => c.name === 'Deprivation context')!
    expect(codeWithDescendants(a, deprivation.id)).toHaveLength(6)
    expect(a.codes.every((c) => c.description.length > 10)).toBe(true)
    expect(new Set(a.codes.map((c) => c.id)).size).toBe(a.codes.length)
  })
})
