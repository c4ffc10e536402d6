import { useState } from 'react'
import type { CensusState } from '../../core/interview/interview-state.js'
import { alterName } from '../lib/format.js'
import { CensusPrompt, promptText } from './census-prompt.js'
import { useInterview } from './interview-context.js'
import type { Pair } from './tie-census-stage.js'

const answers: readonly { readonly state: CensusState; readonly label: string }[] = [
  { state: 'yes', label: 'Yes' },
  { state: 'no', label: 'No' },
  { state: 'dont_know', label: 'Don’t know' },
]

/**
 * One pair per screen, with Yes / No / Don't know. Answering moves on to the
 * next unanswered pair; the buttons stay where they are, so a keyboard user's
 * focus stays put and the new question is announced.
 */
export function PairQuestions({
  prompt,
  pairs,
}: {
  readonly prompt: string
  readonly pairs: readonly Pair[]
}) {
  const { snapshot, change } = useInterview()
  const { protocol } = snapshot
  const firstOpen = pairs.findIndex((p) => p.state === undefined)
  const [index, setIndex] = useState(firstOpen === -1 ? 0 : firstOpen)
  const [announcement, setAnnouncement] = useState('')
  const i = Math.min(index, pairs.length - 1)
  const pair = pairs[i]
  if (pair === undefined) return null
  const a = alterName(protocol, pair.a)
  const b = alterName(protocol, pair.b)

  const go = (next: number) => {
    const target = pairs[next]
    if (target === undefined) return
    setIndex(next)
    setAnnouncement(
      `Pair ${next + 1} of ${pairs.length}. ` +
        promptText(prompt, alterName(protocol, target.a), alterName(protocol, target.b)),
    )
  }

  const answer = (state: CensusState) => {
    const refused = change({ kind: 'tie', a: pair.a.id, b: pair.b.id, state })
    if (refused !== null) {
      setAnnouncement(refused)
      return
    }
    // Next unanswered pair after this one, else the next pair.
    const after = pairs.findIndex((p, j) => j > i && p.state === undefined)
    if (after !== -1) go(after)
    else if (i + 1 < pairs.length) go(i + 1)
    else setAnnouncement('That was the last pair.')
  }

  return (
    <div className="pair-question">
      <p className="step-count">
        Pair {i + 1} of {pairs.length}
      </p>
      <fieldset className="field">
        <legend className="pair-prompt">
          <CensusPrompt prompt={prompt} a={a} b={b} />
        </legend>
        <div className="answer-buttons">
          {answers.map((x) => (
            <button
              key={x.state}
              type="button"
              className="button button-answer"
              aria-pressed={pair.state === x.state}
              onClick={() => {
                answer(x.state)
              }}
            >
              {x.label}
            </button>
          ))}
        </div>
      </fieldset>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <div className="pair-nav">
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={i === 0}
          onClick={() => {
            go(i - 1)
          }}
        >
          Previous pair
        </button>
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={i === pairs.length - 1}
          onClick={() => {
            go(i + 1)
          }}
        >
          Next pair
        </button>
      </div>
    </div>
  )
}
