import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react'
import { normaliseName, questionsOf } from '../../core/interview/apply-change.js'
import type { AnswerValue, InterviewAlter } from '../../core/interview/interview-state.js'
import type { Question, Stage } from '../../core/protocol/protocol.js'
import { api } from '../api.js'
import { FieldError, describedBy } from '../components/field-error.js'
import { SuggestionBox } from '../components/suggestion-box.js'
import { alterName } from '../lib/format.js'
import { newId } from '../lib/ids.js'
import { useInterview } from './interview-context.js'
import { QuestionField } from './question-field.js'

type Generator = Extract<Stage, { kind: 'name_generator' }>

/**
 * Adds a contact under a name generator: its name (with suggestions of
 * organisations already named in the study) and the stage's other quick
 * questions. A name already given elsewhere in the interview is not added a
 * second time: the form offers to add the existing contact to this list.
 */
export function QuickAddForm({
  stage,
  full,
  onAdded,
}: {
  readonly stage: Generator
  /** The list is at its limit: say so instead of showing the form. */
  readonly full: string | null
  readonly onAdded: (message: string) => void
}) {
  const { snapshot, change, token } = useInterview()
  const { protocol, state } = snapshot
  const questions = questionsOf(protocol).alter
  const nameId = stage.quickAdd[0]!
  const nameQuestion = questions.get(nameId)
  const extraQuestions = stage.quickAdd
    .slice(1)
    .map((id) => questions.get(id))
    .filter((q): q is Question => q !== undefined)
  const [name, setName] = useState('')
  const [extra, setExtra] = useState<Record<string, AnswerValue>>({})
  const [error, setError] = useState<string | null>(null)
  // Contacts already on this list are not suggested again.
  const suggestions = useSuggestions(
    token,
    name,
    state.alters
      .filter((a) => !a.generators.includes(stage.generator))
      .map((a) => alterName(protocol, a)),
    state.alters
      .filter((a) => a.generators.includes(stage.generator))
      .map((a) => alterName(protocol, a)),
  )
  const nameInput = useRef<HTMLInputElement>(null)
  const uid = useId()
  const inputId = `${uid}-name`

  const wanted = normaliseName(name)
  const existing =
    wanted === ''
      ? undefined
      : state.alters.find((a) => normaliseName(alterName(protocol, a)) === wanted)
  const namedHere = existing?.generators.includes(stage.generator) === true

  const reset = () => {
    setName('')
    setExtra({})
    setError(null)
    nameInput.current?.focus()
  }

  const addExisting = (alter: InterviewAlter) => {
    const refused = change({
      kind: 'name_alter',
      alter: alter.id,
      generator: stage.generator,
      named: true,
    })
    if (refused !== null) {
      setError(refused)
      return
    }
    onAdded(`${alterName(protocol, alter)} added to this list.`)
    reset()
  }

  const submit = (e: SyntheticEvent) => {
    e.preventDefault()
    const trimmed = name.trim().replace(/\s+/g, ' ')
    if (trimmed === '') {
      setError('Enter a name.')
      return
    }
    if (existing !== undefined) {
      if (namedHere) setError(`You have already named ${alterName(protocol, existing)} here.`)
      else addExisting(existing)
      return
    }
    const answers: Record<string, AnswerValue> = { [nameId]: trimmed }
    for (const [key, value] of Object.entries(extra)) if (value !== null) answers[key] = value
    const refused = change({
      kind: 'add_alter',
      alter: newId(),
      generator: stage.generator,
      answers,
    })
    if (refused !== null) {
      setError(refused)
      return
    }
    onAdded(`${trimmed} added.`)
    reset()
  }

  if (full !== null) return <p className="notice">{full}</p>

  // A name refused by the server after it was added here (e.g. named meanwhile on another device).
  const shownError = error ?? snapshot.errors[`add.${stage.generator}`] ?? null
  const errorId = shownError === null ? null : `${inputId}-error`
  const matchId = `${inputId}-match`
  return (
    <form className="quick-add" onSubmit={submit} noValidate>
      <h2 className="heading-s">Add someone</h2>
      <div className="field">
        <label htmlFor={inputId} className="label">
          {nameQuestion?.label ?? 'Name'}
        </label>
        {nameQuestion?.help !== undefined && <p className="hint">{nameQuestion.help}</p>}
        <FieldError id={`${inputId}-error`} message={shownError} />
        <SuggestionBox
          inputRef={nameInput}
          id={inputId}
          className="input-text"
          value={name}
          suggestions={suggestions}
          maxLength={nameQuestion?.maxLength ?? 200}
          data-quick-add-name
          spellCheck={false}
          aria-describedby={describedBy(errorId, existing !== undefined && matchId)}
          aria-invalid={shownError === null ? undefined : true}
          onValue={(text) => {
            setName(text)
            setError(null)
          }}
        />
        {existing !== undefined && (
          <div className="match" id={matchId} role="status">
            {namedHere ? (
              <p>You have already named {alterName(protocol, existing)} here.</p>
            ) : (
              <>
                <p>
                  You named <strong>{alterName(protocol, existing)}</strong> earlier. Adding it here
                  keeps it as one contact, with the answers you gave.
                </p>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => {
                    addExisting(existing)
                  }}
                >
                  Add {alterName(protocol, existing)} to this list
                </button>
              </>
            )}
          </div>
        )}
      </div>
      {existing === undefined &&
        extraQuestions.map((q) => (
          <QuestionField
            key={q.id}
            question={{ ...q, required: false }}
            answers={extra}
            errors={{}}
            idPrefix={`${uid}-add`}
            compact
            onAnswer={(id, value) => {
              setExtra((x) => ({ ...x, [id]: value }))
            }}
          />
        ))}
      <button type="submit" className="button">
        {existing !== undefined && !namedHere ? 'Add to this list' : 'Add'}
      </button>
    </form>
  )
}

/**
 * Names to suggest as the participant types: contacts already in this
 * interview, then organisations other participants in the study named
 * (asked of the server after a short pause; quietly nothing when offline).
 */
function useSuggestions(
  token: string,
  text: string,
  earlier: readonly string[],
  exclude: readonly string[],
): string[] {
  const [remote, setRemote] = useState<string[]>([])
  const query = text.trim()
  useEffect(() => {
    if (query.length < 2) {
      setRemote([])
      return
    }
    let live = true
    const timer = setTimeout(() => {
      api.suggestions(token, query).then(
        (names) => {
          if (live) setRemote(names.slice(0, 20))
        },
        () => {
          if (live) setRemote([])
        },
      )
    }, 250)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [token, query])
  const wanted = normaliseName(query)
  if (wanted.length < 2) return []
  // What is typed already is not suggested back.
  const seen = new Set([...exclude.map(normaliseName), wanted])
  return [...earlier, ...remote].filter((n) => {
    const k = normaliseName(n)
    if (seen.has(k) || !k.includes(wanted)) return false
    seen.add(k)
    return true
  })
}
