import { sql, type Kysely } from 'kysely'

/** The first schema: accounts and sessions, studies, invitations, interviews, the audit log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table users (
      id uuid primary key,
      email text not null unique,
      name text not null,
      password_hash text not null,
      role text not null check (role in ('admin', 'researcher', 'viewer')),
      created_at timestamptz not null default now(),
      disabled_at timestamptz
    );
    create table sessions (
      id text primary key,
      user_id uuid not null references users (id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      last_seen_at timestamptz not null default now()
    );
    create index sessions_user on sessions (user_id);
    create table login_attempts (
      key text not null,
      at timestamptz not null default now()
    );
    create index login_attempts_key on login_attempts (key, at);
    create table protocols (
      id text not null,
      version integer not null,
      name text not null,
      definition jsonb not null,
      created_at timestamptz not null default now(),
      primary key (id, version)
    );
    create table studies (
      id uuid primary key,
      name text not null,
      protocol_id text not null,
      protocol_version integer not null,
      created_at timestamptz not null default now(),
      created_by uuid references users (id),
      foreign key (protocol_id, protocol_version) references protocols (id, version)
    );
    create table participants (
      id uuid primary key,
      study_id uuid not null references studies (id) on delete cascade,
      label text not null,
      attributes jsonb not null default '{}',
      created_at timestamptz not null default now(),
      unique (study_id, label)
    );
    create table invitations (
      id uuid primary key,
      participant_id uuid not null references participants (id) on delete cascade,
      token_hash text not null unique,
      mode text not null check (mode in ('self', 'interviewer')),
      created_at timestamptz not null default now(),
      created_by uuid references users (id),
      expires_at timestamptz not null,
      revoked_at timestamptz,
      first_used_at timestamptz
    );
    create index invitations_participant on invitations (participant_id);
    create table interviews (
      id uuid primary key,
      participant_id uuid not null unique references participants (id) on delete cascade,
      protocol_id text not null,
      protocol_version integer not null,
      status text not null check (status in ('in_progress', 'submitted')),
      state jsonb not null,
      revision integer not null default 0,
      started_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      submitted_at timestamptz
    );
    create table interview_changes (
      id bigserial primary key,
      interview_id uuid not null references interviews (id) on delete cascade,
      client_change_id text not null,
      change jsonb not null,
      received_at timestamptz not null default now(),
      unique (interview_id, client_change_id)
    );
    create table audit_log (
      id bigserial primary key,
      at timestamptz not null default now(),
      actor_kind text not null check (actor_kind in ('user', 'participant', 'system')),
      actor_id text,
      action text not null,
      entity text not null,
      entity_id text,
      before jsonb,
      after jsonb
    );
    create index audit_log_entity on audit_log (entity, entity_id);
    create function audit_log_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_log is append-only'; end
    $$;
    create trigger audit_log_append_only before update or delete or truncate on audit_log
      for each statement execute function audit_log_append_only();
    revoke update, delete, truncate on audit_log from public;
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table audit_log, interview_changes, interviews, invitations, participants, studies,
      protocols, login_attempts, sessions, users cascade;
    drop function audit_log_append_only;
  `.execute(db)
}
