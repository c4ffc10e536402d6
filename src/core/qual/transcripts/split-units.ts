import { codePointIndex } from '../text/code-points.js'
import type { Transcript, Unit } from './transcript.js'

/**
 * Abbreviations after which a full stop does not end a sentence (British
 * usage mostly drops the stop after Dr/Mr/Mrs, but transcripts vary).
 */
const abbreviations = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'mx',
  'prof',
  'st',
  'rev',
  'sr',
  'jr',
  'cllr',
  'hon',
  'e.g',
  'i.e',
  'etc',
  'vs',
  'approx',
  'no',
  'nos',
  'dept',
  'tel',
  'ref',
  'cf',
  'al',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
])

/**
 * Sentence spans [start, end) in UTF-16 indices of `text` within [from, to).
 * A sentence ends at . ! ? or … (with any closing quotes or brackets) before
 * white space, unless the word before the stop is a known abbreviation or a
 * single capital letter (an initial), or the next word starts in lower case;
 * a blank line always ends one. Surrounding white space is excluded.
 */
export function sentenceSpans(text: string, from: number, to: number): [number, number][] {
  const spans: [number, number][] = []
  let start = from
  const flush = (end: number): void => {
    let s = start
    let e = end
    while (s < e && /\s/.test(text[s]!)) s++
    while (e > s && /\s/.test(text[e - 1]!)) e--
    if (e > s) spans.push([s, e])
  }
  const re = /([.!?…]+)(["'”’)\]]*)(\s+)|\n[ \t]*\n\s*/g
  re.lastIndex = from
  let m: RegExpExecArray | null
  while ((m = re.exec(text)) !== null && m.index < to) {
    const after = m.index + m[0].length
    if (m[1] === undefined) {
      flush(m.index)
      start = after
      continue
    }
    if (m[1] === '.') {
      const before = text.slice(start, m.index)
      const word = /([\p{L}.]+)$/u.exec(before)?.[1] ?? ''
      if (abbreviations.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word)) continue
    }
    const next = text[after]
    // A lower-case word or a symbol (an emoji after "?") continues the sentence.
    if (next !== undefined && !/[\p{Lu}\p{Lt}\p{N}"'“‘([]/u.test(next)) continue
    const end = Math.min(m.index + m[1].length + m[2]!.length, to)
    flush(end)
    start = end
  }
  flush(to)
  return spans
}

/**
 * The declared units of a transcript: each speaker turn's spoken text
 * (without its label) and each sentence within it, in text order, with ids
 * `turn:N` and `sentence:N` (0-based). Offsets are code points.
 */
export function declareUnits(transcript: Transcript): Unit[] {
  const index = codePointIndex(transcript.text)
  const turnUnits: Unit[] = []
  const sentenceUnits: Unit[] = []
  transcript.turns.forEach((turn, t) => {
    if (turn.end <= turn.contentStart) return
    turnUnits.push({ id: `turn:${t}`, kind: 'turn', start: turn.contentStart, end: turn.end })
    for (const [s, e] of sentenceSpans(
      transcript.text,
      index.toUtf16(turn.contentStart),
      index.toUtf16(turn.end),
    )) {
      sentenceUnits.push({
        id: `sentence:${sentenceUnits.length}`,
        kind: 'sentence',
        start: index.toCodePoint(s),
        end: index.toCodePoint(e),
      })
    }
  })
  return [...turnUnits, ...sentenceUnits]
}
