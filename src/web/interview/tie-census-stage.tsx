import { useState } from 'react'
import { censusAlters } from '../../core/interview/apply-change.js'
import {
  pairKey,
  type CensusState,
  type InterviewAlter,
} from '../../core/interview/interview-state.js'
import type { Stage } from '../../core/protocol/protocol.js'
import { alterName } from '../lib/format.js'
import { CensusMap } from './census-map.js'
import { useInterview } from './interview-context.js'
import { PairQuestions } from './pair-questions.js'

type Census = Extract<Stage, { kind: 'tie_census' }>

export type Pair = {
  readonly key: string
  readonly a: InterviewAlter
  readonly b: InterviewAlter
  readonly state: CensusState | undefined
}

/**
 * Who works with whom, among the first contacts named: asked pair by pair,
 * or drawn as lines on a map. Both edit the same answers, and "no" and
 * "don't know" are kept as answers (unlike a map alone, where a missing line
 * could mean either).
 */
export function TieCensusStage({ stage }: { readonly stage: Census }) {
  const { snapshot } = useInterview()
  const { protocol, state } = snapshot
  const [view, setView] = useState<'pairs' | 'map'>('pairs')
  const alters = censusAlters(protocol, state)
  const pairs: Pair[] = []
  for (let i = 0; i < alters.length; i++)
    for (let j = i + 1; j < alters.length; j++) {
      const a = alters[i]!
      const b = alters[j]!
      const key = pairKey(a.id, b.id)
      pairs.push({ key, a, b, state: state.ties[key] })
    }

  if (alters.length < 2) {
    return (
      <p className="notice">
        This part needs at least two contacts, so there is nothing to answer. Go on to the next
        step.
      </p>
    )
  }
  const answered = pairs.filter((p) => p.state !== undefined).length
  const named = state.alters.length
  return (
    <>
      {stage.help !== undefined && <p className="hint">{stage.help}</p>}
      {named > alters.length && (
        <p className="hint">
          To keep this short, it asks only about your first {alters.length} contacts.
        </p>
      )}
      <p>
        {answered} of {pairs.length} pairs answered.
      </p>
      <div className="view-switch" role="group" aria-label="How to answer">
        <button
          type="button"
          className="button button-secondary"
          aria-pressed={view === 'pairs'}
          onClick={() => {
            setView('pairs')
          }}
        >
          Pair by pair
        </button>
        <button
          type="button"
          className="button button-secondary"
          aria-pressed={view === 'map'}
          onClick={() => {
            setView('map')
          }}
        >
          Draw on a map
        </button>
      </div>
      {view === 'pairs' ? (
        <PairQuestions prompt={stage.prompt} pairs={pairs} />
      ) : (
        <CensusMap
          alters={alters}
          pairs={pairs}
          names={alters.map((a) => alterName(protocol, a))}
        />
      )}
    </>
  )
}
