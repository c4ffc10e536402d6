import { Fragment, useState, type SyntheticEvent } from 'react'
import type {
  AgreementFigures,
  AgreementReport,
  CodeAgreement,
} from '../../core/qual/agreement/unit-agreement.js'
import type { BootstrapCi } from '../../core/qual/agreement/bootstrap-ci.js'
import type { QualProject } from '../../core/qual/project.js'
import { codePointIndex } from '../../core/qual/text/code-points.js'
import { api, type QualQuery } from '../api.js'
import { FieldError } from '../components/field-error.js'
import { LoadState } from '../components/load-state.js'
import { useResource } from '../lib/use-resource.js'
import { navigate, useLocation } from '../router.js'
import { codeName, codeTree, coderName, plural, qualPath } from './qual-data.js'
import { QualFrame, type QualData } from './qual-frame.js'

type Options = {
  readonly unit: 'sentence' | 'turn'
  readonly coders: string
  readonly code: string
}

const fromQuery = (q: URLSearchParams): Options => ({
  unit: q.get('unit') === 'turn' ? 'turn' : 'sentence',
  coders: q.get('coders') ?? '',
  code: q.get('code') ?? '',
})

/** A proportion as a percentage with one decimal: 0.8333 → "83.3%". */
export function formatPercent(x: number): string {
  return `${(x * 100).toFixed(1)}%`
}

/** κ and α with three decimals, the way they are reported. */
export function formatCoefficient(x: number): string {
  return x.toFixed(3)
}

/**
 * Inter-coder agreement over the declared units (sentences or speaker
 * turns), per code and pooled: percent agreement, Cohen's κ (two coders),
 * Krippendorff's α (nominal; any number of coders, missing units allowed)
 * and NVivo's character-level κ, each with its 95% bootstrap interval, and
 * the units the coders disagreed on with what each of them decided.
 */
export function AgreementPage({ id }: { readonly id: string }) {
  return (
    <QualFrame studyId={id} section="agreement" title="Inter-coder agreement">
      {(data) => <AgreementView data={data} />}
    </QualFrame>
  )
}

function AgreementView({ data }: { readonly data: QualData }) {
  const { query } = useLocation()
  const options = fromQuery(query)
  const key = query.toString()
  const studyId = data.study.id
  const q: QualQuery = { unit: options.unit, coders: options.coders, code: options.code }
  const [report] = useResource(`agreement:${studyId}:${key}`, () => api.qual.agreement(studyId, q))
  return (
    <>
      <p>
        Agreement is worked out unit by unit: a coder applied a code to a sentence (or turn) when
        one of their segments with that code covers part of it. A coder who did not code a
        transcript is missing on its units: Krippendorff’s α allows that, percent agreement and
        Cohen’s κ leave those units out. Pooled figures count every unit and code as one decision.
      </p>
      <AgreementForm key={key} data={data} initial={options} />
      <LoadState resource={report}>
        {(r) => <AgreementReportView report={r} data={data} query={q} />}
      </LoadState>
    </>
  )
}

