import { useEffect, useRef, useState } from 'react'
import type { AnswerValue } from '../../core/interview/interview-state.js'
import type { Question } from '../../core/protocol/protocol.js'
import { FieldError, describedBy } from '../components/field-error.js'

/**
 * One question of a form, in the control its type calls for: text boxes for
 * text and numbers, radio buttons for one choice (or a drop-down when
 * `compact`), check boxes for several. Text and numbers are saved when the
 * participant pauses or leaves the box, not on every key; choices are saved
 * at once.
 */

export type QuestionFieldProps = {
  readonly question: Question
  /** The answers of the form this question is in (for its "other" text). */
  readonly answers: Readonly<Record<string, AnswerValue>>
  /** Saves an answer to `questionId` (the question's id, or `<id>_other`). */
  readonly onAnswer: (questionId: string, value: AnswerValue) => void
  /** Errors by question id (including `<id>_other`). */
  readonly errors: Readonly<Record<string, string>>
  /** Makes element ids unique when the same question appears for several contacts. */
  readonly idPrefix: string
  readonly compact?: boolean
  readonly readOnly?: boolean
}

const OTHER = 'other'

export function QuestionField(props: QuestionFieldProps) {
  const { question, idPrefix } = props
  const id = `${idPrefix}-${question.id}`
  switch (question.type) {
    case 'text':
    case 'long_text':
    case 'number':
    case 'integer':
      return (
        <div className="field" id={`${id}-field`}>
          <TextAnswer {...props} id={id} />
        </div>
      )
    case 'boolean':
      return (
        <OptionsAnswer
          {...props}
          id={id}
          options={[
            { value: 'true', label: 'Yes' },
            { value: 'false', label: 'No' },
          ]}
        />
      )
    default:
      return <OptionsAnswer {...props} id={id} options={null} />
  }
}

function Label({ question }: { readonly question: Question }) {
  return (
    <>
      {question.label}
      {question.required === true && <span className="required"> (required)</span>}
    </>
  )
}

