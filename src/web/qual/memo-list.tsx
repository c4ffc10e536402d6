import { useState, type SyntheticEvent } from 'react'
import type { Memo, MemoTarget, QualProject } from '../../core/qual/project.js'
import { api } from '../api.js'
import { FieldError, describedBy } from '../components/field-error.js'
import { ErrorBox } from '../components/load-state.js'
import { formatDateTime } from '../lib/format.js'
import { coderName } from './qual-data.js'

const sameTarget = (a: MemoTarget, b: MemoTarget): boolean =>
  a.kind === b.kind && ('id' in a ? 'id' in b && a.id === b.id : true)

/**
 * The memos on one thing (a code, a case, a segment): each with who wrote
 * it, and a form to add one. A coder changes only their own memos.
 */
export function MemoList({
  studyId,
  project,
  coderId,
  target,
  about,
  idPrefix,
  onChanged,
}: {
  readonly studyId: string
  readonly project: QualProject
  /** The signed-in coder; null for viewers, who only read. */
  readonly coderId: string | null
  readonly target: MemoTarget
  /** What the memos are about, for labels: "the case LW01", "Transport". */
  readonly about: string
  readonly idPrefix: string
  readonly onChanged: () => void
}) {
  const memos = project.memos.filter((m) => sameTarget(m.target, target))
  return (
    <div className="memo-list">
      {memos.length === 0 ? (
        <p className="hint">No memos on {about} yet.</p>
      ) : (
        <ul className="memos">
          {memos.map((m) => (
            <MemoItem
              key={m.id}
              memo={m}
              studyId={studyId}
              project={project}
              mine={coderId !== null && m.coderId === coderId}
              onChanged={onChanged}
            />
          ))}
        </ul>
      )}
      {coderId !== null && (
        <MemoForm
          idPrefix={`${idPrefix}-new`}
          about={about}
          submitLabel="Add the memo"
          onSave={async (title, text) => {
            await api.qual.createMemo(studyId, {
              target,
              ...(title === '' ? {} : { title }),
              text,
            })
            onChanged()
          }}
        />
      )}
    </div>
  )
}

function MemoItem({
  memo,
  studyId,
  project,
  mine,
  onChanged,
}: {
  readonly memo: Memo
  readonly studyId: string
  readonly project: QualProject
  readonly mine: boolean
  readonly onChanged: () => void
}) {
  const [editing, setEditing] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  return (
    <li className="memo">
      {memo.title !== '' && <p className="memo-title">{memo.title}</p>}
      {editing ? (
        <MemoForm
          idPrefix={`memo-${memo.id}`}
          about="this memo"
          initialTitle={memo.title}
          initialText={memo.text}
          submitLabel="Save the memo"
          onCancel={() => {
            setEditing(false)
          }}
          onSave={async (title, text) => {
            await api.qual.updateMemo(studyId, memo.id, { title, text })
            setEditing(false)
            onChanged()
          }}
        />
      ) : (
        <p className="memo-text">{memo.text}</p>
      )}
      <p className="hint">
        {coderName(project, memo.coderId)}, {formatDateTime(memo.createdAt)}
      </p>
      {failure !== null && <ErrorBox error={failure} />}
      {mine && !editing && (
        <div className="button-row">
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => {
              setEditing(true)
            }}
          >
            Change<span className="visually-hidden"> the memo “{memo.title || memo.text}”</span>
          </button>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => {
              api.qual.deleteMemo(studyId, memo.id).then(onChanged, setFailure)
            }}
          >
            Delete<span className="visually-hidden"> the memo “{memo.title || memo.text}”</span>
          </button>
        </div>
      )}
    </li>
  )
}

function MemoForm({
  idPrefix,
  about,
  initialTitle = '',
  initialText = '',
  submitLabel,
  onSave,
  onCancel,
}: {
  readonly idPrefix: string
  readonly about: string
  readonly initialTitle?: string
  readonly initialText?: string
  readonly submitLabel: string
  readonly onSave: (title: string, text: string) => Promise<void>
  readonly onCancel?: () => void
}) {
  const [title, setTitle] = useState(initialTitle)
  const [text, setText] = useState(initialText)
  const [error, setError] = useState<string | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (e: SyntheticEvent) => {
    e.preventDefault()
    if (text.trim() === '') {
      setError('Write the memo first.')
      return
    }
    setBusy(true)
    setError(null)
    setFailure(null)
    try {
      await onSave(title.trim(), text.trim())
      setTitle('')
      setText('')
    } catch (err) {
      setFailure(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <form
      noValidate
      className="memo-form"
      onSubmit={(e) => {
        void submit(e)
      }}
    >
      {failure !== null && <ErrorBox error={failure} />}
      <div className="field">
        <label htmlFor={`${idPrefix}-title`} className="label">
          Memo title (optional)
        </label>
        <input
          id={`${idPrefix}-title`}
          className="input-text"
          value={title}
          maxLength={200}
          onChange={(e) => {
            setTitle(e.target.value)
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-text`} className="label">
          Memo on {about}
        </label>
        <FieldError id={`${idPrefix}-text-error`} message={error} />
        <textarea
          id={`${idPrefix}-text`}
          rows={3}
          value={text}
          aria-invalid={error === null ? undefined : true}
          aria-describedby={describedBy(error !== null && `${idPrefix}-text-error`)}
          onChange={(e) => {
            setText(e.target.value)
          }}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button button-small" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel !== undefined && (
          <button type="button" className="button button-secondary button-small" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  )
}
