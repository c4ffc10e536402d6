import * as z from 'zod/mini'
import type { Issue } from '../errors.js'
import type { DeprivationSetting, StudyDeprivation } from './deprivation-api.js'
import type { InterviewState } from '../interview/interview-state.js'
import { interviewChangeSchema } from '../interview/interview-state.js'
import type { Protocol } from '../protocol/protocol.js'

/**
 * The JSON API between spnet's server and its web app: request bodies as zod
 * schemas (checked by the server, used by the forms) and response shapes as
 * types. Every route lives under /api. Errors are
 * `{ code, message, issues: [{ path, message }] }` with a matching status
 * (validation 400, usage 400, not found 404, conflict 409, forbidden 403).
 */

export const roles = ['admin', 'researcher', 'viewer'] as const
export type Role = (typeof roles)[number]

const email = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'Enter an email address.'),
  )
const password = z
  .string()
  .check(
    z.minLength(12, 'Use at least 12 characters.'),
    z.maxLength(200, 'Use at most 200 characters.'),
  )
const name = z
  .string()
  .check(z.trim(), z.minLength(1, 'Enter a name.'), z.maxLength(200, 'Use at most 200 characters.'))

export const loginSchema = z.strictObject({
  email,
  password: z.string().check(z.minLength(1, 'Enter your password.'), z.maxLength(200)),
})
export type LoginRequest = z.infer<typeof loginSchema>

export type User = {
  readonly id: string
  readonly email: string
  readonly name: string
  readonly role: Role
  readonly disabled: boolean
}

/** GET /api/auth/me, POST /api/auth/login. The CSRF token goes in the X-CSRF-Token header of every change. */
export type SessionInfo = { readonly user: User; readonly csrfToken: string }

export const createUserSchema = z.strictObject({ email, name, role: z.enum(roles), password })
export const updateUserSchema = z.strictObject({
  name: z.optional(name),
  role: z.optional(z.enum(roles)),
  disabled: z.optional(z.boolean()),
  password: z.optional(password),
})

export type ProtocolSummary = {
  readonly id: string
  readonly version: number
  readonly name: string
}

export const createStudySchema = z.strictObject({
  name,
  protocolId: z.string().check(z.minLength(1)),
  protocolVersion: z.int().check(z.minimum(1)),
})

export type StudySummary = {
  readonly id: string
  readonly name: string
  readonly protocol: ProtocolSummary
  readonly participants: number
  readonly started: number
  readonly submitted: number
  readonly createdAt: string
}

/** A participant's label is a pseudonym (e.g. LW01): never a person's name. */
export const createParticipantSchema = z.strictObject({
  label: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Enter a label.'),
      z.maxLength(60, 'Use at most 60 characters.'),
      z.regex(/^[A-Za-z0-9_.-]+$/, 'Use a code such as LW01 (letters, digits, _ . -), not a name.'),
    ),
  attributes: z._default(
    z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    {},
  ),
})

export const createInvitationSchema = z.strictObject({
  mode: z._default(z.enum(['self', 'interviewer']), 'self'),
  expiresInDays: z._default(z.int().check(z.minimum(1), z.maximum(365)), 30),
})

export type Invitation = {
  readonly id: string
  readonly mode: 'self' | 'interviewer'
  readonly createdAt: string
  readonly expiresAt: string
  readonly revokedAt: string | null
  readonly firstUsedAt: string | null
}

/** POST /api/participants/:id/invitations: the link is shown once; only its hash is stored. */
export type NewInvitation = { readonly invitation: Invitation; readonly url: string }

export type InterviewStatus = 'not_started' | 'in_progress' | 'submitted'

export type ParticipantSummary = {
  readonly id: string
  readonly label: string
  readonly attributes: Readonly<Record<string, string | number | boolean | null>>
  readonly status: InterviewStatus
  readonly alters: number
  readonly updatedAt: string | null
  readonly submittedAt: string | null
  readonly invitations: readonly Invitation[]
}

export type StudyDetail = StudySummary & {
  readonly participantList: readonly ParticipantSummary[]
  /** How participants are placed on the IMD; null when the study does not place them. */
  readonly deprivationSetting: DeprivationSetting | null
}

/** GET /api/studies/:id: the study with each participant's area deprivation (deprivation-api.ts). */
export type StudyPage = StudyDetail & { readonly deprivation: StudyDeprivation | null }

export type ParticipantDetail = ParticipantSummary & {
  readonly studyId: string
  readonly protocol: Protocol
  readonly state: InterviewState | null
  /** The study's setting and this participant's placement; null when the study does not place them. */
  readonly deprivation: {
    readonly setting: DeprivationSetting
    readonly problem: StudyDeprivation['problem']
    readonly placement: StudyDeprivation['participants'][string] | null
  } | null
}

/**
 * GET /api/studies/:id/measures: the measures of each participant, and notes
 * on what was chosen for the researcher (such as columns left out because the
 * contacts have no org_type). The study's deprivation status is on StudyPage.
 */
export type MeasureTableJson = {
  readonly columns: readonly string[]
  readonly egoIds: readonly string[]
  readonly rows: readonly (readonly (number | null)[])[]
  readonly notes: readonly string[]
}

/** GET /api/interview/:token: what the interview page needs. */
export type InterviewSession = {
  readonly participant: string
  readonly studyName: string
  readonly protocol: Protocol
  readonly state: InterviewState
  readonly status: 'in_progress' | 'submitted'
  readonly revision: number
  readonly mode: 'self' | 'interviewer'
}

/** POST /api/interview/:token/changes: autosave; each change has an id chosen by the browser. */
export const saveChangesSchema = z.strictObject({
  changes: z
    .array(
      z.strictObject({
        id: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, 'Not a change id.')),
        change: interviewChangeSchema,
      }),
    )
    .check(z.minLength(1), z.maxLength(200)),
})
export type SaveChanges = z.infer<typeof saveChangesSchema>

/** The answer to an autosave: the state after every change that was accepted. */
export type SaveResult = {
  readonly revision: number
  readonly state: InterviewState
  /** Changes refused (with why); the others were kept. */
  readonly rejected: readonly { readonly id: string; readonly issues: readonly Issue[] }[]
}

export type ApiError = {
  readonly code: string
  readonly message: string
  readonly issues: readonly {
    readonly path?: string
    readonly message: string
    readonly fix?: string
  }[]
}
