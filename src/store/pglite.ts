import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { SpnetError } from '../core/errors.js'
import type { Connection, Db } from './db.js'

/**
 * The embedded default: PostgreSQL compiled to WebAssembly, in a folder of
 * spnet's data directory; nothing to install. PGlite has one connection, so
 * it is lent to one caller at a time (a transaction keeps it until it ends).
 */
export async function openPglite(dataDir: string | null): Promise<Db> {
  if (dataDir !== null) await mkdir(dataDir, { recursive: true })
  const unlock = dataDir === null ? async () => {} : await lock(dataDir)
  let pg: PGlite
  try {
    pg = new PGlite(dataDir ?? undefined)
    await pg.waitReady
  } catch (cause) {
    await unlock()
    throw new SpnetError(
      'internal',
      `The embedded database in ${dataDir ?? 'memory'} could not be opened.`,
      {
        cause,
        issues: [{ message: cause instanceof Error ? cause.message : String(cause) }],
      },
    )
  }
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
      await unlock()
    },
  }
}

/**
 * PGlite has no lock of its own, and two processes writing one folder would
 * corrupt it: a lock file names the process that has it. A lock left by a
 * process that has ended is taken over.
 */
async function lock(dir: string): Promise<() => Promise<void>> {
  const file = join(dir, 'spnet.lock')
  const mine = `${process.pid}`
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, mine, { flag: 'wx' })
      return async () => {
        if ((await readFile(file, 'utf8').catch(() => '')) === mine) await rm(file, { force: true })
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number(await readFile(file, 'utf8').catch(() => ''))
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
        throw new SpnetError(
          'conflict',
          `Another spnet process (pid ${holder}) is using the embedded database in ${dir}.`,
          {
            issues: [
              {
                message:
                  'Stop it first (e.g. the running spnet serve), or set SPNET_DATA_DIR to another folder.',
              },
            ],
          },
        )
      }
      await rm(file, { force: true })
    }
  }
  throw new SpnetError('conflict', `The embedded database in ${dir} is locked.`, {
    issues: [{ message: `Delete ${file} if no spnet process is running.` }],
  })
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
