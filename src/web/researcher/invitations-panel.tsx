import { useState, type SyntheticEvent } from 'react'
import type { Invitation, NewInvitation, ParticipantSummary } from '../../core/api/api.js'
import { api, formErrors, noErrors, type FormErrors } from '../api.js'
import { CopyButton } from '../components/copy-button.js'
import { ErrorBox } from '../components/load-state.js'
import { TextInput } from '../components/text-input.js'
import { formatDate, formatDateTime } from '../lib/format.js'

export function invitationState(i: Invitation, now = Date.now()): string {
  if (i.revokedAt !== null) return 'Withdrawn'
  if (new Date(i.expiresAt).getTime() < now) return 'Expired'
  return i.firstUsedAt === null ? 'Not opened yet' : 'Opened'
}

/**
 * A participant's interview links: make one (its address is shown once,
 * since only a hash is kept) and withdraw one.
 */
export function InvitationsPanel({
  participant,
  editable,
  onChanged,
}: {
  readonly participant: ParticipantSummary
  readonly editable: boolean
  readonly onChanged: () => void
}) {
  const [created, setCreated] = useState<NewInvitation | null>(null)
  const [mode, setMode] = useState<'self' | 'interviewer'>('self')
  const [days, setDays] = useState('30')
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [revokeError, setRevokeError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const id = `inv-${participant.id}`

  const create = async (e: SyntheticEvent) => {
    e.preventDefault()
    const expiresInDays = Number(days.trim())
    if (!/^\d+$/.test(days.trim()) || expiresInDays < 1 || expiresInDays > 365) {
      setErrors({
        fields: { expiresInDays: 'Enter a whole number of days, from 1 to 365.' },
        general: [],
      })
      return
    }
    setBusy(true)
    setErrors(noErrors)
    try {
      setCreated(await api.invite(participant.id, mode, expiresInDays))
      onChanged()
    } catch (error) {
      setErrors(formErrors(error, ['mode', 'expiresInDays']))
    } finally {
      setBusy(false)
    }
  }

  const revoke = async (invitation: Invitation) => {
    setRevokeError(null)
    try {
      await api.revokeInvitation(invitation.id)
      onChanged()
    } catch (error) {
      setRevokeError(error)
    }
  }

  const url = created === null ? null : new URL(created.url, window.location.origin).href
  return (
    <div className="invitations">
      {participant.invitations.length === 0 ? (
        <p>No interview links yet.</p>
      ) : (
        <ul className="invitation-list">
          {participant.invitations.map((i) => {
            const state = invitationState(i)
            return (
              <li key={i.id}>
                <span>
                  {i.mode === 'self' ? 'Self-completion' : 'Interviewer'} link, made{' '}
                  {formatDateTime(i.createdAt)}, expires {formatDate(i.expiresAt)}:{' '}
                  <strong>{state}</strong>
                  {i.firstUsedAt !== null && ` (first opened ${formatDateTime(i.firstUsedAt)})`}
                </span>
                {editable && (state === 'Opened' || state === 'Not opened yet') && (
                  <button
                    type="button"
                    className="button button-warning button-small"
                    onClick={() => {
                      void revoke(i)
                    }}
                  >
                    Withdraw<span className="visually-hidden"> this link</span>
                  </button>
                )}
              </li>
            )
          })}
        </ul>
      )}
      {revokeError !== null && <ErrorBox error={revokeError} />}
      {url !== null && (
        <div className="new-link" role="status">
          <p>
            <strong>New link for {participant.label}.</strong> Copy it now: it is shown only once.
          </p>
          <label htmlFor={`${id}-url`} className="visually-hidden">
            Interview link
          </label>
          <input
            id={`${id}-url`}
            className="input-text input-url"
            readOnly
            value={url}
            onFocus={(e) => {
              e.target.select()
            }}
          />{' '}
          <CopyButton text={url} label="Copy link" />
        </div>
      )}
      {editable && (
        <form
          className="inline-form"
          noValidate
          onSubmit={(e) => {
            void create(e)
          }}
        >
          {errors.general.length > 0 && <ErrorBox error={new Error(errors.general.join(' '))} />}
          <fieldset className="field">
            <legend className="label">Who fills it in?</legend>
            <div className="options options-inline">
              <div className="option">
                <input
                  type="radio"
                  id={`${id}-self`}
                  name={`${id}-mode`}
                  checked={mode === 'self'}
                  onChange={() => {
                    setMode('self')
                  }}
                />
                <label htmlFor={`${id}-self`}>The participant</label>
              </div>
              <div className="option">
                <input
                  type="radio"
                  id={`${id}-interviewer`}
                  name={`${id}-mode`}
                  checked={mode === 'interviewer'}
                  onChange={() => {
                    setMode('interviewer')
                  }}
                />
                <label htmlFor={`${id}-interviewer`}>An interviewer, with them</label>
              </div>
            </div>
          </fieldset>
          <TextInput
            id={`${id}-days`}
            label="Days until it expires"
            inputMode="numeric"
            className="input-number"
            value={days}
            onValue={setDays}
            error={errors.fields['expiresInDays']}
          />
          <button type="submit" className="button" disabled={busy}>
            Make a new link
          </button>
        </form>
      )}
    </div>
  )
}
