import { sql, type Kysely } from 'kysely'

/**
 * Area reference data (IoD files, LSOA lookups, practices, the postcode
 * index) in the database, for server mode: every spnet instance sharing one
 * PostgreSQL database sees the same data. Each row is one dataset as spnet
 * stores it (JSON, or the postcode index's fixed-width records), with where
 * it came from.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table area_datasets (
      id text primary key,
      title text not null,
      kind text not null,
      edition integer,
      rows integer not null,
      sha256 text not null,
      source text not null,
      imported_at timestamptz not null,
      content bytea not null,
      lsoas bytea
    );
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table area_datasets`.execute(db)
}
