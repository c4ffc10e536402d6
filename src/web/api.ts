import type {
  InterviewSession,
  MeasureTableJson,
  NewInvitation,
  ParticipantDetail,
  ParticipantSummary,
  ProtocolSummary,
  Role,
  SaveResult,
  SessionInfo,
  StudyPage,
  StudySummary,
  User,
} from '../core/api/api.js'
import type { DeprivationSetting } from '../core/api/deprivation-api.js'
import type { ImportedTranscriptResult, QualWorkspace, Review } from '../core/api/qual-api.js'
import type { Comparison } from '../core/compare/compare-groups.js'
import type { InterviewChange } from '../core/interview/interview-state.js'
import type { AgreementReport } from '../core/qual/agreement/unit-agreement.js'
import type { Code } from '../core/qual/codebook/codebook.js'
import type { Cooccurrence } from '../core/qual/matrix/code-cooccurrence.js'
import type { FrameworkMatrix } from '../core/qual/matrix/framework-matrix.js'
import type { Memo, MemoTarget, NetworkLink, Segment } from '../core/qual/project.js'
import type { Decision, Proposal, PseudonymKey } from '../core/qual/pseudonymise/pseudonymise.js'

/**
 * The one place the web app talks to the server. Every call goes through
 * `request`, which adds the CSRF header to changes and turns the server's
 * error JSON (`{code, message, issues}`) into an `ApiError`, so forms can put
 * each issue on its field.
 */

export type ApiIssue = { readonly path?: string; readonly message: string; readonly fix?: string }

export class ApiError extends Error {
  override readonly name = 'ApiError'
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number
  readonly code: string
  readonly issues: readonly ApiIssue[]

  constructor(status: number, code: string, message: string, issues: readonly ApiIssue[] = []) {
    super(message)
    this.status = status
    this.code = code
    this.issues = issues
  }

  /** The request never reached the server, or the server is failing: worth retrying. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500
  }
}

/** GET /api/audit: one record (dates arrive as ISO strings). */
export type AuditRecordJson = {
  readonly id: string
  readonly at: string
  readonly actorKind: string
  readonly actorId: string | null
  readonly action: string
  readonly entity: string
  readonly entityId: string | null
  readonly before: unknown
  readonly after: unknown
}

/** GET /qual/segments: one coded segment with its text, transcript and case. */
export type RetrievedQuote = {
  readonly segment: Segment
  readonly text: string
  readonly sourceName: string
  readonly caseId: string | null
  readonly caseName: string | null
}

/** The filters of the qualitative queries (segments, matrix, co-occurrence), as the server reads them. */
export type QualQuery = {
  readonly code?: string
  readonly coder?: string
  readonly case?: string
  readonly alter?: string
  /** Conditions on case attributes: `imd_quintile=1`, `size>=20`, `implementation_model=pcn|vcse`. */
  readonly where?: readonly string[]
  readonly by?: string
  readonly sort?: string
  readonly themes?: string
  readonly unit?: 'sentence' | 'turn'
  readonly coders?: string
  readonly format?: string
  readonly all?: boolean
}

/** `?a=1&where=x&where=y` from a query (empty values left out). */
export function queryString(q: QualQuery): string {
  const params = new URLSearchParams()
  type Value = string | boolean | readonly string[] | undefined
  for (const [key, value] of Object.entries(q) as [string, Value][]) {
    if (value === undefined || value === '' || value === false) continue
    if (typeof value === 'string') params.set(key, value)
    else if (value === true) params.set(key, '1')
    else for (const v of value) if (v.trim() !== '') params.append(key, v.trim())
  }
  const text = params.toString()
  return text === '' ? '' : `?${text}`
}

let csrfToken: string | null = null
let unauthorized: (() => void) | null = null

export function setCsrfToken(token: string | null): void {
  csrfToken = token
}

/** Called when a researcher request is refused with 401 (the session ended). */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorized = handler
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (method !== 'GET' && csrfToken !== null) headers['X-CSRF-Token'] = csrfToken
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  } catch {
    throw new ApiError(0, 'network', 'Cannot reach the server. Check your connection.')
  }
  const text = await response.text()
  let json: unknown = null
  if (text !== '') {
    try {
      json = JSON.parse(text)
    } catch {
      json = null
    }
  }
  if (!response.ok) {
    if (
      response.status === 401 &&
      !path.startsWith('/api/interview/') &&
      path !== '/api/auth/login'
    )
      unauthorized?.()
    throw toApiError(response.status, json)
  }
  return json as T
}

function toApiError(status: number, json: unknown): ApiError {
  if (typeof json === 'object' && json !== null && 'message' in json) {
    const e = json as { code?: unknown; message?: unknown; issues?: unknown }
    const issues = Array.isArray(e.issues) ? (e.issues as ApiIssue[]) : []
    return new ApiError(
      status,
      typeof e.code === 'string' ? e.code : 'error',
      typeof e.message === 'string' ? e.message : 'Something went wrong.',
      issues,
    )
  }
  const message =
    status >= 500
      ? 'The server had a problem. Please try again in a moment.'
      : `The request failed (${status}).`
  return new ApiError(status, status >= 500 ? 'internal' : 'error', message)
}

