import type { Kysely } from 'kysely'
import type { Db } from './db.js'
import { kyselyOf } from './kysely.js'
import { migrate } from './migrate.js'
import { openPglite } from './pglite.js'
import { openPostgres } from './postgres.js'
import { listAudit } from './repositories/audit.js'
import { interviewsRepository } from './repositories/interviews.js'
import { protocolsRepository } from './repositories/protocols.js'
import { qualRepository } from './repositories/qual.js'
import { loginAttemptsRepository, sessionsRepository } from './repositories/sessions.js'
import { studiesRepository } from './repositories/studies.js'
import { usersRepository } from './repositories/users.js'
import type { Database } from './schema.js'

/**
 * spnet's store: PostgreSQL through the minimal Db interface, embedded
 * (PGlite in the data directory) by default or a server via DATABASE_URL.
 * Opening it brings the schema up to date.
 *
 * @example
 * ```ts
 * const store = await openStore({ databaseUrl: undefined, dataDir: '/srv/spnet/db' })
 * const studies = await store.studies.list()
 * await store.close()
 * ```
 */
export type Store = {
  readonly db: Db
  readonly kysely: Kysely<Database>
  readonly users: ReturnType<typeof usersRepository>
  readonly sessions: ReturnType<typeof sessionsRepository>
  readonly loginAttempts: ReturnType<typeof loginAttemptsRepository>
  readonly protocols: ReturnType<typeof protocolsRepository>
  readonly studies: ReturnType<typeof studiesRepository>
  readonly interviews: ReturnType<typeof interviewsRepository>
  readonly qual: ReturnType<typeof qualRepository>
  readonly audit: {
    readonly list: (filter?: Parameters<typeof listAudit>[1]) => ReturnType<typeof listAudit>
  }
  readonly close: () => Promise<void>
}

export async function openStore(options: {
  readonly databaseUrl?: string | undefined
  /** PGlite's folder; null keeps the database in memory (tests). */
  readonly dataDir: string | null
}): Promise<Store> {
  const db =
    options.databaseUrl !== undefined && options.databaseUrl !== ''
      ? await openPostgres(options.databaseUrl)
      : await openPglite(options.dataDir)
  return storeOn(db)
}

/** A store over an open database (migrated). */
export async function storeOn(db: Db): Promise<Store> {
  const kysely = kyselyOf(db)
  await migrate(kysely)
  return {
    db,
    kysely,
    users: usersRepository(kysely),
    sessions: sessionsRepository(kysely),
    loginAttempts: loginAttemptsRepository(kysely),
    protocols: protocolsRepository(kysely),
    studies: studiesRepository(kysely),
    interviews: interviewsRepository(kysely),
    qual: qualRepository(kysely),
    audit: { list: (filter) => listAudit(kysely, filter) },
    close: async () => {
      await kysely.destroy()
      await db.close()
    },
  }
}
