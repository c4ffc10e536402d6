import { useState, type KeyboardEvent } from 'react'
import { pairKey, type InterviewAlter } from '../../core/interview/interview-state.js'
import { circleLayout, shortLabel } from '../components/graph-layout.js'
import { useInterview } from './interview-context.js'
import type { Pair } from './tie-census-stage.js'

// Nodes stay at least 24 CSS px across on a 360 px phone (WCAG 2.2 target size): the
// circle grows with the number of contacts so they never overlap, and the drawing is only
// as wide as the circle and its labels, so it is drawn as large as the screen allows.
const NODE = 25
const GAP = 8
const LABEL_CHARS = 12
const LABEL_WIDTH = 128 // LABEL_CHARS at the labels' 17px, in drawing units, with room to spare
const LABEL_HEIGHT = 26

function mapSize(n: number): { radius: number; width: number; height: number } {
  const spacing = 2 * NODE + GAP
  const radius = Math.max(110, n < 2 ? 0 : spacing / (2 * Math.sin(Math.PI / n)))
  const reach = radius + NODE + 8
  return {
    radius,
    width: Math.ceil(2 * (reach + LABEL_WIDTH)),
    height: Math.ceil(2 * (reach + LABEL_HEIGHT)),
  }
}

/**
 * The same question as a drawing: choose one contact, then another, to draw
 * a line between them (choosing the pair again removes it). Contacts are
 * buttons, so Tab, Enter and Space work as well as taps. Pairs without a line
 * stay unanswered until the participant says the rest are "no".
 */
