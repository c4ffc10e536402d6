import { describe, expect, it } from 'vitest'
import { alterId } from '../../network/ids.js'
import { codePointLength, sliceCodePoints } from '../text/code-points.js'
import { parseTextTranscript } from '../transcripts/parse-text.js'
import { sampleProject, spanOf, unwrap } from '../test-support/sample-project.js'
import { findNames } from './find-names.js'
import {
  applyReplacements,
  decide,
  proposeReplacements,
  pseudonymiseSource,
} from './pseudonymise.js'

const text = [
  'Interviewer: Tell me about Zoe 👍.',
  '',
  'LW: Zoë Clarke runs Riverside Food Bank. Dr. Amir Khan at Hope Street Surgery refers too.',
  'Mrs Okafor and José help. I gave Zoë a call; will and grace are just words. Grace Lee too.',
].join('\n')

const alters = [
  { text: 'Zoë Clarke', kind: 'person' as const, alterId: alterId('alter-7'), alterLabel: 'A03' },
  {
    text: 'Riverside Food Bank',
    kind: 'org' as const,
    alterId: alterId('alter-9'),
    alterLabel: 'A05',
  },
]

describe('findNames', () => {
  it('finds alters (full, by part, accent-blind), the user list and detected names, with code-point offsets', () => {
    const found = findNames(text, {
      alters,
      userNames: [{ text: 'Okafor', kind: 'person' }],
      detect: true,
    })
    const summary = found.map((m) => [m.text, m.origin, m.kind])
    expect(summary).toEqual([
      ['Zoe', 'alter', 'person'],
      ['Zoë Clarke', 'alter', 'person'],
      ['Riverside Food Bank', 'alter', 'org'],
      ['Dr. Amir Khan', 'detector', 'person'],
      ['Hope Street Surgery', 'detector', 'org'],
      ['Mrs Okafor', 'detector', 'person'],
      ['José', 'detector', 'person'],
      ['Zoë', 'alter', 'person'],
      ['Grace Lee', 'detector', 'person'],
    ])
    for (const m of found) expect(sliceCodePoints(text, m.start, m.end)).toBe(m.text)
    // "👍" is one code point: the offsets after it are one less than UTF-16 indices.
    const zoeClarke = found[1]!
    expect(text.indexOf('Zoë Clarke')).toBe(zoeClarke.start + 1)
  })
  it('lets a detected first name alone stand for the one detected full name it begins', () => {
    const said = 'I rang Max Bigman. Max said Sarah Jones and Sarah Patel help; Sarah was away.'
    const found = findNames(said, { detect: true })
    expect(found.map((m) => [m.text, m.canonical])).toEqual([
      ['Max Bigman', 'Max Bigman'],
      ['Max', 'Max Bigman'],
      ['Sarah Jones', 'Sarah Jones'],
      ['Sarah Patel', 'Sarah Patel'],
      // Two full names begin with Sarah: which one is meant is not known.
      ['Sarah', 'Sarah'],
    ])
    const keys = new Set(
      proposeReplacements(found)
        .filter((p) => p.original.startsWith('Max'))
        .map((p) => p.placeholder),
    )
    expect(keys.size).toBe(1)
  })
  it('links a first name across spellings and titles of the one full name', () => {
    for (const said of [
      'Max Bigman rang. MAX BIGMAN again. Max said.',
      'Zoë Clarke rang, then Zoe Clarke. Zoë said.',
      'I rang Dr Max Bigman. Max said yes.',
    ]) {
      const found = findNames(said, { detect: true })
      const placeholders = new Set(proposeReplacements(found).map((p) => p.placeholder))
      expect(placeholders.size, said).toBe(1)
    }
  })
  it('detects national charities named with UK', () => {
    const found = findNames('She went to Age UK and then Mind.', { detect: true })
    expect(found.map((m) => [m.text, m.kind])).toEqual([['Age UK', 'org']])
  })
})

