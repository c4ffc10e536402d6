import { Fragment, useState, type SyntheticEvent } from 'react'
import type { Cooccurrence } from '../../core/qual/matrix/code-cooccurrence.js'
import type {
  FrameworkMatrix,
  MatrixCell,
  MatrixRow,
} from '../../core/qual/matrix/framework-matrix.js'
import { ApiError, api, type QualQuery } from '../api.js'
import { ErrorBox, LoadState } from '../components/load-state.js'
import { TextInput } from '../components/text-input.js'
import { useResource } from '../lib/use-resource.js'
import { navigate, useLocation } from '../router.js'
import { canEdit, useUser } from '../researcher/session.js'
import {
  attributeLabel,
  attributeNames,
  codeName,
  formatAttribute,
  plural,
  qualPath,
} from './qual-data.js'
import { QualFrame, type QualData } from './qual-frame.js'

type Options = {
  readonly by: string
  readonly sort: string
  readonly desc: boolean
  readonly themes: readonly string[]
  readonly coder: string
  readonly where: string
  readonly unit: 'sentence' | 'turn'
}

const fromQuery = (q: URLSearchParams): Options => ({
  by: q.get('by') ?? 'imd_quintile',
  sort: q.get('sort') ?? '',
  desc: q.get('desc') === '1',
  themes: (q.get('themes') ?? '').split(',').filter((t) => t !== ''),
  coder: q.get('coder') ?? '',
  where: q.get('where') ?? '',
  unit: q.get('unit') === 'turn' ? 'turn' : 'sentence',
})

const whereList = (o: Options) =>
  o.where
    .split(';')
    .map((w) => w.trim())
    .filter((w) => w !== '')

function matrixQuery(o: Options): QualQuery {
  return {
    by: o.by,
    sort: o.sort === '' ? '' : `${o.sort}${o.desc ? ':desc' : ''}`,
    themes: o.themes.join(','),
    coder: o.coder,
    where: whereList(o),
  }
}

/**
 * The framework matrix (NVivo's Framework Matrix): cases × themes, each cell
 * with its coded segments, counts and the researcher's summary; rows grouped
 * by one attribute and ordered by another (IMD quintile, then constraint).
 * Below it, the code co-occurrence table under the same filters.
 */
export function MatrixPage({ id }: { readonly id: string }) {
  return (
    <QualFrame studyId={id} section="matrix" title="Framework matrix">
      {(data) => <MatrixView data={data} />}
    </QualFrame>
  )
}

function MatrixView({ data }: { readonly data: QualData }) {
  const { query } = useLocation()
  const options = fromQuery(query)
  const key = query.toString()
  const studyId = data.study.id
  const [matrix, reloadMatrix] = useResource(`matrix:${studyId}:${key}`, () =>
    api.qual.matrix(studyId, matrixQuery(options)),
  )
  const [co] = useResource(`co:${studyId}:${key}`, () =>
    api.qual.cooccurrence(studyId, {
      unit: options.unit,
      coder: options.coder,
      where: whereList(options),
    }),
  )
  const q = matrixQuery(options)
  return (
    <>
      <MatrixForm
        key={key}
        data={data}
        initial={options}
        error={matrix.kind === 'failed' ? matrix.error : null}
      />
      <section aria-labelledby="matrix-heading">
        <h2 id="matrix-heading" className="heading-m">
          Cases by theme
        </h2>
        <ul className="button-row">
          {(['csv', 'xlsx', 'html'] as const).map((f) => (
            <li key={f}>
              <a
                className="button button-secondary button-small"
                href={api.qual.url(studyId, 'matrix', { ...q, format: f })}
                download={`framework-matrix.${f}`}
              >
                Download ({f === 'xlsx' ? 'Excel' : f.toUpperCase()})
              </a>
            </li>
          ))}
        </ul>
        <LoadState resource={matrix}>
          {(m) => <MatrixTable matrix={m} data={data} onChanged={reloadMatrix} />}
        </LoadState>
      </section>
      <section aria-labelledby="co-heading">
        <h2 id="co-heading" className="heading-m">
          Codes that occur together
        </h2>
        <p>
          How many {options.unit === 'turn' ? 'speaker turns' : 'sentences'} hold both codes (the
          diagonal: units with the code at all), for the same cases and coders as the matrix.
        </p>
        <LoadState resource={co}>
          {(c) => <CooccurrenceTable co={c} studyId={studyId} options={options} />}
        </LoadState>
      </section>
    </>
  )
}

