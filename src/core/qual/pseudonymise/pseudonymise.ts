import { SpnetError } from '../../errors.js'
import { err, ok, type Result } from '../../result.js'
import type { AlterId } from '../../network/ids.js'
import type { SourceId } from '../ids.js'
import type { QualProject } from '../project.js'
import { codePointIndex, codePointLength } from '../text/code-points.js'
import { declareUnits } from '../transcripts/split-units.js'
import type { Transcript } from '../transcripts/transcript.js'
import { foldName, type NameKind, type NameMatch, type NameOrigin } from './find-names.js'

/**
 * The pseudonymisation key: which placeholder stands for which original
 * names. It is kept apart from the transcripts (the store shows it to admins
 * only) and passed back in so that placeholders stay the same across a
 * case's transcripts and re-runs.
 */
export type PseudonymKey = {
  readonly entries: readonly {
    readonly placeholder: string
    readonly kind: NameKind
    readonly alterId: AlterId | null
    /** Folded canonical name the placeholder stands for. */
    readonly name: string
    /** Every spelling replaced by it, as written in the transcripts. */
    readonly originals: readonly string[]
  }[]
}

export const emptyKey: PseudonymKey = { entries: [] }

export type Decision = 'pending' | 'accept' | 'reject'

/** A proposed replacement, for the researcher to accept, reject or re-label. */
export type Proposal = {
  readonly id: string
  readonly start: number
  readonly end: number
  readonly original: string
  readonly placeholder: string
  readonly kind: NameKind
  readonly origin: NameOrigin
  readonly alterId: AlterId | null
  readonly decision: Decision
}

/**
 * Proposes a stable placeholder for each name found: the same name (folded,
 * by its canonical full form) always gets the same placeholder, from the key
 * when it is already there, else the next free number: `[PERSON 1]`,
 * `[ORG 3]`, or `[ALTER A03]` for the case's own alters.
 */
export function proposeReplacements(
  matches: readonly NameMatch[],
  key: PseudonymKey = emptyKey,
): Proposal[] {
  const byName = new Map(
    key.entries.map((e) => [`${e.kind}:${e.alterId ?? e.name}`, e.placeholder]),
  )
  const used = new Set(key.entries.map((e) => e.placeholder))
  const next = (kind: NameKind): string => {
    const word = kind === 'org' ? 'ORG' : 'PERSON'
    for (let n = 1; ; n++) {
      const p = `[${word} ${n}]`
      if (!used.has(p)) return p
    }
  }
  return matches.map((m, i) => {
    const k = `${m.kind}:${m.alterId ?? foldName(m.canonical)}`
    let placeholder = byName.get(k)
    if (placeholder === undefined) {
      placeholder = m.alterId !== null ? `[ALTER ${m.alterLabel ?? m.alterId}]` : next(m.kind)
      byName.set(k, placeholder)
      used.add(placeholder)
    }
    return {
      id: `p${i + 1}`,
      start: m.start,
      end: m.end,
      original: m.text,
      placeholder,
      kind: m.kind,
      origin: m.origin,
      alterId: m.alterId,
      decision: 'pending' as const,
    }
  })
}

/** Records decisions (and edited placeholders) on proposals, by id. */
export function decide(
  proposals: readonly Proposal[],
  decisions: Readonly<Record<string, Decision | { readonly placeholder: string }>>,
): Proposal[] {
  return proposals.map((p) => {
    const d = decisions[p.id]
    if (d === undefined) return p
    return typeof d === 'string'
      ? { ...p, decision: d }
      : { ...p, decision: 'accept', placeholder: d.placeholder }
  })
}

export type Pseudonymised = {
  readonly transcript: Transcript
  /** The key with this transcript's accepted replacements added. */
  readonly key: PseudonymKey
  readonly replaced: number
  /**
   * Where an offset of the old text is in the new one: moved by the growth of
   * every replacement before it; inside a replaced name it snaps to the
   * placeholder's start or end, so a span never loses the name it covered.
   */
  readonly move: (pos: number, side: 'start' | 'end') => number
}

/**
 * Applies the accepted replacements to a transcript and moves its turns and
 * cues to the new offsets. Refused while any proposal is still pending (the
 * researcher reviews every one) or when proposals overlap.
 */
