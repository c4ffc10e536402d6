import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { isSpnetError, type SpnetError } from '../../src/core/errors.js'
import { linkWorkerProtocol } from '../../src/core/protocol/link-worker-protocol.js'
import type { Protocol } from '../../src/core/protocol/protocol.js'
import { transaction } from '../../src/store/db.js'
import { interviewsRepository } from '../../src/store/repositories/interviews.js'
import type { Store } from '../../src/store/store.js'
import { adapters, openTestStore, type TestStore } from '../support/databases.js'

const system = { kind: 'system' } as const

async function refused(promise: Promise<unknown>): Promise<SpnetError> {
  try {
    await promise
  } catch (error) {
    if (isSpnetError(error)) return error
    throw error
  }
  throw new Error('expected the store to refuse this')
}

// One suite, run against embedded PGlite and a real PostgreSQL server alike.
describe.each(adapters)('the store on %s', (adapter) => {
  let t: TestStore
  let store: Store
  beforeAll(async () => {
    t = await openTestStore(adapter)
    store = t.store
    await store.protocols.save(system, linkWorkerProtocol)
  }, 60_000)
  afterAll(async () => {
    await t.drop()
  })

  it('knows which database it is on', () => {
    expect(store.db.kind).toBe(adapter)
  })

  it('has applied the migrations once, and applying them again changes nothing', async () => {
    const { migrate } = await import('../../src/store/migrate.js')
    expect(await migrate(store.kysely)).toEqual([])
    const rows = await sql<{ n: string }>`select count(*) as n from kysely_migration`.execute(
      store.kysely,
    )
    expect(Number(rows.rows[0]!.n)).toBe(4)
  })

  it('runs each transaction whole or not at all', async () => {
    await expect(
      transaction(store.db, async (tx) => {
        await tx.query(`insert into login_attempts (key) values ('rollback-test')`)
        throw new Error('stop half way')
      }),
    ).rejects.toThrow('stop half way')
    expect(await store.loginAttempts.count('rollback-test', new Date(0))).toBe(0)
    await transaction(store.db, (tx) =>
      tx.query(`insert into login_attempts (key) values ('commit-test')`),
    )
    expect(await store.loginAttempts.count('commit-test', new Date(0))).toBe(1)
  })

  describe('accounts and sessions', () => {
    it('creates an account once per email, and audits it without the password hash', async () => {
      const user = await store.users.create(system, {
        email: 'a@example.org',
        name: 'A',
        role: 'researcher',
        passwordHash: 'h1',
      })
      expect(user).toMatchObject({ email: 'a@example.org', role: 'researcher', disabled: false })
      const again = await refused(
        store.users.create(system, {
          email: 'a@example.org',
          name: 'B',
          role: 'viewer',
          passwordHash: 'h2',
        }),
      )
      expect(again.code).toBe('conflict')
      expect(again.issues[0]?.path).toBe('email')
      const [entry] = await store.audit.list({ entity: 'user', entityId: user.id })
      expect(entry).toMatchObject({ action: 'create', actorKind: 'system' })
      expect(JSON.stringify(entry!.after)).not.toContain('h1')
      expect((await store.users.withHashByEmail('A@EXAMPLE.ORG'))?.passwordHash).toBe('h1')
    })

    it('finds live sessions only, and ends them when the account is disabled', async () => {
      const user = await store.users.create(system, {
        email: 's@example.org',
        name: 'S',
        role: 'viewer',
        passwordHash: 'h',
      })
      const now = new Date('2026-06-01T10:00:00Z')
      await store.sessions.create({
        id: 'sess-live',
        userId: user.id,
        csrfToken: 'c1',
        expiresAt: new Date(now.getTime() + 60_000),
      })
      await store.sessions.create({
        id: 'sess-old',
        userId: user.id,
        csrfToken: 'c2',
        expiresAt: new Date(now.getTime() - 1),
      })
      expect((await store.sessions.find('sess-live', now))?.user.email).toBe('s@example.org')
      expect(await store.sessions.find('sess-old', now)).toBeNull()
      expect(await store.sessions.find('nope', now)).toBeNull()
      const later = new Date(now.getTime() + 120_000)
      await store.sessions.extend('sess-live', new Date(later.getTime() + 60_000))
      expect(await store.sessions.find('sess-live', later)).not.toBeNull()
      const updated = await store.users.update({ kind: 'user', id: user.id }, user.id, {
        disabled: true,
      })
      expect(updated.disabled).toBe(true)
      expect(await store.sessions.find('sess-live', later)).toBeNull()
      const [entry] = await store.audit.list({ entity: 'user', entityId: user.id })
      expect(entry).toMatchObject({
        action: 'update',
        before: { disabled: false },
        after: { disabled: true },
      })
    })

    it('says an unknown account is not found', async () => {
      const e = await refused(
        store.users.update(system, '00000000-0000-4000-8000-000000000000', { name: 'x' }),
      )
      expect(e.code).toBe('not_found')
    })

    it('counts failed sign-ins per key within a window', async () => {
      const t0 = new Date('2026-06-01T10:00:00Z')
      for (let i = 0; i < 3; i++)
        await store.loginAttempts.record('account:x', new Date(t0.getTime() + i * 1000))
      expect(await store.loginAttempts.count('account:x', t0)).toBe(2)
      expect(await store.loginAttempts.count('account:x', new Date(t0.getTime() - 1))).toBe(3)
      await store.loginAttempts.clear('account:x')
      expect(await store.loginAttempts.count('account:x', new Date(0))).toBe(0)
    })
  })

  describe('protocols', () => {
    it('keeps a version once: the same content again is fine, other content is a conflict', async () => {
      // Same content with keys in another order (jsonb reorders them anyway).
      const reordered = Object.fromEntries(Object.entries(linkWorkerProtocol).reverse()) as Protocol
      expect(await store.protocols.save(system, reordered)).toEqual({
        id: 'link_worker_networks',
        version: 1,
        name: linkWorkerProtocol.name,
      })
      const changed = { ...linkWorkerProtocol, name: 'Changed' }
      const e = await refused(store.protocols.save(system, changed))
      expect(e.code).toBe('conflict')
      expect(e.issues[0]?.path).toBe('version')
      await store.protocols.save(system, { ...changed, version: 2 })
      expect((await store.protocols.list()).map((p) => p.version)).toEqual([1, 2])
      expect((await store.protocols.get('link_worker_networks', 1))?.stages.length).toBe(
        linkWorkerProtocol.stages.length,
      )
      expect(await store.protocols.get('link_worker_networks', 9)).toBeNull()
    })
  })

  describe('studies, participants, invitations and interviews', () => {
    let studyId: string
    let participantId: string
    beforeAll(async () => {
      const study = await store.studies.create(system, {
        name: 'Pilot',
        protocolId: 'link_worker_networks',
        protocolVersion: 1,
      })
      studyId = study.id
      participantId = (
        await store.studies.addParticipant(system, studyId, {
          label: 'LW01',
          attributes: { imd_quintile: 1 },
        })
      ).id
    })

    it('refuses a study on an unknown protocol, and a label used twice', async () => {
      const e = await refused(
        store.studies.create(system, { name: 'X', protocolId: 'nope', protocolVersion: 1 }),
      )
      expect(e).toMatchObject({ code: 'validation' })
      expect(e.issues[0]?.path).toBe('protocolId')
      const d = await refused(
        store.studies.addParticipant(system, studyId, { label: 'LW01', attributes: {} }),
      )
      expect(d.code).toBe('conflict')
      expect((await store.studies.get(studyId))?.participants).toBe(1)
    })

    it('stores invitation links by hash, and revokes them', async () => {
      const expires = new Date(Date.now() + 86_400_000)
      const inv = await store.studies.createInvitation(system, participantId, {
        tokenHash: 'hash-1',
        mode: 'self',
        expiresAt: expires,
      })
      const found = await store.studies.invitationByToken('hash-1')
      expect(found).toMatchObject({
        id: inv.id,
        participant_id: participantId,
        label: 'LW01',
        study_id: studyId,
      })
      expect(await store.studies.invitationByToken('hash-2')).toBeNull()
      await store.studies.markInvitationUsed(inv.id, new Date())
      const revoked = await store.studies.revokeInvitation(system, inv.id)
      expect(revoked.revokedAt).not.toBeNull()
      const [entry] = await store.audit.list({ entity: 'invitation', entityId: inv.id })
      expect(entry?.action).toBe('revoke')
      // The token itself is never written anywhere.
      const all = JSON.stringify(await store.audit.list({ entity: 'invitation' }))
      expect(all).not.toContain('hash-1')
    })

    it('applies autosaved changes once each, refuses invalid ones with their field, and audits before and after', async () => {
      const r1 = await store.interviews.save(system, participantId, linkWorkerProtocol, [
        {
          id: 'change-0001',
          change: { kind: 'ego_answer', question: 'role', value: 'link_worker' },
        },
        { id: 'change-0002', change: { kind: 'ego_answer', question: 'role', value: 'astronaut' } },
        {
          id: 'change-0003',
          change: {
            kind: 'add_alter',
            alter: 'a1',
            generator: 'work_contact',
            answers: { name: 'Food bank', sector: 'vcse' },
          },
        },
      ])
      expect(r1.revision).toBe(2)
      expect(r1.rejected.map((r) => r.id)).toEqual(['change-0002'])
      expect(r1.rejected[0]!.issues[0]!.path).toBe('ego.role')
      // A retried batch (the browser never heard back) changes nothing.
      const r2 = await store.interviews.save(system, participantId, linkWorkerProtocol, [
        {
          id: 'change-0001',
          change: { kind: 'ego_answer', question: 'role', value: 'link_worker' },
        },
        {
          id: 'change-0003',
          change: {
            kind: 'add_alter',
            alter: 'a1',
            generator: 'work_contact',
            answers: { name: 'Food bank', sector: 'vcse' },
          },
        },
      ])
      expect(r2.revision).toBe(2)
      expect(r2.state.alters).toHaveLength(1)
      const r3 = await store.interviews.save(system, participantId, linkWorkerProtocol, [
        {
          id: 'change-0004',
          change: { kind: 'ego_answer', question: 'role', value: 'senior_link_worker' },
        },
      ])
      expect(r3.state.ego['role']).toBe('senior_link_worker')
      const interview = await store.interviews.get(participantId)
      const entries = await store.audit.list({ entity: 'interview', entityId: interview!.id })
      const roleChange = entries.find(
        (e) => (e.after as { value?: unknown }).value === 'senior_link_worker',
      )
      expect(roleChange?.before).toEqual({ role: 'link_worker' })
    })

    it('loses no answer when two devices save at the same time', async () => {
      const p = await store.studies.addParticipant(system, studyId, {
        label: 'LW02',
        attributes: {},
      })
      const saves = Array.from({ length: 8 }, (_, i) =>
        store.interviews.save(system, p.id, linkWorkerProtocol, [
          {
            id: `parallel-${i}`,
            change: {
              kind: 'add_alter',
              alter: `x${i}`,
              generator: 'work_contact',
              answers: { name: `Org ${i}`, sector: 'vcse' },
            },
          },
        ]),
      )
      await Promise.all(saves)
      const interview = await store.interviews.get(p.id)
      expect(interview?.state.alters.map((a) => a.id).sort()).toEqual([
        'x0',
        'x1',
        'x2',
        'x3',
        'x4',
        'x5',
        'x6',
        'x7',
      ])
      expect(interview?.revision).toBe(8)
      // Started once, by whichever save came first, and audited with it; every change audited.
      const logged = await store.audit.list({ entity: 'interview', entityId: interview!.id })
      expect(logged.filter((e) => e.action === 'start')).toHaveLength(1)
      expect(logged.filter((e) => e.action === 'add_alter')).toHaveLength(8)
    })

    it('loses no answer, and applies no change twice, when two servers take turns saving one interview', async () => {
      // Each server remembers the state it last wrote; the other's saves make that stale.
      const one = interviewsRepository(store.kysely)
      const two = interviewsRepository(store.kysely)
      // A study of its own: this interview ends up sent.
      const study = await store.studies.create(system, {
        name: 'Two servers',
        protocolId: linkWorkerProtocol.id,
        protocolVersion: linkWorkerProtocol.version,
      })
      const p = await store.studies.addParticipant(system, study.id, {
        label: 'LW05',
        attributes: {},
      })
      const role = (id: string, value: string) => ({
        id,
        change: { kind: 'ego_answer' as const, question: 'role', value },
      })
      const contact = (id: string, alter: string) => ({
        id,
        change: {
          kind: 'add_alter' as const,
          alter,
          generator: 'work_contact',
          answers: { name: `Org ${alter}`, sector: 'vcse' },
        },
      })
      await one.save(system, p.id, linkWorkerProtocol, [contact('t-1', 'y1')])
      await two.save(system, p.id, linkWorkerProtocol, [role('t-2', 'link_worker')])
      await one.save(system, p.id, linkWorkerProtocol, [role('t-3', 'senior_link_worker')])
      // The first server retries the second's change: applied before, so the later answer stays.
      const retried = await one.save(system, p.id, linkWorkerProtocol, [
        role('t-2', 'link_worker'),
        contact('t-4', 'y2'),
      ])
      expect(retried.revision).toBe(4)
      expect(retried.state.ego['role']).toBe('senior_link_worker')
      expect(retried.state.alters.map((a) => a.id)).toEqual(['y1', 'y2'])
      const stored = await store.interviews.get(p.id)
      expect(stored?.revision).toBe(4)
      expect(stored?.state).toEqual(retried.state)
      const logged = await store.audit.list({ entity: 'interview', entityId: stored!.id })
      expect(logged.filter((e) => e.action === 'ego_answer')).toHaveLength(2)
      // Sent through the other server: the first no longer takes changes.
      await store.kysely
        .updateTable('interviews')
        .set({ status: 'submitted' })
        .where('id', '=', stored!.id)
        .execute()
      const late = await refused(one.save(system, p.id, linkWorkerProtocol, [contact('t-5', 'y3')]))
      expect(late.code).toBe('conflict')
    })

    it('keeps "no" and "don\'t know" tie answers, and sends an interview only when complete', async () => {
      const p = await store.studies.addParticipant(system, studyId, {
        label: 'LW03',
        attributes: {},
      })
      const answers = (name: string, sector: string) => ({ name, sector })
      const r = await store.interviews.save(system, p.id, linkWorkerProtocol, [
        { id: 'k-01', change: { kind: 'ego_answer', question: 'role', value: 'link_worker' } },
        {
          id: 'k-02',
          change: {
            kind: 'add_alter',
            alter: 'b1',
            generator: 'work_contact',
            answers: answers('Surgery', 'gp_own_pcn'),
          },
        },
        {
          id: 'k-03',
          change: {
            kind: 'add_alter',
            alter: 'b2',
            generator: 'refers_to',
            answers: answers('Food bank', 'vcse'),
          },
        },
        {
          id: 'k-04',
          change: {
            kind: 'add_alter',
            alter: 'b3',
            generator: 'advice_support',
            answers: answers('Team lead', 'social_prescribing'),
          },
        },
        { id: 'k-05', change: { kind: 'tie', a: 'b1', b: 'b2', state: 'no' } },
        { id: 'k-06', change: { kind: 'tie', a: 'b1', b: 'b3', state: 'dont_know' } },
        { id: 'k-07', change: { kind: 'tie', a: 'b2', b: 'b3', state: 'yes' } },
      ])
      expect(r.state.ties).toEqual({ 'b1|b2': 'no', 'b1|b3': 'dont_know', 'b2|b3': 'yes' })
      const missing = await refused(store.interviews.submit(system, p.id, linkWorkerProtocol))
      expect(missing.code).toBe('validation')
      expect(missing.issues.map((i) => i.path)).toContain('about_you.implementation_model')
      await store.interviews.save(system, p.id, linkWorkerProtocol, [
        {
          id: 'k-08',
          change: { kind: 'ego_answer', question: 'implementation_model', value: 'vcse' },
        },
      ])
      await store.interviews.submit(system, p.id, linkWorkerProtocol)
      const after = await refused(
        store.interviews.save(system, p.id, linkWorkerProtocol, [
          { id: 'k-09', change: { kind: 'ego_answer', question: 'role', value: 'other' } },
        ]),
      )
      expect(after.code).toBe('conflict')
      const sent = await store.interviews.ofStudy(studyId, true)
      expect(sent.map((s) => s.label)).toEqual(['LW03'])
      expect(sent[0]!.state.ties['b1|b2']).toBe('no')
      const detail = await store.studies.get(studyId)
      expect(detail).toMatchObject({ participants: 3, started: 3, submitted: 1 })
    })

    it('suggests contacts already named in the study, matching any part of the name', async () => {
      expect(await store.studies.alterNames(studyId, 'food')).toEqual(['Food bank'])
      expect(await store.studies.alterNames(studyId, '%')).toEqual([])
    })

    it("updates a participant's attributes, keeping the old ones in the audit log", async () => {
      const updated = await store.studies.updateParticipant(system, participantId, {
        imd_quintile: 2,
        practice_code: 'A81001',
      })
      expect(updated.attributes).toEqual({ imd_quintile: 2, practice_code: 'A81001' })
      const [entry] = await store.audit.list({ entity: 'participant', entityId: participantId })
      expect(entry).toMatchObject({ action: 'update', before: { attributes: { imd_quintile: 1 } } })
    })

    it("keeps the study's deprivation setting, audits each change, and reads a drifted one as none", async () => {
      expect((await store.studies.get(studyId))?.deprivationSetting).toBeNull()
      const setting = { by: 'practice_code', method: 'practice-weighted', edition: 2019 } as const
      await store.studies.setDeprivation(system, studyId, setting)
      expect((await store.studies.get(studyId))?.deprivationSetting).toEqual(setting)
      await store.studies.setDeprivation(system, studyId, null)
      expect((await store.studies.get(studyId))?.deprivationSetting).toBeNull()
      const [off, on] = await store.audit.list({ entity: 'study', entityId: studyId })
      expect(on).toMatchObject({ action: 'update', before: { deprivation: null } })
      expect(on?.after).toEqual({ deprivation: setting })
      expect(off).toMatchObject({ before: { deprivation: setting }, after: { deprivation: null } })
      const missing = await refused(
        store.studies.setDeprivation(system, '00000000-0000-4000-8000-000000000000', setting),
      )
      expect(missing.code).toBe('not_found')
      // A setting written by a later spnet (an unknown method) is not trusted.
      await sql`update studies set deprivation = ${JSON.stringify({ ...setting, method: 'wards' })}::jsonb where id = ${studyId}`.execute(
        store.kysely,
      )
      expect((await store.studies.get(studyId))?.deprivationSetting).toBeNull()
    })
  })

  it('keeps the audit log append-only: rows cannot be changed or deleted', async () => {
    await expect(sql`update audit_log set action = 'x'`.execute(store.kysely)).rejects.toThrow(
      /append-only/,
    )
    await expect(sql`delete from audit_log`.execute(store.kysely)).rejects.toThrow(/append-only/)
    expect((await store.audit.list()).length).toBeGreaterThan(5)
  })
})
