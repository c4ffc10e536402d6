import { Hono, type MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { secureHeaders } from 'hono/secure-headers'
import { csrfMiddleware, sessionMiddleware } from './auth.js'
import type { AppEnv, AppOptions } from './context.js'
import { errorHandler, HttpError } from './error-handler.js'
import { analysisRoutes } from './routes/analysis.js'
import { auditRoutes } from './routes/audit.js'
import { authRoutes } from './routes/auth.js'
import { interviewRoutes } from './routes/interview.js'
import { protocolRoutes } from './routes/protocols.js'
import { qualRoutes } from './routes/qual.js'
import { studyRoutes } from './routes/studies.js'
import { userRoutes } from './routes/users.js'
import { staticFiles } from './static-files.js'

/** Largest request body: an autosave batch of 200 long answers fits easily. */
export const maxBodyBytes = 1024 * 1024

/**
 * spnet's HTTP server: the JSON API under /api and the built web app at /.
 * Everything it keeps is in the store, so several instances can share one
 * PostgreSQL database behind a load balancer. Tested without a port through
 * `app.request()`.
 *
 * @example
 * ```ts
 * const app = createApp({ store, log: console.error, secureCookies: false, webDir: null })
 * const res = await app.request('/api/health')
 * ```
 */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.onError(errorHandler(options.log))
  app.notFound((c) =>
    c.json({ code: 'not_found', message: 'There is nothing at this address.', issues: [] }, 404),
  )
  app.use(
    '*',
    secureHeaders({
      // Nothing is loaded from anywhere but this server: no third-party calls.
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
      // Interview links carry their key: never send it to another site.
      referrerPolicy: 'no-referrer',
      strictTransportSecurity: options.secureCookies
        ? 'max-age=31536000; includeSubDomains'
        : false,
      crossOriginEmbedderPolicy: false,
    }),
  )
  const tooLarge = () => {
    throw new HttpError(413, 'The request is too large.', 'too_large')
  }
  const countedLimit = bodyLimit({ maxSize: maxBodyBytes, onError: tooLarge })
  const limit: MiddlewareHandler<AppEnv> = (c, next) => {
    // Hono's bodyLimit looks at c.req.raw.body, which makes @hono/node-server build a
    // full web Request, with a stream over the socket, for every request (GETs too).
    // A declared length is checked from the header instead, as bodyLimit does (Node
    // reads no more than it); a body sent in chunks, or of no declared length, is
    // counted as it arrives.
    const length = c.req.header('content-length')
    if (length !== undefined && c.req.header('transfer-encoding') === undefined)
      return Number(length) <= maxBodyBytes ? next() : tooLarge()
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    return countedLimit(c, next)
  }
  app.use('/api/*', limit)
  app.use('/api/*', async (c, next) => {
    // Set before the route answers: a header set on a finished response makes Hono
    // rebuild it as a full web Response, whose body @hono/node-server then streams.
    c.header('Cache-Control', 'no-store')
    await next()
  })
  app.use('/api/*', sessionMiddleware(options))
  app.use('/api/*', csrfMiddleware(options))

  app.get('/api/health', (c) => c.json({ ok: true, database: options.store.db.kind }))
  app.route('/api/auth', authRoutes(options))
  app.route('/api/users', userRoutes(options))
  app.route('/api/protocols', protocolRoutes(options))
  app.route('/api/audit', auditRoutes(options))
  app.route('/api/interview', interviewRoutes(options))
  app.route('/api', studyRoutes(options))
  app.route('/api', analysisRoutes(options))
  app.route('/api/studies/:id/qual', qualRoutes(options))

  if (options.webDir !== null) app.use('*', staticFiles(options.webDir))
  return app
}
