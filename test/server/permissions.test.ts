import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../src/core/api/api.js'
import { permissions, type Permission } from '../../src/server/permissions.js'
import { password, testServer, type TestServer } from '../support/test-server.js'

/**
 * Every route × every role: a role the permission table allows gets past
 * the check; any other role gets 403, and nobody signed in gets 401. The
 * list of routes is checked against the app's own, so a new route without
 * a row here fails this test.
 */
type Row = {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  readonly path: string
  readonly permission: Permission | 'signed-in' | 'public'
  readonly url: (ids: Ids, role: string) => string
  readonly body?: (ids: Ids, role: string) => unknown
}
type Ids = { study: string; participant: string; invitation: string; user: string }

const rows: readonly Row[] = [
  { method: 'GET', path: '/api/health', permission: 'public', url: () => '/api/health' },
  { method: 'GET', path: '/api/auth/me', permission: 'signed-in', url: () => '/api/auth/me' },
  { method: 'GET', path: '/api/users', permission: 'users:manage', url: () => '/api/users' },
  {
    method: 'POST',
    path: '/api/users',
    permission: 'users:manage',
    url: () => '/api/users',
    body: (_, role) => ({
      email: `new-${role}@example.org`,
      name: 'New',
      role: 'viewer',
      password: 'a long enough password',
    }),
  },
  {
    method: 'PATCH',
    path: '/api/users/:id',
    permission: 'users:manage',
    url: (ids) => `/api/users/${ids.user}`,
    body: () => ({ name: 'Renamed' }),
  },
  {
    method: 'GET',
    path: '/api/protocols',
    permission: 'protocols:read',
    url: () => '/api/protocols',
  },
  {
    method: 'GET',
    path: '/api/protocols/:id/:version',
    permission: 'protocols:read',
    url: () => '/api/protocols/link_worker_networks/1',
  },
  {
    method: 'POST',
    path: '/api/protocols',
    permission: 'protocols:write',
    url: () => '/api/protocols',
    body: () => ({ format: 'nope' }),
  },
  { method: 'GET', path: '/api/audit', permission: 'audit:read', url: () => '/api/audit' },
  { method: 'GET', path: '/api/studies', permission: 'studies:read', url: () => '/api/studies' },
  {
    method: 'POST',
    path: '/api/studies',
    permission: 'studies:write',
    url: () => '/api/studies',
    body: (_, role) => ({
      name: `Study by ${role}`,
      protocolId: 'link_worker_networks',
      protocolVersion: 1,
    }),
  },
  {
    method: 'GET',
    path: '/api/studies/:id',
    permission: 'studies:read',
    url: (ids) => `/api/studies/${ids.study}`,
  },
  {
    method: 'PUT',
    path: '/api/studies/:id/deprivation',
    permission: 'studies:write',
    url: (ids) => `/api/studies/${ids.study}/deprivation`,
    body: () => ({ by: 'practice_code', method: 'practice-weighted', edition: 2019 }),
  },
  {
    method: 'DELETE',
    path: '/api/studies/:id/deprivation',
    permission: 'studies:write',
    url: (ids) => `/api/studies/${ids.study}/deprivation`,
  },
  {
    method: 'POST',
    path: '/api/studies/:id/participants',
    permission: 'participants:write',
    url: (ids) => `/api/studies/${ids.study}/participants`,
    body: (_, role) => ({ label: `P-${role}` }),
  },
  {
    method: 'GET',
    path: '/api/participants/:id',
    permission: 'studies:read',
    url: (ids) => `/api/participants/${ids.participant}`,
  },
  {
    method: 'PATCH',
    path: '/api/participants/:id',
    permission: 'participants:write',
    url: (ids) => `/api/participants/${ids.participant}`,
    body: () => ({ attributes: { imd_quintile: 2 } }),
  },
  {
    method: 'POST',
    path: '/api/participants/:id/invitations',
    permission: 'invitations:write',
    url: (ids) => `/api/participants/${ids.participant}/invitations`,
    body: () => ({}),
  },
  {
    method: 'POST',
    path: '/api/invitations/:id/revoke',
    permission: 'invitations:write',
    url: (ids) => `/api/invitations/${ids.invitation}/revoke`,
  },
  {
    method: 'GET',
    path: '/api/studies/:id/measures',
    permission: 'analysis:read',
    url: (ids) => `/api/studies/${ids.study}/measures`,
  },
  {
    method: 'GET',
    path: '/api/studies/:id/compare',
    permission: 'analysis:read',
    url: (ids) => `/api/studies/${ids.study}/compare?by=imd_quintile`,
  },
  {
    method: 'GET',
    path: '/api/studies/:id/export',
    permission: 'data:export',
    url: (ids) => `/api/studies/${ids.study}/export?format=json`,
  },
  ...qualRows(),
  {
    method: 'POST',
    path: '/api/auth/login',
    permission: 'public',
    url: () => '/api/auth/login',
    body: () => ({ email: 'viewer@example.org', password }),
  },
  { method: 'POST', path: '/api/auth/logout', permission: 'public', url: () => '/api/auth/logout' },
]

