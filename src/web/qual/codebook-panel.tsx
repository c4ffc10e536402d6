import { useState, type SyntheticEvent } from 'react'
import type { Code } from '../../core/qual/codebook/codebook.js'
import type { QualProject } from '../../core/qual/project.js'
import { api, formErrors, noErrors, type CodeInput, type FormErrors } from '../api.js'
import { FieldError, describedBy } from '../components/field-error.js'
import { ErrorBox } from '../components/load-state.js'
import { TextInput } from '../components/text-input.js'
import { MemoList } from './memo-list.js'
import { codeName, codeTree } from './qual-data.js'

/** A code's colour as a small round swatch (colour is never the only cue: the name is beside it). */
export function Swatch({ color }: { readonly color: string | null }) {
  return <span className="swatch" style={{ background: color ?? '#ffffff' }} aria-hidden="true" />
}

/**
 * The codebook as a tree of checkboxes, to choose the codes to apply. A
 * grouping (not codable) is shown as a heading of its codes. Each code's
 * definition and examples are one click away.
 */
export function CodeChecklist({
  project,
  chosen,
  onChange,
  idPrefix,
}: {
  readonly project: QualProject
  readonly chosen: ReadonlySet<string>
  readonly onChange: (next: Set<string>) => void
  readonly idPrefix: string
}) {
  const tree = codeTree(project)
  if (tree.length === 0) return <p>The codebook is empty: add a code below.</p>
  return (
    <ul className="code-tree">
      {tree.map(({ code, depth }) => {
        const id = `${idPrefix}-${code.id}`
        return (
          <li key={code.id} className="code-item" style={{ marginLeft: `${String(depth)}rem` }}>
            {code.isCodable ? (
              <div className="option">
                <input
                  type="checkbox"
                  id={id}
                  checked={chosen.has(code.id)}
                  onChange={(e) => {
                    const next = new Set(chosen)
                    if (e.target.checked) next.add(code.id)
                    else next.delete(code.id)
                    onChange(next)
                  }}
                />
                <label htmlFor={id}>
                  <Swatch color={code.color} />
                  {code.name}
                  {depth > 0 && (
                    <span className="visually-hidden"> ({codeName(project, code.id)})</span>
                  )}
                </label>
              </div>
            ) : (
              <p className="code-group">
                <Swatch color={code.color} />
                {code.name} <span className="hint">(a grouping)</span>
              </p>
            )}
            {(code.description !== '' || code.examples.length > 0) && (
              <details className="code-about">
                <summary>
                  Definition<span className="visually-hidden"> of {code.name}</span>
                </summary>
                {code.description !== '' && <p>{code.description}</p>}
                {code.examples.length > 0 && (
                  <>
                    <p className="hint">Examples:</p>
                    <ul>
                      {code.examples.map((x, i) => (
                        <li key={i}>{x}</li>
                      ))}
                    </ul>
                  </>
                )}
              </details>
            )}
          </li>
        )
      })}
    </ul>
  )
}

