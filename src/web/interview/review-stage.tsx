import { useEffect, useRef, useState } from 'react'
import { missingAnswers } from '../../core/interview/check-complete.js'
import type { Stage } from '../../core/protocol/protocol.js'
import type { ApiIssue } from '../api.js'
import { AnswerSummary } from '../components/answer-summary.js'
import { Link } from '../router.js'
import { useInterview } from './interview-context.js'
import { stageUrl } from './stage-url.js'

type Review = Extract<Stage, { kind: 'review' }>

/**
 * Check and send: what is still missing (each a link to where it is asked),
 * every answer with a Change link, and the button that sends the interview.
 */
export function ReviewStage({ stage }: { readonly stage: Review }) {
  const { snapshot, store, token } = useInterview()
  const { protocol, state } = snapshot
  const missing = missingAnswers(protocol, state)
  const [sending, setSending] = useState(false)
  const [failure, setFailure] = useState<{ message: string; issues: readonly ApiIssue[] } | null>(
    null,
  )
  const summary = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (failure !== null) summary.current?.focus()
  }, [failure])

  const send = async () => {
    setSending(true)
    setFailure(null)
    const outcome = await store.submit()
    setSending(false)
    if (!outcome.ok) setFailure({ message: outcome.message, issues: outcome.issues })
  }

  const issueLink = (path: string | undefined) => {
    const parts = (path ?? '').split('.')
    const stageId = parts[0] ?? ''
    if (!protocol.stages.some((s) => s.id === stageId)) return null
    if (parts.length === 3) return stageUrl(token, stageId, parts[1], parts[2])
    if (parts.length === 2) return stageUrl(token, stageId, null, parts[1])
    return stageUrl(token, stageId)
  }
  // The server's reasons win when it has refused; otherwise what this device can see is missing.
  const issues: readonly ApiIssue[] =
    failure !== null && failure.issues.length > 0 ? failure.issues : missing

  return (
    <>
      {stage.intro !== undefined && <p className="lead">{stage.intro}</p>}
      {failure !== null && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summary}>
          <h2 className="heading-m">Your answers have not been sent yet</h2>
          <p>{failure.message}</p>
        </div>
      )}
      {issues.length > 0 ? (
        <section className="missing" aria-labelledby="missing-heading">
          <h2 className="heading-m" id="missing-heading">
            Still to answer ({issues.length})
          </h2>
          <ul>
            {issues.map((issue, i) => {
              const to = issueLink(issue.path)
              return (
                <li key={`${issue.path ?? ''}-${String(i)}`}>
                  {to === null ? issue.message : <Link to={to}>{issue.message}</Link>}
                </li>
              )
            })}
          </ul>
        </section>
      ) : (
        <p className="notice notice-ok">Everything that is needed has been answered.</p>
      )}

      <AnswerSummary
        protocol={protocol}
        state={state}
        changeLink={(s, contact, focus) => stageUrl(token, s, contact, focus)}
      />

      <div className="send">
        <h2 className="heading-m">Send your answers</h2>
        <p>Once you send them, you cannot change your answers.</p>
        <button
          type="button"
          className="button button-primary"
          disabled={sending}
          onClick={() => {
            void send()
          }}
        >
          {sending ? 'Sending…' : 'Send my answers'}
        </button>
      </div>
    </>
  )
}
