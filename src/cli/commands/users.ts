import { createUserSchema, roles, type Role } from '../../core/api/api.js'
import { SpnetError } from '../../core/errors.js'
import { hashPassword } from '../../server/passwords.js'
import { randomToken } from '../../server/tokens.js'
import { parseFlags, usage } from '../args.js'
import { answerHelp, checkOptions, type CommandGroup } from '../command-group.js'
import type { Io } from '../io.js'
import { openCliStore } from '../server/open-cli-store.js'

export const usersGroup: CommandGroup = {
  name: 'users',
  about: `Researcher accounts, for whoever runs the server (admins can also manage
accounts in the web app). New and reset passwords are random and printed
once; resetting or disabling ends the account's sessions. Every change is
written to the audit log. Works on the same database as spnet serve (the
embedded one cannot be open in two processes: stop the server first, or use
DATABASE_URL).`,
  subcommands: [
    {
      name: 'list',
      summary: 'every account: email, role, active or disabled, name',
      about: 'Lists every account: its email, role, whether it is active, and name.',
    },
    {
      name: 'add',
      args: 'EMAIL',
      summary: 'make an account, with a random password printed once',
      about: `Makes an account for EMAIL, with a random password that is printed once:
give it to its owner.`,
      options: [
        ['--role ROLE', 'admin, researcher or viewer (default researcher)'],
        ['--name NAME', 'the name shown for it (default: EMAIL before the @)'],
      ],
    },
    {
      name: 'reset-password',
      args: 'EMAIL',
      summary: 'a new random password, printed once',
      about: `Gives the account a new random password, printed once, and ends its
sessions.`,
    },
    {
      name: 'disable',
      args: 'EMAIL',
      summary: 'stop the account signing in',
      about: 'Stops the account signing in, and ends its sessions.',
    },
    {
      name: 'enable',
      args: 'EMAIL',
      summary: 'let a disabled account sign in again',
      about: 'Lets a disabled account sign in again.',
    },
  ],
}

export async function usersCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('users', argv, {
    help: { type: 'boolean', short: 'h' },
    role: { type: 'string' },
    name: { type: 'string' },
  })
  const [verb, email, ...rest] = positionals
  const help = answerHelp(usersGroup, verb, values.help === true, io)
  if (help !== null) return help
  checkOptions(usersGroup, verb!, values)
  if (rest.length > 0) throw usage(`Unexpected "${rest[0]!}".`, `See spnet users ${verb!} --help.`)
  if (verb !== 'list' && email === undefined)
    throw usage(`spnet users ${verb!} needs an email address.`)
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
      // reset-password, disable or enable: answerHelp refused any other.
      default: {
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
    }
  } finally {
    await store.close()
  }
}
