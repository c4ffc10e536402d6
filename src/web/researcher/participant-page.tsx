import type { ParticipantDetail } from '../../core/api/api.js'
import { api } from '../api.js'
import { AnswerSummary } from '../components/answer-summary.js'
import { LoadState } from '../components/load-state.js'
import { NetworkMap } from '../components/network-map.js'
import { formatDateTime } from '../lib/format.js'
import { usePageTitle, useResource } from '../lib/use-resource.js'
import { Link } from '../router.js'
import { InvitationsPanel } from './invitations-panel.js'
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

      <h2 className="heading-m">Interview links</h2>
      <InvitationsPanel participant={p} editable={canEdit(user.role)} onChanged={reload} />

      {p.state === null ? (
        <p>The interview has not been started.</p>
      ) : (
        <>
          <h2 className="heading-m">Network</h2>
          <NetworkMap protocol={p.protocol} state={p.state} />
          <h2 className="heading-m">Answers</h2>
          <AnswerSummary protocol={p.protocol} state={p.state} headingLevel={3} />
        </>
      )}
    </>
  )
}
