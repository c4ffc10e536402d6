import { Fragment, useState, type SyntheticEvent } from 'react'
import type { InterviewStatus, StudyPage as StudyData } from '../../core/api/api.js'
import { api, formErrors, noErrors, type FormErrors } from '../api.js'
import { LoadState } from '../components/load-state.js'
import { FormPanel } from '../components/form-panel.js'
import { TextInput } from '../components/text-input.js'
import { formatDateTime } from '../lib/format.js'
import { usePageTitle, useResource } from '../lib/use-resource.js'
import { Link } from '../router.js'
import { DeprivationPanel } from './deprivation-panel.js'
import { InvitationsPanel } from './invitations-panel.js'
import { DeprivationCell } from './participant-deprivation.js'
import { canEdit, useUser } from './session.js'

export const statusWords: Record<InterviewStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  submitted: 'Sent',
}

const plural = (n: number, word: string) => `${String(n)} ${word}${n === 1 ? '' : 's'}`

export function StudyPage({ id }: { readonly id: string }) {
  const [study, reload] = useResource(`study:${id}`, () => api.study(id))
  return <LoadState resource={study}>{(s) => <StudyView study={s} reload={reload} />}</LoadState>
}

function StudyView({ study, reload }: { readonly study: StudyData; readonly reload: () => void }) {
  usePageTitle(study.name)
  const user = useUser()
  const editable = canEdit(user.role)
  const [open, setOpen] = useState<string | null>(null)
  const placed = study.deprivation
  return (
    <>
      <p className="caption">
        <Link to="/">Studies</Link>
      </p>
      <h1>{study.name}</h1>
      <p>
        Protocol: {study.protocol.name} (version {study.protocol.version}).{' '}
        {plural(study.participants, 'participant')}, {study.started} started, {study.submitted}{' '}
        sent.
      </p>
      <ul className="button-row">
        <li>
          <Link
            to={`/studies/${encodeURIComponent(study.id)}/analysis`}
            className="button button-secondary"
          >
            {editable ? 'Measures, comparisons and exports' : 'Measures and comparisons'}
          </Link>
        </li>
        <li>
          <Link
            to={`/studies/${encodeURIComponent(study.id)}/qual`}
            className="button button-secondary"
          >
            Interviews: transcripts, coding and themes
          </Link>
        </li>
      </ul>

      <DeprivationPanel study={study} editable={editable} onChanged={reload} />

      <h2 className="heading-m">Participants</h2>
      {study.participantList.length === 0 ? (
        <p>No participants yet.</p>
      ) : (
        <div className="table-wrap">
          {/* Explicit roles: on a phone the rows are laid out as cards, which would otherwise
              lose the table's meaning in some browsers. */}
          <table className="table-stack" role="table">
            <caption className="visually-hidden">Participants and their interviews</caption>
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">
                  Participant
                </th>
                <th scope="col" role="columnheader">
                  Status
                </th>
                <th scope="col" role="columnheader" className="num">
                  Contacts named
                </th>
                <th scope="col" role="columnheader">
                  Last saved
                </th>
                {placed !== null && (
                  <th scope="col" role="columnheader">
                    IMD quintile
                  </th>
                )}
                <th scope="col" role="columnheader">
                  Interview links
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {study.participantList.map((p) => {
                const expanded = open === p.id
                return (
                  <Fragment key={p.id}>
                    <tr role="row">
                      <th scope="row" role="rowheader">
                        <Link to={`/participants/${encodeURIComponent(p.id)}`}>{p.label}</Link>
                      </th>
                      <td role="cell" data-label="Status">
                        <span className={`tag tag-${p.status}`}>{statusWords[p.status]}</span>
                      </td>
                      <td role="cell" data-label="Contacts named" className="num">
                        {p.alters}
                      </td>
                      <td role="cell" data-label="Last saved">
                        {formatDateTime(p.submittedAt ?? p.updatedAt)}
                      </td>
                      {placed !== null && (
                        <td role="cell" data-label="IMD quintile">
                          <DeprivationCell placement={placed.participants[p.id]} />
                        </td>
                      )}
                      <td role="cell">
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
                      <tr role="row" className="row-detail">
                        <td role="cell" colSpan={placed === null ? 5 : 6} id={`links-${p.id}`}>
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
    if (label.trim() === '') {
      setErrors({ fields: { label: 'Enter a participant code, such as LW01.' }, general: [] })
      return
    }
    setBusy(true)
    setErrors(noErrors)
    try {
      const p = await api.addParticipant(studyId, label.trim())
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
    <FormPanel
      id="add-participant"
      title="Add a participant"
      errors={errors}
      status={added}
      onSubmit={submit}
    >
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
    </FormPanel>
  )
}
