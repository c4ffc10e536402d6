import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { openStore, type Store } from '../../src/store/store.js'

/**
 * The databases every store test runs on: embedded PGlite (in memory) and a
 * real PostgreSQL server. PostgreSQL comes from SPNET_TEST_DATABASE_URL, else
 * the test role that scripts/setup-test-machine.sh makes (.ci/run runs it);
 * each test file gets a database of its own, dropped afterwards. When the
 * server cannot be reached the tests fail, saying how to start it: they are
 * never skipped.
 */
export const adapters = ['pglite', 'postgres'] as const
export type Adapter = (typeof adapters)[number]

const serverUrl =
  process.env['SPNET_TEST_DATABASE_URL'] ??
  'postgres://spnet_test:spnet_test@127.0.0.1:5432/postgres'

export type TestStore = { readonly store: Store; readonly drop: () => Promise<void> }

export async function openTestStore(adapter: Adapter): Promise<TestStore> {
  if (adapter === 'pglite') {
    const store = await openStore({ dataDir: null })
    return { store, drop: () => store.close() }
  }
  const db = await freshDatabase()
  const store = await openStore({ databaseUrl: db.url, dataDir: null })
  return {
    store,
    drop: async () => {
      await store.close()
      await db.drop()
    },
  }
}

/** A new, empty PostgreSQL database on the test server, and how to drop it. */
export async function freshDatabase(): Promise<{
  readonly url: string
  readonly drop: () => Promise<void>
}> {
  const name = `spnet_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  try {
    await admin.connect()
  } catch (cause) {
    throw new Error(
      `The PostgreSQL tests cannot reach ${serverUrl.replace(/:[^:@/]+@/, ':***@')} (${String(cause)}).\n` +
        'Run scripts/setup-test-machine.sh (as .ci/run does) to install and start PostgreSQL on loopback, ' +
        'or set SPNET_TEST_DATABASE_URL to a server where the user may create databases.',
      { cause },
    )
  }
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const again = new pg.Client({ connectionString: serverUrl })
      await again.connect()
      await again.query(`drop database if exists ${name} with (force)`)
      await again.end()
    },
  }
}
