import { useEffect, useRef, useState } from 'react'
import { questionsOf } from '../../core/interview/apply-change.js'
import type { InterviewAlter } from '../../core/interview/interview-state.js'
import type { Stage } from '../../core/protocol/protocol.js'
import { alterName, formatAnswer } from '../lib/format.js'
import { useInterview } from './interview-context.js'
import { QuickAddForm } from './quick-add-form.js'

type Generator = Extract<Stage, { kind: 'name_generator' }>

/**
 * A name generator: the prompt, a quick-add form, the contacts named here
 * (removable), and the contacts named under other questions, which one tap
 * adds here too, so the same organisation is never entered twice.
 */
export function NameGeneratorStage({ stage }: { readonly stage: Generator }) {
  const { snapshot, change } = useInterview()
  const { protocol, state } = snapshot
  const [announcement, setAnnouncement] = useState('')
  const here = state.alters.filter((a) => a.generators.includes(stage.generator))
  const earlier = state.alters.filter((a) => !a.generators.includes(stage.generator))
  const listHeading = useRef<HTMLHeadingElement>(null)
  // A chosen chip disappears; keep keyboard focus on the next one (or the list) instead of losing it.
  const chips = useRef(new Map<string, HTMLButtonElement>())
  const [focusNext, setFocusNext] = useState<string | null>(null)
  useEffect(() => {
    if (focusNext === null) return
    const target = chips.current.get(focusNext) ?? listHeading.current
    target?.focus()
    setFocusNext(null)
  }, [focusNext])

  const full =
    stage.maxAlters !== undefined && here.length >= stage.maxAlters
      ? `You have named ${stage.maxAlters}, the most for this question.`
      : state.alters.length >= protocol.maxAlters
        ? `You have named ${protocol.maxAlters} contacts, the most for this interview.`
        : null

  return (
    <>
      <p className="lead">{stage.prompt}</p>
      {stage.help !== undefined && <p className="hint">{stage.help}</p>}
      {stage.optional === true && (
        <p className="hint">If no one comes to mind, go on to the next step.</p>
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>

      <QuickAddForm stage={stage} full={full} onAdded={setAnnouncement} />

      {earlier.length > 0 && full === null && (
        <section className="earlier" aria-labelledby={`${stage.id}-earlier`}>
          <h2 className="heading-s" id={`${stage.id}-earlier`}>
            Also named earlier
          </h2>
          <p className="hint">Choose any that also belong here.</p>
          <ul className="chips">
            {earlier.map((a) => (
              <li key={a.id}>
                <button
                  type="button"
                  className="chip"
                  ref={(el) => {
                    if (el === null) chips.current.delete(a.id)
                    else chips.current.set(a.id, el)
                  }}
                  onClick={() => {
                    const i = earlier.indexOf(a)
                    const neighbour = earlier[i + 1] ?? earlier[i - 1]
                    setFocusNext(neighbour?.id ?? 'list')
                    const refused = change({
                      kind: 'name_alter',
                      alter: a.id,
                      generator: stage.generator,
                      named: true,
                    })
                    setAnnouncement(refused ?? `${alterName(protocol, a)} added to this list.`)
                  }}
                >
                  <span aria-hidden="true">+ </span>
                  {alterName(protocol, a)}
                  <span className="visually-hidden"> (add to this list)</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby={`${stage.id}-named`}>
        <h2 className="heading-s" id={`${stage.id}-named`} ref={listHeading} tabIndex={-1}>
          Named here ({here.length}
          {stage.maxAlters === undefined ? '' : ` of up to ${stage.maxAlters}`})
        </h2>
        {here.length === 0 ? (
          <p className="hint">No one yet.</p>
        ) : (
          <ul className="alter-list">
            {here.map((a) => (
              <NamedAlter
                key={a.id}
                alter={a}
                stage={stage}
                onRemoved={(message) => {
                  setAnnouncement(message)
                  listHeading.current?.focus()
                }}
              />
            ))}
          </ul>
        )}
      </section>
    </>
  )
}

function NamedAlter({
  alter,
  stage,
  onRemoved,
}: {
  readonly alter: InterviewAlter
  readonly stage: Generator
  readonly onRemoved: (message: string) => void
}) {
  const { snapshot, change } = useInterview()
  const { protocol } = snapshot
  const [confirming, setConfirming] = useState(false)
  const confirmButton = useRef<HTMLButtonElement>(null)
  const name = alterName(protocol, alter)
  const questions = questionsOf(protocol).alter
  const details = stage.quickAdd
    .slice(1)
    .map((id) => {
      const q = questions.get(id)
      return q === undefined ? null : formatAnswer(q, alter.answers)
    })
    .filter((x): x is string => x !== null)
  // A contact named only here disappears with its answers when removed, so ask first.
  const onlyHere = alter.generators.length === 1
  useEffect(() => {
    if (confirming) confirmButton.current?.focus()
  }, [confirming])

  const remove = () => {
    change({ kind: 'name_alter', alter: alter.id, generator: stage.generator, named: false })
    onRemoved(onlyHere ? `${name} removed.` : `${name} removed from this list.`)
  }

  return (
    <li className="alter-item">
      <span className="alter-name">{name}</span>
      {details.length > 0 && <span className="alter-meta">{details.join(' · ')}</span>}
      {confirming ? (
        <span className="confirm" role="group" aria-label={`Remove ${name}?`}>
          <span>Remove {name} and the answers about them?</span>
          <button
            ref={confirmButton}
            type="button"
            className="button button-warning button-small"
            onClick={remove}
          >
            Remove
          </button>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => {
              setConfirming(false)
            }}
          >
            Keep
          </button>
        </span>
      ) : (
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => {
            if (onlyHere) setConfirming(true)
            else remove()
          }}
        >
          Remove<span className="visually-hidden"> {name}</span>
          {!onlyHere && <span className="visually-hidden"> from this list</span>}
        </button>
      )}
    </li>
  )
}
