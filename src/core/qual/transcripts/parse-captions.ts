import { SpnetError, type Issue } from '../../errors.js'
import { err, ok, type Result } from '../../result.js'
import { codePointLength } from '../text/code-points.js'
import { normaliseText } from './parse-text.js'
import { isKnownRole, matchLabel } from './speaker-label.js'
import type { Cue, Transcript, Turn } from './transcript.js'

type RawCue = {
  cueId: string | null
  startMs: number
  endMs: number
  speaker: string | null
  text: string
}

const timePattern = /^(?:(\d+):)?([0-5]\d):([0-5]\d)[.,](\d{3})$/

function parseTime(value: string): number | null {
  const m = timePattern.exec(value)
  if (m === null) return null
  return ((Number(m[1] ?? 0) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + Number(m[4])
}

const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  nbsp: '\u00a0',
  lrm: '\u200e',
  rlm: '\u200f',
  quot: '"',
  apos: "'",
}

/** Cue payload → plain text and the `<v Name>` voice, if any. */
function payloadText(lines: readonly string[]): { text: string; voice: string | null } {
  let voice: string | null = null
  const joined = lines.join(' ')
  const voiceMatch = /<v(?:\.[^\s>]+)*[ \t]+([^>]+)>/.exec(joined)
  if (voiceMatch !== null) voice = voiceMatch[1]!.trim()
  const text = joined
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|nbsp|lrm|rlm|quot|apos);/g, (_, name: string) => entities[name]!)
    .replace(/[ \t]+/g, ' ')
    .trim()
  return { text, voice }
}

function fail(file: string, issue: Omit<Issue, 'file'>): Result<never> {
  return err(
    new SpnetError('validation', `${file} is not a valid caption file: ${issue.message}`, {
      issues: [{ file, ...issue }],
    }),
  )
}

/**
 * Reads WebVTT or SRT captions: cue timings are kept, `<v Name>` voice tags
 * and `Name:` prefixes give the speaker, consecutive cues of one speaker
 * make one turn. The transcript text has one paragraph per turn,
 * `Speaker: words`, so that it reads (and exports) like a typed transcript.
 * A broken timing line or a cue with no timing is an error naming its line
 * and character; nothing is returned half-read.
 */
