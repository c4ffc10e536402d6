import type { Kysely } from 'kysely'
import type { ProtocolSummary } from '../../core/api/api.js'
import { SpnetError } from '../../core/errors.js'
import { validateProtocol } from '../../core/protocol/validate-protocol.js'
import type { Protocol } from '../../core/protocol/protocol.js'
import type { Database } from '../schema.js'
import { appendAudit, type Actor } from './audit.js'

/**
 * Protocols by id and version. A version, once stored, never changes:
 * interviews record the version they used, so a changed protocol needs a
 * new version number.
 */
export function protocolsRepository(db: Kysely<Database>) {
  const cache = new Map<string, Protocol>()
  return {
    async save(actor: Actor, protocol: Protocol): Promise<ProtocolSummary> {
      return db.transaction().execute(async (tx) => {
        const existing = await tx
          .selectFrom('protocols')
          .select('definition')
          .where('id', '=', protocol.id)
          .where('version', '=', protocol.version)
          .executeTakeFirst()
        if (existing !== undefined) {
          // jsonb keeps keys in its own order, so compare with keys sorted.
          if (canonical(existing.definition) === canonical(protocol)) {
            return { id: protocol.id, version: protocol.version, name: protocol.name }
          }
          throw new SpnetError(
            'conflict',
            `Protocol ${protocol.id} version ${protocol.version} already exists with other content.`,
            {
              issues: [
                { path: 'version', message: 'Give the changed protocol a new version number.' },
              ],
            },
          )
        }
        await tx
          .insertInto('protocols')
          .values({
            id: protocol.id,
            version: protocol.version,
            name: protocol.name,
            definition: JSON.stringify(protocol),
            created_at: new Date(),
          })
          .execute()
        await appendAudit(tx, actor, {
          action: 'create',
          entity: 'protocol',
          entityId: `${protocol.id}@${protocol.version}`,
          after: protocol,
        })
        return { id: protocol.id, version: protocol.version, name: protocol.name }
      })
    },

    async get(id: string, version: number): Promise<Protocol | null> {
      const key = `${id}@${version}`
      const cached = cache.get(key)
      if (cached !== undefined) return cached
      const r = await db
        .selectFrom('protocols')
        .select('definition')
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst()
      if (r === undefined) return null
      // Read back through the schema: the stored JSON may predate today's code.
      const checked = validateProtocol(r.definition)
      if (!checked.ok)
        throw new SpnetError('internal', `Stored protocol ${key} no longer validates.`, {
          cause: checked.error,
        })
      cache.set(key, checked.value)
      return checked.value
    },

    async list(): Promise<ProtocolSummary[]> {
      const rows = await db
        .selectFrom('protocols')
        .select(['id', 'version', 'name'])
        .orderBy('id')
        .orderBy('version')
        .execute()
      return rows
    },
  }
}
export type ProtocolsRepository = ReturnType<typeof protocolsRepository>

/** JSON text with object keys sorted, so equal values give equal text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  )
}
