import type { Context, MiddlewareHandler } from 'hono'
import { getCookie, setCookie, deleteCookie } from 'hono/cookie'
import type { AppEnv, AppOptions } from './context.js'
import { HttpError } from './error-handler.js'
import { allows, type Permission } from './permissions.js'
import { sameSecret, tokenHash } from './tokens.js'

/** A session lasts 8 hours from the last request, and never more than 7 days. */
export const sessionIdleMs = 8 * 60 * 60 * 1000
export const sessionMaxMs = 7 * 24 * 60 * 60 * 1000

export function cookieName(options: AppOptions): string {
  // __Host- cookies are Secure, host-only and Path=/ by browsers' rules: no subdomain can set them.
  return options.secureCookies ? '__Host-spnet_session' : 'spnet_session'
}

export function setSessionCookie(c: Context, options: AppOptions, token: string): void {
  setCookie(c, cookieName(options), token, {
    httpOnly: true,
    secure: options.secureCookies,
    sameSite: 'Lax',
    path: '/',
    maxAge: Math.floor(sessionMaxMs / 1000),
  })
}

export function clearSessionCookie(c: Context, options: AppOptions): void {
  deleteCookie(c, cookieName(options), { path: '/', secure: options.secureCookies })
}

/** Reads the session cookie into `user` and `session`; never refuses a request by itself. */
export function sessionMiddleware(options: AppOptions): MiddlewareHandler<AppEnv> {
  const now = options.now ?? (() => new Date())
  return async (c, next) => {
    c.set('user', null)
    c.set('session', null)
    const token = getCookie(c, cookieName(options))
    if (token !== undefined && token !== '') {
      const id = tokenHash(token)
      const at = now()
      const found = await options.store.sessions.find(id, at)
      if (found !== null) {
        c.set('user', found.user)
        c.set('session', { id, csrfToken: found.csrfToken })
        // Slide the idle timeout, writing at most every few minutes.
        const wanted = new Date(at.getTime() + sessionIdleMs)
        if (wanted.getTime() - found.expiresAt.getTime() > 5 * 60 * 1000) {
          await options.store.sessions.extend(id, wanted)
        }
      }
    }
    await next()
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Changes must come from spnet's own pages: the Origin (when the browser
 * sends one) must be this server, and a signed-in researcher's change must
 * carry the session's CSRF token in X-CSRF-Token.
 */
export function csrfMiddleware(options: AppOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (safeMethods.has(c.req.method)) return next()
    const origin = c.req.header('origin')
    if (origin !== undefined && origin !== 'null') {
      const expected =
        options.publicUrl === undefined
          ? new URL(c.req.url).origin
          : new URL(options.publicUrl).origin
      const host = c.req.header('host')
      const sameHost = host !== undefined && new URL(origin).host === host
      if (origin !== expected && !sameHost) {
        throw new HttpError(403, 'This request did not come from spnet’s own pages.', 'forbidden')
      }
    }
    const session = c.get('session')
    if (
      session !== null &&
      !c.req.path.startsWith('/api/interview/') &&
      c.req.path !== '/api/auth/login'
    ) {
      const sent = c.req.header('x-csrf-token') ?? ''
      if (!sameSecret(sent, session.csrfToken)) {
        throw new HttpError(403, 'Your page is out of date. Reload it and try again.', 'csrf')
      }
    }
    return next()
  }
}

/** Refuses the request unless a researcher is signed in whose role allows `permission`. */
export function requirePermission(permission: Permission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.get('user')
    if (user === null) throw new HttpError(401, 'Please sign in.', 'unauthenticated')
    if (!allows(user.role, permission)) {
      throw new HttpError(403, 'Your account is not allowed to do this.', 'forbidden')
    }
    await next()
  }
}
