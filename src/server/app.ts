import { Hono } from 'hono'
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
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: () => {
        throw new HttpError(413, 'The request is too large.', 'too_large')
      },
    }),
  )
  app.use('/api/*', async (c, next) => {
    await next()
    c.header('Cache-Control', 'no-store')
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
