import { codePointIndex } from '../text/code-points.js'
import { isKnownRole, matchLabel, type LabelMatch } from './speaker-label.js'
import type { Transcript, TranscriptFormat, Turn } from './transcript.js'

/** LF line breaks and no byte-order mark: the form spnet stores and offsets count in. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
}

type RawTurn = {
  start: number
  contentStart: number
  speaker: string | null
  startMs: number | null
}

/**
 * Splits a plain-text transcript into speaker turns. A turn starts at a line
 * with a speaker label (speaker-label.ts) and runs to the next one; text
 * before the first label is a turn without a speaker. With no labels at all,
 * each paragraph (blank-line separated) is a turn. Turn ends exclude trailing
 * white space. All offsets are code points.
 */
export function parseTextTranscript(input: string, format: TranscriptFormat = 'text'): Transcript {
  const text = normaliseText(input)
  const lines: { start: number; text: string }[] = []
  let pos = 0
  for (const line of text.split('\n')) {
    lines.push({ start: pos, text: line })
    pos += line.length + 1
  }
  const candidates = lines.map((l) => matchLabel(l.text))
  const uses = new Map<string, number>()
  for (const c of candidates) if (c !== null) uses.set(c.speaker, (uses.get(c.speaker) ?? 0) + 1)
  const accepted = (label: LabelMatch): boolean =>
    label.bracketed || isKnownRole(label.speaker) || (uses.get(label.speaker) ?? 0) >= 2

  const raw: RawTurn[] = []
  lines.forEach((line, i) => {
    const label = candidates[i]
    if (label !== null && label !== undefined && accepted(label)) {
      raw.push({
        start: line.start,
        contentStart: line.start + label.length,
        speaker: label.speaker,
        startMs: label.startMs,
      })
    }
  })

  const index = codePointIndex(text)
  const turns: Turn[] = []
  const push = (
    start: number,
    contentStart: number,
    end: number,
    speaker: string | null,
    startMs: number | null,
  ): void => {
    let e = end
    while (e > contentStart && /\s/.test(text[e - 1]!)) e--
    let s = start
    // A turn without a label starts at its first non-blank character.
    if (speaker === null) while (s < e && /\s/.test(text[s]!)) s++
    const c = speaker === null ? s : contentStart
    if (e <= c && speaker === null) return
    turns.push({
      start: index.toCodePoint(s),
      contentStart: index.toCodePoint(c),
      end: index.toCodePoint(Math.max(e, c)),
      speaker,
      startMs,
      endMs: null,
    })
  }

  if (raw.length === 0) {
    // No speakers: paragraphs are the turns.
    const re = /\n[ \t]*\n/g
    let start = 0
    let m: RegExpExecArray | null
    while ((m = re.exec(text)) !== null) {
      push(start, start, m.index, null, null)
      start = m.index + m[0].length
    }
    push(start, start, text.length, null, null)
  } else {
    push(0, 0, raw[0]!.start, null, null)
    raw.forEach((t, i) => {
      const end = i + 1 < raw.length ? raw[i + 1]!.start : text.length
      push(t.start, t.contentStart, end, t.speaker, t.startMs)
    })
  }
  return { text, format, turns, cues: [] }
}
