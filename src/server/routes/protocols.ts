import { Hono } from 'hono'
import { SpnetError } from '../../core/errors.js'
import { validateProtocol } from '../../core/protocol/validate-protocol.js'
import { requirePermission } from '../auth.js'
import type { AppEnv, AppOptions } from '../context.js'
import { HttpError } from '../error-handler.js'

/** Study protocols: list, read one version, add a version (checked as `spnet protocol validate` does). */
export function protocolRoutes(options: AppOptions) {
  const { store } = options
  const app = new Hono<AppEnv>()

  app.get('/', requirePermission('protocols:read'), async (c) =>
    c.json(await store.protocols.list()),
  )

  app.get('/:id/:version', requirePermission('protocols:read'), async (c) => {
    const version = Number(c.req.param('version'))
    const protocol = Number.isInteger(version)
      ? await store.protocols.get(c.req.param('id'), version)
      : null
    if (protocol === null) throw new SpnetError('not_found', 'There is no such protocol version.')
    return c.json(protocol)
  })

  app.post('/', requirePermission('protocols:write'), async (c) => {
    if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
      throw new HttpError(
        415,
        'Send the protocol as JSON (Content-Type: application/json).',
        'unsupported_media_type',
      )
    }
    let raw: unknown
    try {
      raw = JSON.parse(await c.req.text())
    } catch {
      throw new SpnetError('validation', 'The protocol is not valid JSON.')
    }
    const checked = validateProtocol(raw)
    if (!checked.ok) throw checked.error
    return c.json(
      await store.protocols.save({ kind: 'user', id: c.get('user')!.id }, checked.value),
      201,
    )
  })

  return app
}
