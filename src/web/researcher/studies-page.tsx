import { useState, type SyntheticEvent } from 'react'
import type { ProtocolSummary } from '../../core/api/api.js'
import { api, formErrors, noErrors, type FormErrors } from '../api.js'
import { FieldError, describedBy } from '../components/field-error.js'
import { LoadState } from '../components/load-state.js'
import { TextInput } from '../components/text-input.js'
import { formatDate } from '../lib/format.js'
import { usePageTitle, useResource } from '../lib/use-resource.js'
import { Link, navigate } from '../router.js'
import { canEdit, useUser } from './session.js'

export function StudiesPage() {
  usePageTitle('Studies')
  const user = useUser()
  const [studies] = useResource('studies', api.studies)
  return (
    <>
      <h1>Studies</h1>
      <LoadState resource={studies}>
        {(list) =>
          list.length === 0 ? (
            <p>No studies yet.</p>
          ) : (
            <div className="table-wrap">
              <table className="table-stack" role="table">
                <caption className="visually-hidden">Your studies</caption>
                <thead role="rowgroup">
                  <tr role="row">
                    <th scope="col" role="columnheader">
                      Study
                    </th>
                    <th scope="col" role="columnheader">
                      Protocol
                    </th>
                    <th scope="col" role="columnheader" className="num">
                      Participants
                    </th>
                    <th scope="col" role="columnheader" className="num">
                      Started
                    </th>
                    <th scope="col" role="columnheader" className="num">
                      Sent
                    </th>
                    <th scope="col" role="columnheader">
                      Created
                    </th>
                  </tr>
                </thead>
                <tbody role="rowgroup">
                  {list.map((s) => (
                    <tr key={s.id} role="row">
                      <th scope="row" role="rowheader">
                        <Link to={`/studies/${encodeURIComponent(s.id)}`}>{s.name}</Link>
                      </th>
                      <td role="cell" data-label="Protocol">
                        {s.protocol.name} (v{s.protocol.version})
                      </td>
                      <td role="cell" data-label="Participants" className="num">
                        {s.participants}
                      </td>
                      <td role="cell" data-label="Started" className="num">
                        {s.started}
                      </td>
                      <td role="cell" data-label="Sent" className="num">
                        {s.submitted}
                      </td>
                      <td role="cell" data-label="Created">
                        {formatDate(s.createdAt)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </LoadState>
      {canEdit(user.role) && <NewStudyForm />}
    </>
  )
}

function NewStudyForm() {
  const [protocols] = useResource('protocols', api.protocols)
  const [name, setName] = useState('')
  const [protocol, setProtocol] = useState('')
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [busy, setBusy] = useState(false)

  const submit = async (e: SyntheticEvent, list: readonly ProtocolSummary[]) => {
    e.preventDefault()
    const chosen = list.find((p) => `${p.id}@${String(p.version)}` === protocol) ?? list[0]
    if (chosen === undefined) return
    setBusy(true)
    try {
      const study = await api.createStudy({
        name,
        protocolId: chosen.id,
        protocolVersion: chosen.version,
      })
      navigate(`/studies/${encodeURIComponent(study.id)}`)
    } catch (error) {
      setErrors(formErrors(error, ['name', 'protocolId', 'protocolVersion']))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="panel" aria-labelledby="new-study">
      <h2 id="new-study" className="heading-m">
        New study
      </h2>
      <LoadState resource={protocols}>
        {(list) => (
          <form
            noValidate
            onSubmit={(e) => {
              void submit(e, list)
            }}
          >
            {errors.general.length > 0 && (
              <div className="error-summary" role="alert">
                {errors.general.map((m) => (
                  <p key={m}>{m}</p>
                ))}
              </div>
            )}
            <TextInput
              id="study-name"
              label="Name"
              value={name}
              onValue={setName}
              maxLength={200}
              error={errors.fields['name']}
            />
            <div className="field">
              <label htmlFor="study-protocol" className="label">
                Protocol
              </label>
              <p className="hint" id="study-protocol-hint">
                The questions participants will be asked. A study keeps the version it starts with.
              </p>
              <FieldError
                id="study-protocol-error"
                message={errors.fields['protocolId'] ?? errors.fields['protocolVersion'] ?? null}
              />
              <select
                id="study-protocol"
                value={protocol}
                aria-describedby={describedBy('study-protocol-hint')}
                onChange={(e) => {
                  setProtocol(e.target.value)
                }}
              >
                {list.map((p) => (
                  <option
                    key={`${p.id}@${String(p.version)}`}
                    value={`${p.id}@${String(p.version)}`}
                  >
                    {p.name} (version {p.version})
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button-primary" disabled={busy}>
              Create study
            </button>
          </form>
        )}
      </LoadState>
    </section>
  )
}
