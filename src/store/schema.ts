import type { ColumnType, Generated } from 'kysely'

/** The tables, as Kysely sees them (see migrations/001-initial.ts). */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type Json<T> = ColumnType<T, string, string>

export type Role = 'admin' | 'researcher' | 'viewer'

export type UsersTable = {
  id: string
  email: string
  name: string
  password_hash: string
  role: Role
  created_at: Timestamp
  disabled_at: Timestamp | null
}

export type SessionsTable = {
  id: string
  user_id: string
  csrf_token: string
  created_at: Timestamp
  expires_at: Timestamp
  last_seen_at: Timestamp
}

export type LoginAttemptsTable = { key: string; at: Timestamp }

export type ProtocolsTable = {
  id: string
  version: number
  name: string
  definition: Json<unknown>
  created_at: Timestamp
}

export type StudiesTable = {
  id: string
  name: string
  protocol_id: string
  protocol_version: number
  created_at: Timestamp
  created_by: string | null
  /** The area-deprivation setting (core/api/deprivation-api.ts), or null. */
  deprivation: Json<unknown> | null
}

export type ParticipantsTable = {
  id: string
  study_id: string
  label: string
  attributes: Json<Record<string, unknown>>
  created_at: Timestamp
}

export type InvitationsTable = {
  id: string
  participant_id: string
  token_hash: string
  mode: 'self' | 'interviewer'
  created_at: Timestamp
  created_by: string | null
  expires_at: Timestamp
  revoked_at: Timestamp | null
  first_used_at: Timestamp | null
}

export type InterviewsTable = {
  id: string
  participant_id: string
  protocol_id: string
  protocol_version: number
  status: 'in_progress' | 'submitted'
  state: Json<unknown>
  revision: number
  started_at: Timestamp
  updated_at: Timestamp
  submitted_at: Timestamp | null
}

export type InterviewChangesTable = {
  id: Generated<string>
  interview_id: string
  client_change_id: string
  change: Json<unknown>
  received_at: Timestamp
}

export type AuditLogTable = {
  id: Generated<string>
  at: Timestamp
  actor_kind: 'user' | 'participant' | 'system'
  actor_id: string | null
  action: string
  entity: string
  entity_id: string | null
  before: Json<unknown> | null
  after: Json<unknown> | null
}

export type AreaDatasetsTable = {
  id: string
  title: string
  kind: string
  edition: number | null
  rows: number
  sha256: string
  source: string
  imported_at: Timestamp
  content: Uint8Array
  lsoas: Uint8Array | null
}

export type QualProjectsTable = {
  study_id: string
  project: Json<unknown>
  revision: number
  updated_at: Timestamp
}

export type QualReviewsTable = { study_id: string; source_id: string; proposals: Json<unknown> }

export type QualKeysTable = { study_id: string; key: Json<unknown> }

export type Database = {
  qual_projects: QualProjectsTable
  qual_reviews: QualReviewsTable
  qual_keys: QualKeysTable
  area_datasets: AreaDatasetsTable
  users: UsersTable
  sessions: SessionsTable
  login_attempts: LoginAttemptsTable
  protocols: ProtocolsTable
  studies: StudiesTable
  participants: ParticipantsTable
  invitations: InvitationsTable
  interviews: InterviewsTable
  interview_changes: InterviewChangesTable
  audit_log: AuditLogTable
}