/** Add or change a code: name, where it sits, colour, definition, examples, codable or a grouping. */
export function CodeForm({
  project,
  studyId,
  code,
  idPrefix,
  onSaved,
  onCancel,
}: {
  readonly project: QualProject
  readonly studyId: string
  /** The code to change; none to add one. */
  readonly code?: Code
  readonly idPrefix: string
  readonly onSaved: (code: Code) => void
  readonly onCancel?: () => void
}) {
  const [name, setName] = useState(code?.name ?? '')
  const [parentId, setParentId] = useState<string>(code?.parentId ?? '')
  const [color, setColor] = useState(code?.color ?? '#1f77b4')
  const [description, setDescription] = useState(code?.description ?? '')
  const [examples, setExamples] = useState((code?.examples ?? []).join('\n'))
  const [grouping, setGrouping] = useState(code === undefined ? false : !code.isCodable)
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [busy, setBusy] = useState(false)
  // A code cannot sit inside itself or one of its own sub-codes.
  const below = new Set<string>()
  if (code !== undefined) {
    below.add(code.id)
    let grew = true
    while (grew) {
      grew = false
      for (const c of project.codebook.codes)
        if (c.parentId !== null && below.has(c.parentId) && !below.has(c.id)) {
          below.add(c.id)
          grew = true
        }
    }
  }
  const submit = async (e: SyntheticEvent) => {
    e.preventDefault()
    if (name.trim() === '') {
      setErrors({ fields: { name: 'Give the code a name.' }, general: [] })
      return
    }
    setBusy(true)
    setErrors(noErrors)
    const body: CodeInput = {
      name: name.trim(),
      parentId: parentId === '' ? null : parentId,
      isCodable: !grouping,
      color,
      description: description.trim(),
      examples: examples
        .split('\n')
        .map((x) => x.trim())
        .filter((x) => x !== ''),
    }
    try {
      const saved =
        code === undefined
          ? await api.qual.createCode(studyId, body)
          : await api.qual.updateCode(studyId, code.id, body)
      if (code === undefined) {
        setName('')
        setDescription('')
        setExamples('')
        setGrouping(false)
      }
      onSaved(saved)
    } catch (error) {
      setErrors(formErrors(error, ['name', 'color', 'description', 'examples', 'parentId']))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form
      noValidate
      onSubmit={(e) => {
        void submit(e)
      }}
    >
      {errors.general.length > 0 && <ErrorBox error={new Error(errors.general.join(' '))} />}
      <TextInput
        id={`${idPrefix}-name`}
        label="Code name"
        value={name}
        onValue={setName}
        maxLength={200}
        autoComplete="off"
        error={errors.fields['name']}
      />
      <div className="field">
        <label htmlFor={`${idPrefix}-parent`} className="label">
          Inside
        </label>
        <select
          id={`${idPrefix}-parent`}
          value={parentId}
          onChange={(e) => {
            setParentId(e.target.value)
          }}
        >
          <option value="">Nothing: a theme of its own</option>
          {codeTree(project)
            .filter(({ code: c }) => !below.has(c.id))
            .map(({ code: c }) => (
              <option key={c.id} value={c.id}>
                {codeName(project, c.id)}
              </option>
            ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-color`} className="label">
          Colour
        </label>
        <FieldError id={`${idPrefix}-color-error`} message={errors.fields['color'] ?? null} />
        <input
          id={`${idPrefix}-color`}
          type="color"
          className="input-color"
          value={color}
          aria-describedby={describedBy(
            errors.fields['color'] !== undefined && `${idPrefix}-color-error`,
          )}
          onChange={(e) => {
            setColor(e.target.value)
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-description`} className="label">
          Definition
        </label>
        <p className="hint" id={`${idPrefix}-description-hint`}>
          What the code means and when to apply it.
        </p>
        <FieldError
          id={`${idPrefix}-description-error`}
          message={errors.fields['description'] ?? null}
        />
        <textarea
          id={`${idPrefix}-description`}
          rows={3}
          value={description}
          aria-describedby={describedBy(
            `${idPrefix}-description-hint`,
            errors.fields['description'] !== undefined && `${idPrefix}-description-error`,
          )}
          onChange={(e) => {
            setDescription(e.target.value)
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-examples`} className="label">
          Examples (optional)
        </label>
        <p className="hint" id={`${idPrefix}-examples-hint`}>
          Quotes or situations that fit the code, one per line.
        </p>
        <textarea
          id={`${idPrefix}-examples`}
          rows={2}
          value={examples}
          aria-describedby={`${idPrefix}-examples-hint`}
          onChange={(e) => {
            setExamples(e.target.value)
          }}
        />
      </div>
      <div className="option field">
        <input
          id={`${idPrefix}-grouping`}
          type="checkbox"
          checked={grouping}
          onChange={(e) => {
            setGrouping(e.target.checked)
          }}
        />
        <label htmlFor={`${idPrefix}-grouping`}>
          Only a grouping of other codes (not applied to text)
        </label>
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {code === undefined ? 'Add the code' : 'Save the code'}
        </button>
        {onCancel !== undefined && (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  )
}

/**
 * The codebook for coders: every code with its definition, examples and
 * memos, a way to change it, and a form to add a code.
 */
export function CodebookSection({
  project,
  studyId,
  coderId,
  onChanged,
}: {
  readonly project: QualProject
  readonly studyId: string
  readonly coderId: string | null
  readonly onChanged: () => void
}) {
  const [editing, setEditing] = useState<string | null>(null)
  const [message, setMessage] = useState('')
  return (
    <section aria-labelledby="codebook-heading">
      <h2 id="codebook-heading" className="heading-m">
        Codebook
      </h2>
      <p role="status">{message}</p>
      {coderId !== null && (
        <details className="panel add-code">
          <summary>Add a code</summary>
          <CodeForm
            project={project}
            studyId={studyId}
            idPrefix="new-code"
            onSaved={(c) => {
              setMessage(`Added the code “${c.name}”.`)
              onChanged()
            }}
          />
        </details>
      )}
      <ul className="codebook-list">
        {codeTree(project).map(({ code, depth }) => {
          const memos = project.memos.filter(
            (m) => m.target.kind === 'code' && m.target.id === code.id,
          ).length
          return (
            <li key={code.id} style={{ marginLeft: `${String(depth)}rem` }}>
              <details>
                <summary>
                  <Swatch color={code.color} />
                  {code.name}
                  {!code.isCodable && ' (a grouping)'}
                  {memos > 0 && ` · ${String(memos)} ${memos === 1 ? 'memo' : 'memos'}`}
                </summary>
                <div className="code-detail">
                  {editing === code.id ? (
                    <CodeForm
                      project={project}
                      studyId={studyId}
                      code={code}
                      idPrefix={`edit-${code.id}`}
                      onCancel={() => {
                        setEditing(null)
                      }}
                      onSaved={(c) => {
                        setEditing(null)
                        setMessage(`Saved the code “${c.name}”.`)
                        onChanged()
                      }}
                    />
                  ) : (
                    <>
                      <p>{code.description === '' ? 'No definition yet.' : code.description}</p>
                      {code.examples.length > 0 && (
                        <ul>
                          {code.examples.map((x, i) => (
                            <li key={i}>{x}</li>
                          ))}
                        </ul>
                      )}
                      {coderId !== null && (
                        <button
                          type="button"
                          className="button button-secondary button-small"
                          onClick={() => {
                            setEditing(code.id)
                          }}
                        >
                          Change<span className="visually-hidden"> the code {code.name}</span>
                        </button>
                      )}
                    </>
                  )}
                  <h3 className="heading-s">Memos on {code.name}</h3>
                  <MemoList
                    studyId={studyId}
                    project={project}
                    coderId={coderId}
                    target={{ kind: 'code', id: code.id }}
                    about={`the code ${code.name}`}
                    idPrefix={`code-memo-${code.id}`}
                    onChanged={onChanged}
                  />
                </div>
              </details>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
