import { Fragment, useState, type SyntheticEvent } from 'react'
import type { InterviewStatus, StudyDetail } from '../../core/api/api.js'
import { api, formErrors, noErrors, type FormErrors } from '../api.js'
import { ErrorBox, LoadState } from '../components/load-state.js'
import { TextInput } from '../components/text-input.js'
import { formatDateTime } from '../lib/format.js'
import { usePageTitle, useResource } from '../lib/use-resource.js'
import { Link } from '../router.js'
import { InvitationsPanel } from './invitations-panel.js'
import { canEdit, useUser } from './session.js'

export const statusWords: Record<InterviewStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  submitted: 'Sent',
}

export function StudyPage({ id }: { readonly id: string }) {
  const [study, reload] = useResource(`study:${id}`, () => api.study(id))
  return <LoadState resource={study}>{(s) => <StudyView study={s} reload={reload} />}</LoadState>
}

function StudyView({
  study,
  reload,
}: {
  readonly study: StudyDetail
  readonly reload: () => void
}) {
  usePageTitle(study.name)
  const user = useUser()
  const editable = canEdit(user.role)
  const [open, setOpen] = useState<string | null>(null)
  return (
    <>
      <p className="caption">
        <Link to="/">Studies</Link>
      </p>
      <h1>{study.name}</h1>
      <p>
        Protocol: {study.protocol.name} (version {study.protocol.version}). {study.participants}{' '}
        participants, {study.started} started, {study.submitted} sent.
      </p>
      <p>
        <Link
          to={`/studies/${encodeURIComponent(study.id)}/analysis`}
          className="button button-secondary"
        >
          Measures, comparisons and exports
        </Link>
      </p>

      <h2 className="heading-m">Participants</h2>
      {study.participantList.length === 0 ? (
        <p>No participants yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Participant</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Contacts named
                </th>
                <th scope="col">Last saved</th>
                <th scope="col">Interview links</th>
              </tr>
            </thead>
            <tbody>
              {study.participantList.map((p) => {
                const expanded = open === p.id
                return (
                  <Fragment key={p.id}>
                    <tr>
                      <th scope="row">
                        <Link to={`/participants/${encodeURIComponent(p.id)}`}>{p.label}</Link>
                      </th>
                      <td>
                        <span className={`tag tag-${p.status}`}>{statusWords[p.status]}</span>
                      </td>
                      <td className="num">{p.alters}</td>
                      <td>{formatDateTime(p.submittedAt ?? p.updatedAt)}</td>
                      <td>
                        <button
                          type="button"
                          className="link-button"
                          aria-expanded={expanded}
                          aria-controls={`links-${p.id}`}
                          onClick={() => {
                            setOpen(expanded ? null : p.id)
                          }}
                        >
                          {editable ? 'Links' : 'Show links'} ({p.invitations.length})
                          <span className="visually-hidden"> for {p.label}</span>
                        </button>
                      </td>
                    </tr>
                    {expanded && (
                      <tr className="row-detail">
                        <td colSpan={5} id={`links-${p.id}`}>
                          <InvitationsPanel
                            participant={p}
                            editable={editable}
                            onChanged={reload}
                          />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      {editable && <AddParticipant studyId={study.id} onAdded={reload} />}
    </>
  )
}

function AddParticipant({
  studyId,
  onAdded,
}: {
  readonly studyId: string
  readonly onAdded: () => void
}) {
  const [label, setLabel] = useState('')
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [added, setAdded] = useState('')
  const [busy, setBusy] = useState(false)
  const submit = async (e: SyntheticEvent) => {
    e.preventDefault()
    setBusy(true)
    setErrors(noErrors)
    try {
      const p = await api.addParticipant(studyId, label)
      setAdded(`${p.label} added. Open "Links" in their row to make an interview link.`)
      setLabel('')
      onAdded()
    } catch (error) {
      setErrors(formErrors(error, ['label']))
    } finally {
      setBusy(false)
    }
  }
  return (
    <section className="panel" aria-labelledby="add-participant">
      <h2 id="add-participant" className="heading-m">
        Add a participant
      </h2>
      <form
        noValidate
        onSubmit={(e) => {
          void submit(e)
        }}
      >
        {errors.general.length > 0 && <ErrorBox error={new Error(errors.general.join(' '))} />}
        <TextInput
          id="participant-label"
          label="Participant code"
          hint="A pseudonym such as LW01: never a person's name."
          value={label}
          onValue={setLabel}
          maxLength={60}
          autoComplete="off"
          spellCheck={false}
          error={errors.fields['label']}
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          Add participant
        </button>
        <p role="status">{added}</p>
      </form>
    </section>
  )
}
