import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../schema.js'

/** Who did something: a researcher account, a participant (by invitation), or spnet itself. */
export type Actor =
  | { readonly kind: 'user'; readonly id: string }
  | { readonly kind: 'participant'; readonly id: string }
  | { readonly kind: 'system'; readonly id?: undefined }

export type AuditEntry = {
  readonly action: string
  readonly entity: string
  readonly entityId: string | null
  readonly before?: unknown
  readonly after?: unknown
}

/**
 * The append-only audit log: every data change and every export, with who,
 * when, what, and the values before and after. A trigger refuses UPDATE,
 * DELETE and TRUNCATE on the table, so not even spnet can rewrite history.
 */
export async function appendAudit(
  db: Kysely<Database> | Transaction<Database>,
  actor: Actor,
  entry: AuditEntry,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_kind: actor.kind,
      actor_id: actor.id ?? null,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      at: new Date(),
    })
    .execute()
}

export type AuditRecord = {
  readonly id: string
  readonly at: Date
  readonly actorKind: string
  readonly actorId: string | null
  readonly action: string
  readonly entity: string
  readonly entityId: string | null
  readonly before: unknown
  readonly after: unknown
}

export async function listAudit(
  db: Kysely<Database>,
  filter: {
    readonly entity?: string | undefined
    readonly entityId?: string | undefined
    readonly limit?: number | undefined
  } = {},
): Promise<AuditRecord[]> {
  let q = db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 200)
  if (filter.entity !== undefined) q = q.where('entity', '=', filter.entity)
  if (filter.entityId !== undefined) q = q.where('entity_id', '=', filter.entityId)
  const rows = await q.execute()
  return rows.map((r) => ({
    id: String(r.id as unknown), // bigserial: a string from pg, maybe a bigint from PGlite
    at: new Date(r.at),
    actorKind: r.actor_kind,
    actorId: r.actor_id,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before,
    after: r.after,
  }))
}
