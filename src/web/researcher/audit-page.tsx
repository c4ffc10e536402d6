import { useState, type SyntheticEvent } from 'react'
import { api } from '../api.js'
import { LoadState } from '../components/load-state.js'
import { TextInput } from '../components/text-input.js'
import { formatDateTime } from '../lib/format.js'
import { usePageTitle, useResource } from '../lib/use-resource.js'

/** What the log records changes to, in the server's words and ours. */
const kinds: readonly (readonly [string, string])[] = [
  ['', 'Everything'],
  ['study', 'Studies (and exports)'],
  ['participant', 'Participants'],
  ['invitation', 'Interview links'],
  ['interview', 'Interviews (answers)'],
  ['user', 'User accounts'],
  ['protocol', 'Protocols'],
]

/** The append-only audit log: every change and export, who made it, and the values before and after. */
export function AuditPage() {
  usePageTitle('Audit log')
  const [entity, setEntity] = useState('')
  const [entityId, setEntityId] = useState('')
  const [filter, setFilter] = useState({ entity: '', entityId: '' })
  const [records] = useResource(`audit:${filter.entity}:${filter.entityId}`, () =>
    api.audit(filter.entity, filter.entityId),
  )
  // Who did it, by name rather than account id (this page is for admins, who may list accounts).
  const [users] = useResource('users', api.users)
  const nameOf = (id: string): string => {
    const user = users.kind === 'ready' ? users.data.find((u) => u.id === id) : undefined
    return user === undefined ? id : `${user.name} (${user.email})`
  }
  const submit = (e: SyntheticEvent) => {
    e.preventDefault()
    setFilter({ entity: entity.trim(), entityId: entityId.trim() })
  }
  return (
    <>
      <h1>Audit log</h1>
      <form className="panel inline-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="audit-entity" className="label">
            Kind of record
          </label>
          <select
            id="audit-entity"
            value={entity}
            onChange={(e) => {
              setEntity(e.target.value)
            }}
          >
            {kinds.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <TextInput
          id="audit-entity-id"
          label="Record id"
          hint="Optional: the id of one study, participant, link or account."
          value={entityId}
          onValue={setEntityId}
          spellCheck={false}
        />
        <button type="submit" className="button">
          Show
        </button>
      </form>
      <LoadState resource={records}>
        {(list) =>
          list.length === 0 ? (
            <p>No records.</p>
          ) : (
            <div className="table-wrap">
              <table className="compact">
                <caption className="visually-hidden">Audit records, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Who</th>
                    <th scope="col">Action</th>
                    <th scope="col">Record</th>
                    <th scope="col">Details</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((r) => (
                    <tr key={r.id}>
                      <td>{formatDateTime(r.at)}</td>
                      <td>
                        {r.actorKind === 'user' && r.actorId !== null
                          ? nameOf(r.actorId)
                          : r.actorKind === 'participant'
                            ? 'The participant (interview link)'
                            : r.actorKind === 'system'
                              ? 'spnet'
                              : r.actorKind}
                      </td>
                      <td>{r.action}</td>
                      <td>
                        {r.entity}
                        {r.entityId !== null && ` ${r.entityId}`}
                      </td>
                      <td>
                        {r.before === null && r.after === null ? (
                          '–'
                        ) : (
                          <details>
                            <summary>
                              Values<span className="visually-hidden"> of record {r.id}</span>
                            </summary>
                            <pre>
                              {JSON.stringify(
                                { before: json(r.before), after: json(r.after) },
                                null,
                                2,
                              )}
                            </pre>
                          </details>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </LoadState>
    </>
  )
}

/** Values may arrive as JSON text; show them as data. */
function json(value: unknown): unknown {
  if (typeof value !== 'string') return value
  try {
    return JSON.parse(value) as unknown
  } catch {
    return value
  }
}
