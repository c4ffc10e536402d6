import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { sliceCodePoints } from '../../src/core/qual/text/code-points.js'
import { declareUnits } from '../../src/core/qual/transcripts/split-units.js'
import { readTranscriptFile, readTranscriptFolder } from '../../src/qual-io/read-transcript-file.js'
import { sharedDir } from '../support/shared-dir.js'

const transcripts = join(sharedDir(), 'fixtures', 'transcripts')
const own = new URL('../fixtures/qual/', import.meta.url).pathname
const tmp = mkdtempSync(join(tmpdir(), 'spnet-qual-'))
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true })
})

describe('transcript files from other tools', () => {
  it('reads QualCoder’s [id1] focus group: 7 turns by 3 speakers', async () => {
    const r = await readTranscriptFile(join(transcripts, 'qualcoder_transcript.txt'))
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.format).toBe('text')
    expect(r.value.turns.map((t) => t.speaker)).toEqual([
      'id1',
      'id2',
      'id3',
      'id1',
      'id3',
      'id1',
      'id2',
    ])
    const units = declareUnits(r.value)
    expect(units.filter((u) => u.kind === 'turn')).toHaveLength(7)
    const first = units.find((u) => u.kind === 'sentence')!
    expect(sliceCodePoints(r.value.text, first.start, first.end)).toBe('hello, I like the course.')
  })

  it('reads a real interview with padded "Name:" labels (qc demo): 30 + 55 turns', async () => {
    const r = await readTranscriptFile(join(transcripts, 'qc-demo_admin-1_interview.txt'))
    if (!r.ok) throw r.error
    const count = (s: string) => r.value.turns.filter((t) => t.speaker === s).length
    expect(count('Max Bigman')).toBe(30)
    expect(count('admin-1')).toBe(55)
    // "Automation:" appears once and is not a role: it stays text, before the first speaker.
    expect(r.value.turns[0]!.speaker).toBeNull()
    expect(sliceCodePoints(r.value.text, r.value.turns[0]!.start, r.value.turns[0]!.end)).toBe(
      'Automation:         This call is now being recorded.',
    )
  })

  it('reads the Word document, with "€", as paragraphs', async () => {
    const r = await readTranscriptFile(join(transcripts, 'qualcoder_ID1.docx'))
    if (!r.ok) throw r.error
    expect(r.value.format).toBe('docx')
    expect(r.value.turns).toHaveLength(3)
    expect(r.value.text).toContain('€200.')
  })

  it('reads the Teams-style WebVTT (Kind/Language header, UUID cue ids, no voices)', async () => {
    const r = await readTranscriptFile(join(transcripts, 'Example_subtitles_1.vtt'))
    if (!r.ok) throw r.error
    expect(r.value.format).toBe('vtt')
    expect(r.value.cues).toHaveLength(4)
    expect(r.value.cues[0]).toMatchObject({
      startMs: 760,
      endMs: 8640,
      cueId: '6fbb1fca-421a-4ee9-942b-cee0dc425f8a',
    })
    expect(r.value.turns).toHaveLength(1)
    expect(
      r.value.text.startsWith('Lorem ipsum dolor sit amet, consectetur adipiscing elit.'),
    ).toBe(true)
  })

  it('tells the format from content, not the name', async () => {
    const disguised = join(tmp, 'captions.txt')
    writeFileSync(disguised, readFileSync(join(own, 'interview.srt')))
    const r = await readTranscriptFile(disguised)
    if (!r.ok) throw r.error
    expect(r.value.format).toBe('srt')
    expect(r.value.turns.map((t) => t.speaker)).toEqual(['Interviewer', 'LW', 'Interviewer'])
    const lw = r.value.turns[1]!
    expect(sliceCodePoints(r.value.text, lw.contentStart, lw.end)).toBe(
      'The food bank run by Zoë Clarke 👍. And José at the CAB.',
    )
    const docx = join(tmp, 'really-a-docx.txt')
    writeFileSync(docx, readFileSync(join(transcripts, 'qualcoder_ID1.docx')))
    const d = await readTranscriptFile(docx)
    expect(d.ok && d.value.format).toBe('docx')
  })
})

