import { randomUUID } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { SaveResult } from '../../core/api/api.js'
import { SpnetError, type Issue } from '../../core/errors.js'
import { applyChange } from '../../core/interview/apply-change.js'
import { missingAnswers } from '../../core/interview/check-complete.js'
import {
  emptyInterview,
  pairKey,
  type InterviewChange,
  type InterviewState,
} from '../../core/interview/interview-state.js'
import type { Protocol } from '../../core/protocol/protocol.js'
import type { Database } from '../schema.js'
import { appendAudit, type Actor } from './audit.js'

/**
 * Interviews: the state built from autosaved changes. Each batch of changes
 * is applied in one transaction, with the interview row locked, so two
 * devices saving at once cannot lose each other's answers. Every accepted
 * change is kept in interview_changes (a retried change, recognised by the
 * id the browser gave it, is applied once) and in the audit log with the
 * value it replaced.
 */
export function interviewsRepository(db: Kysely<Database>) {
  return {
    async get(participantId: string) {
      const r = await db
        .selectFrom('interviews')
        .selectAll()
        .where('participant_id', '=', participantId)
        .executeTakeFirst()
      if (r === undefined) return null
      return {
        id: r.id,
        status: r.status,
        state: r.state as InterviewState,
        revision: r.revision,
        protocolId: r.protocol_id,
        protocolVersion: r.protocol_version,
      }
    },

    async save(
      actor: Actor,
      participantId: string,
      protocol: Protocol,
      changes: readonly { id: string; change: InterviewChange }[],
    ): Promise<SaveResult> {
      // Optimistic: read the interview (starting it if it has none), apply the
      // changes, then write them, their audit entries and the new state in one
      // statement that succeeds only if nobody saved in between (same
      // revision). Two round trips and no lock held; on a clash, read again.
      const ids = changes.map((c) => c.id)
      for (let attempt = 0; ; attempt++) {
        const opened = await sql<{
          started: string | null
          id: string | null
          status: 'in_progress' | 'submitted' | null
          state: InterviewState | null
          revision: number | null
          seen: string[] | null
        }>`
          with started as (
            insert into interviews (id, participant_id, protocol_id, protocol_version, status, state, revision)
            values (${randomUUID()}, ${participantId}, ${protocol.id}, ${protocol.version}, 'in_progress', ${JSON.stringify(emptyInterview)}, 0)
            on conflict (participant_id) do nothing
            returning id
          ), existing as (
            select id, status, state, revision from interviews where participant_id = ${participantId}
          )
          select started.id as started, existing.id, existing.status, existing.state, existing.revision,
            (select array_agg(client_change_id) from interview_changes
              where interview_id = coalesce(started.id, existing.id) and client_change_id = any(${ids})) as seen
          from (select 1) as one left join started on true left join existing on true
        `.execute(db)
        const found = opened.rows[0]!
        // Another first save started it after this statement's snapshot was taken: read again.
        if (found.started === null && found.id === null) continue
        const interviewId = (found.started ?? found.id)!
        if (found.status === 'submitted') {
          throw new SpnetError(
            'conflict',
            'These answers have been sent and can no longer be changed.',
            {
              issues: [{ message: 'Ask the research team if something needs correcting.' }],
            },
          )
        }
        const seen = new Set(found.seen ?? [])
        const base = found.started !== null ? 0 : (found.revision ?? 0)
        let state = found.started !== null ? emptyInterview : (found.state ?? emptyInterview)
        const audit: { action: string; before: unknown; after: unknown }[] = []
        if (found.started !== null) {
          audit.push({
            action: 'start',
            before: null,
            after: { participantId, protocol: `${protocol.id}@${protocol.version}` },
          })
        }
        const accepted: { id: string; change: InterviewChange }[] = []
        const rejected: { id: string; issues: readonly Issue[] }[] = []
        for (const { id, change } of changes) {
          if (seen.has(id)) continue // a retried save: applied before
          seen.add(id)
          const next = applyChange(protocol, state, change)
          if (!next.ok) {
            rejected.push({
              id,
              issues:
                next.error.issues.length > 0
                  ? next.error.issues
                  : [{ message: next.error.message }],
            })
            continue
          }
          accepted.push({ id, change })
          audit.push({ action: change.kind, before: previous(state, change), after: change })
          state = next.value
        }
        const revision = base + accepted.length
        if (audit.length === 0) return { revision, state, rejected }
        const written = await sql<{ n: number }>`
          with up as (
            update interviews set state = ${JSON.stringify(state)}, revision = ${revision}, updated_at = now()
            where id = ${interviewId} and revision = ${base} and status = 'in_progress'
            returning id
          ), changes as (
            insert into interview_changes (interview_id, client_change_id, change)
            select up.id, c.id, c.change from up, jsonb_to_recordset(${JSON.stringify(accepted)}::jsonb) as c(id text, change jsonb)
          ), audit as (
            insert into audit_log (actor_kind, actor_id, action, entity, entity_id, before, after)
            select ${actor.kind}, ${actor.id ?? null}, a.x->>'action', 'interview', up.id, a.x->'before', a.x->'after'
            from up, jsonb_array_elements(${JSON.stringify(audit)}::jsonb) with ordinality as a(x, n)
            order by a.n
          )
          select count(*)::int as n from up
        `.execute(db)
        if (written.rows[0]!.n === 1) return { revision, state, rejected }
        if (attempt >= 20) {
          throw new SpnetError(
            'conflict',
            'These answers could not be saved because of many saves at once.',
            {
              issues: [{ message: 'They are kept on this device and will be sent again.' }],
            },
          )
        }
      }
    },

    async submit(actor: Actor, participantId: string, protocol: Protocol): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const row = await tx
          .selectFrom('interviews')
          .selectAll()
          .where('participant_id', '=', participantId)
          .forUpdate()
          .executeTakeFirst()
        if (row === undefined)
          throw new SpnetError('validation', 'There are no answers to send yet.')
        if (row.status === 'submitted') return
        const missing = missingAnswers(protocol, row.state as InterviewState)
        if (missing.length > 0) {
          throw new SpnetError(
            'validation',
            `${missing.length} answer${missing.length === 1 ? ' is' : 's are'} still needed.`,
            { issues: missing },
          )
        }
        await tx
          .updateTable('interviews')
          .set({ status: 'submitted', submitted_at: new Date(), updated_at: new Date() })
          .where('id', '=', row.id)
          .execute()
        await appendAudit(tx, actor, {
          action: 'submit',
          entity: 'interview',
          entityId: row.id,
          before: { status: 'in_progress' },
          after: { status: 'submitted' },
        })
      })
    },

    /** Interviews of a study (all, or only those sent), with their participants. */
    async ofStudy(studyId: string, submittedOnly: boolean) {
      let q = db
        .selectFrom('participants')
        .innerJoin('interviews', 'interviews.participant_id', 'participants.id')
        .select([
          'participants.id as participant_id',
          'participants.label',
          'participants.attributes',
          'interviews.state',
          'interviews.status',
          'interviews.protocol_id',
          'interviews.protocol_version',
        ])
        .where('participants.study_id', '=', studyId)
        .orderBy('participants.label')
      if (submittedOnly) q = q.where('interviews.status', '=', 'submitted')
      const rows = await q.execute()
      return rows.map((r) => ({
        participantId: r.participant_id,
        label: r.label,
        attributes: r.attributes as Record<string, string | number | boolean | null>,
        state: r.state as InterviewState,
        status: r.status,
        protocolId: r.protocol_id,
        protocolVersion: r.protocol_version,
      }))
    },
  }
}
export type InterviewsRepository = ReturnType<typeof interviewsRepository>

/** What a change replaces, for the audit log. */
function previous(state: InterviewState, change: InterviewChange): unknown {
  switch (change.kind) {
    case 'ego_answer':
      return { [change.question]: state.ego[change.question] ?? null }
    case 'alter_answer':
      return {
        [change.question]:
          state.alters.find((a) => a.id === change.alter)?.answers[change.question] ?? null,
      }
    case 'name_alter':
      return { generators: state.alters.find((a) => a.id === change.alter)?.generators ?? null }
    case 'remove_alter':
      return state.alters.find((a) => a.id === change.alter) ?? null
    case 'tie':
      return { state: state.ties[pairKey(change.a, change.b)] ?? null }
    case 'stage':
      return { stage: state.stage }
    case 'add_alter':
      return null
  }
}
