import { randomUUID } from 'node:crypto'
import { sql, type Kysely, type Selectable } from 'kysely'
import type {
  Invitation,
  InterviewStatus,
  ParticipantSummary,
  StudyDetail,
  StudySummary,
} from '../../core/api/api.js'
import {
  deprivationSettingSchema,
  type DeprivationSetting,
} from '../../core/api/deprivation-api.js'
import { SpnetError } from '../../core/errors.js'
import type { InterviewState } from '../../core/interview/interview-state.js'
import type { Database, InvitationsTable } from '../schema.js'
import { appendAudit, type Actor } from './audit.js'

type Attributes = Record<string, string | number | boolean | null>

const iso = (d: Date | string | null): string | null =>
  d === null ? null : new Date(d).toISOString()

const toInvitation = (r: Selectable<InvitationsTable>): Invitation => ({
  id: r.id,
  mode: r.mode,
  createdAt: iso(r.created_at)!,
  expiresAt: iso(r.expires_at)!,
  revokedAt: iso(r.revoked_at),
  firstUsedAt: iso(r.first_used_at),
})

/** A stored setting, checked: one spnet no longer understands counts as none. */
function settingOf(stored: unknown): DeprivationSetting | null {
  if (stored === null) return null
  const parsed = deprivationSettingSchema.safeParse(stored)
  return parsed.success ? parsed.data : null
}

