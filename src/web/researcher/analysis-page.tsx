import { useState, type SyntheticEvent } from 'react'
import type { Comparison } from '../../core/compare/compare-groups.js'
import type { MeasureTableJson, StudyPage } from '../../core/api/api.js'
import { methodPhrase } from '../../core/api/deprivation-api.js'
import { ApiError, api } from '../api.js'
import { FieldError } from '../components/field-error.js'
import { LoadState, errorText } from '../components/load-state.js'
import { Notes } from '../components/notes.js'
import { TextInput } from '../components/text-input.js'
import { formatNumber } from '../lib/format.js'
import { usePageTitle, useResource } from '../lib/use-resource.js'
import { Link } from '../router.js'
import { ComparisonView } from './comparison-view.js'
import { canEdit, useUser } from './session.js'

/** Ego attributes researchers usually compare by; any other ego attribute can be typed. */
const commonGroupings = [
  'imd_quintile',
  'imd_decile',
  'imd_tertile',
  'imd_group3',
  'core20',
  'implementation_model',
  'role',
  'base',
  'clinical_system_access',
]

export function AnalysisPage({ id }: { readonly id: string }) {
  usePageTitle('Measures and comparisons')
  const user = useUser()
  const [study] = useResource(`study:${id}`, () => api.study(id))
  const [measures] = useResource(`measures:${id}`, () => api.measures(id))
  const studyName = study.kind === 'ready' ? study.data.name : 'Study'
  return (
    <>
      <p className="caption">
        <Link to={`/studies/${encodeURIComponent(id)}`}>{studyName}</Link>
      </p>
      <h1>Measures and comparisons</h1>

      <section aria-labelledby="exports">
        <h2 id="exports" className="heading-m">
          Export the data
        </h2>
        {canEdit(user.role) ? (
          <>
            <p>
              Every answer, including “no” and “don’t know” for pairs of contacts, with a codebook.
            </p>
            <ul className="button-row">
              <li>
                <a className="button button-secondary" href={api.exportUrl(id, 'csv')} download>
                  CSV files (zip)
                </a>
              </li>
              <li>
                <a className="button button-secondary" href={api.exportUrl(id, 'json')} download>
                  JSON
                </a>
              </li>
              <li>
                <a className="button button-secondary" href={api.exportUrl(id, 'graphml')} download>
                  GraphML
                </a>
              </li>
            </ul>
          </>
        ) : (
          <p>
            Exports hold every answer, so only researchers and admins can make them. Ask one of them
            if you need the data.
          </p>
        )}
      </section>

      <section aria-labelledby="measures">
        <h2 id="measures" className="heading-m">
          Measures per participant
        </h2>
        <LoadState resource={measures}>{(table) => <Measures table={table} />}</LoadState>
      </section>

      <CompareSection studyId={id} />
      {study.kind === 'ready' && <DeprivationHint study={study.data} />}
    </>
  )
}

/** How the imd_* attributes are computed, or why they are empty and what to do (as the study page says). */
function DeprivationHint({ study }: { readonly study: StudyPage }) {
  const d = study.deprivation
  if (d === null) return null
  const { by, method, edition } = d.setting
  const outcome =
    d.problem === null
      ? `: ${String(d.placed)} of ${String(study.participantList.length)} participants placed.`
      : `, but nobody can be placed yet: ${d.problem.message}${d.problem.fix === null ? '' : ` ${d.problem.fix}`}`
  return (
    <p className="hint">
      {`The imd_* attributes are computed from each participant’s ${by}, read as ${methodPhrase[method]} (IoD ${String(edition)})${outcome}`}{' '}
      <Link to={`/studies/${encodeURIComponent(study.id)}`}>
        Change the setting on the study page
      </Link>
      .
    </p>
  )
}

/** The measures' notes (what the data cannot give, what was chosen), then the table. */
function Measures({ table }: { readonly table: MeasureTableJson }) {
  if (table.egoIds.length === 0) return <p>No interviews have been sent yet.</p>
  return (
    <>
      <Notes notes={table.notes} />
      <MeasuresTable table={table} />
    </>
  )
}

