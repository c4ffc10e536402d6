import type { StudyDetail } from '../../core/api/api.js'
import type { QualWorkspace } from '../../core/api/qual-api.js'
import { Link } from '../router.js'
import {
  attributeLabel,
  attributeNames,
  formatAttribute,
  preferredAttributes,
} from './qual-data.js'

/**
 * The cases of a study with the attributes they carry: deprivation, the
 * implementation model and the network measures of each participant. The
 * usual ones are in the table; every attribute is in the one below it.
 */
export function CasesTable({
  ws,
  study,
}: {
  readonly ws: QualWorkspace
  readonly study: StudyDetail
}) {
  const { cases } = ws.project
  if (cases.length === 0) return <p>No participants yet.</p>
  const names = attributeNames(cases)
  const shown = names.filter((n) => (preferredAttributes as readonly string[]).includes(n))
  const participant = (label: string | null) =>
    study.participantList.find((p) => p.label === label) ?? null
  return (
    <>
      <div
        className="table-wrap table-scroll"
        role="region"
        aria-label="Table of cases and their attributes"
        tabIndex={0}
      >
        <table className="compact">
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col" className="num">
                Transcripts
              </th>
              <th scope="col" className="num">
                Segments
              </th>
              {shown.map((a) => (
                <th key={a} scope="col" className={a === 'implementation_model' ? '' : 'num'}>
                  {attributeLabel(a)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => {
              const p = participant(c.egoId)
              const segments = ws.project.segments.filter((s) =>
                c.sourceIds.includes(s.sourceId),
              ).length
              return (
                <tr key={c.id}>
                  <th scope="row">
                    {p === null ? (
                      c.name
                    ) : (
                      <Link to={`/participants/${encodeURIComponent(p.id)}`}>{c.name}</Link>
                    )}
                  </th>
                  <td className="num">{c.sourceIds.length}</td>
                  <td className="num">{segments}</td>
                  {shown.map((a) => (
                    <td key={a} className={a === 'implementation_model' ? '' : 'num'}>
                      {formatAttribute(c.attributes[a])}
                    </td>
                  ))}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {names.length > shown.length && (
        <details>
          <summary>Every attribute of the cases ({names.length})</summary>
          <div
            className="table-wrap table-scroll"
            role="region"
            aria-label="Every attribute of the cases"
            tabIndex={0}
          >
            <table className="compact">
              <thead>
                <tr>
                  <th scope="col">Case</th>
                  {names.map((a) => (
                    <th key={a} scope="col">
                      {a}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {cases.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{c.name}</th>
                    {names.map((a) => (
                      <td key={a}>{formatAttribute(c.attributes[a])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </>
  )
}
