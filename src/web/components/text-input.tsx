import type { InputHTMLAttributes } from 'react'
import { FieldError, describedBy } from './field-error.js'

/** A labelled text box with its hint and error, for researcher forms. */
export function TextInput({
  id,
  label,
  hint,
  error,
  value,
  onValue,
  ...rest
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  readonly id: string
  readonly label: string
  readonly hint?: string
  readonly error?: string | undefined
  readonly value: string
  readonly onValue: (value: string) => void
}) {
  const hintId = hint === undefined ? null : `${id}-hint`
  const errorId = error === undefined ? null : `${id}-error`
  return (
    <div className="field">
      <label htmlFor={id} className="label">
        {label}
      </label>
      {hint !== undefined && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error ?? null} />
      <input
        id={id}
        className="input-text"
        value={value}
        aria-describedby={describedBy(hintId, errorId)}
        aria-invalid={error === undefined ? undefined : true}
        onChange={(e) => {
          onValue(e.target.value)
        }}
        {...rest}
      />
    </div>
  )
}
