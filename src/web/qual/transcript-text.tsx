import type { CSSProperties, ReactElement, Ref } from 'react'
import type { Source } from '../../core/qual/project.js'
import { tint } from './qual-data.js'

/**
 * A transcript as the researcher reads it: one paragraph per speaker turn
 * (the speaker's label in bold, a caption file's time beside it), with
 * highlighted spans. The text is drawn as leaf spans that each hold one text
 * node and say where they start (`data-cp`, in code points), so a selection
 * made with the mouse can be turned back into offsets of the transcript
 * (selection-offsets.ts).
 */

export type Mark = {
  readonly start: number
  readonly end: number
  /** mine: my coding; other: another coder's; pending: the selection to code; proposal: a name. */
  readonly kind: 'mine' | 'other' | 'pending' | 'proposal'
  readonly color?: string | null
  /** For proposals: its number in the list, and whether it is accepted, rejected or pending. */
  readonly n?: number
  readonly decision?: string
}

type Block = {
  readonly start: number
  readonly contentStart: number
  readonly end: number
  readonly startMs: number | null
}

/** The paragraphs of a transcript: its turns, and any text between them line by line. */
export function transcriptBlocks(source: Source, chars: readonly string[]): Block[] {
  const out: Block[] = []
  const lines = (from: number, to: number) => {
    let s = from
    for (let i = from; i <= to; i++) {
      if (i === to || chars[i] === '\n') {
        if (chars.slice(s, i).some((c) => c.trim() !== ''))
          out.push({ start: s, contentStart: s, end: i, startMs: null })
        s = i + 1
      }
    }
  }
  const turns = [...source.turns].sort((a, b) => a.start - b.start)
  let pos = 0
  for (const t of turns) {
    if (t.start < pos) continue
    lines(pos, t.start)
    out.push({ start: t.start, contentStart: t.contentStart, end: t.end, startMs: t.startMs })
    pos = t.end
  }
  lines(pos, chars.length)
  return out
}

export function formatTime(ms: number): string {
  const s = Math.floor(ms / 1000)
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const sec = String(s % 60).padStart(2, '0')
  return h > 0 ? `${String(h)}:${String(m).padStart(2, '0')}:${sec}` : `${String(m)}:${sec}`
}

function leafStyle(marks: readonly Mark[]): { className: string; style?: CSSProperties } {
  const classes = ['leaf']
  const mine = marks.filter((m) => m.kind === 'mine')
  const proposal = marks.find((m) => m.kind === 'proposal')
  if (marks.some((m) => m.kind === 'pending')) classes.push('hl-pending')
  if (marks.some((m) => m.kind === 'other')) classes.push('hl-other')
  if (proposal !== undefined) classes.push('proposal', `proposal-${proposal.decision ?? 'pending'}`)
  if (mine.length > 0) {
    classes.push('hl-mine')
    if (mine.length > 1) classes.push('hl-overlap')
    const color = mine[0]!.color ?? null
    return {
      className: classes.join(' '),
      style: { background: tint(color), borderBottomColor: color ?? '#4a4f54' },
    }
  }
  return { className: classes.join(' ') }
}

export function TranscriptText({
  source,
  marks,
  rootRef,
  labelledBy,
  onCapture,
}: {
  readonly source: Source
  readonly marks: readonly Mark[]
  readonly rootRef?: Ref<HTMLDivElement>
  readonly labelledBy: string
  /** Called when a selection may have been made (mouse, touch or keyboard). */
  readonly onCapture?: () => void
}) {
  const chars = Array.from(source.text)
  const blocks = transcriptBlocks(source, chars)
  return (
    <div
      className="transcript"
      ref={rootRef}
      aria-labelledby={labelledBy}
      role="region"
      onMouseUp={onCapture}
      onTouchEnd={onCapture}
      onKeyUp={onCapture}
    >
      {blocks.map((b) => {
        const cuts = new Set<number>([b.start, b.end])
        if (b.contentStart > b.start && b.contentStart < b.end) cuts.add(b.contentStart)
        for (const m of marks) {
          if (m.start > b.start && m.start < b.end) cuts.add(m.start)
          if (m.end > b.start && m.end < b.end) cuts.add(m.end)
        }
        const points = [...cuts].sort((x, y) => x - y)
        const label: ReactElement[] = []
        const content: ReactElement[] = []
        for (let i = 0; i + 1 < points.length; i++) {
          const from = points[i]!
          const to = points[i + 1]!
          const over = marks.filter((m) => m.start < to && m.end > from)
          const { className, style } = leafStyle(over)
          const n = over.find((m) => m.kind === 'proposal' && m.start === from)?.n
          const leaf = (
            <span
              key={from}
              data-cp={from}
              className={className}
              style={style}
              data-n={n === undefined ? undefined : String(n)}
            >
              {chars.slice(from, to).join('')}
            </span>
          )
          ;(from < b.contentStart ? label : content).push(leaf)
        }
        return (
          <p key={b.start} className="turn">
            {b.startMs !== null && (
              <span className="turn-time">
                <span className="visually-hidden">At </span>
                {formatTime(b.startMs)}{' '}
              </span>
            )}
            {label.length > 0 && <strong className="speaker">{label}</strong>}
            {content}
          </p>
        )
      })}
    </div>
  )
}
