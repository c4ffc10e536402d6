import { unzipSync, strFromU8 } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  InterviewSession,
  MeasureTableJson,
  NewInvitation,
  SaveResult,
} from '../../src/core/api/api.js'
import { importStudyJson } from '../../src/core/import/study-json.js'
import { importThreeFiles } from '../../src/core/import/three-files.js'
import { loginLimits } from '../../src/server/routes/auth.js'
import { password, testServer, type TestServer } from '../support/test-server.js'

type Json = Record<string, unknown>
const json = async (res: Response) => (await res.json()) as Json

describe('the server API', () => {
  let s: TestServer
  let studyId: string
  let participantId: string
  beforeAll(async () => {
    s = await testServer()
    const r = s.clients.researcher
    studyId = (
      (await json(
        await r.call('POST', '/api/studies', {
          name: 'Pilot study',
          protocolId: 'link_worker_networks',
          protocolVersion: 1,
        }),
      )) as { id: string }
    ).id
    participantId = (
      (await json(
        await r.call('POST', `/api/studies/${studyId}/participants`, {
          label: 'LW01',
          attributes: { imd_quintile: 1 },
        }),
      )) as { id: string }
    ).id
  }, 60_000)
  afterAll(() => s.close())

  describe('signing in', () => {
    it('sets an HttpOnly, SameSite session cookie and returns the CSRF token, never the password hash', async () => {
      const res = await s.app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'Viewer@Example.org ', password }),
      })
      expect(res.status).toBe(200)
      const cookie = res.headers.get('set-cookie')!
      expect(cookie).toMatch(/^spnet_session=[A-Za-z0-9_-]{43};/)
      expect(cookie).toMatch(/HttpOnly/)
      expect(cookie).toMatch(/SameSite=Lax/)
      const body = await res.text()
      expect(body).toContain('csrfToken')
      expect(body).not.toMatch(/argon2|passwordHash/)
    })

    it('uses a Secure __Host- cookie behind HTTPS', async () => {
      const secure = await testServer({ secureCookies: true })
      const res = await secure.app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'admin@example.org', password }),
      })
      expect(res.headers.get('set-cookie')).toMatch(/^__Host-spnet_session=.*Secure/)
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age/)
      await secure.close()
    })

    it('gives the same answer for an unknown email and a wrong password, and field messages for a bad form', async () => {
      const a = s.clients.anonymous
      const unknown = await a.call('POST', '/api/auth/login', {
        email: 'nobody@example.org',
        password: 'whatever',
      })
      const wrong = await a.call('POST', '/api/auth/login', {
        email: 'admin@example.org',
        password: 'whatever',
      })
      expect(unknown.status).toBe(401)
      expect(await json(wrong)).toEqual(await json(unknown))
      const bad = await a.call('POST', '/api/auth/login', { email: 'not an email', password: '' })
      expect(bad.status).toBe(400)
      const issues = ((await json(bad)).issues as { path: string }[]).map((i) => i.path)
      expect(issues).toEqual(expect.arrayContaining(['email', 'password']))
    })

    it(`locks an account out after ${loginLimits.perAccount} failed sign-ins, even with the right password`, async () => {
      const a = s.clients.anonymous
      await s.store.users.create(
        { kind: 'system' },
        {
          email: 'locked@example.org',
          name: 'L',
          role: 'viewer',
          passwordHash: (await s.store.users.withHashByEmail('viewer@example.org'))!.passwordHash,
        },
      )
      for (let i = 0; i < loginLimits.perAccount; i++) {
        expect(
          (
            await a.call('POST', '/api/auth/login', {
              email: 'locked@example.org',
              password: 'wrong',
            })
          ).status,
        ).toBe(401)
      }
      const res = await a.call('POST', '/api/auth/login', { email: 'locked@example.org', password })
      expect(res.status).toBe(429)
      expect(res.headers.get('retry-after')).toBe('900')
      s.advance(loginLimits.windowMs + 1000)
      expect(
        (await a.call('POST', '/api/auth/login', { email: 'locked@example.org', password })).status,
      ).toBe(200)
      s.advance(-(loginLimits.windowMs + 1000))
    })

    it('refuses a disabled account, and ends its sessions', async () => {
      const admin = s.clients.admin
      const user = await json(
        await admin.call('POST', '/api/users', {
          email: 'leaver@example.org',
          name: 'Leaver',
          role: 'researcher',
          password: 'a long enough password',
        }),
      )
      const login = await s.app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'leaver@example.org', password: 'a long enough password' }),
      })
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!
      expect((await s.app.request('/api/studies', { headers: { Cookie: cookie } })).status).toBe(
        200,
      )
      expect(
        (await admin.call('PATCH', `/api/users/${user.id as string}`, { disabled: true })).status,
      ).toBe(200)
      expect((await s.app.request('/api/studies', { headers: { Cookie: cookie } })).status).toBe(
        401,
      )
      const again = await s.clients.anonymous.call('POST', '/api/auth/login', {
        email: 'leaver@example.org',
        password: 'a long enough password',
      })
      expect(again.status).toBe(401)
    })

    it('does not let an admin disable themself or drop their own admin role', async () => {
      const admin = s.clients.admin
      const me = (await json(await admin.call('GET', '/api/auth/me'))).user as { id: string }
      const res = await admin.call('PATCH', `/api/users/${me.id}`, { role: 'viewer' })
      expect(res.status).toBe(409)
      expect(((await json(res)).issues as { path: string }[])[0]!.path).toBe('role')
    })

    it('logs out: the session stops working', async () => {
      const login = await s.app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'researcher@example.org', password }),
      })
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!
      const { csrfToken } = (await login.json()) as { csrfToken: string }
      const out = await s.app.request('/api/auth/logout', {
        method: 'POST',
        headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken },
      })
      expect(out.status).toBe(200)
      expect((await s.app.request('/api/auth/me', { headers: { Cookie: cookie } })).status).toBe(
        401,
      )
    })
  })

  describe('requests that must come from spnet’s own pages', () => {
    it('refuses a change without the CSRF token, or from another site', async () => {
      const r = s.clients.researcher
      const noToken = await s.app.request('/api/studies', {
        method: 'POST',
        headers: { Cookie: r.cookie!, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'X', protocolId: 'link_worker_networks', protocolVersion: 1 }),
      })
      expect(noToken.status).toBe(403)
      expect((await json(noToken)).code).toBe('csrf')
      const otherSite = await r.call(
        'POST',
        '/api/studies',
        { name: 'X', protocolId: 'link_worker_networks', protocolVersion: 1 },
        { Origin: 'https://evil.example' },
      )
      expect(otherSite.status).toBe(403)
      const list = (await json(await r.call('GET', `/api/studies/${studyId}`))) as { name: string }
      expect(list.name).toBe('Pilot study')
      expect(((await (await r.call('GET', '/api/studies')).json()) as unknown[]).length).toBe(1)
    })

    it('takes JSON bodies only, and none over 1 MB', async () => {
      const r = s.clients.researcher
      const form = await r.call('POST', '/api/studies', 'name=X', {
        'Content-Type': 'application/x-www-form-urlencoded',
      })
      expect(form.status).toBe(415)
      const huge = await r.call('POST', `/api/studies/${studyId}/participants`, {
        label: 'LW99',
        attributes: { x: 'y'.repeat(1_100_000) },
      })
      expect(huge.status).toBe(413)
      // As Node's server sees a browser's upload: the length declared, checked from the header.
      const hugeBody = JSON.stringify({ label: 'LW99', attributes: { x: 'y'.repeat(1_100_000) } })
      const declared = await r.call('POST', `/api/studies/${studyId}/participants`, hugeBody, {
        'Content-Length': String(Buffer.byteLength(hugeBody)),
      })
      expect(declared.status).toBe(413)
      const broken = await r.call('POST', '/api/studies', '{"name": ')
      expect(broken.status).toBe(400)
      expect((await json(broken)).message).toMatch(/not valid JSON/)
    })

    it('puts each problem on its field and changes nothing', async () => {
      const r = s.clients.researcher
      const res = await r.call('POST', `/api/studies/${studyId}/participants`, {
        label: 'Jane Smith',
      })
      expect(res.status).toBe(400)
      const body = await json(res)
      expect(body.issues).toEqual([
        { path: 'label', message: 'Use a code such as LW01 (letters, digits, _ . -), not a name.' },
      ])
      const extra = await r.call('POST', '/api/studies', {
        name: 'X',
        protocolId: 'link_worker_networks',
        protocolVersion: 1,
        owner: 'me',
      })
      expect(extra.status).toBe(400)
      const study = (await json(await r.call('GET', `/api/studies/${studyId}`))) as {
        participants: number
      }
      expect(study.participants).toBe(1)
    })

    it('answers unknown ids and addresses with 404 JSON, and sends security headers', async () => {
      const r = s.clients.researcher
      expect((await r.call('GET', '/api/studies/not-a-uuid')).status).toBe(404)
      expect(
        (await r.call('GET', '/api/studies/00000000-0000-4000-8000-000000000000')).status,
      ).toBe(404)
      const none = await r.call('GET', '/api/nothing-here')
      expect(none.status).toBe(404)
      expect((await json(none)).code).toBe('not_found')
      expect(none.headers.get('content-security-policy')).toContain("default-src 'self'")
      expect(none.headers.get('referrer-policy')).toBe('no-referrer')
      expect(none.headers.get('x-content-type-options')).toBe('nosniff')
      expect(none.headers.get('cache-control')).toBe('no-store')
    })
  })

  describe('a participant’s interview link', () => {
    let link: NewInvitation
    let token: string
    beforeAll(async () => {
      link = (await json(
        await s.clients.researcher.call('POST', `/api/participants/${participantId}/invitations`, {
          expiresInDays: 7,
        }),
      )) as unknown as NewInvitation
      token = link.url.split('/i/')[1]!
    })

    it('is an unguessable address on this server, stored only as a hash', async () => {
      expect(link.url).toMatch(/^http:\/\/localhost\/i\/[A-Za-z0-9_-]{43}$/)
      const rows = JSON.stringify(
        await s.store.kysely.selectFrom('invitations').selectAll().execute(),
      )
      expect(rows).not.toContain(token)
      expect(JSON.stringify(await s.store.audit.list())).not.toContain(token)
    })

    it('opens the interview with the protocol, and autosaves answers', async () => {
      const a = s.clients.anonymous
      const session = (await json(
        await a.call('GET', `/api/interview/${token}`),
      )) as unknown as InterviewSession
      expect(session).toMatchObject({
        participant: 'LW01',
        studyName: 'Pilot study',
        status: 'in_progress',
        revision: 0,
        mode: 'self',
      })
      expect(session.protocol.id).toBe('link_worker_networks')
      const save = await a.call('POST', `/api/interview/${token}/changes`, {
        changes: [
          {
            id: 'c-00000001',
            change: { kind: 'ego_answer', question: 'role', value: 'link_worker' },
          },
          {
            id: 'c-00000002',
            change: {
              kind: 'add_alter',
              alter: 'x1',
              generator: 'work_contact',
              answers: { name: 'Riverside Surgery', sector: 'gp_own_pcn' },
            },
          },
          { id: 'c-00000003', change: { kind: 'ego_answer', question: 'role', value: 'pilot' } },
        ],
      })
      expect(save.status).toBe(200)
      const result = (await save.json()) as SaveResult
      expect(result.revision).toBe(2)
      expect(result.rejected).toEqual([
        { id: 'c-00000003', issues: [{ path: 'ego.role', message: 'Choose one of the options.' }] },
      ])
      const again = (await json(
        await a.call('GET', `/api/interview/${token}`),
      )) as unknown as InterviewSession
      expect(again.state.alters.map((x) => x.answers['name'])).toEqual(['Riverside Surgery'])
      // The study's autocomplete offers what was named.
      expect(
        await json(await a.call('GET', `/api/interview/${token}/suggestions?q=river`)),
      ).toEqual(['Riverside Surgery'])
    })

    it('refuses a malformed autosave as a whole', async () => {
      const res = await s.clients.anonymous.call('POST', `/api/interview/${token}/changes`, {
        changes: [{ id: 'bad id!', change: { kind: 'launch' } }],
      })
      expect(res.status).toBe(400)
      const session = (await json(
        await s.clients.anonymous.call('GET', `/api/interview/${token}`),
      )) as unknown as InterviewSession
      expect(session.revision).toBe(2)
    })

    it('cannot be sent while required answers are missing, and says which', async () => {
      const res = await s.clients.anonymous.call('POST', `/api/interview/${token}/submit`)
      expect(res.status).toBe(400)
      const paths = ((await json(res)).issues as { path: string }[]).map((i) => i.path)
      expect(paths).toContain('about_you.implementation_model')
    })

    it('does not open with a wrong, withdrawn or expired link', async () => {
      const a = s.clients.anonymous
      expect((await a.call('GET', `/api/interview/${'x'.repeat(43)}`)).status).toBe(404)
      expect((await a.call('GET', '/api/interview/short')).status).toBe(404)
      const other = (await json(
        await s.clients.researcher.call('POST', `/api/participants/${participantId}/invitations`, {
          expiresInDays: 1,
        }),
      )) as unknown as NewInvitation
      const otherToken = other.url.split('/i/')[1]!
      expect((await a.call('GET', `/api/interview/${otherToken}`)).status).toBe(200)
      expect(
        (await s.clients.researcher.call('POST', `/api/invitations/${other.invitation.id}/revoke`))
          .status,
      ).toBe(200)
      const revoked = await a.call('GET', `/api/interview/${otherToken}`)
      expect(revoked.status).toBe(410)
      expect((await json(revoked)).code).toBe('revoked')
      const soon = (await json(
        await s.clients.researcher.call('POST', `/api/participants/${participantId}/invitations`, {
          expiresInDays: 1,
        }),
      )) as unknown as NewInvitation
      s.advance(2 * 24 * 60 * 60 * 1000)
      const expired = await a.call('GET', `/api/interview/${soon.url.split('/i/')[1]!}`)
      expect(expired.status).toBe(410)
      expect((await json(expired)).code).toBe('expired')
      s.advance(-2 * 24 * 60 * 60 * 1000)
    })

    it('stops taking autosaves as soon as a link in use is withdrawn or expires', async () => {
      const a = s.clients.anonymous
      const newLink = async () => {
        const made = (await json(
          await s.clients.researcher.call(
            'POST',
            `/api/participants/${participantId}/invitations`,
            {
              expiresInDays: 1,
            },
          ),
        )) as unknown as NewInvitation
        return { id: made.invitation.id, token: made.url.split('/i/')[1]! }
      }
      const save = (token: string, id: string) =>
        a.call('POST', `/api/interview/${token}/changes`, {
          changes: [{ id, change: { kind: 'ego_answer', question: 'role', value: 'link_worker' } }],
        })
      const revision = async () =>
        (
          (await json(
            await a.call('GET', `/api/interview/${token}`),
          )) as unknown as InterviewSession
        ).revision
      // Two saves on each link first, so the server has the link and the answers in hand.
      const withdrawn = await newLink()
      expect((await save(withdrawn.token, 'w-00000001')).status).toBe(200)
      expect((await save(withdrawn.token, 'w-00000002')).status).toBe(200)
      const before = await revision()
      await s.clients.researcher.call('POST', `/api/invitations/${withdrawn.id}/revoke`)
      const refused = await save(withdrawn.token, 'w-00000003')
      expect(refused.status).toBe(410)
      expect((await json(refused)).code).toBe('revoked')
      const expiring = await newLink()
      expect((await save(expiring.token, 'w-00000004')).status).toBe(200)
      expect((await save(expiring.token, 'w-00000005')).status).toBe(200)
      s.advance(2 * 24 * 60 * 60 * 1000)
      const late = await save(expiring.token, 'w-00000006')
      s.advance(-2 * 24 * 60 * 60 * 1000)
      expect(late.status).toBe(410)
      expect((await json(late)).code).toBe('expired')
      expect(await revision()).toBe(before + 2)
    })
  })

  describe('results and exports of the collected data', () => {
    beforeAll(async () => {
      const link = (await json(
        await s.clients.researcher.call('POST', `/api/participants/${participantId}/invitations`, {
          expiresInDays: 30,
        }),
      )) as unknown as NewInvitation
      const token = link.url.split('/i/')[1]!
      const change = (id: string, c: unknown) => ({ id, change: c })
      const res = await s.clients.anonymous.call('POST', `/api/interview/${token}/changes`, {
        changes: [
          change('e-00000001', {
            kind: 'ego_answer',
            question: 'implementation_model',
            value: 'vcse',
          }),
          change('e-00000002', {
            kind: 'add_alter',
            alter: 'x2',
            generator: 'refers_to',
            answers: { name: 'Food bank', sector: 'vcse' },
          }),
          change('e-00000003', {
            kind: 'add_alter',
            alter: 'x3',
            generator: 'advice_support',
            answers: { name: 'Council welfare rights', sector: 'local_authority' },
          }),
          change('e-00000004', {
            kind: 'name_alter',
            alter: 'x2',
            generator: 'work_contact',
            named: true,
          }),
          change('e-00000005', {
            kind: 'alter_answer',
            alter: 'x2',
            question: 'frequency',
            value: 4,
          }),
          change('e-00000006', { kind: 'tie', a: 'x1', b: 'x2', state: 'yes' }),
          change('e-00000007', { kind: 'tie', a: 'x1', b: 'x3', state: 'no' }),
          change('e-00000008', { kind: 'tie', a: 'x2', b: 'x3', state: 'dont_know' }),
        ],
      })
      expect(((await res.json()) as SaveResult).rejected).toEqual([])
      expect(
        (await s.clients.anonymous.call('POST', `/api/interview/${token}/submit`)).status,
      ).toBe(200)
      expect(
        (
          await s.clients.anonymous.call('POST', `/api/interview/${token}/changes`, {
            changes: [
              change('e-00000009', { kind: 'ego_answer', question: 'role', value: 'other' }),
            ],
          })
        ).status,
      ).toBe(409)
    })

    it('computes the measures of sent interviews, with don’t know left out of density', async () => {
      const table = (await json(
        await s.clients.viewer.call('GET', `/api/studies/${studyId}/measures`),
      )) as MeasureTableJson
      expect(table.egoIds).toEqual(['LW01'])
      // The built-in protocol has every attribute the measures look for: nothing chosen by default.
      expect(table.notes).toEqual([])
      const value = (c: string) => table.rows[0]![table.columns.indexOf(c) - 1]
      expect(value('size')).toBe(3)
      expect(value('ties')).toBe(1)
      expect(value('density')).toBe(0.5) // 1 yes of 2 known pairs
      expect(value('size_refers_to')).toBe(1)
      expect(value('bridging_pairs')).toBe(1) // primary care – local authority, known not to work together
    })

    it('exports the three files (zip), JSON and GraphML that equal what was entered, "no" and "don’t know" included', async () => {
      const r = s.clients.researcher
      const zip = await r.call('GET', `/api/studies/${studyId}/export?format=csv`)
      expect(zip.headers.get('content-disposition')).toBe('attachment; filename="pilot-study.zip"')
      const files = unzipSync(new Uint8Array(await zip.arrayBuffer()))
      const text = (name: string) => strFromU8(files[`pilot-study/${name}`]!)
      expect(text('ties.csv')).toBe(
        'ego_id,from,to,state\nLW01,x1,x2,yes\nLW01,x1,x3,no\nLW01,x2,x3,dont_know\n',
      )
      const study = importThreeFiles(
        {
          egos: { name: 'egos.csv', text: text('egos.csv') },
          alters: { name: 'alters.csv', text: text('alters.csv') },
          ties: { name: 'ties.csv', text: text('ties.csv') },
        },
        {
          columns: {
            generators: [
              'work_contact',
              'refers_to',
              'referred_by',
              'advice_support',
              'capacity_building',
              'cannot_refer',
            ],
          },
        },
      )
      expect(study.ok).toBe(true)
      if (!study.ok) return
      const net = study.value.networks[0]!
      expect(net.ego.attributes).toMatchObject({
        imd_quintile: 1,
        implementation_model: 'vcse',
        role: 'link_worker',
        sector: 'vcse',
      })
      expect(
        net.alters.map((a) => [a.id, a.attributes['org_type'], a.frequency, a.generators]),
      ).toEqual([
        ['x1', 'primary_care', null, ['work_contact']],
        ['x2', 'vcse', 4, ['work_contact', 'refers_to']],
        ['x3', 'local_authority', null, ['advice_support']],
      ])
      // Contacts' names stay out unless an admin asks.
      expect(text('alters.csv')).not.toContain('Food bank')

      const jsonExport = await r.call('GET', `/api/studies/${studyId}/export?format=json`)
      const fromJson = importStudyJson({ name: 'study.json', text: await jsonExport.text() })
      expect(fromJson.ok && fromJson.value.networks[0]!.ties.map((t) => t.state)).toEqual([
        'yes',
        'no',
        'dont_know',
      ])

      const graphml = await (
        await r.call('GET', `/api/studies/${studyId}/export?format=graphml`)
      ).text()
      expect(graphml).toContain('<graph id="LW01" edgedefault="undirected">')
      expect(graphml.match(/<edge /g)).toHaveLength(1)
      expect(graphml).toMatch(/<data key="g_pairs_no">LW01\.x1,LW01\.x3<\/data>/)
      expect(graphml).toMatch(/<data key="g_pairs_dont_know">LW01\.x2,LW01\.x3<\/data>/)

      expect(
        (await r.call('GET', `/api/studies/${studyId}/export?format=csv&names=1`)).status,
      ).toBe(403)
      const named = await s.clients.admin.call(
        'GET',
        `/api/studies/${studyId}/export?format=json&names=1`,
      )
      expect(await named.text()).toContain('Food bank')
      const exports = (await s.store.audit.list({ entity: 'study', entityId: studyId })).filter(
        (e) => e.action === 'export',
      )
      expect(exports.length).toBe(4)
      expect(exports[0]!.after).toMatchObject({ format: 'json', includeNames: true })
    })

    it('compares groups, and says what is wrong with a bad grouping', async () => {
      const v = s.clients.viewer
      const one = await v.call('GET', `/api/studies/${studyId}/compare?by=imd_quintile`)
      expect(one.status).toBe(400)
      expect((await json(one)).message).toMatch(/one group/)
      const bad = await v.call('GET', `/api/studies/${studyId}/compare?by=shoe_size`)
      expect(bad.status).toBe(400)
      expect((await json(bad)).message).toMatch(/shoe_size/)
      expect((await v.call('GET', `/api/studies/${studyId}/export?format=csv`)).status).toBe(403)
    })
  })
})
