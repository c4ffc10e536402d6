import { networkAlters, questionsOf } from '../../core/interview/apply-change.js'
import {
  pairKey,
  type CensusState,
  type InterviewAlter,
  type InterviewState,
} from '../../core/interview/interview-state.js'
import type { Protocol } from '../../core/protocol/protocol.js'
import { alterName } from '../lib/format.js'
import { networkLayout, shortLabel } from './graph-layout.js'

/** Colour-blind-safe colours (Okabe–Ito first), in the order categories are declared. */
const palette = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#7F3C8D',
  '#000000',
  '#8C564B',
]
const NONE = '#BBBBBB'
const W = 960
// Room for a name of LABEL_CHARS at the labels' 14px, in drawing units.
const LABEL_CHARS = 20
const LABEL_WIDTH = 160

type Colouring = {
  readonly label: string
  readonly categories: readonly { readonly value: string; readonly label: string }[]
  readonly of: (alter: InterviewAlter) => string | null
}

/**
 * What colours the nodes: the first derived alter variable (org_type in the
 * built-in protocol, grouped from sector), else a question named sector.
 */
function colouring(protocol: Protocol): Colouring | null {
  const alterQuestions = questionsOf(protocol).alter
  const derived = protocol.derived.find((d) => alterQuestions.has(d.from))
  if (derived !== undefined) {
    const values = [...new Set(Object.values(derived.map))]
    return {
      label: derived.label,
      categories: values.map((v) => ({ value: v, label: v.replaceAll('_', ' ') })),
      of: (a) => {
        const from = a.answers[derived.from]
        return from === undefined || from === null ? null : (derived.map[String(from)] ?? null)
      },
    }
  }
  const sector = alterQuestions.get('sector')
  if (sector?.options === undefined) return null
  return {
    label: sector.label,
    categories: sector.options.map((o) => ({ value: String(o.value), label: o.label })),
    of: (a) => {
      const v = a.answers['sector']
      return v === undefined || v === null ? null : String(v)
    },
  }
}

const quoteWords = (n: number | undefined): string =>
  n === undefined ? 'show quotes' : n === 1 ? '1 quote' : `${String(n)} quotes`

/**
 * A participant's working network for researchers: contacts coloured by
 * sector group, sized by how often the participant is in contact with them,
 * solid lines where two contacts work together and dashed where the
 * participant did not know. The ego (the participant) is linked to everyone
 * and not drawn. A table below gives the same information as text.
 */
