import { useState, type SyntheticEvent } from 'react'
import type { ParticipantSummary } from '../../core/api/api.js'
import { api } from '../api.js'
import { FieldError, describedBy } from '../components/field-error.js'
import { ErrorBox } from '../components/load-state.js'

type Value = string | number | boolean | null
type Kind = 'text' | 'number' | 'yes_no'
type Row = { readonly key: number; name: string; kind: Kind; value: string }

const kindOf = (v: Value): Kind =>
  typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'yes_no' : 'text'
const textOf = (v: Value): string =>
  v === null ? '' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v)

/** Attributes researchers usually record, offered as names. */
const usual = ['imd_decile', 'imd_quintile', 'core20', 'practice_code', 'pcn_code', 'imd_edition']

const validName = /^[a-z][a-z0-9_]*$/

/**
 * The research team's attributes of a participant (IMD decile and quintile,
 * practice code…), which become attributes of their case in the interviews
 * analysis. Each has a name, a kind (text, number, yes or no) and a value;
 * saving replaces them all.
 */
export function ParticipantAttributes({
  participant,
  editable,
  onSaved,
}: {
  readonly participant: ParticipantSummary
  readonly editable: boolean
  readonly onSaved: () => void
}) {
  const entries = Object.entries(participant.attributes)
  const start = (): Row[] =>
    entries.map(([name, v], i) => ({ key: i, name, kind: kindOf(v), value: textOf(v) }))
  const [rows, setRows] = useState<Row[]>(start)
  const [next, setNext] = useState(entries.length)
  const [editing, setEditing] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<unknown>(null)
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)

  const update = (key: number, change: Partial<Row>) => {
    setRows((old) => old.map((r) => (r.key === key ? { ...r, ...change } : r)))
  }
  const submit = async (e: SyntheticEvent) => {
    e.preventDefault()
    const problems: Record<string, string> = {}
    const out: Record<string, Value> = {}
    for (const r of rows) {
      const name = r.name.trim()
      const value = r.value.trim()
      if (name === '' && value === '') continue
      if (!validName.test(name))
        problems[`name-${String(r.key)}`] =
          'Use lower-case letters, digits and _ for the name, starting with a letter (imd_decile).'
      else if (name in out) problems[`name-${String(r.key)}`] = `${name} is there twice.`
      if (value === '') out[name] = null
      else if (r.kind === 'number') {
        const n = Number(value)
        if (!Number.isFinite(n)) problems[`value-${String(r.key)}`] = 'Enter a number, such as 3.'
        out[name] = n
      } else if (r.kind === 'yes_no') {
        if (!/^(yes|no|true|false)$/i.test(value))
          problems[`value-${String(r.key)}`] = 'Enter yes or no.'
        out[name] = /^(yes|true)$/i.test(value)
      } else out[name] = value
    }
    setErrors(problems)
    if (Object.keys(problems).length > 0) return
    setBusy(true)
    setFailure(null)
    try {
      await api.setParticipantAttributes(participant.id, out)
      setMessage('Attributes saved.')
      setEditing(false)
      onSaved()
    } catch (error) {
      setFailure(error)
    } finally {
      setBusy(false)
    }
  }

  if (!editing)
    return (
      <>
        {entries.length === 0 ? (
          <p>None recorded.</p>
        ) : (
          <dl className="facts">
            {entries.map(([name, v]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{v === null ? '–' : textOf(v)}</dd>
              </div>
            ))}
          </dl>
        )}
        <p role="status">{message}</p>
        {editable && (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              // The form starts from the attributes as last loaded (not
              // remounted on each reload, which lost "Attributes saved.").
              setRows(start())
              setNext(entries.length)
              setMessage('')
              setEditing(true)
            }}
          >
            Change the attributes
          </button>
        )}
      </>
    )

  return (
    <form
      noValidate
      className="panel"
      onSubmit={(e) => {
        void submit(e)
      }}
    >
      {failure !== null && <ErrorBox error={failure} />}
      <p className="hint">
        Such as imd_decile, imd_quintile or practice_code. An empty value is recorded as not known.
      </p>
      <datalist id="attribute-names">
        {usual.map((u) => (
          <option key={u} value={u} />
        ))}
      </datalist>
      {rows.map((r, i) => {
        const nameError = errors[`name-${String(r.key)}`]
        const valueError = errors[`value-${String(r.key)}`]
        const id = `attr-${String(r.key)}`
        return (
          <fieldset key={r.key} className="field attribute-row">
            <legend className="label">Attribute {i + 1}</legend>
            <div className="form-grid">
              <div className="field">
                <label htmlFor={`${id}-name`} className="label">
                  Name
                </label>
                <FieldError id={`${id}-name-error`} message={nameError ?? null} />
                <input
                  id={`${id}-name`}
                  className="input-text"
                  list="attribute-names"
                  autoComplete="off"
                  spellCheck={false}
                  value={r.name}
                  aria-invalid={nameError === undefined ? undefined : true}
                  aria-describedby={describedBy(nameError !== undefined && `${id}-name-error`)}
                  onChange={(e) => {
                    update(r.key, { name: e.target.value })
                  }}
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-kind`} className="label">
                  Kind
                </label>
                <select
                  id={`${id}-kind`}
                  value={r.kind}
                  onChange={(e) => {
                    update(r.key, { kind: e.target.value as Kind })
                  }}
                >
                  <option value="text">Text</option>
                  <option value="number">Number</option>
                  <option value="yes_no">Yes or no</option>
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-value`} className="label">
                  Value
                </label>
                <FieldError id={`${id}-value-error`} message={valueError ?? null} />
                <input
                  id={`${id}-value`}
                  className="input-text"
                  autoComplete="off"
                  value={r.value}
                  aria-invalid={valueError === undefined ? undefined : true}
                  aria-describedby={describedBy(valueError !== undefined && `${id}-value-error`)}
                  onChange={(e) => {
                    update(r.key, { value: e.target.value })
                  }}
                />
              </div>
            </div>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setRows((old) => old.filter((x) => x.key !== r.key))
              }}
            >
              Remove<span className="visually-hidden"> attribute {i + 1}</span>
            </button>
          </fieldset>
        )
      })}
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setRows((old) => [...old, { key: next, name: '', kind: 'number', value: '' }])
            setNext(next + 1)
            requestAnimationFrame(() => {
              document.getElementById(`attr-${String(next)}-name`)?.focus()
            })
          }}
        >
          Add an attribute
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          Save the attributes
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setEditing(false)
            setErrors({})
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  )
}
