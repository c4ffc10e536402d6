import { createUserSchema, roles, type Role } from '../../core/api/api.js'
import { SpnetError } from '../../core/errors.js'
import { hashPassword } from '../../server/passwords.js'
import { randomToken } from '../../server/tokens.js'
import { parseFlags, usage } from '../args.js'
import type { Io } from '../io.js'
import { openCliStore } from '../server/open-cli-store.js'

export const usersHelp = `spnet users list
spnet users add EMAIL [--role admin|researcher|viewer] [--name NAME]
spnet users reset-password EMAIL
spnet users disable EMAIL | enable EMAIL

Researcher accounts, for whoever runs the server (admins can also manage
accounts in the web app). New and reset passwords are random and printed
once; resetting or disabling ends the account's sessions. Every change is
written to the audit log. Works on the same database as spnet serve (the
embedded one cannot be open in two processes: stop the server first, or use
DATABASE_URL).
`

export async function usersCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('users', argv, {
    help: { type: 'boolean', short: 'h' },
    role: { type: 'string' },
    name: { type: 'string' },
  })
  const [verb, email, ...rest] = positionals
  if (values.help === true || verb === undefined) {
    io.stdout.write(usersHelp)
    return values.help === true ? 0 : 2
  }
  if (rest.length > 0) throw usage(`Unexpected "${rest[0]!}".`, 'See spnet users --help.')
  if (verb !== 'list' && email === undefined)
    throw usage(`spnet users ${verb} needs an email address.`)
  const { store } = await openCliStore(io)
  const actor = { kind: 'system' } as const
  try {
    switch (verb) {
      case 'list': {
        const users = await store.users.list()
        if (users.length === 0)
          io.stdout.write('No accounts yet: spnet serve makes the first admin.\n')
        for (const u of users) {
          io.stdout.write(
            `${u.email.padEnd(36)} ${u.role.padEnd(10)} ${u.disabled ? 'disabled' : 'active'}  ${u.name}\n`,
          )
        }
        return 0
      }
      case 'add': {
        const role = (values.role ?? 'researcher') as Role
        if (!roles.includes(role))
          throw usage(`--role must be admin, researcher or viewer, not "${role}".`)
        const password = randomToken().slice(0, 20)
        const checked = createUserSchema.safeParse({
          email,
          name: values.name ?? email!.split('@')[0],
          role,
          password,
        })
        if (!checked.success) {
          throw new SpnetError('usage', 'The account cannot be made.', {
            issues: checked.error.issues.map((i) => ({
              message: `${i.path.join('.')}: ${i.message}`,
            })),
          })
        }
        const user = await store.users.create(actor, {
          ...checked.data,
          passwordHash: await hashPassword(password),
        })
        io.stdout.write(
          `Made ${user.role} account ${user.email}.\n  password: ${password}\nIt is shown only now.\n`,
        )
        return 0
      }
      case 'reset-password':
      case 'disable':
      case 'enable': {
        const user = await store.users.withHashByEmail(email!.trim())
        if (user === null)
          throw new SpnetError('not_found', `There is no account for ${email!}.`, {
            issues: [{ message: 'spnet users list shows the accounts.' }],
          })
        if (verb === 'reset-password') {
          const password = randomToken().slice(0, 20)
          await store.users.update(actor, user.id, { passwordHash: await hashPassword(password) })
          io.stdout.write(
            `New password for ${user.email}: ${password}\nIt is shown only now; the account's sessions have ended.\n`,
          )
        } else {
          await store.users.update(actor, user.id, { disabled: verb === 'disable' })
          io.stdout.write(`${user.email} is ${verb === 'disable' ? 'disabled' : 'enabled'}.\n`)
        }
        return 0
      }
      default:
        throw usage(
          `"${verb}" is not a users command.`,
          'Use list, add, reset-password, disable or enable.',
        )
    }
  } finally {
    await store.close()
  }
}
