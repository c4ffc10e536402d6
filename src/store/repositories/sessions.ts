import type { Kysely } from 'kysely'
import type { User } from '../../core/api/api.js'
import type { Database } from '../schema.js'

/**
 * Researcher sessions, held in the database so several server instances can
 * share them behind a load balancer. The cookie carries a random token; only
 * its SHA-256 is stored, so a copy of the database cannot be used to log in.
 */
export function sessionsRepository(db: Kysely<Database>) {
  return {
    async create(session: {
      id: string
      userId: string
      csrfToken: string
      expiresAt: Date
    }): Promise<void> {
      await db
        .insertInto('sessions')
        .values({
          id: session.id,
          user_id: session.userId,
          csrf_token: session.csrfToken,
          created_at: new Date(),
          expires_at: session.expiresAt,
          last_seen_at: new Date(),
        })
        .execute()
    },

    /** The session and its user, if the session is live and the account enabled. */
    async find(
      id: string,
      now: Date,
    ): Promise<{ user: User; csrfToken: string; expiresAt: Date } | null> {
      const r = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select([
          'sessions.csrf_token as csrf',
          'sessions.expires_at as expires',
          'users.id as id',
          'users.email as email',
          'users.name as name',
          'users.role as role',
          'users.disabled_at as disabled',
        ])
        .where('sessions.id', '=', id)
        .where('sessions.expires_at', '>', now)
        .executeTakeFirst()
      if (r === undefined || r.disabled !== null) return null
      return {
        user: { id: r.id, email: r.email, name: r.name, role: r.role, disabled: false },
        csrfToken: r.csrf,
        expiresAt: new Date(r.expires),
      }
    },

    async extend(id: string, expiresAt: Date): Promise<void> {
      await db
        .updateTable('sessions')
        .set({ expires_at: expiresAt, last_seen_at: new Date() })
        .where('id', '=', id)
        .execute()
    },

    async remove(id: string): Promise<void> {
      await db.deleteFrom('sessions').where('id', '=', id).execute()
    },

    async purgeExpired(now: Date): Promise<void> {
      await db.deleteFrom('sessions').where('expires_at', '<=', now).execute()
    },
  }
}
export type SessionsRepository = ReturnType<typeof sessionsRepository>

/** Failed logins per key (an email or an address), counted in the database so every instance sees them. */
export function loginAttemptsRepository(db: Kysely<Database>) {
  return {
    async record(key: string, at: Date): Promise<void> {
      await db.insertInto('login_attempts').values({ key, at }).execute()
    },
    async count(key: string, since: Date): Promise<number> {
      const r = await db
        .selectFrom('login_attempts')
        .select((e) => e.fn.countAll<string>().as('n'))
        .where('key', '=', key)
        .where('at', '>', since)
        .executeTakeFirstOrThrow()
      return Number(r.n)
    },
    async clear(key: string): Promise<void> {
      await db.deleteFrom('login_attempts').where('key', '=', key).execute()
    },
    async purge(before: Date): Promise<void> {
      await db.deleteFrom('login_attempts').where('at', '<', before).execute()
    },
  }
}
export type LoginAttemptsRepository = ReturnType<typeof loginAttemptsRepository>