export function parseCaptions(
  input: string,
  format: 'vtt' | 'srt',
  file: string,
): Result<Transcript> {
  const text = normaliseText(input)
  const lines = text.split('\n')
  const cues: RawCue[] = []
  let i = 0
  if (format === 'vtt') {
    if (!/^WEBVTT(?:[ \t]|$)/.test(lines[0] ?? '')) {
      return fail(file, {
        line: 1,
        char: 1,
        message: 'the first line must be WEBVTT.',
        fix: 'Check that this is a WebVTT (.vtt) file.',
      })
    }
    // The header runs to the first blank line (Kind:, Language:, …).
    while (i < lines.length && lines[i]!.trim() !== '') i++
  }
  while (i < lines.length) {
    while (i < lines.length && lines[i]!.trim() === '') i++
    if (i >= lines.length) break
    const blockStart = i
    const block: string[] = []
    while (i < lines.length && lines[i]!.trim() !== '') block.push(lines[i++]!)
    const first = block[0]!
    if (format === 'vtt' && /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(first)) continue
    const timingAt = block.findIndex((l) => l.includes('-->'))
    if (timingAt === -1 || timingAt > 1) {
      return fail(file, {
        line: blockStart + 1,
        char: 1,
        message: `the cue starting on line ${blockStart + 1} has no timing line (start --> end).`,
        fix: 'Each cue needs a line such as 00:01:02.500 --> 00:01:05.000 (SRT: 00:01:02,500).',
      })
    }
    if (format === 'srt' && timingAt === 1 && !/^\s*\d+\s*$/.test(first)) {
      return fail(file, {
        line: blockStart + 1,
        char: 1,
        message: `line ${blockStart + 1} should be the cue number.`,
        fix: 'SRT cues are: a number, a timing line, then the text.',
      })
    }
    const timing = block[timingAt]!
    const lineNo = blockStart + timingAt + 1
    const m = /^(\s*)(\S+)(\s+-->\s+)(\S+)/.exec(timing)
    if (m === null) {
      return fail(file, {
        line: lineNo,
        char: timing.indexOf('-->') + 1,
        message: `the timing line "${timing}" is not "start --> end".`,
        fix: 'Write timings as 00:01:02.500 --> 00:01:05.000.',
      })
    }
    const startMs = parseTime(m[2]!)
    const endMs = parseTime(m[4]!)
    if (startMs === null || endMs === null) {
      const bad = startMs === null ? m[2]! : m[4]!
      const char =
        startMs === null ? m[1]!.length + 1 : m[1]!.length + m[2]!.length + m[3]!.length + 1
      return fail(file, {
        line: lineNo,
        char,
        message: `"${bad}" is not a timestamp.`,
        fix:
          format === 'srt'
            ? 'Use hh:mm:ss,mmm, e.g. 00:01:02,500.'
            : 'Use hh:mm:ss.mmm or mm:ss.mmm, e.g. 00:01:02.500.',
      })
    }
    if (endMs < startMs) {
      return fail(file, {
        line: lineNo,
        char: m[1]!.length + m[2]!.length + m[3]!.length + 1,
        message: `the cue ends (${m[4]}) before it starts (${m[2]}).`,
        fix: 'Correct the end time of this cue.',
      })
    }
    const cueId = timingAt === 1 ? first.trim() : null
    const payload = payloadText(block.slice(timingAt + 1))
    if (payload.text === '') continue
    cues.push({ cueId, startMs, endMs, speaker: payload.voice, text: payload.text })
  }

  // `Name:` prefixes inside cues, accepted as in plain text (a role, or used twice).
  const uses = new Map<string, number>()
  const labels = cues.map((c) => (c.speaker === null ? matchLabel(c.text) : null))
  for (const l of labels) if (l !== null) uses.set(l.speaker, (uses.get(l.speaker) ?? 0) + 1)
  cues.forEach((c, k) => {
    const l = labels[k]
    if (
      l !== null &&
      l !== undefined &&
      (l.bracketed || isKnownRole(l.speaker) || (uses.get(l.speaker) ?? 0) >= 2)
    ) {
      c.speaker = l.speaker
      c.text = c.text.slice(l.length).trim()
    }
  })

  let out = ''
  let cp = 0
  const turns: Turn[] = []
  const placed: Cue[] = []
  type Draft = { start: number; contentStart: number; speaker: string | null; startMs: number }
  let current = null as Draft | null
  let lastEndMs = 0
  const closeTurn = (): void => {
    if (current !== null) {
      turns.push({ ...current, end: cp, endMs: lastEndMs })
      out += '\n\n'
      cp += 2
    }
  }
  for (const c of cues) {
    // A cue without a speaker continues the current turn.
    const speaker: string | null = c.speaker ?? current?.speaker ?? null
    if (current === null || speaker !== current.speaker) {
      closeTurn()
      const label: string = speaker === null ? '' : `${speaker}: `
      current = {
        start: cp,
        contentStart: cp + codePointLength(label),
        speaker,
        startMs: c.startMs,
      }
      out += label
      cp += codePointLength(label)
    } else {
      out += ' '
      cp += 1
    }
    const len = codePointLength(c.text)
    placed.push({ start: cp, end: cp + len, startMs: c.startMs, endMs: c.endMs, cueId: c.cueId })
    out += c.text
    cp += len
    lastEndMs = c.endMs
  }
  if (current !== null) turns.push({ ...current, end: cp, endMs: lastEndMs })
  return ok({ text: out, format, turns, cues: placed })
}