function TextAnswer(props: QuestionFieldProps & { readonly id: string }) {
  const { question, answers, onAnswer, errors, id, readOnly } = props
  const value = answers[question.id]
  const numeric = question.type === 'number' || question.type === 'integer'
  const shown = value === undefined || value === null ? '' : String(value)
  const [draft, setDraft] = useState(shown)
  const [localError, setLocalError] = useState<string | null>(null)
  const focused = useRef(false)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  // Follow answers that change elsewhere (another device, a refused change), except while typing.
  useEffect(() => {
    if (!focused.current) setDraft(shown)
  }, [shown])
  // Leaving the form (Next, another contact) saves what was typed but not yet saved.
  const unsaved = useRef<string | null>(null)
  const commitRef = useRef<(text: string) => void>(() => undefined)
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current)
      if (unsaved.current !== null) commitRef.current(unsaved.current)
    },
    [],
  )

  const commit = (text: string) => {
    if (timer.current !== null) clearTimeout(timer.current)
    timer.current = null
    unsaved.current = null
    const trimmed = text.trim()
    if (!numeric) {
      if (trimmed !== shown) onAnswer(question.id, trimmed === '' ? null : trimmed)
      return
    }
    if (trimmed === '') {
      setLocalError(null)
      if (shown !== '') onAnswer(question.id, null)
      return
    }
    const n = Number(trimmed.replace(/,/g, ''))
    if (!Number.isFinite(n)) {
      setLocalError('Enter a number, for example 12.')
      return
    }
    setLocalError(null)
    if (String(n) !== shown) onAnswer(question.id, n)
  }

  commitRef.current = commit

  const change = (text: string) => {
    setDraft(text)
    unsaved.current = text
    if (timer.current !== null) clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      commit(text)
    }, 800)
  }

  const error = localError ?? errors[question.id] ?? null
  const hintId = question.help === undefined ? null : `${id}-hint`
  const errorId = error === null ? null : `${id}-error`
  const common = {
    id,
    value: draft,
    readOnly,
    'aria-describedby': describedBy(hintId, errorId),
    'aria-invalid': error === null ? undefined : true,
    'aria-required': question.required === true ? true : undefined,
    onFocus: () => {
      focused.current = true
    },
    onBlur: () => {
      focused.current = false
      commit(draft)
    },
  }
  return (
    <>
      <label htmlFor={id} className="label">
        <Label question={question} />
      </label>
      {hintId !== null && (
        <p className="hint" id={hintId}>
          {question.help}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
      {question.type === 'long_text' ? (
        <textarea
          {...common}
          rows={4}
          maxLength={question.maxLength ?? 2000}
          onChange={(e) => {
            change(e.target.value)
          }}
        />
      ) : (
        <span className="input-with-unit">
          <input
            {...common}
            type="text"
            className={numeric ? 'input-number' : 'input-text'}
            inputMode={numeric ? (question.type === 'integer' ? 'numeric' : 'decimal') : undefined}
            maxLength={numeric ? 20 : (question.maxLength ?? 500)}
            autoComplete="off"
            spellCheck={!numeric}
            onChange={(e) => {
              change(e.target.value)
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commit(draft)
            }}
          />
          {question.unit !== undefined && <span className="unit">{question.unit}</span>}
        </span>
      )}
    </>
  )
}

type OptionItem = { readonly value: string; readonly label: string }

/** Radio buttons, check boxes or a drop-down; values keep their protocol type (number or text). */
function OptionsAnswer(
  props: QuestionFieldProps & { readonly id: string; readonly options: OptionItem[] | null },
) {
  const { question, answers, onAnswer, errors, id, compact, readOnly } = props
  const multi = question.type === 'multi_choice'
  const raw = answers[question.id]
  const options: OptionItem[] =
    props.options ??
    (question.options ?? []).map((o) => ({ value: String(o.value), label: o.label }))
  // Option values arrive as text from the form; turn them back into the protocol's values.
  const optionValue = (text: string): string | number =>
    question.options?.find((o) => String(o.value) === text)?.value ?? text
  const toValue = (text: string): AnswerValue =>
    question.type === 'boolean' ? text === 'true' : optionValue(text)
  const chosen: string[] =
    raw === undefined || raw === null ? [] : Array.isArray(raw) ? raw.map(String) : [String(raw)]
  const hasOtherOption = question.options?.some((o) => o.value === OTHER) === true
  const otherVisible = question.other === true && (hasOtherOption ? chosen.includes(OTHER) : true)

  const pick = (text: string, checked: boolean) => {
    if (readOnly === true) return
    if (!multi) {
      onAnswer(question.id, toValue(text))
      if (text !== OTHER && hasOtherOption && answers[`${question.id}_other`] !== undefined)
        onAnswer(`${question.id}_other`, null)
      return
    }
    const next = checked ? [...chosen, text] : chosen.filter((c) => c !== text)
    const ordered = options.filter((o) => next.includes(o.value)).map((o) => optionValue(o.value))
    onAnswer(question.id, ordered)
    if (!checked && text === OTHER && answers[`${question.id}_other`] !== undefined)
      onAnswer(`${question.id}_other`, null)
  }

  const error = errors[question.id] ?? null
  const hintId = question.help === undefined ? null : `${id}-hint`
  const errorId = error === null ? null : `${id}-error`
  const otherQuestion: Question = {
    id: `${question.id}_other`,
    label: hasOtherOption ? 'Please say what' : 'Other (please say)',
    type: 'text',
    maxLength: 200,
  }

  if (compact === true && !multi) {
    return (
      <div className="field" id={`${id}-field`}>
        <label htmlFor={id} className="label">
          <Label question={question} />
        </label>
        {hintId !== null && (
          <p className="hint" id={hintId}>
            {question.help}
          </p>
        )}
        <FieldError id={`${id}-error`} message={error} />
        <select
          id={id}
          value={chosen[0] ?? ''}
          disabled={readOnly}
          aria-describedby={describedBy(hintId, errorId)}
          aria-invalid={error === null ? undefined : true}
          onChange={(e) => {
            if (e.target.value === '') onAnswer(question.id, null)
            else pick(e.target.value, true)
          }}
        >
          <option value="">Choose…</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        {otherVisible && (
          <div className="conditional">
            <QuestionField {...props} question={otherQuestion} idPrefix={id} compact={false} />
          </div>
        )}
      </div>
    )
  }

  return (
    <fieldset className="field" id={`${id}-field`} aria-describedby={describedBy(hintId, errorId)}>
      <legend className="label">
        <Label question={question} />
      </legend>
      {hintId !== null && (
        <p className="hint" id={hintId}>
          {question.help}
        </p>
      )}
      {multi && <p className="hint">Choose all that apply.</p>}
      <FieldError id={`${id}-error`} message={error} />
      <div className={question.type === 'boolean' ? 'options options-inline' : 'options'}>
        {options.map((o, i) => {
          const optionId = `${id}-${String(i)}`
          return (
            <div className="option" key={o.value}>
              <input
                type={multi ? 'checkbox' : 'radio'}
                id={optionId}
                name={id}
                value={o.value}
                checked={chosen.includes(o.value)}
                disabled={readOnly}
                onChange={(e) => {
                  pick(o.value, e.target.checked)
                }}
              />
              <label htmlFor={optionId}>{o.label}</label>
            </div>
          )
        })}
      </div>
      {otherVisible && (
        <div className="conditional">
          <QuestionField {...props} question={otherQuestion} idPrefix={id} compact={false} />
        </div>
      )}
    </fieldset>
  )
}
