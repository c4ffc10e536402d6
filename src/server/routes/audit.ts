import { Hono } from 'hono'
import { requirePermission } from '../auth.js'
import type { AppEnv, AppOptions } from '../context.js'

/** The audit log, newest first, optionally for one entity (admins only). */
export function auditRoutes(options: AppOptions) {
  const app = new Hono<AppEnv>()
  app.get('/', requirePermission('audit:read'), async (c) => {
    const entity = c.req.query('entity')
    const entityId = c.req.query('entityId')
    const limit = Math.min(Math.max(Number(c.req.query('limit') ?? 200) || 200, 1), 1000)
    const records = await options.store.audit.list({
      ...(entity === undefined || entity === '' ? {} : { entity }),
      ...(entityId === undefined || entityId === '' ? {} : { entityId }),
      limit,
    })
    return c.json(records)
  })
  return app
}