/** Field messages by issue path, and the messages that belong to no field. */
export type FormErrors = {
  readonly fields: Readonly<Record<string, string>>
  readonly general: readonly string[]
}

export const noErrors: FormErrors = { fields: {}, general: [] }

/** Spreads an error over a form's fields: issues whose path is a field go there, the rest on top. */
export function formErrors(error: unknown, fieldNames: readonly string[]): FormErrors {
  if (!(error instanceof ApiError)) {
    return { fields: {}, general: [error instanceof Error ? error.message : String(error)] }
  }
  const fields: Record<string, string> = {}
  const general: string[] = []
  for (const issue of error.issues) {
    const field = fieldNames.find((f) => issue.path === f || issue.path?.endsWith(`.${f}`))
    const text = issue.fix === undefined ? issue.message : `${issue.message} ${issue.fix}`
    // A field shows its first problem; once that is put right, the next is shown.
    if (field !== undefined) fields[field] ??= text
    else general.push(text)
  }
  if (Object.keys(fields).length === 0 || general.length > 0) general.unshift(error.message)
  return { fields, general: [...new Set(general)] }
}

const enc = encodeURIComponent

export const api = {
  // Researchers
  me: () => request<SessionInfo>('GET', '/api/auth/me'),
  login: (email: string, password: string) =>
    request<SessionInfo>('POST', '/api/auth/login', { email, password }),
  logout: () => request<unknown>('POST', '/api/auth/logout'),
  users: () => request<User[]>('GET', '/api/users'),
  createUser: (body: { email: string; name: string; role: Role; password: string }) =>
    request<User>('POST', '/api/users', body),
  updateUser: (
    id: string,
    body: { name?: string; role?: Role; disabled?: boolean; password?: string },
  ) => request<User>('PATCH', `/api/users/${enc(id)}`, body),
  protocols: () => request<ProtocolSummary[]>('GET', '/api/protocols'),
  studies: () => request<StudySummary[]>('GET', '/api/studies'),
  createStudy: (body: { name: string; protocolId: string; protocolVersion: number }) =>
    request<StudySummary>('POST', '/api/studies', body),
  study: (id: string) => request<StudyPage>('GET', `/api/studies/${enc(id)}`),
  setDeprivation: (studyId: string, setting: DeprivationSetting) =>
    request<{ setting: DeprivationSetting }>(
      'PUT',
      `/api/studies/${enc(studyId)}/deprivation`,
      setting,
    ),
  stopDeprivation: (studyId: string) =>
    request<{ setting: null }>('DELETE', `/api/studies/${enc(studyId)}/deprivation`),
  addParticipant: (studyId: string, label: string) =>
    request<ParticipantSummary>('POST', `/api/studies/${enc(studyId)}/participants`, {
      label,
      attributes: {},
    }),
  participant: (id: string) => request<ParticipantDetail>('GET', `/api/participants/${enc(id)}`),
  invite: (participantId: string, mode: 'self' | 'interviewer', expiresInDays: number) =>
    request<NewInvitation>('POST', `/api/participants/${enc(participantId)}/invitations`, {
      mode,
      expiresInDays,
    }),
  revokeInvitation: (id: string) => request<unknown>('POST', `/api/invitations/${enc(id)}/revoke`),
  measures: (studyId: string) =>
    request<MeasureTableJson>('GET', `/api/studies/${enc(studyId)}/measures`),
  compare: (studyId: string, by: string, pair: readonly [string, string] | null) =>
    request<Comparison>(
      'GET',
      `/api/studies/${enc(studyId)}/compare?by=${enc(by)}` +
        (pair === null ? '' : `&pair=${enc(pair[0])},${enc(pair[1])}`),
    ),
  exportUrl: (studyId: string, format: 'csv' | 'json' | 'graphml') =>
    `/api/studies/${enc(studyId)}/export?format=${format}`,
  audit: (entity: string, entityId: string) => {
    const q = new URLSearchParams()
    if (entity !== '') q.set('entity', entity)
    if (entityId !== '') q.set('entityId', entityId)
    const query = q.toString()
    return request<AuditRecordJson[]>('GET', `/api/audit${query === '' ? '' : `?${query}`}`)
  },

  setParticipantAttributes: (
    id: string,
    attributes: Readonly<Record<string, string | number | boolean | null>>,
  ) => request<ParticipantSummary>('PATCH', `/api/participants/${enc(id)}`, { attributes }),

  qual: qualApi(),

  // Participants (the invitation token is the credential)
  interview: (token: string) => request<InterviewSession>('GET', `/api/interview/${enc(token)}`),
  saveChanges: (token: string, changes: readonly { id: string; change: InterviewChange }[]) =>
    request<SaveResult>('POST', `/api/interview/${enc(token)}/changes`, { changes }),
  submit: (token: string) =>
    request<{ status: 'submitted' }>('POST', `/api/interview/${enc(token)}/submit`),
  suggestions: (token: string, q: string) =>
    request<string[]>('GET', `/api/interview/${enc(token)}/suggestions?q=${enc(q)}`),
}