/** Studies, their participants (pseudonymous labels) and the participants' invitation links. */
export function studiesRepository(db: Kysely<Database>) {
  const summaries = async (where?: string): Promise<StudySummary[]> => {
    let q = db
      .selectFrom('studies')
      .innerJoin('protocols', (j) =>
        j
          .onRef('protocols.id', '=', 'studies.protocol_id')
          .onRef('protocols.version', '=', 'studies.protocol_version'),
      )
      .leftJoin('participants', 'participants.study_id', 'studies.id')
      .leftJoin('interviews', 'interviews.participant_id', 'participants.id')
      .select((e) => [
        'studies.id',
        'studies.name',
        'studies.created_at',
        'studies.protocol_id',
        'studies.protocol_version',
        'protocols.name as protocol_name',
        e.fn.count<string>('participants.id').as('participants'),
        e.fn.count<string>('interviews.id').as('started'),
        sql<string>`count(*) filter (where interviews.status = 'submitted')`.as('submitted'),
      ])
      .groupBy(['studies.id', 'protocols.name', 'protocols.id', 'protocols.version'])
      .orderBy('studies.created_at')
    if (where !== undefined) q = q.where('studies.id', '=', where)
    const rows = await q.execute()
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      protocol: { id: r.protocol_id, version: r.protocol_version, name: r.protocol_name },
      participants: Number(r.participants),
      started: Number(r.started),
      submitted: Number(r.submitted),
      createdAt: iso(r.created_at)!,
    }))
  }

  const participants = async (
    studyId: string,
    participantId?: string,
  ): Promise<ParticipantSummary[]> => {
    let q = db
      .selectFrom('participants')
      .leftJoin('interviews', 'interviews.participant_id', 'participants.id')
      .select([
        'participants.id',
        'participants.label',
        'participants.attributes',
        'interviews.status',
        'interviews.state',
        'interviews.updated_at',
        'interviews.submitted_at',
      ])
      .where('participants.study_id', '=', studyId)
      .orderBy('participants.label')
    if (participantId !== undefined) q = q.where('participants.id', '=', participantId)
    const rows = await q.execute()
    const invitations =
      rows.length === 0
        ? []
        : await db
            .selectFrom('invitations')
            .selectAll()
            .where(
              'participant_id',
              'in',
              rows.map((r) => r.id),
            )
            .orderBy('created_at')
            .execute()
    return rows.map((r) => ({
      id: r.id,
      label: r.label,
      attributes: r.attributes as Attributes,
      status: r.status ?? ('not_started' satisfies InterviewStatus),
      alters: r.state === null ? 0 : (r.state as InterviewState).alters.length,
      updatedAt: iso(r.updated_at),
      submittedAt: iso(r.submitted_at),
      invitations: invitations.filter((i) => i.participant_id === r.id).map(toInvitation),
    }))
  }

  return {
    list: () => summaries(),

    async get(id: string): Promise<StudyDetail | null> {
      const [summary] = await summaries(id)
      if (summary === undefined) return null
      const row = await db
        .selectFrom('studies')
        .select('deprivation')
        .where('id', '=', id)
        .executeTakeFirst()
      return {
        ...summary,
        participantList: await participants(id),
        deprivationSetting: settingOf(row?.deprivation ?? null),
      }
    },

    /** Sets how the study places participants on the IMD, or stops it (null). */
    async setDeprivation(
      actor: Actor,
      id: string,
      setting: DeprivationSetting | null,
    ): Promise<DeprivationSetting | null> {
      return db.transaction().execute(async (tx) => {
        const before = await tx
          .selectFrom('studies')
          .select('deprivation')
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirst()
        if (before === undefined) throw new SpnetError('not_found', 'There is no such study.')
        await tx
          .updateTable('studies')
          .set({ deprivation: setting === null ? null : JSON.stringify(setting) })
          .where('id', '=', id)
          .execute()
        await appendAudit(tx, actor, {
          action: 'update',
          entity: 'study',
          entityId: id,
          before: { deprivation: settingOf(before.deprivation) },
          after: { deprivation: setting },
        })
        return setting
      })
    },

    async create(
      actor: Actor,
      study: { name: string; protocolId: string; protocolVersion: number },
    ): Promise<StudySummary> {
      const id = randomUUID()
      await db.transaction().execute(async (tx) => {
        const protocol = await tx
          .selectFrom('protocols')
          .select('id')
          .where('id', '=', study.protocolId)
          .where('version', '=', study.protocolVersion)
          .executeTakeFirst()
        if (protocol === undefined) {
          throw new SpnetError('validation', 'No such protocol.', {
            issues: [{ path: 'protocolId', message: 'Choose a protocol from the list.' }],
          })
        }
        await tx
          .insertInto('studies')
          .values({
            id,
            name: study.name,
            protocol_id: study.protocolId,
            protocol_version: study.protocolVersion,
            created_at: new Date(),
            created_by: actor.kind === 'user' ? actor.id : null,
          })
          .execute()
        await appendAudit(tx, actor, {
          action: 'create',
          entity: 'study',
          entityId: id,
          after: study,
        })
      })
      return (await summaries(id))[0]!
    },

    async addParticipant(
      actor: Actor,
      studyId: string,
      p: { label: string; attributes: Attributes },
    ): Promise<ParticipantSummary> {
      const id = randomUUID()
      await db.transaction().execute(async (tx) => {
        const study = await tx
          .selectFrom('studies')
          .select('id')
          .where('id', '=', studyId)
          .executeTakeFirst()
        if (study === undefined) throw new SpnetError('not_found', 'No such study.')
        const taken = await tx
          .selectFrom('participants')
          .select('id')
          .where('study_id', '=', studyId)
          .where('label', '=', p.label)
          .executeTakeFirst()
        if (taken !== undefined) {
          throw new SpnetError('conflict', `${p.label} is already a participant of this study.`, {
            issues: [
              { path: 'label', message: 'This label is taken; labels are unique in a study.' },
            ],
          })
        }
        await tx
          .insertInto('participants')
          .values({
            id,
            study_id: studyId,
            label: p.label,
            attributes: JSON.stringify(p.attributes),
            created_at: new Date(),
          })
          .execute()
        await appendAudit(tx, actor, {
          action: 'create',
          entity: 'participant',
          entityId: id,
          after: { studyId, ...p },
        })
      })
      return (await participants(studyId, id))[0]!
    },

    /** Replaces the research team's attributes of a participant (e.g. practice_code, imd_quintile). */
    async updateParticipant(
      actor: Actor,
      id: string,
      attributes: Attributes,
    ): Promise<ParticipantSummary & { studyId: string }> {
      const studyId = await db.transaction().execute(async (tx) => {
        const before = await tx
          .selectFrom('participants')
          .selectAll()
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirst()
        if (before === undefined) throw new SpnetError('not_found', 'There is no such participant.')
        await tx
          .updateTable('participants')
          .set({ attributes: JSON.stringify(attributes) })
          .where('id', '=', id)
          .execute()
        await appendAudit(tx, actor, {
          action: 'update',
          entity: 'participant',
          entityId: id,
          before: { attributes: before.attributes },
          after: { attributes },
        })
        return before.study_id
      })
      const [p] = await participants(studyId, id)
      return { ...p!, studyId }
    },

    async participant(id: string): Promise<(ParticipantSummary & { studyId: string }) | null> {
      const r = await db
        .selectFrom('participants')
        .select('study_id')
        .where('id', '=', id)
        .executeTakeFirst()
      if (r === undefined) return null
      const [p] = await participants(r.study_id, id)
      return p === undefined ? null : { ...p, studyId: r.study_id }
    },

    async createInvitation(
      actor: Actor,
      participantId: string,
      invitation: { tokenHash: string; mode: 'self' | 'interviewer'; expiresAt: Date },
    ): Promise<Invitation> {
      const row: Selectable<InvitationsTable> = {
        id: randomUUID(),
        participant_id: participantId,
        token_hash: invitation.tokenHash,
        mode: invitation.mode,
        created_at: new Date(),
        created_by: actor.kind === 'user' ? actor.id : null,
        expires_at: invitation.expiresAt,
        revoked_at: null,
        first_used_at: null,
      }
      await db.transaction().execute(async (tx) => {
        await tx.insertInto('invitations').values(row).execute()
        // The token itself is never stored or logged.
        await appendAudit(tx, actor, {
          action: 'create',
          entity: 'invitation',
          entityId: row.id,
          after: { participantId, mode: row.mode, expiresAt: row.expires_at },
        })
      })
      return toInvitation(row)
    },

    async revokeInvitation(actor: Actor, id: string): Promise<Invitation> {
      return db.transaction().execute(async (tx) => {
        const before = await tx
          .selectFrom('invitations')
          .selectAll()
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirst()
        if (before === undefined) throw new SpnetError('not_found', 'No such invitation.')
        if (before.revoked_at !== null) return toInvitation(before)
        const after = { ...before, revoked_at: new Date() }
        await tx
          .updateTable('invitations')
          .set({ revoked_at: after.revoked_at })
          .where('id', '=', id)
          .execute()
        await appendAudit(tx, actor, {
          action: 'revoke',
          entity: 'invitation',
          entityId: id,
          before: toInvitation(before),
          after: toInvitation(after),
        })
        return toInvitation(after)
      })
    },

    /** The invitation a token opens, with its participant and study. */
    async invitationByToken(tokenHash: string) {
      const r = await db
        .selectFrom('invitations')
        .innerJoin('participants', 'participants.id', 'invitations.participant_id')
        .innerJoin('studies', 'studies.id', 'participants.study_id')
        .select([
          'invitations.id',
          'invitations.mode',
          'invitations.expires_at',
          'invitations.revoked_at',
          'invitations.first_used_at',
          'participants.id as participant_id',
          'participants.label',
          'studies.id as study_id',
          'studies.name as study_name',
          'studies.protocol_id',
          'studies.protocol_version',
        ])
        .where('invitations.token_hash', '=', tokenHash)
        .executeTakeFirst()
      return r ?? null
    },

    async markInvitationUsed(id: string, at: Date): Promise<void> {
      await db
        .updateTable('invitations')
        .set({ first_used_at: at })
        .where('id', '=', id)
        .where('first_used_at', 'is', null)
        .execute()
    },

    /** Names of contacts already named in the study, for autocomplete (organisations, not patients). */
    async alterNames(studyId: string, prefix: string, limit = 10): Promise<string[]> {
      const rows = await sql<{ name: string | null }>`
        select distinct alter_->'answers'->>'name' as name
        from interviews
        join participants on participants.id = interviews.participant_id,
        jsonb_array_elements(interviews.state->'alters') as alter_
        where participants.study_id = ${studyId}
          and alter_->'answers'->>'name' ilike ${`%${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}
        order by name
        limit ${limit}
      `.execute(db)
      return rows.rows.map((r) => r.name).filter((n): n is string => n !== null)
    },
  }
}
export type StudiesRepository = ReturnType<typeof studiesRepository>