// The participant's routes take the invitation link as their key, not a role (tested in interview.test.ts).
const participantRoutes = [
  'GET /api/interview/:token',
  'POST /api/interview/:token/changes',
  'POST /api/interview/:token/submit',
  'GET /api/interview/:token/suggestions',
]

const people = ['anonymous', 'viewer', 'researcher', 'admin'] as const

describe('the role × route permission matrix', () => {
  let s: TestServer
  let ids: Ids
  beforeAll(async () => {
    s = await testServer()
    const admin = s.clients.admin
    const study = (await (
      await admin.call('POST', '/api/studies', {
        name: 'Matrix',
        protocolId: 'link_worker_networks',
        protocolVersion: 1,
      })
    ).json()) as { id: string }
    const participant = (await (
      await admin.call('POST', `/api/studies/${study.id}/participants`, { label: 'LW01' })
    ).json()) as { id: string }
    const invitation = (await (
      await admin.call('POST', `/api/participants/${participant.id}/invitations`, {})
    ).json()) as { invitation: { id: string } }
    const user = (await (
      await admin.call('POST', '/api/users', {
        email: 'target@example.org',
        name: 'T',
        role: 'viewer',
        password: 'a long enough password',
      })
    ).json()) as { id: string }
    ids = {
      study: study.id,
      participant: participant.id,
      invitation: invitation.invitation.id,
      user: user.id,
    }
  }, 60_000)
  afterAll(() => s.close())

  it('covers every route the app has', () => {
    const registered = new Set(
      s.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`),
    )
    const listed = new Set([...rows.map((r) => `${r.method} ${r.path}`), ...participantRoutes])
    expect([...registered].sort()).toEqual([...listed].sort())
  })

  for (const row of rows) {
    for (const who of people) {
      const allowed =
        row.permission === 'public' ||
        (who !== 'anonymous' &&
          (row.permission === 'signed-in' ||
            (permissions[row.permission] as readonly Role[]).includes(who)))
      it(`${row.method} ${row.path} as ${who}: ${allowed ? 'allowed' : who === 'anonymous' ? '401' : '403'}`, async () => {
        const client = s.clients[who]
        // Logging out would end the session the other rows use; do it on a session of its own.
        const res =
          row.path === '/api/auth/logout' && who !== 'anonymous'
            ? await s.app.request('/api/auth/logout', { method: 'POST' })
            : await client.call(row.method, row.url(ids, who), row.body?.(ids, who))
        if (allowed) {
          expect([401, 403]).not.toContain(res.status)
          expect(res.status).toBeLessThan(500)
        } else {
          expect(res.status).toBe(who === 'anonymous' ? 401 : 403)
          const body = (await res.json()) as { code: string; message: string }
          expect(body.code).toBe(who === 'anonymous' ? 'unauthenticated' : 'forbidden')
        }
      })
    }
  }
})

/** The qualitative routes; ids that do not exist are fine: the check comes first. */
function qualRows(): Row[] {
  const q = (ids: Ids) => `/api/studies/${ids.study}/qual`
  const none = '00000000-0000-4000-8000-000000000000'
  const r = (
    method: Row['method'],
    path: string,
    permission: Permission,
    url: (ids: Ids) => string,
    body?: () => unknown,
  ): Row => ({
    method,
    path: `/api/studies/:id/qual${path}`,
    permission,
    url,
    ...(body === undefined ? {} : { body }),
  })
  return [
    r('GET', '', 'qual:read', (ids) => q(ids)),
    r(
      'POST',
      '/sources',
      'qual:code',
      (ids) => `${q(ids)}/sources`,
      () => ({
        fileName: 'LW01.txt',
        contentBase64: Buffer.from('Interviewer: Hello.\nLW01: Hi.\n').toString('base64'),
      }),
    ),
    r('GET', '/sources/:sourceId/review', 'qual:code', (ids) => `${q(ids)}/sources/${none}/review`),
    r(
      'POST',
      '/sources/:sourceId/review',
      'qual:code',
      (ids) => `${q(ids)}/sources/${none}/review`,
      () => ({ decisions: {} }),
    ),
    r(
      'POST',
      '/sources/:sourceId/pseudonymise',
      'qual:code',
      (ids) => `${q(ids)}/sources/${none}/pseudonymise`,
    ),
    r('GET', '/key', 'qual:key', (ids) => `${q(ids)}/key`),
    r(
      'POST',
      '/codes',
      'qual:code',
      (ids) => `${q(ids)}/codes`,
      () => ({ name: 'Transport' }),
    ),
    r(
      'PATCH',
      '/codes/:codeId',
      'qual:code',
      (ids) => `${q(ids)}/codes/${none}`,
      () => ({ name: 'Renamed' }),
    ),
    r('DELETE', '/codes/:codeId', 'qual:code', (ids) => `${q(ids)}/codes/${none}`),
    r('POST', '/codebook/starter', 'qual:code', (ids) => `${q(ids)}/codebook/starter`),
    r(
      'POST',
      '/segments',
      'qual:code',
      (ids) => `${q(ids)}/segments`,
      () => ({ sourceId: none, start: 0, end: 1, codeIds: [none] }),
    ),
    r(
      'PATCH',
      '/segments/:segmentId',
      'qual:code',
      (ids) => `${q(ids)}/segments/${none}`,
      () => ({ memo: 'x' }),
    ),
    r('DELETE', '/segments/:segmentId', 'qual:code', (ids) => `${q(ids)}/segments/${none}`),
    r(
      'POST',
      '/memos',
      'qual:code',
      (ids) => `${q(ids)}/memos`,
      () => ({ target: { kind: 'project' }, text: 'A note' }),
    ),
    r(
      'PATCH',
      '/memos/:memoId',
      'qual:code',
      (ids) => `${q(ids)}/memos/${none}`,
      () => ({ text: 'x' }),
    ),
    r('DELETE', '/memos/:memoId', 'qual:code', (ids) => `${q(ids)}/memos/${none}`),
    r(
      'PUT',
      '/summaries',
      'qual:code',
      (ids) => `${q(ids)}/summaries`,
      () => ({ caseId: none, codeId: none, text: 'x' }),
    ),
    r('GET', '/segments', 'qual:read', (ids) => `${q(ids)}/segments`),
    r('GET', '/agreement', 'qual:read', (ids) => `${q(ids)}/agreement`),
    r('GET', '/matrix', 'qual:read', (ids) => `${q(ids)}/matrix`),
    r('GET', '/cooccurrence', 'qual:read', (ids) => `${q(ids)}/cooccurrence`),
    r('GET', '/export', 'qual:export', (ids) => `${q(ids)}/export?format=qdc`),
    r(
      'POST',
      '/import',
      'qual:code',
      (ids) => `${q(ids)}/import`,
      () => ({ fileName: 'x.qdc', contentBase64: '' }),
    ),
  ]
}
