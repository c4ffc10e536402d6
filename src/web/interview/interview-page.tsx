import { useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import { ApiError, api } from '../api.js'
import { InterviewContext, type InterviewApi } from './interview-context.js'
import { InterviewShell } from './interview-shell.js'
import { InterviewStore } from './interview-store.js'
import { SaveStatus } from './save-status.js'
import { browserStorage, loadQueue } from './save-queue.js'
import { ThankYou } from './thank-you.js'

type Loading =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly message: string; readonly canRetry: boolean }
  | { readonly kind: 'ready'; readonly store: InterviewStore }

/**
 * /i/:token — a participant's interview. Loads the session, then hands it
 * with any answers this device had not yet saved to an `InterviewStore`.
 */
export function InterviewPage({ token }: { readonly token: string }) {
  const [loading, setLoading] = useState<Loading>({ kind: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let live = true
    let store: InterviewStore | null = null
    setLoading({ kind: 'loading' })
    api.interview(token).then(
      (session) => {
        if (!live) return
        const storage = browserStorage()
        store = new InterviewStore(token, session, loadQueue(storage, token), {
          storage,
          send: (changes) => api.saveChanges(token, changes),
          submit: () => api.submit(token),
          online: () => navigator.onLine,
        })
        setLoading({ kind: 'ready', store })
      },
      (e: unknown) => {
        if (!live) return
        const status = e instanceof ApiError ? e.status : 0
        setLoading(
          status === 0 || status >= 500
            ? {
                kind: 'failed',
                message:
                  'The interview cannot be loaded: the server cannot be reached. Check your connection and try again. Answers you gave on this device are kept.',
                canRetry: true,
              }
            : {
                kind: 'failed',
                // The server says which: not a link, withdrawn, or expired.
                message:
                  e instanceof ApiError && e.code !== 'error'
                    ? e.message
                    : 'This interview link does not work. It may have expired or been withdrawn. Please contact the researcher who sent it to you.',
                canRetry: false,
              },
        )
      },
    )
    return () => {
      live = false
      store?.dispose()
    }
  }, [token, attempt])

  useEffect(() => {
    if (loading.kind !== 'ready') document.title = 'Interview – spnet'
  }, [loading.kind])

  if (loading.kind === 'ready') return <ReadyInterview token={token} store={loading.store} />
  return (
    <main id="main" tabIndex={-1} className="page page-narrow">
      {loading.kind === 'loading' ? (
        <p role="status">Loading your interview…</p>
      ) : (
        <>
          <h1>Interview not available</h1>
          <p>{loading.message}</p>
          {loading.canRetry && (
            <button
              type="button"
              className="button"
              onClick={() => {
                setAttempt((n) => n + 1)
              }}
            >
              Try again
            </button>
          )}
        </>
      )}
    </main>
  )
}

function ReadyInterview({
  token,
  store,
}: {
  readonly token: string
  readonly store: InterviewStore
}) {
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot)

  // Send waiting answers as soon as the connection is back, or before the page is hidden.
  useEffect(() => {
    const online = () => {
      store.retryNow()
    }
    const hidden = () => {
      if (document.visibilityState === 'hidden') void store.flush()
    }
    window.addEventListener('online', online)
    document.addEventListener('visibilitychange', hidden)
    return () => {
      window.removeEventListener('online', online)
      document.removeEventListener('visibilitychange', hidden)
    }
  }, [store])

  const context = useMemo<InterviewApi>(
    () => ({ token, snapshot, store, change: (c) => store.change(c) }),
    [token, snapshot, store],
  )

  return (
    <InterviewContext.Provider value={context}>
      <header className="site-header interview-header">
        <span className="site-name">{snapshot.studyName}</span>
        {snapshot.status === 'in_progress' && (
          <SaveStatus snapshot={snapshot} onRetry={store.retryNow} />
        )}
      </header>
      <main id="main" tabIndex={-1} className="page page-narrow">
        {snapshot.status === 'submitted' ? <ThankYou snapshot={snapshot} /> : <InterviewShell />}
      </main>
    </InterviewContext.Provider>
  )
}
