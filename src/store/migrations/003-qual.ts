import { sql, type Kysely } from 'kysely'

/**
 * The qualitative half of a study: its project (transcripts, codebook,
 * coded segments, memos, summaries) as one document, edited in
 * transactions; the pseudonymisation proposals awaiting a researcher's
 * review, per transcript; and the pseudonymisation key, kept apart (admins
 * only).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table qual_projects (
      study_id uuid primary key references studies (id) on delete cascade,
      project jsonb not null,
      revision integer not null default 0,
      updated_at timestamptz not null default now()
    );
    create table qual_reviews (
      study_id uuid not null references studies (id) on delete cascade,
      source_id text not null,
      proposals jsonb not null,
      primary key (study_id, source_id)
    );
    create table qual_keys (
      study_id uuid primary key references studies (id) on delete cascade,
      key jsonb not null
    );
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table qual_keys, qual_reviews, qual_projects`.execute(db)
}
