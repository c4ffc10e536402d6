import { mkdir } from 'node:fs/promises'
import { PGlite } from '@electric-sql/pglite'
import type { Connection, Db } from './db.js'

/**
 * The embedded default: PostgreSQL compiled to WebAssembly, in a folder of
 * spnet's data directory; nothing to install. PGlite has one connection, so
 * it is lent to one caller at a time (a transaction keeps it until it ends).
 */
export async function openPglite(dataDir: string | null): Promise<Db> {
  if (dataDir !== null) await mkdir(dataDir, { recursive: true })
  const pg = new PGlite(dataDir ?? undefined)
  await pg.waitReady
  let queue: Promise<void> = Promise.resolve()
  const run: Connection['query'] = async (sql, params) => {
    // Without parameters, use the simple protocol, which (like pg's) runs several statements.
    if (params === undefined || params.length === 0) {
      const results = await pg.exec(sql)
      const last = results.at(-1)
      return { rows: (last?.rows ?? []) as never[], affectedRows: last?.affectedRows }
    }
    const result = await pg.query(sql, params as unknown[])
    return { rows: result.rows as never[], affectedRows: result.affectedRows }
  }
  const connect = async (): Promise<Connection> => {
    let release!: () => void
    const previous = queue
    queue = new Promise<void>((resolve) => {
      release = resolve
    })
    await previous
    let released = false
    return {
      query: run,
      release: () => {
        if (!released) {
          released = true
          release()
        }
      },
    }
  }
  return {
    kind: 'pglite',
    connect,
    query: async (sql, params) => {
      const c = await connect()
      try {
        return await c.query(sql, params)
      } finally {
        c.release()
      }
    },
    close: async () => {
      await queue
      await pg.close()
    },
  }
}