function MatrixForm({
  data,
  initial,
  error,
}: {
  readonly data: QualData
  readonly initial: Options
  readonly error: unknown
}) {
  const { project } = data.ws
  const [o, setO] = useState<Options>(initial)
  const attributes = attributeNames(project.cases)
  const themes = project.codebook.codes.filter((c) => c.parentId === null)
  const whereError =
    error instanceof ApiError && error.issues.some((i) => i.path === 'where')
      ? [error.message, ...error.issues.map((i) => i.message)].join(' ')
      : undefined
  const submit = (e: SyntheticEvent) => {
    e.preventDefault()
    const q = new URLSearchParams()
    if (o.by !== '') q.set('by', o.by)
    else q.set('by', '')
    if (o.sort !== '') q.set('sort', o.sort)
    if (o.desc) q.set('desc', '1')
    if (o.themes.length > 0) q.set('themes', o.themes.join(','))
    if (o.coder !== '') q.set('coder', o.coder)
    if (o.where.trim() !== '') q.set('where', o.where.trim())
    if (o.unit !== 'sentence') q.set('unit', o.unit)
    navigate(qualPath(data.study.id, `/matrix?${q.toString()}`))
  }
  const attributeOptions = attributes.map((a) => (
    <option key={a} value={a}>
      {attributeLabel(a)}
      {attributeLabel(a) === a ? '' : ` (${a})`}
    </option>
  ))
  return (
    <form noValidate className="panel" onSubmit={submit}>
      {error !== null && whereError === undefined && <ErrorBox error={error} />}
      <div className="form-grid">
        <div className="field">
          <label htmlFor="m-by" className="label">
            Group the cases by
          </label>
          <select
            id="m-by"
            value={o.by}
            onChange={(e) => {
              setO({ ...o, by: e.target.value })
            }}
          >
            <option value="">No grouping</option>
            {attributeOptions}
          </select>
        </div>
        <div className="field">
          <label htmlFor="m-sort" className="label">
            Then order them by
          </label>
          <select
            id="m-sort"
            value={o.sort}
            onChange={(e) => {
              setO({ ...o, sort: e.target.value })
            }}
          >
            <option value="">Case name</option>
            {attributeOptions}
          </select>
          <div className="option">
            <input
              id="m-desc"
              type="checkbox"
              checked={o.desc}
              onChange={(e) => {
                setO({ ...o, desc: e.target.checked })
              }}
            />
            <label htmlFor="m-desc">Highest first</label>
          </div>
        </div>
        <div className="field">
          <label htmlFor="m-coder" className="label">
            Coder
          </label>
          <select
            id="m-coder"
            value={o.coder}
            onChange={(e) => {
              setO({ ...o, coder: e.target.value })
            }}
          >
            <option value="">Every coder</option>
            {project.coders.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="m-unit" className="label">
            Co-occurrence within
          </label>
          <select
            id="m-unit"
            value={o.unit}
            onChange={(e) => {
              setO({ ...o, unit: e.target.value === 'turn' ? 'turn' : 'sentence' })
            }}
          >
            <option value="sentence">Sentences</option>
            <option value="turn">Speaker turns</option>
          </select>
        </div>
      </div>
      {themes.length > 0 && (
        <fieldset className="field">
          <legend className="label">Themes (columns)</legend>
          <p className="hint">None chosen: every theme. A theme counts its sub-codes.</p>
          <div className="options-inline">
            {themes.map((t) => (
              <div className="option" key={t.id}>
                <input
                  id={`m-theme-${t.id}`}
                  type="checkbox"
                  checked={o.themes.includes(t.id)}
                  onChange={(e) => {
                    setO({
                      ...o,
                      themes: e.target.checked
                        ? [...o.themes, t.id]
                        : o.themes.filter((x) => x !== t.id),
                    })
                  }}
                />
                <label htmlFor={`m-theme-${t.id}`}>{t.name}</label>
              </div>
            ))}
          </div>
        </fieldset>
      )}
      <TextInput
        id="m-where"
        label="Only cases where (optional)"
        hint="Conditions on the cases’ attributes, such as imd_quintile<=2, size>=10 or implementation_model=pcn|vcse; separate several with ;"
        value={o.where}
        onValue={(v) => {
          setO({ ...o, where: v })
        }}
        autoComplete="off"
        spellCheck={false}
        error={whereError}
      />
      <button type="submit" className="button button-primary">
        Show the matrix
      </button>
    </form>
  )
}

function groupLabel(m: FrameworkMatrix, row: MatrixRow): string {
  return m.groupBy
    .map((g, i) => {
      const v = row.group[i] ?? null
      return `${attributeLabel(g)}: ${v === null ? 'not known' : formatAttribute(v)}`
    })
    .join(', ')
}

function MatrixTable({
  matrix: m,
  data,
  onChanged,
}: {
  readonly matrix: FrameworkMatrix
  readonly data: QualData
  readonly onChanged: () => void
}) {
  if (m.rows.length === 0) return <p>No cases match.</p>
  if (m.themes.length === 0) return <p>The codebook has no themes yet.</p>
  const extra = m.sortBy.filter((s) => !m.groupBy.includes(s))
  const groups: { label: string; rows: MatrixRow[] }[] = []
  for (const row of m.rows) {
    const label = groupLabel(m, row)
    const last = groups[groups.length - 1]
    if (last !== undefined && last.label === label) last.rows.push(row)
    else groups.push({ label, rows: [row] })
  }
  const columns = 1 + extra.length + m.themes.length
  return (
    <div
      className="table-wrap table-scroll"
      role="region"
      aria-label="Framework matrix: cases by theme"
      tabIndex={0}
    >
      <table className="matrix">
        <caption className="visually-hidden">
          Framework matrix: one row per case, one column per theme
          {m.groupBy.length > 0 && `, grouped by ${m.groupBy.map(attributeLabel).join(', ')}`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Case</th>
            {extra.map((s) => (
              <th key={s} scope="col" className="num">
                {attributeLabel(s)}
              </th>
            ))}
            {m.themes.map((t) => (
              <th key={t.id} scope="col">
                {t.path}
              </th>
            ))}
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={g.label}>
            {m.groupBy.length > 0 && (
              <tr className="group-row">
                <th scope="rowgroup" colSpan={columns}>
                  {g.label} ({plural(g.rows.length, 'case')})
                </th>
              </tr>
            )}
            {g.rows.map((row) => (
              <tr key={row.caseId}>
                <th scope="row">{row.caseName}</th>
                {extra.map((s) => (
                  <td key={s} className="num">
                    {formatAttribute(row.attributes[s])}
                  </td>
                ))}
                {row.cells.map((cell, k) => (
                  <td key={cell.codeId}>
                    <Cell
                      cell={cell}
                      row={row}
                      theme={m.themes[k]!.name}
                      data={data}
                      onChanged={onChanged}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  )
}

function Cell({
  cell,
  row,
  theme,
  data,
  onChanged,
}: {
  readonly cell: MatrixCell
  readonly row: MatrixRow
  readonly theme: string
  readonly data: QualData
  readonly onChanged: () => void
}) {
  const user = useUser()
  const [editing, setEditing] = useState(false)
  const [text, setText] = useState(cell.summary)
  const [failure, setFailure] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const where = `${row.caseName}, ${theme}`
  const id = `summary-${row.caseId}-${cell.codeId}`
  const save = async (e: SyntheticEvent) => {
    e.preventDefault()
    setBusy(true)
    setFailure(null)
    try {
      await api.qual.writeSummary(data.study.id, {
        caseId: row.caseId,
        codeId: cell.codeId,
        text: text.trim(),
      })
      setEditing(false)
      onChanged()
    } catch (error) {
      setFailure(error)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="matrix-cell">
      <p className="cell-count">
        {cell.count === 0
          ? 'No segments'
          : `${plural(cell.count, 'segment')}, ${plural(cell.sources, 'transcript')}`}
      </p>
      {cell.count > 0 && (
        <details>
          <summary>
            Quotes<span className="visually-hidden"> for {where}</span>
          </summary>
          <ul className="cell-quotes">
            {cell.segments.map((s) => (
              <li key={s.segmentId}>
                <blockquote className="quote">{s.text}</blockquote>
                <p className="hint">
                  {s.coderName} · {s.codeIds.map((c) => codeName(data.ws.project, c)).join('; ')}
                </p>
              </li>
            ))}
          </ul>
        </details>
      )}
      {editing ? (
        <form
          noValidate
          onSubmit={(e) => {
            void save(e)
          }}
        >
          {failure !== null && <ErrorBox error={failure} />}
          <label htmlFor={id} className="label">
            Summary for {where}
          </label>
          <textarea
            id={id}
            rows={4}
            value={text}
            onChange={(e) => {
              setText(e.target.value)
            }}
          />
          <div className="button-row">
            <button type="submit" className="button button-small" disabled={busy}>
              Save<span className="visually-hidden"> the summary for {where}</span>
            </button>
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => {
                setText(cell.summary)
                setEditing(false)
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <>
          {cell.summary !== '' && <p className="cell-summary">{cell.summary}</p>}
          {canEdit(user.role) && (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setEditing(true)
              }}
            >
              {cell.summary === '' ? 'Write a summary' : 'Change the summary'}
              <span className="visually-hidden"> for {where}</span>
            </button>
          )}
        </>
      )}
    </div>
  )
}

function CooccurrenceTable({
  co,
  studyId,
  options,
}: {
  readonly co: Cooccurrence
  readonly studyId: string
  readonly options: Options
}) {
  if (co.codes.length === 0) return <p>Nothing is coded yet.</p>
  const q: QualQuery = { unit: options.unit, coder: options.coder, where: whereList(options) }
  return (
    <>
      <ul className="button-row">
        {(['csv', 'xlsx', 'html'] as const).map((f) => (
          <li key={f}>
            <a
              className="button button-secondary button-small"
              href={api.qual.url(studyId, 'cooccurrence', { ...q, format: f })}
              download={`code-cooccurrence.${f}`}
            >
              Download the co-occurrence ({f === 'xlsx' ? 'Excel' : f.toUpperCase()})
            </a>
          </li>
        ))}
      </ul>
      <div
        className="table-wrap table-scroll"
        role="region"
        aria-label="Code co-occurrence"
        tabIndex={0}
      >
        <table className="compact cooccurrence">
          <caption className="visually-hidden">
            Units holding both codes, over {plural(co.units, 'unit')}
          </caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              {co.codes.map((c) => (
                <th key={c.id} scope="col" className="num">
                  {c.path}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {co.codes.map((c, i) => (
              <tr key={c.id}>
                <th scope="row">{c.path}</th>
                {co.counts[i]!.map((n, j) => (
                  <Fragment key={co.codes[j]!.id}>
                    <td className={i === j ? 'num diagonal' : 'num'}>{n}</td>
                  </Fragment>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