function AgreementForm({ data, initial }: { readonly data: QualData; readonly initial: Options }) {
  const { project } = data.ws
  const coderIds: string[] = project.coders
    .map((c): string => c.id)
    .filter((id) => project.segments.some((s) => s.coderId === id))
  const [unit, setUnit] = useState(initial.unit)
  const [coders, setCoders] = useState<string[]>(
    initial.coders === '' ? coderIds : initial.coders.split(','),
  )
  const [code, setCode] = useState(initial.code)
  const [error, setError] = useState<string | null>(null)
  const submit = (e: SyntheticEvent) => {
    e.preventDefault()
    if (coders.length < 2) {
      setError('Choose at least two coders to compare.')
      return
    }
    setError(null)
    const q = new URLSearchParams()
    if (unit !== 'sentence') q.set('unit', unit)
    if (coders.length !== coderIds.length || coders.some((c) => !coderIds.includes(c)))
      q.set('coders', coders.join(','))
    if (code !== '') q.set('code', code)
    const text = q.toString()
    navigate(qualPath(data.study.id, `/agreement${text === '' ? '' : `?${text}`}`))
  }
  return (
    <form noValidate className="panel" onSubmit={submit}>
      <fieldset className="field">
        <legend className="label">Units compared</legend>
        <div className="options-inline">
          {(
            [
              ['sentence', 'Sentences'],
              ['turn', 'Speaker turns'],
            ] as const
          ).map(([value, label]) => (
            <div className="option" key={value}>
              <input
                type="radio"
                id={`a-unit-${value}`}
                name="a-unit"
                checked={unit === value}
                onChange={() => {
                  setUnit(value)
                }}
              />
              <label htmlFor={`a-unit-${value}`}>{label}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset className="field" aria-describedby={error === null ? undefined : 'a-coders-error'}>
        <legend className="label">Coders compared</legend>
        <FieldError id="a-coders-error" message={error} />
        {coderIds.length === 0 ? (
          <p className="hint">Nobody has coded yet.</p>
        ) : (
          <div className="options-inline">
            {coderIds.map((c) => (
              <div className="option" key={c}>
                <input
                  type="checkbox"
                  id={`a-coder-${c}`}
                  checked={coders.includes(c)}
                  onChange={(e) => {
                    setCoders(e.target.checked ? [...coders, c] : coders.filter((x) => x !== c))
                  }}
                />
                <label htmlFor={`a-coder-${c}`}>{coderName(project, c)}</label>
              </div>
            ))}
          </div>
        )}
      </fieldset>
      <div className="field">
        <label htmlFor="a-code" className="label">
          Code
        </label>
        <select
          id="a-code"
          value={code}
          onChange={(e) => {
            setCode(e.target.value)
          }}
        >
          <option value="">Every code applied</option>
          {codeTree(project).map(({ code: c }) => (
            <option key={c.id} value={c.id}>
              {codeName(project, c.id)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button-primary">
        Work out agreement
      </button>
    </form>
  )
}

function Figure({
  value,
  ci,
  format,
}: {
  readonly value: number | null
  readonly ci: BootstrapCi | null | undefined
  readonly format: (x: number) => string
}) {
  if (value === null) return <span className="unanswered">not defined</span>
  return (
    <>
      <span className="figure">{format(value)}</span>
      {ci !== null && ci !== undefined && (
        <span className="ci">
          {' '}
          <span className="visually-hidden">95% interval </span>({format(ci.lower)} to{' '}
          {format(ci.upper)})
        </span>
      )}
    </>
  )
}

function FigureCells({ f }: { readonly f: AgreementFigures }) {
  return (
    <>
      <td role="cell" className="num" data-label="Units">
        {f.units}
      </td>
      <td role="cell" data-label="% agreement" data-figure="percentAgreement">
        <Figure value={f.percentAgreement} ci={f.ci?.percentAgreement} format={formatPercent} />
      </td>
      <td role="cell" data-label="Cohen’s κ" data-figure="cohenKappa">
        <Figure value={f.cohenKappa} ci={f.ci?.cohenKappa} format={formatCoefficient} />
      </td>
      <td role="cell" data-label="Krippendorff’s α" data-figure="krippendorffAlpha">
        <Figure
          value={f.krippendorffAlpha}
          ci={f.ci?.krippendorffAlpha}
          format={formatCoefficient}
        />
      </td>
      <td role="cell" data-label="Character κ" data-figure="characterKappa">
        <Figure value={f.characterKappa} ci={f.ci?.characterKappa} format={formatCoefficient} />
      </td>
    </>
  )
}

function AgreementReportView({
  report: r,
  data,
  query,
}: {
  readonly report: AgreementReport
  readonly data: QualData
  readonly query: QualQuery
}) {
  const { project } = data.ws
  const [open, setOpen] = useState<string | null>(null)
  const studyId = data.study.id
  if (r.coderIds.length < 2)
    return (
      <p>
        Agreement needs two coders or more who coded the same transcripts; so far{' '}
        {r.coderIds.length === 0 ? 'nobody has' : `only ${coderName(project, r.coderIds[0]!)} has`}{' '}
        coded.
      </p>
    )
  const total = r.perCode.reduce((n, c) => n + c.disagreements.length, 0)
  return (
    <section aria-labelledby="agreement-heading">
      <h2 id="agreement-heading" className="heading-m">
        Agreement between {r.coderIds.map((c) => coderName(project, c)).join(' and ')}
      </h2>
      <p>
        Over {plural(r.declaredUnits, r.unitKind === 'turn' ? 'speaker turn' : 'sentence')} of{' '}
        {plural(r.sourceIds.length, 'transcript')}. In brackets: 95% bootstrap intervals (1,000
        resamples of units). Cohen’s κ and character κ need exactly two coders.
      </p>
      <ul className="button-row">
        <li>
          <a
            className="button button-secondary button-small"
            href={api.qual.url(studyId, 'agreement', { ...query, format: 'csv' })}
            download="agreement.csv"
          >
            Download the figures (CSV)
          </a>
        </li>
        <li>
          <a
            className="button button-secondary button-small"
            href={api.qual.url(studyId, 'agreement', { ...query, format: 'disagreements' })}
            download="disagreements.csv"
          >
            Download the disagreements (CSV)
          </a>
        </li>
      </ul>
      <div className="table-wrap">
        <table className="table-stack agreement-table" role="table">
          <caption className="visually-hidden">Agreement per code, and pooled</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">
                Code
              </th>
              <th scope="col" role="columnheader" className="num">
                Units
              </th>
              <th scope="col" role="columnheader">
                % agreement
              </th>
              <th scope="col" role="columnheader">
                Cohen’s κ
              </th>
              <th scope="col" role="columnheader">
                Krippendorff’s α
              </th>
              <th scope="col" role="columnheader">
                Character κ
              </th>
              <th scope="col" role="columnheader">
                Disagreements
              </th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            <tr role="row" className="pooled" data-code="(pooled)">
              <th scope="row" role="rowheader">
                All codes (pooled)
              </th>
              <FigureCells f={r.pooled} />
              <td role="cell" data-label="Disagreements">
                {total}
              </td>
            </tr>
            {r.perCode.map((c) => (
              <Fragment key={c.codeId}>
                <tr role="row" data-code={c.code}>
                  <th scope="row" role="rowheader">
                    {c.code}
                  </th>
                  <FigureCells f={c} />
                  <td role="cell" data-label="Disagreements">
                    {c.disagreements.length === 0 ? (
                      '0'
                    ) : (
                      <button
                        type="button"
                        className="link-button"
                        aria-expanded={open === c.codeId}
                        aria-controls={`disagree-${c.codeId}`}
                        onClick={() => {
                          setOpen(open === c.codeId ? null : c.codeId)
                        }}
                      >
                        {open === c.codeId ? 'Hide' : 'Show'} {c.disagreements.length}
                        <span className="visually-hidden">
                          {' '}
                          {c.disagreements.length === 1 ? 'disagreement' : 'disagreements'} on{' '}
                          {c.code}
                        </span>
                      </button>
                    )}
                  </td>
                </tr>
                {open === c.codeId && (
                  <tr role="row" className="row-detail">
                    <td role="cell" colSpan={7} id={`disagree-${c.codeId}`}>
                      <Disagreements code={c} report={r} project={project} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

/** `sentence:4` → "sentence 5" (ids count from 0, people from 1). */
const unitWords = (id: string): string => {
  const [kind, n] = id.split(':')
  return `${kind ?? 'unit'} ${String(Number(n) + 1)}`
}

const decisionWords = (v: 0 | 1 | null): string =>
  v === 1 ? 'Applied' : v === 0 ? 'Not applied' : 'Did not code this transcript'

function Disagreements({
  code,
  report,
  project,
}: {
  readonly code: CodeAgreement
  readonly report: AgreementReport
  readonly project: QualProject
}) {
  const indexes = new Map<string, ReturnType<typeof codePointIndex>>()
  const textOf = (sourceId: string, start: number, end: number) => {
    const source = project.sources.find((s) => s.id === sourceId)
    if (source === undefined) return ''
    let idx = indexes.get(sourceId)
    if (idx === undefined) indexes.set(sourceId, (idx = codePointIndex(source.text)))
    return idx.slice(start, end)
  }
  return (
    <div className="disagreements">
      <h3 className="heading-s">Units where the coders disagreed on {code.code}</h3>
      <ol>
        {code.disagreements.map((d) => (
          <li key={`${d.sourceId}:${d.unitId}`} className="disagreement">
            <blockquote className="quote">{textOf(d.sourceId, d.start, d.end)}</blockquote>
            <p className="hint">
              {project.sources.find((s) => s.id === d.sourceId)?.name ?? 'A transcript'},{' '}
              {unitWords(d.unitId)}
            </p>
            <ul className="decisions">
              {report.coderIds.map((c, j) => (
                <li key={c}>
                  {coderName(project, c)}: <strong>{decisionWords(d.values[j] ?? null)}</strong>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </div>
  )
}
