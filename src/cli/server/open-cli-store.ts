import { join } from 'node:path'
import { SpnetError } from '../../core/errors.js'
import { openStore, type Store } from '../../store/store.js'
import { dataDir } from '../data-dir.js'
import type { Io } from '../io.js'

/**
 * The store a command works on: the PostgreSQL server in DATABASE_URL when
 * set, else the embedded database in spnet's data directory (db/).
 */
export async function openCliStore(
  io: Io,
): Promise<{ readonly store: Store; readonly where: string }> {
  const url = io.env['DATABASE_URL']
  if (url !== undefined && url !== '') {
    try {
      return {
        store: await openStore({ databaseUrl: url, dataDir: null }),
        where: `PostgreSQL at ${redact(url)}`,
      }
    } catch (cause) {
      throw new SpnetError(
        'not_found',
        `spnet could not open the database in DATABASE_URL (${redact(url)}).`,
        {
          cause,
          issues: [
            {
              message: cause instanceof Error ? cause.message : String(cause),
              fix: 'Check that PostgreSQL is running and the address, user and password are right, or unset DATABASE_URL to use the embedded database.',
            },
          ],
        },
      )
    }
  }
  const dir = join(dataDir(io.env), 'db')
  try {
    return { store: await openStore({ dataDir: dir }), where: `the embedded database in ${dir}` }
  } catch (cause) {
    if (cause instanceof SpnetError) throw cause
    throw new SpnetError('conflict', `spnet could not open its embedded database in ${dir}.`, {
      cause,
      issues: [
        {
          message: cause instanceof Error ? cause.message : String(cause),
          fix: 'Only one spnet process can use the embedded database at a time: stop the other (e.g. spnet serve), or set SPNET_DATA_DIR to another folder.',
        },
      ],
    })
  }
}

/** The address without its password, for messages. */
function redact(url: string): string {
  try {
    const u = new URL(url)
    if (u.password !== '') u.password = '***'
    return u.toString()
  } catch {
    return '(not a valid address)'
  }
}
