import { useRef, useState } from 'react'
import type { Review } from '../../core/api/qual-api.js'
import type { Source } from '../../core/qual/project.js'
import type { Proposal, PseudonymKey } from '../../core/qual/pseudonymise/pseudonymise.js'
import { api } from '../api.js'
import { FieldError } from '../components/field-error.js'
import { ErrorBox, LoadState } from '../components/load-state.js'
import { useResource } from '../lib/use-resource.js'
import { Link, navigate } from '../router.js'
import { canEdit, isAdmin, useUser } from '../researcher/session.js'
import { caseOf, plural, sourcePath } from './qual-data.js'
import { QualFrame, type QualData } from './qual-frame.js'
import { TranscriptText, type Mark } from './transcript-text.js'

const kindWords: Record<string, string> = { person: 'a person', org: 'an organisation' }
const originWords: Record<string, string> = {
  alter: 'a contact the participant named',
  user: 'in your list of names',
  detector: 'looks like a name',
}

/**
 * Names review (pseudonymisation): the transcript with every proposed
 * replacement highlighted, a decision on each (replace, keep, or replace
 * with another placeholder), then applying them, which rewrites the
 * transcript. Nothing can be coded before. The key (which placeholder stands
 * for whom) is kept apart, for admins only.
 */
export function ReviewPage({ id, sourceId }: { readonly id: string; readonly sourceId: string }) {
  return (
    <QualFrame
      studyId={id}
      section={null}
      title={({ ws }) =>
        `Names in ${ws.project.sources.find((s) => s.id === sourceId)?.name ?? 'a transcript'}`
      }
    >
      {(data) => {
        const source = data.ws.project.sources.find((s) => s.id === sourceId)
        if (source === undefined) return <p>There is no such transcript in this study.</p>
        return <ReviewLoader data={data} source={source} />
      }}
    </QualFrame>
  )
}

function ReviewLoader({ data, source }: { readonly data: QualData; readonly source: Source }) {
  const user = useUser()
  const studyId = data.study.id
  const [review] = useResource(`review:${source.id}`, () => api.qual.review(studyId, source.id))
  if (source.pseudonymisation === 'reviewed')
    return (
      <>
        <p className="notice notice-ok">
          The names in this transcript have been reviewed and replaced.{' '}
          <Link to={sourcePath(studyId, source.id)}>Code the transcript</Link>.
        </p>
        {isAdmin(user.role) && <KeyPanel studyId={studyId} />}
      </>
    )
  if (!canEdit(user.role))
    return <p>Researchers review the names in a transcript before anyone else can read it.</p>
  return (
    <LoadState resource={review}>
      {(r) => <ReviewView data={data} source={source} initial={r} />}
    </LoadState>
  )
}

