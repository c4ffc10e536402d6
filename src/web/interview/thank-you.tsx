import { useEffect, useRef } from 'react'
import { AnswerSummary } from '../components/answer-summary.js'
import type { InterviewSnapshot } from './interview-store.js'

/** After sending: thanks, and the answers read-only. */
export function ThankYou({ snapshot }: { readonly snapshot: InterviewSnapshot }) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    heading.current?.focus()
    document.title = 'Thank you – spnet'
  }, [])
  return (
    <>
      <div className="panel-done">
        <h1 ref={heading} tabIndex={-1}>
          Thank you
        </h1>
        <p>Your answers have been sent to the research team. You can close this page.</p>
      </div>
      <details className="sent-answers">
        <summary>See the answers you sent</summary>
        <AnswerSummary protocol={snapshot.protocol} state={snapshot.state} />
      </details>
    </>
  )
}
