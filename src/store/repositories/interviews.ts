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
 * is written in one statement that succeeds only from the revision it was
 * applied to, so two devices saving at once cannot lose each other's
 * answers. Every accepted
 * change is kept in interview_changes (a retried change, recognised by the
 * id the browser gave it, is applied once) and in the audit log with the
 * value it replaced.
 */
export function interviewsRepository(db: Kysely<Database>) {
  // The state this process last read or wrote for each interview being filled in,
  // by participant, most recent last. A revision is only ever reached once, so the
  // state kept for it is the stored one for as long as the stored revision is the
  // same: the write checks that, and anything else (another server saved, the
  // answers were sent) falls back to reading.
  const recent = new Map<string, Known>()
  const remember = (participantId: string, known: Known) => {
    recent.delete(participantId)
    recent.set(participantId, known)
    if (recent.size > rememberedInterviews) recent.delete(recent.keys().next().value!)
  }
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
      // revision). No lock held; on a clash, read again. When this process knows
      // the state at the latest revision it wrote, the read is skipped: the write
      // still checks the revision, and the unique (interview, change id) refuses
      // a retried change applied twice, so either way it falls back to reading.
      const ids = changes.map((c) => c.id)
      for (let attempt = 0; ; attempt++) {
        const known = attempt === 0 ? recent.get(participantId) : undefined
        recent.delete(participantId)
        const found =
          known !== undefined
            ? fromKnown(known)
            : await readInterview(db, participantId, protocol, ids)
        // Another first save started it after this statement's snapshot was taken: read again.
        if (found === null) continue
        const interviewId = found.id
        if (found.status === 'submitted') {
          throw new SpnetError(
            'conflict',
            'These answers have been sent and can no longer be changed.',
            {
              issues: [{ message: 'Ask the research team if something needs correcting.' }],
            },
          )
        }
        const seen = new Set(found.seen)
        const base = found.revision
        let state = found.state
        const audit: { action: string; before: unknown; after: unknown }[] = []
        if (found.started) {
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
        if (audit.length === 0) {
          // Nothing to write: say so from the stored interview (it may have been sent since).
          if (known !== undefined) continue
          remember(participantId, { id: interviewId, revision, state })
          return { revision, state, rejected }
        }
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
        `
          .execute(db)
          .catch((error: unknown) => {
            // A change applied before, which the state this process knew could not tell.
            if (known !== undefined && isUniqueViolation(error)) return { rows: [{ n: 0 }] }
            throw error
          })
        if (written.rows[0]!.n === 1) {
          remember(participantId, { id: interviewId, revision, state })
          return { revision, state, rejected }
        }
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
      recent.delete(participantId)
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

/** How many interviews' latest state a process keeps (some 10–50 kB each). */
const rememberedInterviews = 1000

type Known = { readonly id: string; readonly revision: number; readonly state: InterviewState }

type Found = {
  readonly id: string
  readonly started: boolean
  readonly status: 'in_progress' | 'submitted'
  readonly state: InterviewState
  readonly revision: number
  /** Of the changes being saved, those applied before. */
  readonly seen: readonly string[]
}

const fromKnown = (k: Known): Found => ({ ...k, started: false, status: 'in_progress', seen: [] })

/**
 * The participant's interview, started (empty, revision 0) if it has none, and
 * which of `ids` it has applied; null when another first save started it after
 * this statement's snapshot was taken.
 */
async function readInterview(
  db: Kysely<Database>,
  participantId: string,
  protocol: Protocol,
  ids: readonly string[],
): Promise<Found | null> {
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
  if (found.started !== null) {
    return {
      id: found.started,
      started: true,
      status: 'in_progress',
      state: emptyInterview,
      revision: 0,
      seen: found.seen ?? [],
    }
  }
  if (found.id === null) return null
  return {
    id: found.id,
    started: false,
    status: found.status ?? 'in_progress',
    state: found.state ?? emptyInterview,
    revision: found.revision ?? 0,
    seen: found.seen ?? [],
  }
}

/** PostgreSQL's unique_violation, from pg or PGlite. */
function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505'
  )
}

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