function ReviewView({
  data,
  source,
  initial,
}: {
  readonly data: QualData
  readonly source: Source
  readonly initial: Review
}) {
  const user = useUser()
  const studyId = data.study.id
  const [proposals, setProposals] = useState<readonly Proposal[]>(initial.proposals)
  const [failure, setFailure] = useState<unknown>(null)
  const [applyError, setApplyError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const applyErrorRef = useRef<HTMLDivElement>(null)
  const pending = proposals.filter((p) => p.decision === 'pending').length
  const accepted = proposals.filter((p) => p.decision === 'accept').length
  const kase = caseOf(data.ws.project, source.id)

  const decide = async (decisions: Parameters<typeof api.qual.decide>[2]) => {
    setFailure(null)
    setApplyError(null)
    const before = proposals
    // Shown at once, as the server will record it; put back if the server refuses.
    setProposals(
      proposals.map((p) => {
        const d = decisions[p.id]
        if (d === undefined) return p
        return typeof d === 'string'
          ? { ...p, decision: d }
          : { ...p, decision: 'accept', placeholder: d.placeholder }
      }),
    )
    try {
      setProposals(await api.qual.decide(studyId, source.id, decisions))
    } catch (error) {
      setProposals(before)
      setFailure(error)
    }
  }
  const apply = async () => {
    if (pending > 0) {
      setApplyError(
        `Decide on ${pending === 1 ? 'the name' : `the ${String(pending)} names`} still to review first.`,
      )
      requestAnimationFrame(() => applyErrorRef.current?.focus())
      return
    }
    setBusy(true)
    setFailure(null)
    try {
      const { replaced } = await api.qual.pseudonymise(studyId, source.id)
      data.reload()
      navigate(`${sourcePath(studyId, source.id)}?replaced=${String(replaced)}`)
    } catch (error) {
      setFailure(error)
      setBusy(false)
    }
  }
  const marks: Mark[] = proposals.map((p, i) => ({
    start: p.start,
    end: p.end,
    kind: 'proposal',
    n: i + 1,
    decision: p.decision,
  }))
  const chars = Array.from(initial.text)
  const context = (p: Proposal) => {
    const before = chars.slice(Math.max(0, p.start - 30), p.start).join('')
    const after = chars.slice(p.end, p.end + 30).join('')
    return { before: before.replace(/\s+/g, ' '), after: after.replace(/\s+/g, ' ') }
  }

  return (
    <>
      <div className="prose">
        <p>
          {kase === null
            ? 'This transcript belongs to no participant.'
            : `Participant ${kase.name}.`}{' '}
          Before anyone codes or exports this transcript, decide for each name found whether it is
          replaced by a placeholder. Placeholders stay the same for the same name across the study’s
          transcripts; the participant’s own contacts become [ALTER A01], [ALTER A02] and so on.
        </p>
        <p>
          The key that says which placeholder stands for which name is kept apart from the
          transcripts: only admins can see it, and it never leaves spnet in an export.
        </p>
      </div>
      {failure !== null && <ErrorBox error={failure} />}
      <p role="status" className="review-count">
        {proposals.length === 0
          ? 'No names were found in this transcript.'
          : `${plural(proposals.length, 'name')} found: ${String(accepted)} to replace, ${String(
              proposals.length - accepted - pending,
            )} to keep, ${String(pending)} still to decide.`}
      </p>

      <div className="review-layout">
        <section aria-labelledby="review-text-heading" className="review-text">
          <h2 id="review-text-heading" className="heading-m">
            Transcript
          </h2>
          <p className="hint">
            Highlighted: the names found, numbered as in the list. Solid: to be replaced; crossed
            out: kept as written.
          </p>
          <TranscriptText source={source} marks={marks} labelledBy="review-text-heading" />
        </section>

        <section aria-labelledby="proposals-heading" className="review-list">
          <h2 id="proposals-heading" className="heading-m">
            Names found
          </h2>
          {pending > 0 && (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                void decide(
                  Object.fromEntries(
                    proposals.filter((p) => p.decision === 'pending').map((p) => [p.id, 'accept']),
                  ),
                )
              }}
            >
              Replace all the names still to decide ({pending})
            </button>
          )}
          <ol className="proposal-list">
            {proposals.map((p, i) => (
              <ProposalItem
                key={p.id}
                n={i + 1}
                proposal={p}
                context={context(p)}
                onDecide={(d) => {
                  void decide({ [p.id]: d })
                }}
              />
            ))}
          </ol>
          <div
            className={applyError === null ? undefined : 'error-summary'}
            ref={applyErrorRef}
            tabIndex={-1}
            role={applyError === null ? undefined : 'alert'}
          >
            {applyError !== null && <p>{applyError}</p>}
          </div>
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => {
              void apply()
            }}
          >
            {proposals.length === 0
              ? 'Mark as reviewed and start coding'
              : 'Apply the replacements and start coding'}
          </button>
        </section>
      </div>
      {isAdmin(user.role) && <KeyPanel studyId={studyId} />}
    </>
  )
}

