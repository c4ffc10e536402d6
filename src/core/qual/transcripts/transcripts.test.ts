import { describe, expect, it } from 'vitest'
import { isSpnetError } from '../../errors.js'
import { codePointIndex, codePointLength, sliceCodePoints } from '../text/code-points.js'
import { detectByteKind, detectTextFormat } from './detect-format.js'
import { parseCaptions } from './parse-captions.js'
import { parseTextTranscript } from './parse-text.js'
import { readTranscriptText } from './read-transcript.js'
import { declareUnits, sentenceSpans } from './split-units.js'
import type { Transcript } from './transcript.js'

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0))
const cut = (t: Transcript, r: { start: number; end: number }): string =>
  sliceCodePoints(t.text, r.start, r.end)

describe('code points', () => {
  it('count an emoji as one and convert both ways', () => {
    const text = 'Zoë 👍 José'
    expect(text.length).toBe(11)
    expect(codePointLength(text)).toBe(10)
    const idx = codePointIndex(text)
    expect(idx.toUtf16(5)).toBe(6)
    expect(idx.toCodePoint(6)).toBe(5)
    expect(idx.slice(4, 5)).toBe('👍')
    expect(idx.slice(6, 10)).toBe('José')
    expect(() => idx.toUtf16(11)).toThrow(RangeError)
  })
})

describe('plain-text transcripts', () => {
  const text = [
    'Interviewer: Thank you, Zoë. How did you find the food bank? 👍',
    '',
    'LW: Through Dr. Patel at the surgery. She knew José García there.',
    'It took weeks.',
    '',
    'Interviewer: And now?',
  ].join('\r\n')

  it('finds role labels, keeps code-point offsets and splits sentences', () => {
    const t = parseTextTranscript(text)
    expect(t.text).not.toContain('\r')
    expect(t.turns.map((x) => x.speaker)).toEqual(['Interviewer', 'LW', 'Interviewer'])
    expect(cut(t, { start: t.turns[0]!.start, end: t.turns[0]!.contentStart })).toBe(
      'Interviewer: ',
    )
    expect(cut(t, { start: t.turns[0]!.contentStart, end: t.turns[0]!.end })).toBe(
      'Thank you, Zoë. How did you find the food bank? 👍',
    )
    // The emoji shifts every later offset by one code point (two UTF-16 units).
    const second = t.turns[1]!
    expect(second.start).toBe(
      codePointLength('Interviewer: Thank you, Zoë. How did you find the food bank? 👍\n\n'),
    )
    const units = declareUnits(t)
    const sentences = units.filter((u) => u.kind === 'sentence').map((u) => cut(t, u))
    expect(sentences).toEqual([
      'Thank you, Zoë.',
      'How did you find the food bank? 👍',
      'Through Dr. Patel at the surgery.',
      'She knew José García there.',
      'It took weeks.',
      'And now?',
    ])
    expect(units.filter((u) => u.kind === 'turn').map((u) => u.id)).toEqual([
      'turn:0',
      'turn:1',
      'turn:2',
    ])
  })

  it('accepts a name label used at least twice, not a one-off "Note:"', () => {
    const t = parseTextTranscript(
      'Zoë: Hello.\nNote: this is part of it.\nJosé: Hi.\nZoë: Bye.\nJosé: Bye.',
    )
    expect(t.turns.map((x) => x.speaker)).toEqual(['Zoë', 'José', 'Zoë', 'José'])
    expect(cut(t, { start: t.turns[0]!.contentStart, end: t.turns[0]!.end })).toBe(
      'Hello.\nNote: this is part of it.',
    )
  })

  it('reads QualCoder-style [id1] labels and leading timestamps', () => {
    const t = parseTextTranscript(
      '[id1] hello.\n\n[id2] hi.\n\n[00:01:05] Interviewer: Next question.',
    )
    expect(t.turns.map((x) => x.speaker)).toEqual(['id1', 'id2', 'Interviewer'])
    expect(t.turns[2]!.startMs).toBe(65_000)
  })

  it('makes paragraphs the turns when nobody is labelled', () => {
    const t = parseTextTranscript('\n\nFirst para.\nStill first.\n\n\nSecond para.  \n')
    expect(t.turns.map((x) => cut(t, x))).toEqual(['First para.\nStill first.', 'Second para.'])
    expect(t.turns.every((x) => x.speaker === null && x.contentStart === x.start)).toBe(true)
  })
})

describe('sentenceSpans', () => {
  it('does not split after abbreviations, initials or before lower case', () => {
    const s = 'I saw Mrs. J. Smith at St. Anne’s, e.g. on Monday. Then... she left! Right?'
    expect(sentenceSpans(s, 0, s.length).map(([a, b]) => s.slice(a, b))).toEqual([
      'I saw Mrs. J. Smith at St. Anne’s, e.g. on Monday.',
      'Then... she left!',
      'Right?',
    ])
  })
})

