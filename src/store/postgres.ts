import pg from 'pg'
import type { Connection, Db } from './db.js'

/** A PostgreSQL server, for several spnet instances behind a load balancer (DATABASE_URL). */
export async function openPostgres(url: string, max = 10): Promise<Db> {
  // A connection once opened stays open (min = max). pg's pool would close one left idle
  // for 10 s, and a steady load keeps only a few of them busy, so each burst of saves
  // paid for opening connections again (a new backend and a SCRAM exchange, some
  // 10–50 ms each) while its requests waited.
  const pool = new pg.Pool({ connectionString: url, max, min: max })
  // An idle connection the server ends (a restart, an administrator, a
  // dropped database) is an 'error' event on the pool; unheard, it would end
  // the process. The pool discards that connection and opens a new one when
  // needed, and a real outage still fails the next query with its message.
  pool.on('error', () => undefined)
  // Fail now, with the server's own message, rather than on the first request.
  const probe = await pool.connect()
  probe.release()
  const wrap = (client: pg.PoolClient): Connection => ({
    query: async (sql, params) => {
      const r = await client.query(sql, params as unknown[] | undefined)
      return { rows: r.rows as never[], affectedRows: r.rowCount ?? undefined }
    },
    release: () => {
      client.release()
    },
  })
  return {
    kind: 'postgres',
    connect: async () => wrap(await pool.connect()),
    query: async (sql, params) => {
      const r = await pool.query(sql, params as unknown[] | undefined)
      return { rows: r.rows as never[], affectedRows: r.rowCount ?? undefined }
    },
    close: () => pool.end(),
  }
}
