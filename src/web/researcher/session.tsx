import { createContext, useContext, useEffect, useState, type ReactNode } from 'react'
import type { Role, SessionInfo } from '../../core/api/api.js'
import { ApiError, api, onUnauthorized, setCsrfToken } from '../api.js'

/**
 * The signed-in researcher. Asks the server once (GET /api/auth/me); a 401
 * from any later request (the session expired) shows the sign-in page again
 * without losing the address.
 */

type SessionState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'signed_in'; readonly info: SessionInfo }

type SessionApi = {
  readonly session: SessionState
  readonly signedIn: (info: SessionInfo) => void
  readonly signOut: () => Promise<void>
}

const SessionContext = createContext<SessionApi | null>(null)

export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ kind: 'loading' })
  useEffect(() => {
    let live = true
    onUnauthorized(() => {
      setCsrfToken(null)
      setSession({ kind: 'anonymous' })
    })
    api.me().then(
      (info) => {
        if (!live) return
        setCsrfToken(info.csrfToken)
        setSession({ kind: 'signed_in', info })
      },
      (e: unknown) => {
        if (!live) return
        if (e instanceof ApiError && (e.status === 401 || e.status === 403))
          setSession({ kind: 'anonymous' })
        else
          setSession({
            kind: 'failed',
            message: e instanceof ApiError ? e.message : 'The server cannot be reached.',
          })
      },
    )
    return () => {
      live = false
      onUnauthorized(null)
    }
  }, [])
  const value: SessionApi = {
    session,
    signedIn: (info) => {
      setCsrfToken(info.csrfToken)
      setSession({ kind: 'signed_in', info })
    },
    signOut: async () => {
      try {
        await api.logout()
      } finally {
        setCsrfToken(null)
        setSession({ kind: 'anonymous' })
      }
    },
  }
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

export function useSessionApi(): SessionApi {
  const s = useContext(SessionContext)
  if (s === null) throw new Error('web/researcher: useSessionApi outside SessionProvider')
  return s
}

/** The signed-in user; only for pages shown after sign-in. */
export function useUser(): SessionInfo['user'] {
  const { session } = useSessionApi()
  if (session.kind !== 'signed_in') throw new Error('web/researcher: useUser before sign-in')
  return session.info.user
}

/** Viewers can look; researchers and admins can change studies; admins manage accounts. */
export const canEdit = (role: Role): boolean => role !== 'viewer'
export const isAdmin = (role: Role): boolean => role === 'admin'
