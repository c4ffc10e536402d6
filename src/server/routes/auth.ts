import { Hono } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import { loginSchema, type SessionInfo } from '../../core/api/api.js'
import { clearSessionCookie, sessionIdleMs, setSessionCookie } from '../auth.js'
import type { AppEnv, AppOptions } from '../context.js'
import { HttpError } from '../error-handler.js'
import { decoyHash, verifyPassword } from '../passwords.js'
import { readBody } from '../read-body.js'
import { randomToken, tokenHash } from '../tokens.js'

/** Failed sign-ins allowed per account, and per address, in a 15-minute window. */
export const loginLimits = { perAccount: 5, perAddress: 30, windowMs: 15 * 60 * 1000 }

export function authRoutes(options: AppOptions) {
  const { store } = options
  const now = options.now ?? (() => new Date())
  const app = new Hono<AppEnv>()

  app.post('/login', async (c) => {
    const body = await readBody(c, loginSchema)
    const at = now()
    const since = new Date(at.getTime() - loginLimits.windowMs)
    const accountKey = `account:${body.email}`
    const addressKey = `address:${clientAddress(c, options)}`
    const [byAccount, byAddress] = await Promise.all([
      store.loginAttempts.count(accountKey, since),
      store.loginAttempts.count(addressKey, since),
    ])
    if (byAccount >= loginLimits.perAccount || byAddress >= loginLimits.perAddress) {
      throw new HttpError(
        429,
        'Too many failed sign-ins. Wait 15 minutes and try again, or ask an admin to reset your password.',
        'rate_limited',
        { 'Retry-After': String(loginLimits.windowMs / 1000) },
      )
    }
    const user = await store.users.withHashByEmail(body.email)
    const good =
      user === null
        ? (await verifyPassword(await decoyHash(), body.password), false)
        : await verifyPassword(user.passwordHash, body.password)
    if (user === null || !good || user.disabled) {
      await Promise.all([
        store.loginAttempts.record(accountKey, at),
        store.loginAttempts.record(addressKey, at),
      ])
      throw new HttpError(401, 'The email or password is not right.', 'bad_credentials')
    }
    await store.loginAttempts.clear(accountKey)
    const token = randomToken()
    const csrfToken = randomToken()
    await store.sessions.create({
      id: tokenHash(token),
      userId: user.id,
      csrfToken,
      expiresAt: new Date(at.getTime() + sessionIdleMs),
    })
    await store.sessions.purgeExpired(at)
    await store.loginAttempts.purge(since)
    setSessionCookie(c, options, token)
    const { passwordHash: _hash, ...publicUser } = user
    return c.json({ user: publicUser, csrfToken } satisfies SessionInfo)
  })

  app.post('/logout', async (c) => {
    const session = c.get('session')
    if (session !== null) await store.sessions.remove(session.id)
    clearSessionCookie(c, options)
    return c.json({ ok: true })
  })

  app.get('/me', (c) => {
    const user = c.get('user')
    const session = c.get('session')
    if (user === null || session === null)
      throw new HttpError(401, 'Please sign in.', 'unauthenticated')
    return c.json({ user, csrfToken: session.csrfToken } satisfies SessionInfo)
  })

  return app
}

/** The client's address: the socket's, or the proxy's X-Forwarded-For when trusted. */
export function clientAddress(c: Context, options: AppOptions): string {
  if (options.trustProxy === true) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
    if (forwarded !== undefined && forwarded !== '') return forwarded
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown' // app.request() in tests has no socket
  }
}
