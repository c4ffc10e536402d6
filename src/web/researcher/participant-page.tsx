import { useState } from 'react'
import type { ParticipantDetail } from '../../core/api/api.js'
import type { QualWorkspace } from '../../core/api/qual-api.js'
import { api, type RetrievedQuote } from '../api.js'
import { AnswerSummary } from '../components/answer-summary.js'
import { ErrorBox, LoadState } from '../components/load-state.js'
import { NetworkMap } from '../components/network-map.js'
import { QuoteList } from '../qual/quote-list.js'
import { plural, qualPath } from '../qual/qual-data.js'
import { formatDateTime } from '../lib/format.js'
import { usePageTitle, useResource } from '../lib/use-resource.js'
import { Link } from '../router.js'
import { InvitationsPanel } from './invitations-panel.js'
import { ParticipantAttributes } from './participant-attributes.js'
import { ParticipantDeprivationSection } from './participant-deprivation.js'
import { canEdit, useUser } from './session.js'
import { statusWords } from './study-page.js'

export function ParticipantPage({ id }: { readonly id: string }) {
  const [participant, reload] = useResource(`participant:${id}`, () => api.participant(id))
  return (
    <LoadState resource={participant}>
      {(p) => <ParticipantView participant={p} reload={reload} />}
    </LoadState>
  )
}

function ParticipantView({
  participant: p,
  reload,
}: {
  readonly participant: ParticipantDetail
  readonly reload: () => void
}) {
  usePageTitle(`Participant ${p.label}`)
  const user = useUser()
  return (
    <>
      <p className="caption">
        <Link to={`/studies/${encodeURIComponent(p.studyId)}`}>Back to the study</Link>
      </p>
      <h1>Participant {p.label}</h1>
      <dl className="facts">
        <div>
          <dt>Status</dt>
          <dd>{statusWords[p.status]}</dd>
        </div>
        <div>
          <dt>Contacts named</dt>
          <dd>{p.alters}</dd>
        </div>
        <div>
          <dt>Last saved</dt>
          <dd>{formatDateTime(p.updatedAt)}</dd>
        </div>
        <div>
          <dt>Sent</dt>
          <dd>{formatDateTime(p.submittedAt)}</dd>
        </div>
      </dl>

      <h2 className="heading-m">Attributes</h2>
      <ParticipantAttributes participant={p} editable={canEdit(user.role)} onSaved={reload} />

      <ParticipantDeprivationSection participant={p} />

      <h2 className="heading-m">Interview links</h2>
      <InvitationsPanel participant={p} editable={canEdit(user.role)} onChanged={reload} />

      {p.state === null ? (
        <p>The interview has not been started.</p>
      ) : (
        <>
          <h2 className="heading-m">Network</h2>
          <NetworkWithQuotes participant={p} />
          <h2 className="heading-m">Answers</h2>
          <AnswerSummary protocol={p.protocol} state={p.state} headingLevel={3} />
        </>
      )}
    </>
  )
}

/**
 * The network map, each contact a button: choosing one shows every coded
 * quote linked to it (or to a tie it is part of) in the interviews.
 */
function NetworkWithQuotes({ participant: p }: { readonly participant: ParticipantDetail }) {
  const [ws] = useResource(`qual:${p.studyId}`, () => api.qual.workspace(p.studyId))
  const [chosen, setChosen] = useState<{ id: string; name: string } | null>(null)
  const [quotes, setQuotes] = useState<readonly RetrievedQuote[] | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const project = ws.kind === 'ready' ? ws.data.project : null
  const counts = project === null ? undefined : quoteCounts(ws.kind === 'ready' ? ws.data : null, p)
  const choose = (id: string, name: string) => {
    setChosen({ id, name })
    setQuotes(null)
    setFailure(null)
    api.qual.segments(p.studyId, { alter: id }).then(setQuotes, setFailure)
  }
  return (
    <>
      <p className="hint">Choose a contact to see the quotes about them in the interviews.</p>
      <NetworkMap
        protocol={p.protocol}
        state={p.state!}
        chosen={chosen?.id ?? null}
        onChoose={choose}
        {...(counts === undefined ? {} : { quotes: counts })}
      />
      <section
        aria-labelledby="contact-quotes-heading"
        className="contact-quotes"
        aria-live="polite"
      >
        <h3 id="contact-quotes-heading" className="heading-s">
          {chosen === null ? 'Quotes about a contact' : `Quotes about ${chosen.name}`}
        </h3>
        {failure !== null && <ErrorBox error={failure} />}
        {chosen === null ? (
          <p className="hint">No contact chosen.</p>
        ) : quotes === null ? (
          failure === null && <p>Loading…</p>
        ) : quotes.length === 0 ? (
          <p>
            No coded quotes are linked to {chosen.name} yet. Link a quote to a contact while coding
            a transcript in <Link to={qualPath(p.studyId)}>Interviews</Link>.
          </p>
        ) : (
          <>
            <p>{plural(quotes.length, 'quote')}.</p>
            <QuoteList quotes={quotes} project={project} studyId={p.studyId} />
          </>
        )}
      </section>
    </>
  )
}

/** Coded segments linked to each contact of the participant (directly or through a tie). */
function quoteCounts(ws: QualWorkspace | null, p: ParticipantDetail): Map<string, number> {
  const out = new Map<string, number>()
  if (ws === null) return out
  const kase = ws.project.cases.find((c) => c.egoId === p.label)
  if (kase === undefined) return out
  for (const s of ws.project.segments) {
    if (!kase.sourceIds.includes(s.sourceId) || s.link === null) continue
    const ids = s.link.kind === 'alter' ? [s.link.alterId] : [s.link.from, s.link.to]
    for (const id of ids) out.set(id, (out.get(id) ?? 0) + 1)
  }
  for (const a of p.state?.alters ?? []) if (!out.has(a.id)) out.set(a.id, 0)
  return out
}
