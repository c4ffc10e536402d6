import { sql, type Kysely } from 'kysely'

/**
 * A study's area-deprivation setting: which attribute or answer to place
 * participants by, the method and the IoD edition (JSON, see
 * core/api/deprivation-api.ts), or null when the study does not place them.
 * The placements themselves are computed on every read, never stored.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table studies add column deprivation jsonb`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table studies drop column deprivation`.execute(db)
}