function ProposalItem({
  n,
  proposal: p,
  context,
  onDecide,
}: {
  readonly n: number
  readonly proposal: Proposal
  readonly context: { before: string; after: string }
  readonly onDecide: (d: 'accept' | 'reject' | { placeholder: string }) => void
}) {
  const [placeholder, setPlaceholder] = useState(p.placeholder)
  const [error, setError] = useState<string | null>(null)
  const name = `proposal-${p.id}`
  const use = () => {
    const text = placeholder.trim()
    if (text === '') {
      setError('Write the placeholder, such as [GP 1].')
      return
    }
    setError(null)
    onDecide({ placeholder: text })
  }
  return (
    <li className={`proposal-item proposal-item-${p.decision}`}>
      <fieldset className="field">
        <legend className="label">
          {n}. “{p.original}”
          <span className="proposal-meta">
            {' '}
            ({kindWords[p.kind] ?? p.kind}, {originWords[p.origin] ?? p.origin})
          </span>
        </legend>
        <p className="proposal-context">
          …{context.before}
          <mark>{p.original}</mark>
          {context.after}…
        </p>
        <div className="options">
          <div className="option">
            <input
              type="radio"
              id={`${name}-accept`}
              name={name}
              checked={p.decision === 'accept'}
              onChange={() => {
                onDecide('accept')
              }}
            />
            <label htmlFor={`${name}-accept`}>Replace with {p.placeholder}</label>
          </div>
          <div className="option">
            <input
              type="radio"
              id={`${name}-reject`}
              name={name}
              checked={p.decision === 'reject'}
              onChange={() => {
                onDecide('reject')
              }}
            />
            <label htmlFor={`${name}-reject`}>Keep “{p.original}” as written</label>
          </div>
        </div>
        <details className="change-placeholder">
          <summary>
            Use another placeholder<span className="visually-hidden"> for “{p.original}”</span>
          </summary>
          <div className="field">
            <label htmlFor={`${name}-placeholder`} className="label">
              Placeholder for “{p.original}”
            </label>
            <FieldError id={`${name}-placeholder-error`} message={error} />
            <input
              id={`${name}-placeholder`}
              className="input-text"
              value={placeholder}
              maxLength={60}
              aria-invalid={error === null ? undefined : true}
              aria-describedby={error === null ? undefined : `${name}-placeholder-error`}
              onChange={(e) => {
                setPlaceholder(e.target.value)
              }}
            />
          </div>
          <button type="button" className="button button-small" onClick={use}>
            Use this placeholder
          </button>
        </details>
      </fieldset>
    </li>
  )
}

/** The pseudonymisation key of the study, for admins. Reading it is written to the audit log. */
export function KeyPanel({ studyId }: { readonly studyId: string }) {
  const [key, setKey] = useState<PseudonymKey | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const show = async () => {
    setFailure(null)
    try {
      setKey(await api.qual.key(studyId))
    } catch (error) {
      setFailure(error)
    }
  }
  return (
    <section className="panel" aria-labelledby="key-heading">
      <h2 id="key-heading" className="heading-m">
        The key (admins only)
      </h2>
      <p>Which placeholder stands for which name, over the whole study. Each look is audited.</p>
      {failure !== null && <ErrorBox error={failure} />}
      {key === null ? (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            void show()
          }}
        >
          Show the key
        </button>
      ) : key.entries.length === 0 ? (
        <p>The key is empty: no names have been replaced yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Placeholders and the names they stand for</caption>
            <thead>
              <tr>
                <th scope="col">Placeholder</th>
                <th scope="col">Kind</th>
                <th scope="col">Names replaced</th>
              </tr>
            </thead>
            <tbody>
              {key.entries.map((e) => (
                <tr key={e.placeholder}>
                  <th scope="row">{e.placeholder}</th>
                  <td>{e.kind === 'org' ? 'Organisation' : 'Person'}</td>
                  <td>{e.originals.join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
