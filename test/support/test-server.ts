import { createApp } from '../../src/server/app.js'
import { ensureBuiltInProtocol } from '../../src/server/bootstrap.js'
import type { AreaCache } from '../../src/server/area-cache.js'
import type { AppOptions } from '../../src/server/context.js'
import { hashPassword } from '../../src/server/passwords.js'
import { openStore, type Store } from '../../src/store/store.js'
import type { Role } from '../../src/core/api/api.js'

export const password = 'correct horse battery'

export type Client = {
  readonly role: Role | 'anonymous'
  readonly cookie: string | null
  readonly csrf: string | null
  /** Calls the app like a browser on spnet's own page would: cookie, CSRF header, JSON body. */
  readonly call: (
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<Response>
}

export type TestServer = {
  readonly store: Store
  readonly app: ReturnType<typeof createApp>
  readonly clients: Readonly<Record<Role | 'anonymous', Client>>
  readonly log: string[]
  /** Moves the server's clock on (for expiry tests). */
  readonly advance: (ms: number) => void
  readonly close: () => Promise<void>
}

/**
 * An app on an in-memory PGlite store, with one signed-in client per role.
 * `areas` gives it area reference data over that store (e.g. its area_datasets table).
 */
export async function testServer(
  options: Partial<AppOptions> = {},
  setup: { readonly areas?: (store: Store) => AreaCache } = {},
): Promise<TestServer> {
  const store = await openStore({ dataDir: null })
  await ensureBuiltInProtocol(store)
  const log: string[] = []
  let offset = 0
  const app = createApp({
    store,
    log: (line) => log.push(line),
    secureCookies: false,
    webDir: null,
    now: () => new Date(Date.now() + offset),
    ...(setup.areas === undefined ? {} : { areas: setup.areas(store) }),
    ...options,
  })
  const hash = await hashPassword(password)
  const roles: Role[] = ['admin', 'researcher', 'viewer']
  for (const role of roles) {
    await store.users.create(
      { kind: 'system' },
      { email: `${role}@example.org`, name: role, role, passwordHash: hash },
    )
  }
  const clientOf = (
    role: Role | 'anonymous',
    cookie: string | null,
    csrf: string | null,
  ): Client => ({
    role,
    cookie,
    csrf,
    call: async (method, path, body, headers = {}) =>
      await app.request(path, {
        method,
        headers: {
          ...(cookie === null ? {} : { Cookie: cookie }),
          ...(csrf === null || method === 'GET' ? {} : { 'X-CSRF-Token': csrf }),
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined
          ? {}
          : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      }),
  })
  const clients: Record<string, Client> = { anonymous: clientOf('anonymous', null, null) }
  for (const role of roles) {
    const res = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: `${role}@example.org`, password }),
    })
    if (res.status !== 200)
      throw new Error(`test-server: ${role} could not sign in (${res.status})`)
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!
    const { csrfToken } = (await res.json()) as { csrfToken: string }
    clients[role] = clientOf(role, cookie, csrfToken)
  }
  return {
    store,
    app,
    clients: clients as Record<Role | 'anonymous', Client>,
    log,
    advance: (ms) => {
      offset += ms
    },
    close: () => store.close(),
  }
}
