import { useState, type SyntheticEvent } from 'react'
import { ApiError, api, type QualQuery } from '../api.js'
import { FieldError, describedBy } from '../components/field-error.js'
import { ErrorBox, LoadState } from '../components/load-state.js'
import { TextInput } from '../components/text-input.js'
import { useResource } from '../lib/use-resource.js'
import { navigate, useLocation } from '../router.js'
import { QuoteList } from './quote-list.js'
import { attributeValues, codeName, codeTree, plural, qualPath } from './qual-data.js'
import { QualFrame, type QualData } from './qual-frame.js'

/** The page's own address parameters (kept in the address, so a search can be shared). */
type Search = {
  readonly code: string
  readonly coder: string
  readonly imd: string
  readonly model: string
  readonly size: string
  readonly where: string
}

const fromQuery = (q: URLSearchParams): Search => ({
  code: q.get('code') ?? '',
  coder: q.get('coder') ?? '',
  imd: q.get('imd') ?? '',
  model: q.get('model') ?? '',
  size: q.get('size') ?? '',
  where: q.get('where') ?? '',
})

function serverQuery(s: Search): QualQuery {
  return {
    code: s.code,
    coder: s.coder,
    where: [
      s.imd === '' ? '' : `imd_quintile=${s.imd}`,
      s.model === '' ? '' : `implementation_model=${s.model}`,
      s.size === '' ? '' : `size>=${s.size}`,
      ...s.where.split(';'),
    ].filter((w) => w.trim() !== ''),
  }
}

/**
 * Retrieval: every coded segment for a code (its sub-codes included),
 * narrowed to coders and to cases by their attributes: IMD quintile,
 * implementation model, network size, or any condition on an attribute.
 */
export function RetrievePage({ id }: { readonly id: string }) {
  return (
    <QualFrame studyId={id} section="quotes" title="Find quotes">
      {(data) => <RetrieveView data={data} />}
    </QualFrame>
  )
}

function RetrieveView({ data }: { readonly data: QualData }) {
  const { query } = useLocation()
  const search = fromQuery(query)
  const key = query.toString()
  const { project } = data.ws
  const studyId = data.study.id
  const [results] = useResource(`quotes:${studyId}:${key}`, () =>
    api.qual.segments(studyId, serverQuery(search)),
  )
  const models = attributeValues(project.cases, 'implementation_model')
  return (
    <>
      <SearchForm
        key={key}
        data={data}
        initial={search}
        models={models}
        error={results.kind === 'failed' ? results.error : null}
      />
      <section aria-labelledby="results-heading">
        <h2 id="results-heading" className="heading-m">
          Quotes
        </h2>
        <LoadState resource={results}>
          {(quotes) => (
            <>
              <p role="status">
                {plural(quotes.length, 'quote')}
                {search.code === '' ? ', every code' : ` coded ${codeName(project, search.code)}`}
                {search.code !== '' && ' (sub-codes included)'}.
              </p>
              {quotes.length > 0 && (
                <p>
                  <a
                    className="button button-secondary"
                    href={api.qual.url(studyId, 'segments', {
                      ...serverQuery(search),
                      format: 'csv',
                    })}
                    download
                  >
                    Download these quotes (CSV)
                  </a>
                </p>
              )}
              <QuoteList quotes={quotes} project={project} studyId={studyId} />
            </>
          )}
        </LoadState>
      </section>
    </>
  )
}

function SearchForm({
  data,
  initial,
  models,
  error,
}: {
  readonly data: QualData
  readonly initial: Search
  readonly models: readonly string[]
  readonly error: unknown
}) {
  const { project } = data.ws
  const [s, setS] = useState<Search>(initial)
  const [sizeError, setSizeError] = useState<string | null>(null)
  const set = (k: keyof Search) => (v: string) => {
    setS((old) => ({ ...old, [k]: v }))
  }
  // A refused condition belongs on the condition's field.
  const whereError =
    error instanceof ApiError && error.issues.some((i) => i.path === 'where')
      ? [error.message, ...error.issues.map((i) => i.message)].join(' ')
      : undefined
  const submit = (e: SyntheticEvent) => {
    e.preventDefault()
    if (s.size !== '' && !/^\d+$/.test(s.size.trim())) {
      setSizeError('Enter a whole number of contacts, such as 10.')
      return
    }
    setSizeError(null)
    const q = new URLSearchParams()
    for (const [k, v] of Object.entries(s)) if (v.trim() !== '') q.set(k, v.trim())
    const text = q.toString()
    navigate(qualPath(data.study.id, `/segments${text === '' ? '' : `?${text}`}`))
  }
  return (
    <form noValidate className="panel search-form" onSubmit={submit}>
      {error !== null && whereError === undefined && <ErrorBox error={error} />}
      <div className="form-grid">
        <div className="field">
          <label htmlFor="q-code" className="label">
            Code
          </label>
          <select
            id="q-code"
            value={s.code}
            onChange={(e) => {
              set('code')(e.target.value)
            }}
          >
            <option value="">Every code</option>
            {codeTree(project).map(({ code }) => (
              <option key={code.id} value={code.id}>
                {codeName(project, code.id)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="q-coder" className="label">
            Coder
          </label>
          <select
            id="q-coder"
            value={s.coder}
            onChange={(e) => {
              set('coder')(e.target.value)
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
          <label htmlFor="q-imd" className="label">
            IMD quintile of the case
          </label>
          <select
            id="q-imd"
            value={s.imd}
            onChange={(e) => {
              set('imd')(e.target.value)
            }}
          >
            <option value="">Any</option>
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={String(n)}>
                {n}
                {n === 1 ? ' (most deprived)' : n === 5 ? ' (least deprived)' : ''}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="q-model" className="label">
            Implementation model
          </label>
          <select
            id="q-model"
            value={s.model}
            onChange={(e) => {
              set('model')(e.target.value)
            }}
          >
            <option value="">Any</option>
            {models.map((m) => (
              <option key={m} value={m}>
                {m.replaceAll('_', ' ')}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="q-size" className="label">
            Network size at least
          </label>
          <FieldError id="q-size-error" message={sizeError} />
          <input
            id="q-size"
            className="input-number"
            inputMode="numeric"
            value={s.size}
            aria-invalid={sizeError === null ? undefined : true}
            aria-describedby={describedBy(sizeError !== null && 'q-size-error')}
            onChange={(e) => {
              set('size')(e.target.value)
            }}
          />
        </div>
      </div>
      <TextInput
        id="q-where"
        label="Other conditions on the case (optional)"
        hint="Any attribute of the cases, such as constraint<0.5, core20=true or imd_decile<=3; separate several with ;"
        value={s.where}
        onValue={set('where')}
        autoComplete="off"
        spellCheck={false}
        error={whereError}
      />
      <button type="submit" className="button button-primary">
        Find quotes
      </button>
    </form>
  )
}
