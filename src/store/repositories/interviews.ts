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
 * answers. Every accepted change is kept in interview_changes (a retried
 * change, recognised by the id the browser gave it, is applied once) and in
 * the audit log with the value it replaced.
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
  /**
   * Applies the changes to the state this process knows and writes them in one
   * statement; null (and the state forgotten) when there is none, or when the
   * write finds the stored revision moved on, a change applied before (the
   * unique client change id), the answers sent or the link closed. A save that
   * would write nothing is left to the read, which says why.
   */
  const saveKnown = async (
    actor: Actor,
    participantId: string,
    protocol: Protocol,
    changes: Changes,
    link: Link | null,
  ): Promise<SaveResult | null> => {
    const known = recent.get(participantId)
    if (known === undefined) return null
    recent.delete(participantId)
    const applied = applyAll(protocol, known.state, changes, new Set())
    if (applied.audit.length === 0) return null
    const revision = known.revision + applied.accepted.length
    const written = await write(db, actor, known.id, known.revision, revision, applied, link).catch(
      (error: unknown) => {
        if (isUniqueViolation(error)) return false
        throw error
      },
    )
    if (!written) return null
    remember(participantId, { id: known.id, revision, state: applied.state })
    return { revision, state: applied.state, rejected: applied.rejected }
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
      changes: Changes,
    ): Promise<SaveResult> {
      // Optimistic: read the interview (starting it if it has none), apply the
      // changes, then write them, their audit entries and the new state in one
      // statement that succeeds only if nobody saved in between (same
      // revision). No lock held; on a clash, read again. When this process knows
      // the state at the latest revision it wrote, the read is skipped.
      const fromKnown = await saveKnown(actor, participantId, protocol, changes, null)
      if (fromKnown !== null) return fromKnown
      const ids = changes.map((c) => c.id)
      for (let attempt = 0; ; attempt++) {
        const found = await readInterview(db, actor, participantId, protocol, ids)
        // Another first save started it after this statement's snapshot was taken: read again.
        if (found === null) continue
        if (found.status === 'submitted') {
          throw new SpnetError(
            'conflict',
            'These answers have been sent and can no longer be changed.',
            {
              issues: [{ message: 'Ask the research team if something needs correcting.' }],
            },
          )
        }
        const applied = applyAll(protocol, found.state, changes, new Set(found.seen))
        const revision = found.revision + applied.accepted.length
        const result = { revision, state: applied.state, rejected: applied.rejected }
        if (applied.audit.length === 0) {
          remember(participantId, { id: found.id, revision, state: applied.state })
          return result
        }
        if (await write(db, actor, found.id, found.revision, revision, applied, null)) {
          remember(participantId, { id: found.id, revision, state: applied.state })
          return result
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

    /**
     * A save in one statement, which also checks that the invitation is still
     * open at `at` (neither withdrawn nor expired): for a link this process has
     * opened before, without looking it up again. Null when it cannot be done
     * so (the link is closed, this process does not know the interview's latest
     * state, a change was applied before, or nothing would change); then open
     * the link and `save`.
     */
    async saveWhileOpen(
      invitation: { readonly id: string; readonly at: Date },
      actor: Actor,
      participantId: string,
      protocol: Protocol,
      changes: Changes,
    ): Promise<SaveResult | null> {
      return saveKnown(actor, participantId, protocol, changes, invitation)
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

type Changes = readonly { readonly id: string; readonly change: InterviewChange }[]

/** An invitation that must still be open when the save is written. */
type Link = { readonly id: string; readonly at: Date }

type Found = {
  readonly id: string
  readonly status: 'in_progress' | 'submitted'
  readonly state: InterviewState
  readonly revision: number
  /** Of the changes being saved, those applied before. */
  readonly seen: readonly string[]
}

type Applied = {
  readonly state: InterviewState
  readonly accepted: readonly { readonly id: string; readonly change: InterviewChange }[]
  readonly rejected: SaveResult['rejected']
  readonly audit: readonly { readonly action: string; before: unknown; after: unknown }[]
}

/** The changes applied in order to `state`, skipping those in `seen`. */
function applyAll(
  protocol: Protocol,
  from: InterviewState,
  changes: Changes,
  seen: Set<string>,
): Applied {
  let state = from
  const accepted: { id: string; change: InterviewChange }[] = []
  const rejected: { id: string; issues: readonly Issue[] }[] = []
  const audit: { action: string; before: unknown; after: unknown }[] = []
  for (const { id, change } of changes) {
    if (seen.has(id)) continue // a retried save: applied before
    seen.add(id)
    const next = applyChange(protocol, state, change)
    if (!next.ok) {
      rejected.push({
        id,
        issues:
          next.error.issues.length > 0 ? next.error.issues : [{ message: next.error.message }],
      })
      continue
    }
    accepted.push({ id, change })
    audit.push({ action: change.kind, before: previous(state, change), after: change })
    state = next.value
  }
  return { state, accepted, rejected, audit }
}

/**
 * The participant's interview, and which of `ids` it has applied. One that
 * has none is started (empty, revision 0, and audited) in the same statement.
 * Null when another first save started it after this statement's snapshot.
 */
async function readInterview(
  db: Kysely<Database>,
  actor: Actor,
  participantId: string,
  protocol: Protocol,
  ids: readonly string[],
): Promise<Found | null> {
  const started = { participantId, protocol: `${protocol.id}@${protocol.version}` }
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
    ), logged as (
      insert into audit_log (actor_kind, actor_id, action, entity, entity_id, before, after)
      select ${actor.kind}, ${actor.id ?? null}, 'start', 'interview', started.id, null, ${JSON.stringify(started)}::jsonb
      from started
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
      status: 'in_progress',
      state: emptyInterview,
      revision: 0,
      seen: [],
    }
  }
  if (found.id === null) return null
  return {
    id: found.id,
    status: found.status ?? 'in_progress',
    state: found.state ?? emptyInterview,
    revision: found.revision ?? 0,
    seen: found.seen ?? [],
  }
}

/**
 * Writes the applied changes, their audit entries and the new state in one
 * statement, if the interview is still at revision `base` and not sent (and
 * the link, if given, still open). False when it was not.
 */
async function write(
  db: Kysely<Database>,
  actor: Actor,
  interviewId: string,
  base: number,
  revision: number,
  applied: Applied,
  link: Link | null,
): Promise<boolean> {
  const open =
    link === null
      ? sql`true`
      : sql`exists (select 1 from invitations where id = ${link.id} and revoked_at is null and expires_at > ${link.at})`
  const written = await sql<{ n: number }>`
    with up as (
      update interviews set state = ${JSON.stringify(applied.state)}, revision = ${revision}, updated_at = now()
      where id = ${interviewId} and revision = ${base} and status = 'in_progress' and ${open}
      returning id
    ), changes as (
      insert into interview_changes (interview_id, client_change_id, change)
      select up.id, c.id, c.change from up, jsonb_to_recordset(${JSON.stringify(applied.accepted)}::jsonb) as c(id text, change jsonb)
    ), audit as (
      insert into audit_log (actor_kind, actor_id, action, entity, entity_id, before, after)
      select ${actor.kind}, ${actor.id ?? null}, a.x->>'action', 'interview', up.id, a.x->'before', a.x->'after'
      from up, jsonb_array_elements(${JSON.stringify(applied.audit)}::jsonb) with ordinality as a(x, n)
      order by a.n
    )
    select count(*)::int as n from up
  `.execute(db)
  return written.rows[0]!.n === 1
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
