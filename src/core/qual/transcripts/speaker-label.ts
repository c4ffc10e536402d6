/**
 * Speaker labels at the start of a line: `Zoë: …`, `Interviewer: …`, `LW: …`,
 * `Dr. Amir Khan: …`, `admin-1: …`, `[id1] …`, optionally after a timestamp
 * (`[00:01:23] Interviewer: …`). A `Name:` label counts when it is a known
 * role, or when the same label starts at least two lines of the transcript,
 * so that a sentence such as "Note: the food bank…" is not a speaker.
 */

export type LabelMatch = {
  /** UTF-16 length of the label including the colon and following spaces. */
  readonly length: number
  readonly speaker: string
  /** Start time from a leading timestamp, in ms. */
  readonly startMs: number | null
  /** `[id1]`-style labels are deliberate markers and always count. */
  readonly bracketed: boolean
}

const timestamp = String.raw`(?:\[?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\]?[ \t]+)?`
const nameToken = String.raw`[\p{L}\p{N}][\p{L}\p{N}'’._-]*`
const colonLabel = new RegExp(
  String.raw`^${timestamp}(${nameToken}(?:[ \t]+${nameToken}){0,3})[ \t]*:(?:[ \t]+|$)`,
  'u',
)
const bracketLabel = new RegExp(
  String.raw`^${timestamp}\[(${nameToken}(?:[ \t]+${nameToken}){0,2})\](?:[ \t]+|$)`,
  'u',
)

/** Role labels accepted even when used once. */
const knownRoles = new Set([
  'interviewer',
  'interviewee',
  'respondent',
  'participant',
  'facilitator',
  'moderator',
  'researcher',
  'lw',
  'link worker',
  'q',
  'a',
  'i',
  'r',
  'p',
])

const timeMs = (
  h: string | undefined,
  m: string | undefined,
  s: string | undefined,
): number | null => {
  if (m === undefined) return null
  // "12:34" is mm:ss; "1:02:03" is h:mm:ss.
  if (s === undefined) return (Number(h) * 60 + Number(m)) * 1000
  return ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000
}

/** A label at the start of `line`, or null. */
export function matchLabel(line: string): LabelMatch | null {
  const colon = colonLabel.exec(line)
  const m = colon ?? bracketLabel.exec(line)
  if (m === null) return null
  const speaker = m[4]!.trim()
  // A clock time such as "10:30" is not a speaker.
  if (/^\d+$/.test(speaker)) return null
  return {
    length: m[0].length,
    speaker,
    startMs: timeMs(m[1], m[2], m[3]),
    bracketed: colon === null,
  }
}

export function isKnownRole(speaker: string): boolean {
  const s = speaker.toLowerCase()
  return knownRoles.has(s) || /^(?:p|lw|r|i)\d{1,3}$/.test(s)
}
