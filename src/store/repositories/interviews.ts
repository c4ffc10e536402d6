import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
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
      return db.transaction().execute(async (tx) => {
        // Two first saves at once (two devices) must not both start an interview:
        // insert-if-absent, then lock the one row every save shares.
        const started = await tx
          .insertInto('interviews')
          .values({
            id: randomUUID(),
            participant_id: participantId,
            protocol_id: protocol.id,
            protocol_version: protocol.version,
            status: 'in_progress',
            state: JSON.stringify(emptyInterview),
            revision: 0,
            started_at: new Date(),
            updated_at: new Date(),
            submitted_at: null,
          })
          .onConflict((oc) => oc.column('participant_id').doNothing())
          .returning('id')
          .executeTakeFirst()
        const row = await tx
          .selectFrom('interviews')
          .selectAll()
          .where('participant_id', '=', participantId)
          .forUpdate()
          .executeTakeFirstOrThrow()
        if (started !== undefined) {
          await appendAudit(tx, actor, {
            action: 'start',
            entity: 'interview',
            entityId: row.id,
            after: { participantId, protocol: `${protocol.id}@${protocol.version}` },
          })
        }
        if (row.status === 'submitted') {
          throw new SpnetError(
            'conflict',
            'These answers have been sent and can no longer be changed.',
            {
              issues: [{ message: 'Ask the research team if something needs correcting.' }],
            },
          )
        }
        const interviewId = row.id
        const seen = new Set(
          (
            await tx
              .selectFrom('interview_changes')
              .select('client_change_id')
              .where('interview_id', '=', interviewId)
              .where(
                'client_change_id',
                'in',
                changes.map((c) => c.id),
              )
              .execute()
          ).map((r) => r.client_change_id),
        )
        let state = row.state as InterviewState
        let applied = 0
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
          await tx
            .insertInto('interview_changes')
            .values({
              interview_id: interviewId,
              client_change_id: id,
              change: JSON.stringify(change),
              received_at: new Date(),
            })
            .execute()
          await appendAudit(tx, actor, {
            action: change.kind,
            entity: 'interview',
            entityId: interviewId,
            before: previous(state, change),
            after: change,
          })
          state = next.value
          applied++
        }
        const revision = row.revision + applied
        if (applied > 0) {
          await tx
            .updateTable('interviews')
            .set({ state: JSON.stringify(state), revision, updated_at: new Date() })
            .where('id', '=', interviewId)
            .execute()
        }
        return { revision, state, rejected }
      })
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