/** A study's qualitative analysis: /api/studies/:id/qual (core/api/qual-api.ts). */
function qualApi() {
  const base = (studyId: string) => `/api/studies/${enc(studyId)}/qual`
  return {
    workspace: (studyId: string) => request<QualWorkspace>('GET', base(studyId)),
    importTranscript: (
      studyId: string,
      body: {
        fileName: string
        contentBase64: string
        caseLabel: string | null
        names: readonly string[]
      },
    ) => request<ImportedTranscriptResult>('POST', `${base(studyId)}/sources`, body),
    review: (studyId: string, sourceId: string) =>
      request<Review>('GET', `${base(studyId)}/sources/${enc(sourceId)}/review`),
    decide: (
      studyId: string,
      sourceId: string,
      decisions: Readonly<Record<string, Decision | { readonly placeholder: string }>>,
    ) =>
      request<Proposal[]>('POST', `${base(studyId)}/sources/${enc(sourceId)}/review`, {
        decisions,
      }),
    pseudonymise: (studyId: string, sourceId: string) =>
      request<{ replaced: number }>(
        'POST',
        `${base(studyId)}/sources/${enc(sourceId)}/pseudonymise`,
      ),
    key: (studyId: string) => request<PseudonymKey>('GET', `${base(studyId)}/key`),
    createCode: (studyId: string, body: CodeInput) =>
      request<Code>('POST', `${base(studyId)}/codes`, body),
    updateCode: (studyId: string, codeId: string, body: Partial<CodeInput>) =>
      request<Code>('PATCH', `${base(studyId)}/codes/${enc(codeId)}`, body),
    starterCodebook: (studyId: string) =>
      request<{ added: number }>('POST', `${base(studyId)}/codebook/starter`),
    codeSegment: (
      studyId: string,
      body: {
        sourceId: string
        start: number
        end: number
        codeIds: readonly string[]
        memo?: string
        link?: NetworkLink | null
      },
    ) => request<Segment>('POST', `${base(studyId)}/segments`, body),
    updateSegment: (
      studyId: string,
      segmentId: string,
      body: { codeIds?: readonly string[]; memo?: string; link?: NetworkLink | null },
    ) => request<Segment>('PATCH', `${base(studyId)}/segments/${enc(segmentId)}`, body),
    deleteSegment: (studyId: string, segmentId: string) =>
      request<unknown>('DELETE', `${base(studyId)}/segments/${enc(segmentId)}`),
    createMemo: (studyId: string, body: { target: MemoTarget; title?: string; text: string }) =>
      request<Memo>('POST', `${base(studyId)}/memos`, body),
    updateMemo: (studyId: string, memoId: string, body: { title?: string; text?: string }) =>
      request<Memo>('PATCH', `${base(studyId)}/memos/${enc(memoId)}`, body),
    deleteMemo: (studyId: string, memoId: string) =>
      request<unknown>('DELETE', `${base(studyId)}/memos/${enc(memoId)}`),
    writeSummary: (studyId: string, body: { caseId: string; codeId: string; text: string }) =>
      request<unknown>('PUT', `${base(studyId)}/summaries`, body),
    segments: (studyId: string, q: QualQuery) =>
      request<RetrievedQuote[]>('GET', `${base(studyId)}/segments${queryString(q)}`),
    agreement: (studyId: string, q: QualQuery) =>
      request<AgreementReport>('GET', `${base(studyId)}/agreement${queryString(q)}`),
    matrix: (studyId: string, q: QualQuery) =>
      request<FrameworkMatrix>('GET', `${base(studyId)}/matrix${queryString(q)}`),
    cooccurrence: (studyId: string, q: QualQuery) =>
      request<Cooccurrence>('GET', `${base(studyId)}/cooccurrence${queryString(q)}`),
    importProject: (studyId: string, body: { fileName: string; contentBase64: string }) =>
      request<{
        kind: 'project' | 'codebook'
        notes: string[]
        sources: number
        segments: number
        codes: number
      }>('POST', `${base(studyId)}/import`, body),
    /** Addresses of downloads (a plain link: the session cookie goes with it). */
    url: (studyId: string, what: string, q: QualQuery = {}) =>
      `${base(studyId)}/${what}${queryString(q)}`,
  }
}

/** A code as the forms send it (POST and PATCH /qual/codes). */
export type CodeInput = {
  readonly name: string
  readonly parentId?: string | null
  readonly isCodable?: boolean
  readonly color?: string | null
  readonly description?: string
  readonly examples?: readonly string[]
}