describe('bad transcript files', () => {
  it('a broken caption timestamp: file, line and character', async () => {
    const r = await readTranscriptFile(join(own, 'broken-timestamp.vtt'))
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('validation')
    expect(r.error.issues[0]).toMatchObject({ line: 6, char: 18 })
    expect(r.error.issues[0]!.file).toContain('broken-timestamp.vtt')
  })

  it('a corrupt Word document', async () => {
    const bytes = readFileSync(join(transcripts, 'qualcoder_ID1.docx'))
    const corrupt = join(tmp, 'corrupt.docx')
    writeFileSync(corrupt, bytes.subarray(0, 3000))
    const r = await readTranscriptFile(corrupt)
    expect(!r.ok && r.error.code).toBe('validation')
    expect(!r.ok && r.error.issues[0]!.fix).toMatch(/save it again/)
  })

  it('binary data and non-UTF-8 text', async () => {
    const bin = join(tmp, 'recording.txt')
    writeFileSync(bin, Uint8Array.from([0x49, 0x44, 0x33, 0x04, 0x00, 0x00, 0x01]))
    const b = await readTranscriptFile(bin)
    expect(!b.ok && b.error.code).toBe('validation')
    const latin1 = join(tmp, 'latin1.txt')
    writeFileSync(latin1, Uint8Array.from([0x5a, 0x6f, 0xeb, 0x3a, 0x20, 0x68, 0x69]))
    const l = await readTranscriptFile(latin1)
    expect(!l.ok && l.error.issues[0]).toMatchObject({ line: 1, char: 3 })
  })

  it('a folder is read all or nothing, with progress', async () => {
    const dir = mkdtempSync(join(tmp, 'folder-'))
    writeFileSync(join(dir, 'a.txt'), 'Interviewer: Hi.\nLW: Hello.')
    writeFileSync(join(dir, 'b.srt'), readFileSync(join(own, 'interview.srt')))
    writeFileSync(join(dir, 'notes.json'), '{}')
    const seen: number[] = []
    const good = await readTranscriptFolder(dir, (done) => {
      seen.push(done)
    })
    expect(good.ok && good.value.map((t) => t.name)).toEqual(['a', 'b'])
    expect(seen).toEqual([1, 2])
    writeFileSync(join(dir, 'c.vtt'), readFileSync(join(own, 'broken-timestamp.vtt')))
    const bad = await readTranscriptFolder(dir)
    expect(bad.ok).toBe(false)
  })
})

describe('importTranscriptFiles', () => {
  it('adds transcripts to their cases by file name, all or nothing', async () => {
    const { sampleProject, now } =
      await import('../../src/core/qual/test-support/sample-project.js')
    const { importTranscriptFiles } = await import('../../src/qual-io/import-transcripts.js')
    const s = sampleProject()
    const dir = mkdtempSync(join(tmp, 'import-'))
    writeFileSync(join(dir, 'LW02 follow-up.srt'), readFileSync(join(own, 'interview.srt')))
    writeFileSync(
      join(dir, 'focus group.txt'),
      readFileSync(join(transcripts, 'qualcoder_transcript.txt')),
    )
    const files = [join(dir, 'LW02 follow-up.srt'), join(dir, 'focus group.txt')]
    const r = await importTranscriptFiles(s.project, files, { now })
    if (!r.ok) throw r.error
    expect(r.value.imported.map((x) => [x.name, x.caseId])).toEqual([
      ['LW02 follow-up', s.cases.b],
      ['focus group', null],
    ])
    expect(r.value.project.sources).toHaveLength(4)
    expect(r.value.project.cases[1]!.sourceIds).toHaveLength(2)
    expect(r.value.project.sources[2]!.units.length).toBeGreaterThan(0)
    const bad = await importTranscriptFiles(
      s.project,
      [...files, join(own, 'broken-timestamp.vtt')],
      { now },
    )
    expect(bad.ok).toBe(false)
  })
})

describe('name detection on a real interview', () => {
  it('finds the interviewer and a colleague named in the qc demo interview', async () => {
    const { findNames } = await import('../../src/core/qual/pseudonymise/find-names.js')
    const text = readFileSync(join(transcripts, 'qc-demo_admin-1_interview.txt'), 'utf8')
    const found = findNames(text, { detect: true })
    const names = new Set(found.filter((m) => m.kind === 'person').map((m) => m.text))
    expect(names.has('Max Bigman')).toBe(true)
    expect(names.has('Kara')).toBe(true)
    expect(found.filter((m) => m.text === 'Max Bigman')).toHaveLength(30)
    // Everything the detector proposes, for the researcher to review (the district is an organisation).
    expect([...new Set(found.map((m) => `${m.kind}:${m.text}`))]).toEqual([
      'person:Max Bigman',
      'org:Unified School',
      'person:Kara',
      'person:Suzanne',
      'person:Max',
    ])
  })
})
