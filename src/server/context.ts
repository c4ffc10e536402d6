import type { Role, User } from '../core/api/api.js'
import type { Store } from '../store/store.js'
import type { AreaCache } from './area-cache.js'

/** What every route can read from the request context. */
export type AppEnv = {
  Variables: {
    /** The signed-in researcher, when there is one. */
    user: User | null
    /** The session's id (the cookie token's hash) and CSRF token. */
    session: { readonly id: string; readonly csrfToken: string } | null
  }
}

export type AppOptions = {
  readonly store: Store
  /** Where problems are logged (never to the browser). */
  readonly log: (line: string) => void
  /** Cookies marked Secure (behind HTTPS) and named __Host-. */
  readonly secureCookies: boolean
  /** The address participants open links at, e.g. https://spnet.example.nhs.uk; default the request's. */
  readonly publicUrl?: string | undefined
  /** The built web app (dist/web); null serves the API only. */
  readonly webDir: string | null
  /** Take the client address from X-Forwarded-For (behind a trusted proxy). */
  readonly trustProxy?: boolean | undefined
  readonly now?: (() => Date) | undefined
  /** The area reference data participants are placed with (area-cache.ts); none loaded when absent. */
  readonly areas?: AreaCache | undefined
}

export type { Role }
