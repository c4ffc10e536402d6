import { Hono } from 'hono'
import { createUserSchema, updateUserSchema } from '../../core/api/api.js'
import { SpnetError } from '../../core/errors.js'
import { requirePermission } from '../auth.js'
import type { AppEnv, AppOptions } from '../context.js'
import { hashPassword } from '../passwords.js'
import { readBody } from '../read-body.js'

/** Researcher accounts (admins only). Passwords are hashed here and never returned. */
export function userRoutes(options: AppOptions) {
  const { store } = options
  const app = new Hono<AppEnv>()
  app.use('*', requirePermission('users:manage'))

  app.get('/', async (c) => c.json(await store.users.list()))

  app.post('/', async (c) => {
    const body = await readBody(c, createUserSchema)
    const actor = { kind: 'user', id: c.get('user')!.id } as const
    const user = await store.users.create(actor, {
      email: body.email,
      name: body.name,
      role: body.role,
      passwordHash: await hashPassword(body.password),
    })
    return c.json(user, 201)
  })

  app.patch('/:id', async (c) => {
    const body = await readBody(c, updateUserSchema)
    const me = c.get('user')!
    const id = c.req.param('id')
    // An admin cannot lock themself out: someone must always be able to manage accounts.
    if (
      id === me.id &&
      (body.disabled === true || (body.role !== undefined && body.role !== 'admin'))
    ) {
      throw new SpnetError(
        'conflict',
        'You cannot disable your own account or remove your own admin role.',
        {
          issues: [
            {
              path: body.disabled === true ? 'disabled' : 'role',
              message: 'Ask another admin to do this.',
            },
          ],
        },
      )
    }
    const user = await store.users.update({ kind: 'user', id: me.id }, id, {
      name: body.name,
      role: body.role,
      disabled: body.disabled,
      passwordHash: body.password === undefined ? undefined : await hashPassword(body.password),
    })
    return c.json(user)
  })

  return app
}
