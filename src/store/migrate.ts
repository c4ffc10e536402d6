import { Migrator, type Migration, type MigrationProvider } from 'kysely'
import type { Kysely } from 'kysely'
import { SpnetError } from '../core/errors.js'
import * as initial from './migrations/001-initial.js'
import * as areaDatasets from './migrations/002-area-datasets.js'
import * as qual from './migrations/003-qual.js'
import * as studyDeprivation from './migrations/004-study-deprivation.js'
import type { Database } from './schema.js'

/** Migrations in order; each is applied once, in a transaction, and recorded. */
const migrations: Record<string, Migration> = {
  '001-initial': initial,
  '002-area-datasets': areaDatasets,
  '003-qual': qual,
  '004-study-deprivation': studyDeprivation,
}

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) }

export async function migrate(db: Kysely<Database>): Promise<readonly string[]> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest()
  if (error !== undefined) {
    throw new SpnetError('internal', 'The database could not be brought up to date.', {
      cause: error,
    })
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
