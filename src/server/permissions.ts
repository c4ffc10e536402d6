import type { Role } from '../core/api/api.js'

/**
 * Who may do what: the one table every researcher route checks. Viewers
 * read studies and results; researchers also run studies (participants,
 * invitation links, exports, protocols); admins also manage accounts and
 * read the audit log. Exports are kept from viewers because they carry
 * every answer.
 */
export const permissions = {
  'studies:read': ['admin', 'researcher', 'viewer'],
  /** Making studies and changing their settings (how participants are placed on the IMD). */
  'studies:write': ['admin', 'researcher'],
  'participants:write': ['admin', 'researcher'],
  'invitations:write': ['admin', 'researcher'],
  'protocols:read': ['admin', 'researcher', 'viewer'],
  'protocols:write': ['admin', 'researcher'],
  'analysis:read': ['admin', 'researcher', 'viewer'],
  'data:export': ['admin', 'researcher'],
  'qual:read': ['admin', 'researcher', 'viewer'],
  'qual:code': ['admin', 'researcher'],
  'qual:export': ['admin', 'researcher'],
  /** The pseudonymisation key: who the placeholders in transcripts stand for. */
  'qual:key': ['admin'],
  'users:manage': ['admin'],
  'audit:read': ['admin'],
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof permissions

export function allows(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role)
}
