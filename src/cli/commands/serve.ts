import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { createApp } from '../../server/app.js'
import { areaCache } from '../../server/area-cache.js'
import { ensureBuiltInProtocol, ensureDemoStudy, ensureFirstAdmin } from '../../server/bootstrap.js'
import { parseFlags, usage } from '../args.js'
import type { Io } from '../io.js'
import { openCliStore } from '../server/open-cli-store.js'
import { areaSourceFor } from './area.js'

export const serveHelp = `spnet serve [--port N] [--host ADDRESS] [--demo]

Runs spnet's server: the web interview link workers complete, and the
researchers' pages (studies, participants and their links, progress,
networks, measures, comparisons, exports, accounts, the audit log).

  --port N          port to listen on (default 8080, or PORT)
  --host ADDRESS    address to listen on (default 127.0.0.1, this computer only;
                    0.0.0.0 listens on every network interface)
  --demo            load a demo study of synthetic link workers if there is no study yet

Data: the embedded database in spnet's data directory, or the PostgreSQL
server in DATABASE_URL (several spnet servers can share one).
The first start makes an admin account: SPNET_ADMIN_EMAIL (default
admin@spnet.local) with SPNET_ADMIN_PASSWORD, or a random password that is
printed once. Behind HTTPS, set SPNET_PUBLIC_URL (e.g. https://spnet.example.nhs.uk)
so invitation links use it and cookies are Secure; set SPNET_TRUST_PROXY=1
when a proxy adds X-Forwarded-For.
`

export async function serveCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('serve', argv, {
    help: { type: 'boolean', short: 'h' },
    port: { type: 'string' },
    host: { type: 'string' },
    demo: { type: 'boolean' },
  })
  if (values.help === true) {
    io.stdout.write(serveHelp)
    return 0
  }
  if (positionals.length > 0)
    throw usage(
      `spnet serve takes no folder or file ("${positionals[0]!}").`,
      'See spnet serve --help.',
    )
  const portText = values.port ?? io.env['PORT'] ?? '8080'
  const port = Number(portText)
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
    throw usage(`--port must be a whole number from 1 to 65535, not "${portText}".`)
  }
  const host = values.host ?? '127.0.0.1'
  const publicUrl = io.env['SPNET_PUBLIC_URL'] === '' ? undefined : io.env['SPNET_PUBLIC_URL']
  if (publicUrl !== undefined && !/^https?:\/\/[^/]+/.test(publicUrl)) {
    throw usage(
      `SPNET_PUBLIC_URL must be an address such as https://spnet.example.nhs.uk, not "${publicUrl}".`,
    )
  }
  const webDir = findWebApp()

  const { store, where } = await openCliStore(io)
  await ensureBuiltInProtocol(store)
  const admin = await ensureFirstAdmin(store, {
    email: io.env['SPNET_ADMIN_EMAIL'] ?? 'admin@spnet.local',
    password: io.env['SPNET_ADMIN_PASSWORD'] === '' ? undefined : io.env['SPNET_ADMIN_PASSWORD'],
  })
  const demo = values.demo === true ? await ensureDemoStudy(store) : null

  const app = createApp({
    store,
    log: (line) => {
      io.stderr.write(`${new Date().toISOString()} ${line}\n`)
    },
    secureCookies:
      publicUrl?.startsWith('https://') === true || io.env['SPNET_SECURE_COOKIES'] === '1',
    publicUrl,
    webDir,
    trustProxy: io.env['SPNET_TRUST_PROXY'] === '1',
    areas: areaCache(areaSourceFor(io, store)),
  })
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port, hostname: host }, () => {
      resolve(s)
    })
    s.once('error', reject)
  }).catch(async (cause: unknown) => {
    await store.close()
    if ((cause as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw usage(
        `Port ${port} is in use.`,
        'Stop what is using it, or choose another with --port.',
      )
    throw cause
  })
  const shown =
    publicUrl ?? `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}`
  io.stdout.write(
    `spnet is running at ${shown}\n` +
      `Data: ${where}\n` +
      (webDir === null
        ? 'The web app is not built (npm run build); only the API is served.\n'
        : '') +
      (demo === null ? '' : 'A demo study of 20 synthetic link workers is loaded.\n') +
      (admin === null
        ? ''
        : `\nFirst sign-in (an admin account was made):\n  email:    ${admin.email}\n  password: ${admin.password}\n` +
          (io.env['SPNET_ADMIN_PASSWORD'] === undefined
            ? 'The password is shown only now: sign in and keep it safe.\n'
            : '')) +
      '\nPress Ctrl+C to stop.\n',
  )

  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      server.close(() => {
        resolve()
      })
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
  await store.close()
  io.stdout.write('spnet stopped.\n')
  return 0
}

/** The built web app (dist/web), next to the CLI bundle or its chunks. */
function findWebApp(): string | null {
  const here = dirname(fileURLToPath(import.meta.url))
  for (const dir of [join(here, 'web'), join(here, '..', 'web')]) {
    if (existsSync(join(dir, 'index.html'))) return dir
  }
  return null
}
