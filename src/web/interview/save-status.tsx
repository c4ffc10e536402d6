import type { InterviewSnapshot } from './interview-store.js'

const words: Record<InterviewSnapshot['save'], string> = {
  saved: 'All answers saved',
  saving: 'Saving…',
  offline: 'Offline — will save when back',
  retrying: 'Not saved yet — trying again',
  stopped: 'Not saving',
}

/**
 * Whether answers have reached the server. Shown all the time; only problems
 * are announced to screen readers, so "Saving…" is not read out on every answer.
 */
export function SaveStatus({
  snapshot,
  onRetry,
}: {
  readonly snapshot: InterviewSnapshot
  readonly onRetry: () => void
}) {
  const { save, pending, problem } = snapshot
  const trouble = save === 'offline' || save === 'retrying' || save === 'stopped'
  return (
    <div className={`save-status save-${save}`}>
      <span className="save-dot" aria-hidden="true" />
      <span>{words[save]}</span>
      {trouble && pending > 0 && (
        <span className="save-pending">
          {' '}
          ({pending} {pending === 1 ? 'answer' : 'answers'} kept on this device)
        </span>
      )}
      {(save === 'offline' || save === 'retrying') && (
        <button type="button" className="link-button" onClick={onRetry}>
          Try now
        </button>
      )}
      <p className="visually-hidden" role="status">
        {trouble ? words[save] : ''}
      </p>
      {problem !== null && (
        <p className="save-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  )
}