export function CensusMap({
  alters,
  pairs,
  names,
}: {
  readonly alters: readonly InterviewAlter[]
  readonly pairs: readonly Pair[]
  readonly names: readonly string[]
}) {
  const { change, store } = useInterview()
  const [selected, setSelected] = useState<number | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const [confirmRest, setConfirmRest] = useState(false)
  const { radius, width, height } = mapSize(alters.length)
  const points = circleLayout(alters.length, width / 2, height / 2, radius)
  const index = new Map(alters.map((a, i) => [a.id, i]))
  const byKey = new Map(pairs.map((p) => [p.key, p]))
  const drawn = pairs.filter((p) => p.state === 'yes' || p.state === 'dont_know')
  const yes = pairs.filter((p) => p.state === 'yes')
  const open = pairs.filter((p) => p.state === undefined)
  const lines = (i: number) =>
    yes.filter((p) => p.a.id === alters[i]!.id || p.b.id === alters[i]!.id).length

  const choose = (i: number) => {
    if (selected === null) {
      setSelected(i)
      setAnnouncement(`${names[i]!} chosen. Now choose who they work with, or press Escape.`)
      return
    }
    if (selected === i) {
      setSelected(null)
      setAnnouncement(`${names[i]!} no longer chosen.`)
      return
    }
    const a = alters[selected]!
    const b = alters[i]!
    const current = byKey.get(pairKey(a.id, b.id))?.state
    const refused = change({
      kind: 'tie',
      a: a.id,
      b: b.id,
      state: current === 'yes' ? null : 'yes',
    })
    setSelected(null)
    setAnnouncement(
      refused ??
        (current === 'yes'
          ? `Line between ${names[selected]!} and ${names[i]!} removed.`
          : `Line drawn: ${names[selected]!} and ${names[i]!} work together.`),
    )
  }

  const keyDown = (e: KeyboardEvent, i: number) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault()
      choose(i)
    } else if (e.key === 'Escape' && selected !== null) {
      setSelected(null)
      setAnnouncement('Nothing chosen.')
    }
  }

  const markRestNo = () => {
    store.changes(open.map((p) => ({ kind: 'tie', a: p.a.id, b: p.b.id, state: 'no' })))
    setConfirmRest(false)
    setAnnouncement(`${open.length} pairs marked as not working together.`)
  }

  return (
    <div className="census-map">
      <p className="hint">
        Choose a contact, then another who works with them, to draw a line. Choose the same two
        again to remove it.
      </p>
      <p className="map-status" role="status">
        {announcement === '' && selected === null ? 'Nothing chosen.' : announcement}
      </p>
      <svg
        viewBox={`0 0 ${String(width)} ${String(height)}`}
        className="sociogram"
        role="group"
        aria-label="Map of your contacts. Each contact is a button."
      >
        {drawn.map((p) => {
          const from = points[index.get(p.a.id)!]!
          const to = points[index.get(p.b.id)!]!
          return (
            <line
              key={p.key}
              x1={from.x}
              y1={from.y}
              x2={to.x}
              y2={to.y}
              className={p.state === 'yes' ? 'tie tie-yes' : 'tie tie-unknown'}
            />
          )
        })}
        {alters.map((a, i) => {
          const p = points[i]!
          const angle = Math.atan2(p.y - height / 2, p.x - width / 2)
          const lx = p.x + Math.cos(angle) * (NODE + 8)
          const ly = p.y + Math.sin(angle) * (NODE + 8)
          const anchor =
            Math.abs(Math.cos(angle)) < 0.3 ? 'middle' : Math.cos(angle) > 0 ? 'start' : 'end'
          const isSelected = selected === i
          const count = lines(i)
          // The button shows only its number, so its name starts with that number (WCAG 2.5.3,
          // label in name); the shortened name beside it is a convenience for pointers, and the
          // full names are in the button's name and the numbered list below.
          return (
            <g key={a.id}>
              <g
                className={isSelected ? 'node node-selected' : 'node'}
                role="button"
                tabIndex={0}
                aria-pressed={isSelected}
                aria-label={`${String(i + 1)}. ${names[i]!}, ${String(count)} ${count === 1 ? 'line' : 'lines'}`}
                onClick={() => {
                  choose(i)
                }}
                onKeyDown={(e) => {
                  keyDown(e, i)
                }}
              >
                <circle cx={p.x} cy={p.y} r={NODE} />
                <text x={p.x} y={p.y} dy="0.35em" textAnchor="middle" className="node-number">
                  {i + 1}
                </text>
              </g>
              <text
                x={lx}
                y={ly}
                dy={Math.sin(angle) > 0.3 ? '0.9em' : Math.sin(angle) < -0.3 ? '-0.2em' : '0.35em'}
                textAnchor={anchor}
                className="node-label node-label-choosable"
                aria-hidden="true"
                onClick={() => {
                  choose(i)
                }}
              >
                {shortLabel(names[i]!, LABEL_CHARS)}
              </text>
            </g>
          )
        })}
      </svg>
      <details className="map-key">
        <summary>Names of the numbered contacts</summary>
        <ol>
          {names.map((n, i) => (
            <li key={alters[i]!.id}>{n}</li>
          ))}
        </ol>
      </details>
      <p className="legend">
        <span className="legend-line legend-yes" aria-hidden="true" /> works together
        <span className="legend-line legend-unknown" aria-hidden="true" /> don’t know
      </p>

      <h2 className="heading-s">Lines you have drawn ({yes.length})</h2>
      {yes.length === 0 ? (
        <p className="hint">None yet.</p>
      ) : (
        <ul className="line-list">
          {yes.map((p) => {
            const a = names[index.get(p.a.id)!]!
            const b = names[index.get(p.b.id)!]!
            return (
              <li key={p.key}>
                <span>
                  {a} — {b}
                </span>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => {
                    change({ kind: 'tie', a: p.a.id, b: p.b.id, state: null })
                    setAnnouncement(`Line between ${a} and ${b} removed.`)
                  }}
                >
                  Remove
                  <span className="visually-hidden">
                    {' '}
                    line between {a} and {b}
                  </span>
                </button>
              </li>
            )
          })}
        </ul>
      )}

      {open.length > 0 && (
        <div className="rest-no">
          {confirmRest ? (
            <>
              <p>
                Mark the {open.length} pairs without an answer as <strong>not</strong> working
                together?
              </p>
              <button type="button" className="button" onClick={markRestNo}>
                Yes, mark them as no
              </button>{' '}
              <button
                type="button"
                className="button button-secondary"
                onClick={() => {
                  setConfirmRest(false)
                }}
              >
                Cancel
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setConfirmRest(true)
              }}
            >
              I have drawn every line: the other pairs do not work together
            </button>
          )}
        </div>
      )}
    </div>
  )
}
