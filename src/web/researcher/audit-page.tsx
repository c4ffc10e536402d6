import { useState, type SyntheticEvent } from 'react'
import { api } from '../api.js'
import { LoadState } from '../components/load-state.js'
import { TextInput } from '../components/text-input.js'
import { formatDateTime } from '../lib/format.js'
import { usePageTitle, useResource } from '../lib/use-resource.js'

/** The append-only audit log: every change and export, who made it, and the values before and after. */
export function AuditPage() {
  usePageTitle('Audit log')
  const [entity, setEntity] = useState('')
  const [entityId, setEntityId] = useState('')
  const [filter, setFilter] = useState({ entity: '', entityId: '' })
  const [records] = useResource(`audit:${filter.entity}:${filter.entityId}`, () =>
    api.audit(filter.entity, filter.entityId),
  )
  const submit = (e: SyntheticEvent) => {
    e.preventDefault()
    setFilter({ entity: entity.trim(), entityId: entityId.trim() })
  }
  return (
    <>
      <h1>Audit log</h1>
      <form className="panel inline-form" onSubmit={submit} noValidate>
        <TextInput
          id="audit-entity"
          label="Kind of record"
          hint="For example study, participant, user or interview. Leave empty for all."
          value={entity}
          onValue={setEntity}
          spellCheck={false}
        />
        <TextInput
          id="audit-entity-id"
          label="Record id"
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
                        {r.actorKind}
                        {r.actorId !== null && ` ${r.actorId}`}
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
