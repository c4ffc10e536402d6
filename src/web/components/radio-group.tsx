import type { ReactNode } from 'react'
import { FieldError, describedBy } from './field-error.js'

/**
 * A labelled set of radio buttons with its error. The first option's id is
 * `name` itself, so an error summary's link to the field lands on it; the
 * others are `name-<value>`.
 */
export function RadioGroup<T extends string>({
  name,
  legend,
  options,
  labelOf,
  value,
  onValue,
  error,
  inline = false,
}: {
  readonly name: string
  readonly legend: string
  readonly options: readonly T[]
  readonly labelOf: (option: T) => ReactNode
  readonly value: T
  readonly onValue: (option: T) => void
  readonly error: string | undefined
  readonly inline?: boolean
}) {
  const errorId = `${name}-error`
  return (
    <fieldset className="field" aria-describedby={describedBy(error !== undefined && errorId)}>
      <legend className="label">{legend}</legend>
      <FieldError id={errorId} message={error ?? null} />
      <div className={inline ? 'options options-inline' : 'options'}>
        {options.map((option, i) => {
          const id = i === 0 ? name : `${name}-${option}`
          return (
            <div className="option" key={option}>
              <input
                type="radio"
                id={id}
                name={name}
                value={option}
                checked={value === option}
                onChange={() => {
                  onValue(option)
                }}
              />
              <label htmlFor={id}>{labelOf(option)}</label>
            </div>
          )
        })}
      </div>
    </fieldset>
  )
}
