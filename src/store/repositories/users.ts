import { randomUUID } from 'node:crypto'
import type { Kysely, Selectable, Updateable } from 'kysely'
import type { Role, User } from '../../core/api/api.js'
import { SpnetError } from '../../core/errors.js'
import type { Database, UsersTable } from '../schema.js'
import { appendAudit, type Actor } from './audit.js'

/** Researcher accounts. Passwords arrive hashed (argon2id); the hash never leaves the store. */
export type UserWithHash = User & { readonly passwordHash: string }

const toUser = (
  r: Pick<Selectable<UsersTable>, 'id' | 'email' | 'name' | 'role' | 'disabled_at'>,
): User => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  disabled: r.disabled_at !== null,
})

export function usersRepository(db: Kysely<Database>) {
  return {
    async count(): Promise<number> {
      const r = await db
        .selectFrom('users')
        .select((e) => e.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
      return Number(r.n)
    },

    async create(
      actor: Actor,
      user: { email: string; name: string; role: Role; passwordHash: string },
    ): Promise<User> {
      return db.transaction().execute(async (tx) => {
        const existing = await tx
          .selectFrom('users')
          .select('id')
          .where('email', '=', user.email)
          .executeTakeFirst()
        if (existing !== undefined) {
          throw new SpnetError('conflict', `An account for ${user.email} already exists.`, {
            issues: [{ path: 'email', message: 'This email already has an account.' }],
          })
        }
        const row = {
          id: randomUUID(),
          email: user.email,
          name: user.name,
          role: user.role,
          password_hash: user.passwordHash,
          created_at: new Date(),
          disabled_at: null,
        }
        await tx.insertInto('users').values(row).execute()
        const created = toUser(row)
        await appendAudit(tx, actor, {
          action: 'create',
          entity: 'user',
          entityId: row.id,
          after: created,
        })
        return created
      })
    },

    async withHashByEmail(email: string): Promise<UserWithHash | null> {
      const r = await db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', email.toLowerCase())
        .executeTakeFirst()
      return r === undefined ? null : { ...toUser(r), passwordHash: r.password_hash }
    },

    async get(id: string): Promise<User | null> {
      const r = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
      return r === undefined ? null : toUser(r)
    },

    async list(): Promise<User[]> {
      const rows = await db.selectFrom('users').selectAll().orderBy('created_at').execute()
      return rows.map(toUser)
    },

    async update(
      actor: Actor,
      id: string,
      change: {
        name?: string | undefined
        role?: Role | undefined
        disabled?: boolean | undefined
        passwordHash?: string | undefined
      },
    ): Promise<User> {
      return db.transaction().execute(async (tx) => {
        const before = await tx
          .selectFrom('users')
          .selectAll()
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirst()
        if (before === undefined) throw new SpnetError('not_found', 'No such account.')
        const values: Updateable<UsersTable> = {}
        if (change.name !== undefined) values.name = change.name
        if (change.role !== undefined) values.role = change.role
        if (change.disabled !== undefined) values.disabled_at = change.disabled ? new Date() : null
        if (change.passwordHash !== undefined) values.password_hash = change.passwordHash
        if (Object.keys(values).length > 0)
          await tx.updateTable('users').set(values).where('id', '=', id).execute()
        const after = await tx
          .selectFrom('users')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
        await appendAudit(tx, actor, {
          action: change.passwordHash !== undefined ? 'update (password reset)' : 'update',
          entity: 'user',
          entityId: id,
          before: toUser(before),
          after: toUser(after),
        })
        if (change.disabled === true || change.passwordHash !== undefined) {
          await tx.deleteFrom('sessions').where('user_id', '=', id).execute()
        }
        return toUser(after)
      })
    },
  }
}
export type UsersRepository = ReturnType<typeof usersRepository>
