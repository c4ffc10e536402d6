import { describe, expect, it } from 'vitest'
import { createRandom } from '../../demo/random.js'
import { formatAgreementCsv, formatDisagreementsCsv } from '../agreement/format-agreement.js'
import { unitAgreement } from '../agreement/unit-agreement.js'
import { addCode } from './edit-project.js'
import { caseForFileName, mergeProject, reviewedOnly } from './merge-project.js'
import { validateProject } from '../validate-project.js'
import { frameworkMatrix } from '../matrix/framework-matrix.js'
import { formatSegmentsCsv } from './format-segments.js'
import { sampleProject, sequentialIds, unwrap } from '../test-support/sample-project.js'

describe('segment and agreement CSV', () => {
  it('lists coded segments with case, coder, code paths, offsets and links', () => {
    const s = sampleProject()
    const lines = formatSegmentsCsv(s.project, { coderIds: [s.coders.bob] }).split('\r\n')
    expect(lines[0]).toBe('case,source,coder,codes,start,end,text,memo,link')
    expect(lines[2]).toMatch(
      /^LW01,LW01 interview,Bob,Barriers \/ Transport; Support,\d+,\d+,José at the CAB helps with fares\.,,alter A02$/,
    )
    expect(lines).toHaveLength(4 + 2)
  })

  it('writes per-code and pooled agreement rows and the disagreeing units', () => {
    const s = sampleProject()
    const report = unitAgreement(s.project, {
      unitKind: 'turn',
      bootstrap: { random: createRandom(1), replicates: 50 },
    })
    const rows = formatAgreementCsv(report).split('\r\n')
    expect(rows[0]!.split(',')).toHaveLength(16)
    expect(rows[rows.length - 2]!.startsWith('(pooled),32,')).toBe(true)
    // Transport: same turn, different words: the turns agree (κ = 1), the characters do not.
    const transport = rows.find((r) => r.startsWith('Barriers / Transport,'))!.split(',')
    expect([transport[6], Number(transport[12])]).toEqual(['1', expect.any(Number)])
    expect(Number(transport[12])).toBeLessThan(0)
    const support = rows.find((r) => r.startsWith('Support,'))!.split(',')
    expect(Number(support[3])).toBeCloseTo(7 / 8, 12)
    const d = formatDisagreementsCsv(report, s.project).split('\r\n')
    expect(d[0]).toBe('code,source,unit,start,end,Ann,Bob,text')
    const first = report.perCode.find((c) => c.code === 'Support')!.disagreements[0]!
    expect(d).toContain(
      `Support,LW01 interview,turn:3,${first.start},${first.end},0,1,Buses are hopeless here. José at the CAB helps with fares.`,
    )
  })
})

describe('mergeProject', () => {
  it('adds what is new, keeps what is there, and refuses a source whose text changed', () => {
    const s = sampleProject()
    const again = unwrap(mergeProject(s.project, s.project))
    expect(again).toEqual(s.project)
    const other = unwrap(addCode(s.project, { name: 'New theme' }, { newId: sequentialIds(500) }))
    const merged = unwrap(mergeProject(s.project, other))
    expect(merged.codebook.codes.map((c) => c.name)).toContain('New theme')
    const changed = {
      ...s.project,
      sources: s.project.sources.map((x, i) => (i === 0 ? { ...x, text: x.text + ' More.' } : x)),
    }
    const r = mergeProject(s.project, changed)
    expect(!r.ok && r.error.code).toBe('conflict')
  })

  it('finds the case of a transcript from its file name', () => {
    const s = sampleProject()
    expect(caseForFileName(s.project, '/data/LW02 interview (final).docx')?.name).toBe('LW02')
    expect(caseForFileName(s.project, 'lw01.vtt')?.name).toBe('LW01')
    expect(caseForFileName(s.project, 'LW012.txt')).toBeNull()
    expect(caseForFileName(s.project, 'LW01-LW02 joint.txt')).toBeNull()
  })
})

describe('reviewedOnly', () => {
  it('leaves out unreviewed transcripts and everything on them', () => {
    const s = sampleProject()
    const p = {
      ...s.project,
      sources: s.project.sources.map((x, i) =>
        i === 1 ? { ...x, pseudonymisation: 'reviewed' as const } : x,
      ),
    }
    const view = reviewedOnly(p)
    expect(view.sources.map((x) => x.name)).toEqual(['LW02 interview'])
    expect(view.segments.every((g) => g.sourceId === s.sources.b)).toBe(true)
    expect(validateProject(view).ok).toBe(true)
    const text = JSON.stringify(frameworkMatrix(view))
    expect(text).not.toContain('food bank')
    expect(text).toContain('lunch club')
  })
})