function MeasuresTable({ table }: { readonly table: MeasureTableJson }) {
  const [idColumn, ...measureColumns] = table.columns
  return (
    <div
      className="table-wrap table-scroll"
      role="region"
      aria-label="Table of measures per participant"
      tabIndex={0}
    >
      <table className="compact">
        <thead>
          <tr>
            <th scope="col">{idColumn ?? 'participant'}</th>
            {measureColumns.map((c) => (
              <th key={c} scope="col" className="num">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.egoIds.map((ego, i) => (
            <tr key={ego}>
              <th scope="row">{ego}</th>
              {measureColumns.map((c, j) => (
                <td key={c} className="num">
                  {formatNumber(table.rows[i]?.[j])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function CompareSection({ studyId }: { readonly studyId: string }) {
  const [by, setBy] = useState('imd_quintile')
  const [pairA, setPairA] = useState('')
  const [pairB, setPairB] = useState('')
  const [result, setResult] = useState<Comparison | null>(null)
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({})
  const [busy, setBusy] = useState(false)
  const groups = result?.by === by ? result.groups.map((g) => g.group) : []

  const submit = async (e: SyntheticEvent) => {
    e.preventDefault()
    const grouping = by.trim()
    if (grouping === '') {
      setErrors({ by: 'Enter an attribute of the participants, such as imd_quintile.' })
      return
    }
    const choosing = groups.length > 1 && (pairA !== '' || pairB !== '')
    if (choosing && (pairA === '' || pairB === '')) {
      setErrors({ pair: 'Choose both groups, or neither.' })
      return
    }
    if (choosing && pairA === pairB) {
      setErrors({ pair: 'Choose two different groups.' })
      return
    }
    setBusy(true)
    setErrors({})
    try {
      setResult(await api.compare(studyId, grouping, choosing ? [pairA, pairB] : null))
    } catch (err) {
      // A refusal that names the grouping (no such attribute, only one group) belongs on its field.
      const aboutGrouping =
        err instanceof ApiError && err.status === 400 && err.message.includes(`"${grouping}"`)
      const text = aboutGrouping
        ? [err.message, ...err.issues.map((i) => i.message)].join(' ')
        : errorText(err)
      setErrors(aboutGrouping ? { by: text } : { general: text })
      setResult(null)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="compare">
      <h2 id="compare" className="heading-m">
        Compare groups of participants
      </h2>
      <form
        className="panel"
        noValidate
        onSubmit={(e) => {
          void submit(e)
        }}
      >
        <TextInput
          id="compare-by"
          label="Group participants by"
          hint="An attribute of the participants, such as imd_quintile or implementation_model."
          list="compare-by-options"
          autoComplete="off"
          spellCheck={false}
          value={by}
          error={errors['by']}
          onValue={(v) => {
            setBy(v)
            setPairA('')
            setPairB('')
          }}
        />
        <datalist id="compare-by-options">
          {commonGroupings.map((g) => (
            <option key={g} value={g} />
          ))}
        </datalist>
        {groups.length > 1 && (
          <fieldset
            className="field"
            aria-describedby={errors['pair'] === undefined ? undefined : 'pair-error'}
          >
            <legend className="label">Also compare two groups directly (optional)</legend>
            <FieldError id="pair-error" message={errors['pair'] ?? null} />
            <div className="options-inline">
              <GroupSelect
                id="pair-a"
                label="First group"
                groups={groups}
                value={pairA}
                onValue={setPairA}
              />
              <GroupSelect
                id="pair-b"
                label="Second group"
                groups={groups}
                value={pairB}
                onValue={setPairB}
              />
            </div>
          </fieldset>
        )}
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Comparing…' : 'Compare'}
        </button>
      </form>
      {errors['general'] !== undefined && (
        <div className="error-summary" role="alert">
          <p>{errors['general']}</p>
        </div>
      )}
      {result !== null && <ComparisonView comparison={result} />}
    </section>
  )
}

function GroupSelect({
  id,
  label,
  groups,
  value,
  onValue,
}: {
  readonly id: string
  readonly label: string
  readonly groups: readonly string[]
  readonly value: string
  readonly onValue: (v: string) => void
}) {
  return (
    <div className="field">
      <label htmlFor={id} className="label">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => {
          onValue(e.target.value)
        }}
      >
        <option value="">–</option>
        {groups.map((g) => (
          <option key={g} value={g}>
            {g}
          </option>
        ))}
      </select>
    </div>
  )
}