describe('captions', () => {
  const vtt = [
    'WEBVTT',
    'Kind: captions',
    '',
    'NOTE recorded on Teams',
    '',
    'c1',
    '00:00:01.000 --> 00:00:04.500',
    '<v Zoë>Hello &amp; welcome 👍</v>',
    '',
    '00:00:04.500 --> 00:00:06.000 align:start',
    '<v Zoë>Shall we start?',
    '',
    '00:06.000 --> 00:09.250',
    '<v.loud José García>Yes.',
    'Thanks.',
  ].join('\n')

  it('reads WebVTT voices and timings, one turn per speaker run', () => {
    const r = parseCaptions(vtt, 'vtt', 'a.vtt')
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const t = r.value
    expect(t.text).toBe('Zoë: Hello & welcome 👍 Shall we start?\n\nJosé García: Yes. Thanks.')
    expect(t.turns.map((x) => [x.speaker, x.startMs, x.endMs])).toEqual([
      ['Zoë', 1000, 6000],
      ['José García', 6000, 9250],
    ])
    expect(t.cues.map((c) => [cut(t, c), c.startMs, c.cueId])).toEqual([
      ['Hello & welcome 👍', 1000, 'c1'],
      ['Shall we start?', 4500, null],
      ['Yes. Thanks.', 6000, null],
    ])
  })

  it('reads SRT with Name: prefixes', () => {
    const srt =
      '1\n00:00:01,000 --> 00:00:02,000\nInterviewer: How are you?\n\n2\n00:00:02,500 --> 00:00:04,000\nLW: Busy, very busy.\n'
    expect(detectTextFormat(srt)).toBe('srt')
    const r = parseCaptions(srt, 'srt', 'a.srt')
    expect(r.ok && r.value.text).toBe('Interviewer: How are you?\n\nLW: Busy, very busy.')
  })

  it('names the line and character of a broken timestamp', () => {
    const bad =
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nfine\n\n00:00:03.000 --> 00:00:0x.000\nbroken'
    const r = parseCaptions(bad, 'vtt', 'bad.vtt')
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(isSpnetError(r.error)).toBe(true)
    expect(r.error.code).toBe('validation')
    expect(r.error.issues[0]).toMatchObject({ file: 'bad.vtt', line: 6, char: 18 })
    expect(r.error.issues[0]!.fix).toBeDefined()
  })

  it('rejects a cue without timing and an end before its start', () => {
    const noTiming = parseCaptions(
      '1\n00:00:01,000 --> 00:00:02,000\nok\n\njust text\nmore',
      'srt',
      'x.srt',
    )
    expect(!noTiming.ok && noTiming.error.issues[0]!.line).toBe(5)
    const backwards = parseCaptions('WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nx', 'vtt', 'y.vtt')
    expect(!backwards.ok && backwards.error.issues[0]!.line).toBe(3)
  })
})

describe('format detection from content', () => {
  it('tells docx, binary, PDF and text apart whatever the name', () => {
    const docxLike = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...ascii('....word/document.xml')])
    expect(detectByteKind(docxLike, 'interview.txt')).toEqual({ ok: true, value: 'docx' })
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])
    expect(!detectByteKind(zip, 'a.docx').ok).toBe(true)
    const pdf = detectByteKind(ascii('%PDF-1.7'), 'a.txt')
    expect(!pdf.ok && pdf.error.code).toBe('unsupported')
    const bin = detectByteKind(new Uint8Array([65, 66, 0, 67]), 'a.txt')
    expect(!bin.ok && bin.error.code).toBe('validation')
    expect(detectByteKind(ascii('WEBVTT\n'), 'a.docx')).toEqual({ ok: true, value: 'text' })
    expect(detectTextFormat('\uFEFFWEBVTT\n\n')).toBe('vtt')
    expect(detectTextFormat('WEBVTTX')).toBe('text')
    expect(detectTextFormat('1\n00:00:01,000 --> 00:00:02,000\nhi')).toBe('srt')
    expect(detectTextFormat('1 The food bank.\n2 The GP.')).toBe('text')
  })
})

describe('readTranscriptText', () => {
  it('refuses an empty transcript, naming the file', () => {
    for (const text of ['', '\uFEFF', ' \n\r\n\t\n']) {
      const r = readTranscriptText(text, 'LW24.txt')
      expect(!r.ok && r.error.code).toBe('validation')
      expect(!r.ok && r.error.issues[0]?.file).toBe('LW24.txt')
    }
    expect(readTranscriptText('LW: Hello.', 'LW24.txt').ok).toBe(true)
  })
})