describe('replacements', () => {
  it('are stable per name, reviewed before applying, and give a separate key', () => {
    const transcript = parseTextTranscript(text)
    const proposals = proposeReplacements(findNames(transcript.text, { alters, detect: true }))
    expect(proposals.map((p) => p.placeholder)).toEqual([
      '[ALTER A03]',
      '[ALTER A03]',
      '[ALTER A05]',
      '[PERSON 1]',
      '[ORG 1]',
      '[PERSON 2]',
      '[PERSON 3]',
      '[ALTER A03]',
      '[PERSON 4]',
    ])
    const pending = applyReplacements(transcript, proposals)
    expect(!pending.ok && pending.error.issues).toHaveLength(9)
    const reviewed = decide(
      proposals.map((p) => ({ ...p, decision: 'accept' as const })),
      { p9: 'reject', p7: { placeholder: '[PERSON JG]' } },
    )
    const r = unwrap(applyReplacements(transcript, reviewed))
    expect(r.replaced).toBe(8)
    expect(r.transcript.text).toBe(
      [
        'Interviewer: Tell me about [ALTER A03] 👍.',
        '',
        'LW: [ALTER A03] runs [ALTER A05]. [PERSON 1] at [ORG 1] refers too.',
        '[PERSON 2] and [PERSON JG] help. I gave [ALTER A03] a call; will and grace are just words. Grace Lee too.',
      ].join('\n'),
    )
    // Turns moved with the text.
    const lw = r.transcript.turns[1]!
    expect(sliceCodePoints(r.transcript.text, lw.start, lw.contentStart)).toBe('LW: ')
    expect(sliceCodePoints(r.transcript.text, lw.end - 8, lw.end)).toBe('Lee too.')
    expect(r.transcript.text.slice(-8)).toBe('Lee too.')
    expect(r.key.entries.find((e) => e.placeholder === '[ALTER A03]')).toMatchObject({
      alterId: 'alter-7',
      originals: ['Zoe', 'Zoë Clarke', 'Zoë'],
    })
    expect(r.key.entries.some((e) => e.originals.includes('Grace Lee'))).toBe(false)
    // A second transcript reuses the key's placeholders.
    const again = proposeReplacements(
      findNames('Dr Amir Khan called Mrs Okafor. Sam too.', { detect: true }),
      r.key,
    )
    expect(again.map((p) => [p.original, p.placeholder])).toEqual([
      ['Dr Amir Khan', '[PERSON 1]'],
      ['Mrs Okafor', '[PERSON 2]'],
      // A new name takes the lowest number the key does not use (3 was renamed to JG before it was kept).
      ['Sam', '[PERSON 3]'],
    ])
  })

  it('pseudonymises a coded source and moves its coding, annotations and case selections with the text', () => {
    const s = sampleProject()
    const source = s.project.sources[0]!
    const proposals = decide(proposeReplacements(findNames(source.text, { detect: true })), {}).map(
      (p) => ({ ...p, decision: 'accept' as const }),
    )
    expect(proposals.map((p) => p.original)).toEqual(['Zoë', 'José'])
    const slice = (text: string, x: { start: number; end: number }) =>
      sliceCodePoints(text, x.start, x.end)
    // An annotation on "run by Zoë 👍" and a case selection that starts inside "José".
    const zoe = spanOf(source.text, 'run by Zoë 👍')
    const jose = spanOf(source.text, 'osé at the CAB')
    const project = {
      ...s.project,
      memos: [
        {
          id: 'memo-range' as never,
          target: { kind: 'range' as const, sourceId: source.id, ...zoe },
          title: 'Who runs it',
          text: 'A volunteer.',
          coderId: s.coders.ann,
          createdAt: null,
        },
      ],
      cases: s.project.cases.map((c) =>
        c.id === s.cases.a ? { ...c, selections: [{ sourceId: source.id, ...jose }] } : c,
      ),
    }
    const before = project.segments
      .filter((g) => g.sourceId === source.id)
      .map((g) => slice(source.text, g))
    const done = unwrap(pseudonymiseSource(project, source.id, proposals))
    const after = done.project.sources[0]!
    expect(after.pseudonymisation).toBe('reviewed')
    expect(after.text).toContain('run by [PERSON 1] 👍.')
    expect(after.units.every((u) => u.end <= codePointLength(after.text))).toBe(true)
    expect(done.key.entries.map((e) => e.originals)).toEqual([['Zoë'], ['José']])
    // Each segment covers the same words, with the names replaced.
    expect(
      done.project.segments
        .filter((g) => g.sourceId === source.id)
        .map((g) => slice(after.text, g)),
    ).toEqual(before.map((t) => t.replace('Zoë', '[PERSON 1]').replace('José', '[PERSON 2]')))
    // The other source's coding is untouched.
    expect(done.project.segments.filter((g) => g.sourceId !== source.id)).toEqual(
      project.segments.filter((g) => g.sourceId !== source.id),
    )
    const memo = done.project.memos.find((m) => m.id === ('memo-range' as never))!
    expect(memo.target.kind === 'range' && slice(after.text, memo.target)).toBe(
      'run by [PERSON 1] 👍',
    )
    // A span starting inside a replaced name now starts at its placeholder.
    const selection = done.project.cases.find((c) => c.id === s.cases.a)!.selections[0]!
    expect(slice(after.text, selection)).toBe('[PERSON 2] at the CAB')
  })
})