export function applyReplacements(
  transcript: Transcript,
  proposals: readonly Proposal[],
  key: PseudonymKey = emptyKey,
): Result<Pseudonymised> {
  const pending = proposals.filter((p) => p.decision === 'pending')
  if (pending.length > 0) {
    return err(
      new SpnetError(
        'validation',
        `${pending.length} proposed replacement${pending.length === 1 ? ' is' : 's are'} not reviewed.`,
        {
          issues: pending.slice(0, 50).map((p) => ({
            path: p.id,
            message: `“${p.original}” → ${p.placeholder} is pending.`,
            fix: 'Accept or reject it.',
          })),
        },
      ),
    )
  }
  const accepted = proposals
    .filter((p) => p.decision === 'accept')
    .sort((a, b) => a.start - b.start)
  const index = codePointIndex(transcript.text)
  for (let i = 0; i < accepted.length; i++) {
    const p = accepted[i]!
    if (!(p.start < p.end && p.end <= index.length) || index.slice(p.start, p.end) !== p.original) {
      return err(
        new SpnetError('conflict', `Replacement ${p.id} no longer matches the text.`, {
          issues: [{ path: p.id, message: `Expected “${p.original}” at ${p.start}–${p.end}.` }],
        }),
      )
    }
    if (i > 0 && accepted[i - 1]!.end > p.start) {
      return err(
        new SpnetError('conflict', `Replacements ${accepted[i - 1]!.id} and ${p.id} overlap.`, {
          issues: [{ path: p.id, message: 'Reject one of the two.' }],
        }),
      )
    }
  }
  let out = ''
  let last = 0
  const shifts: { start: number; end: number; delta: number }[] = []
  let delta = 0
  for (const p of accepted) {
    out += index.slice(last, p.start) + p.placeholder
    last = p.end
    const length = codePointLength(p.placeholder)
    shifts.push({ start: p.start, end: p.end, delta: delta + length - (p.end - p.start) })
    delta += length - (p.end - p.start)
  }
  out += index.slice(last, index.length)
  // A position moves by the growth of every replacement before it; inside one it snaps to its edge.
  const move = (pos: number, side: 'start' | 'end'): number => {
    let d = 0
    for (const s of shifts) {
      if (pos >= s.end) d = s.delta
      else if (pos > s.start) return side === 'start' ? s.start + d : s.end + s.delta
      else break
    }
    return pos + d
  }
  const turns = transcript.turns.map((t) => ({
    ...t,
    start: move(t.start, 'start'),
    contentStart: move(t.contentStart, 'start'),
    end: move(t.end, 'end'),
  }))
  const cues = transcript.cues.map((c) => ({
    ...c,
    start: move(c.start, 'start'),
    end: move(c.end, 'end'),
  }))

  const entries = key.entries.map((e) => ({ ...e, originals: [...e.originals] }))
  for (const p of accepted) {
    let e = entries.find((x) => x.placeholder === p.placeholder)
    if (e === undefined) {
      e = {
        placeholder: p.placeholder,
        kind: p.kind,
        alterId: p.alterId,
        name: foldName(p.original),
        originals: [],
      }
      entries.push(e)
    }
    if (!e.originals.includes(p.original)) e.originals.push(p.original)
  }
  return ok({
    transcript: { ...transcript, text: out, turns, cues },
    key: { entries },
    replaced: accepted.length,
    move,
  })
}

/**
 * Pseudonymises a source already in the project and marks it reviewed. A
 * source coded already (a REFI-QDA project from another tool, say) keeps its
 * coding: every segment, annotation and case selection on it moves with the
 * text, and one that covered a replaced name covers its placeholder.
 */
export function pseudonymiseSource(
  project: QualProject,
  sourceId: SourceId,
  proposals: readonly Proposal[],
  key: PseudonymKey = emptyKey,
): Result<{ project: QualProject; key: PseudonymKey }> {
  const source = project.sources.find((s) => s.id === sourceId)
  if (source === undefined)
    return err(new SpnetError('not_found', `There is no source ${sourceId}.`))
  const applied = applyReplacements(
    { text: source.text, format: source.format, turns: source.turns, cues: source.cues },
    proposals,
    key,
  )
  if (!applied.ok) return applied
  const { transcript: t, move } = applied.value
  const span = <T extends { readonly start: number; readonly end: number }>(x: T): T => ({
    ...x,
    start: move(x.start, 'start'),
    end: move(x.end, 'end'),
  })
  return ok({
    project: {
      ...project,
      sources: project.sources.map((s) =>
        s.id === sourceId
          ? {
              ...s,
              text: t.text,
              turns: t.turns,
              cues: t.cues,
              units: declareUnits(t),
              pseudonymisation: 'reviewed' as const,
            }
          : s,
      ),
      segments: project.segments.map((s) => (s.sourceId === sourceId ? span(s) : s)),
      memos: project.memos.map((m) =>
        m.target.kind === 'range' && m.target.sourceId === sourceId
          ? { ...m, target: span(m.target) }
          : m,
      ),
      cases: project.cases.map((c) =>
        c.selections.some((x) => x.sourceId === sourceId)
          ? {
              ...c,
              selections: c.selections.map((x) => (x.sourceId === sourceId ? span(x) : x)),
            }
          : c,
      ),
    },
    key: applied.value.key,
  })
}
