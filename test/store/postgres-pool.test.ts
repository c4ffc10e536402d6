import pg from 'pg'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { openPostgres } from '../../src/store/postgres.js'
import type { Db } from '../../src/store/db.js'
import { freshDatabase } from '../support/databases.js'

// The server ending idle connections (a restart, an administrator) must not
// end spnet: the next query gets a new connection.
let db: Db
let database: Awaited<ReturnType<typeof freshDatabase>>
beforeAll(async () => {
  database = await freshDatabase()
  db = await openPostgres(database.url, 3)
})
afterAll(async () => {
  await db.close()
  await database.drop()
})

it('survives the server ending its idle connections', async () => {
  // Three connections at once, so the pool holds three idle ones afterwards.
  await Promise.all([1, 2, 3].map(() => db.query('select pg_sleep(0.05)')))
  const name = new URL(database.url).pathname.slice(1)
  const admin = new pg.Client({ connectionString: database.url.replace(`/${name}`, '/postgres') })
  await admin.connect()
  const ended = await admin.query(
    'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
    [name],
  )
  await admin.end()
  expect(ended.rowCount).toBeGreaterThanOrEqual(1)
  // Let the terminations arrive as errors on the idle clients.
  await new Promise((resolve) => setTimeout(resolve, 200))
  const after = await db.query<{ one: number }>('select 1 as one')
  expect(after.rows).toEqual([{ one: 1 }])
})