export function NetworkMap({
  protocol,
  state,
  chosen = null,
  onChoose,
  quotes,
}: {
  readonly protocol: Protocol
  readonly state: InterviewState
  /** The contact chosen (its quotes are shown beside the map). */
  readonly chosen?: string | null
  /** With it, every contact is a button (Tab, Enter, Space, a click). */
  readonly onChoose?: (alterId: string, name: string) => void
  /** Coded quotes linked to each contact, by alter id, said in the buttons' names. */
  readonly quotes?: ReadonlyMap<string, number>
}) {
  const alters = networkAlters(state)
  if (alters.length === 0) return <p>No contacts named yet.</p>
  const colour = colouring(protocol)
  const colourOf = (a: InterviewAlter) => {
    const c = colour?.of(a) ?? null
    const i = colour?.categories.findIndex((x) => x.value === c) ?? -1
    return i === -1 ? NONE : (palette[i % palette.length] ?? NONE)
  }
  const edges: { a: number; b: number; state: CensusState }[] = []
  for (let i = 0; i < alters.length; i++)
    for (let j = i + 1; j < alters.length; j++) {
      const s = state.ties[pairKey(alters[i]!.id, alters[j]!.id)]
      if (s === 'yes' || s === 'dont_know') edges.push({ a: i, b: j, state: s })
    }
  const { points, height } = networkLayout(
    alters.length,
    edges.filter((e) => e.state === 'yes').map((e) => [e.a, e.b] as const),
    W,
    { width: LABEL_WIDTH, height: 34 },
  )
  const radius = (a: InterviewAlter) => {
    const f = a.answers['frequency']
    return typeof f === 'number' ? 6 + 3 * f : 7
  }
  const yes = edges.filter((e) => e.state === 'yes').length
  const used = colour?.categories.filter((c) => alters.some((a) => colour.of(a) === c.value)) ?? []
  const names = alters.map((a) => alterName(protocol, a))

  return (
    <figure className="network-map">
      <svg
        viewBox={`0 0 ${String(W)} ${String(height)}`}
        className="sociogram"
        role={onChoose === undefined ? 'img' : 'group'}
        aria-labelledby="map-title"
      >
        <title id="map-title">
          {`Network of ${alters.length} contacts with ${yes} ties between them; the table below lists them.`}
        </title>
        {edges.map((e) => (
          <line
            key={`${e.a}-${e.b}`}
            x1={points[e.a]!.x}
            y1={points[e.a]!.y}
            x2={points[e.b]!.x}
            y2={points[e.b]!.y}
            className={e.state === 'yes' ? 'tie tie-yes' : 'tie tie-unknown'}
          />
        ))}
        {alters.map((a, i) => (
          <g key={a.id}>
            {onChoose === undefined ? (
              <circle
                cx={points[i]!.x}
                cy={points[i]!.y}
                r={radius(a)}
                fill={colourOf(a)}
                className="node-static"
              />
            ) : (
              <g
                role="button"
                tabIndex={0}
                className={chosen === a.id ? 'node-quotes node-chosen' : 'node-quotes'}
                aria-pressed={chosen === a.id}
                aria-label={`${names[i]!}: ${quoteWords(quotes?.get(a.id))}`}
                onClick={() => {
                  onChoose(a.id, names[i]!)
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault()
                    onChoose(a.id, names[i]!)
                  }
                }}
              >
                {/* A transparent square around it keeps a small contact easy to hit (24 px at least). */}
                <circle
                  cx={points[i]!.x}
                  cy={points[i]!.y}
                  r={radius(a)}
                  fill={colourOf(a)}
                  className="node-static"
                />
                <rect
                  x={points[i]!.x - 18}
                  y={points[i]!.y - 18}
                  width={36}
                  height={36}
                  className="node-target"
                />
              </g>
            )}
            <text
              x={points[i]!.x}
              y={points[i]!.y + radius(a) + 13}
              textAnchor="middle"
              className="node-label"
            >
              {shortLabel(names[i]!, LABEL_CHARS)}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        {colour !== null && (
          <ul className="legend-list" aria-label={`Colour: ${colour.label}`}>
            {used.map((c) => {
              const i = colour.categories.indexOf(c)
              return (
                <li key={c.value}>
                  <span
                    className="swatch"
                    style={{ background: palette[i % palette.length] }}
                    aria-hidden="true"
                  />
                  {c.label}
                </li>
              )
            })}
            <li>
              <span className="swatch" style={{ background: NONE }} aria-hidden="true" />
              not answered
            </li>
          </ul>
        )}
        <p className="hint">
          Bigger circles: more frequent contact. Solid line: they work together. Dashed: the
          participant did not know.
        </p>
      </figcaption>
      <details>
        <summary>The network as a table</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Contact</th>
              <th scope="col">{colour?.label ?? 'Group'}</th>
              <th scope="col">Works with</th>
            </tr>
          </thead>
          <tbody>
            {alters.map((a, i) => (
              <tr key={a.id}>
                <th scope="row">{names[i]}</th>
                <td>{colour?.of(a)?.replaceAll('_', ' ') ?? '–'}</td>
                <td>
                  {edges
                    .filter((e) => e.a === i || e.b === i)
                    .map((e) => {
                      const other = names[e.a === i ? e.b : e.a]!
                      return e.state === 'yes' ? other : `${other} (don’t know)`
                    })
                    .join('; ') || '–'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  )
}
