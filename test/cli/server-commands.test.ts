import { spawn } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { linkWorkerProtocol } from '../../src/core/protocol/link-worker-protocol.js'
import { spnet, tempDir } from './run-cli.js'

const cli = new URL('../../dist/spnet.js', import.meta.url).pathname

describe('spnet serve', () => {
  it('starts on the embedded database with a first admin and the demo study, serves the app, and stops cleanly', async () => {
    const data = tempDir('serve')
    const port = 19000 + Math.floor(Math.random() * 900)
    const child = spawn(process.execPath, [cli, 'serve', '--demo', '--port', String(port)], {
      env: { ...process.env, SPNET_DATA_DIR: data, DATABASE_URL: '', SPNET_ADMIN_PASSWORD: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (out += d.toString()))
    for (let i = 0; i < 900 && !out.includes('Press Ctrl+C'); i++) {
      if (child.exitCode !== null) break
      await sleep(100)
    }
    expect(out).toContain(`spnet is running at http://127.0.0.1:${port}`)
    expect(out).toContain('A demo study of 20 synthetic link workers is loaded.')
    const password = /password: (\S+)/.exec(out)?.[1]
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/)
    expect(existsSync(join(data, 'db', 'spnet.lock'))).toBe(true)

    const base = `http://127.0.0.1:${port}`
    expect(await (await fetch(`${base}/api/health`)).json()).toEqual({
      ok: true,
      database: 'pglite',
    })
    const page = await fetch(`${base}/studies/anything`)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(await page.text()).toContain('<div id="root">')
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'admin@spnet.local', password }),
    })
    expect(login.status).toBe(200)
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!
    const studies = (await (
      await fetch(`${base}/api/studies`, { headers: { Cookie: cookie } })
    ).json()) as { participants: number; submitted: number }[]
    expect(studies).toHaveLength(1)
    expect(studies[0]!.participants).toBe(20)
    expect(studies[0]!.submitted).toBeGreaterThanOrEqual(12)

    // A second process on the same embedded database is refused, clearly.
    const second = await spnet(['users', 'list'], { env: { SPNET_DATA_DIR: data } })
    expect(second.status).toBe(1)
    expect(second.stderr).toMatch(
      /Another spnet process \(pid \d+\) is using the embedded database/,
    )

    child.kill('SIGTERM')
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    expect(code).toBe(0)
    expect(out).toContain('spnet stopped.')
    expect(existsSync(join(data, 'db', 'spnet.lock'))).toBe(false)

    // Restarted, it keeps the data and makes no second admin.
    const users = await spnet(['users', 'list'], { env: { SPNET_DATA_DIR: data } })
    expect(users.status).toBe(0)
    expect(users.stdout).toMatch(/^admin@spnet\.local\s+admin\s+active/m)
  }, 120_000)

  it('refuses a bad port or public address, with what to do', async () => {
    const bad = await spnet(['serve', '--port', 'eighty'])
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('--port must be a whole number')
    const url = await spnet(['serve'], { env: { SPNET_PUBLIC_URL: 'spnet.nhs.uk' } })
    expect(url.status).toBe(2)
    expect(url.stderr).toContain('SPNET_PUBLIC_URL must be an address')
  })

  it('says clearly when DATABASE_URL cannot be reached', async () => {
    const r = await spnet(['users', 'list'], {
      env: { DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/none' },
    })
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('could not open the database in DATABASE_URL')
    expect(r.stderr).not.toContain('secret')
  })
})

describe('spnet users', () => {
  it('adds an account with a printed password, resets it, and disables it', async () => {
    const env = { SPNET_DATA_DIR: tempDir('users') }
    const added = await spnet(
      ['users', 'add', 'Ruth@Example.org', '--role', 'viewer', '--name', 'Ruth'],
      { env },
    )
    expect(added.status).toBe(0)
    expect(added.stdout).toMatch(/Made viewer account ruth@example\.org\.\n {2}password: \S{20}/)
    const again = await spnet(['users', 'add', 'ruth@example.org'], { env })
    expect(again.status).toBe(1)
    expect(again.stderr).toContain('already exists')
    const reset = await spnet(['users', 'reset-password', 'ruth@example.org'], { env })
    expect(reset.stdout).toMatch(/New password for ruth@example\.org: \S{20}/)
    expect((await spnet(['users', 'disable', 'ruth@example.org'], { env })).status).toBe(0)
    expect((await spnet(['users', 'list'], { env })).stdout).toMatch(
      /ruth@example\.org\s+viewer\s+disabled/,
    )
    const missing = await spnet(['users', 'reset-password', 'nobody@example.org'], { env })
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('There is no account for nobody@example.org')
    expect((await spnet(['users', 'add', 'x@example.org', '--role', 'boss'], { env })).status).toBe(
      2,
    )
  }, 60_000)
})

describe('spnet protocol', () => {
  it('validates the built-in protocol it writes', async () => {
    const dir = tempDir('protocol')
    const written = await spnet(['protocol', 'show', '--out', 'p.json'], { cwd: dir })
    expect(written.status).toBe(0)
    const ok = await spnet(['protocol', 'validate', 'p.json'], { cwd: dir })
    expect(ok.status).toBe(0)
    expect(ok.stdout).toContain('is a valid protocol: link_worker_networks version 1')
  })

  it('reports each problem by path and line, and JSON syntax errors by line and character', async () => {
    const dir = tempDir('protocol-bad')
    const broken = structuredClone(linkWorkerProtocol) as unknown as {
      stages: { id: string; questions?: { id: string; showIf?: unknown }[] }[]
    }
    broken.stages[2]!.id = broken.stages[1]!.id // a repeated stage id
    broken.stages[1]!.questions![0]!.showIf = { variable: 'no_such_question', equals: 1 }
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(broken, null, 2))
    const r = await spnet(['protocol', 'validate', 'bad.json'], { cwd: dir })
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/bad\.json line \d+, at stages\[2\]\.id/)
    expect(r.stderr).toMatch(/at stages\[1\]\.questions\[0\]\.showIf\.variable/)
    writeFileSync(join(dir, 'syntax.json'), '{\n  "format": "spnet-protocol",\n  "id": oops\n}')
    const s = await spnet(['protocol', 'validate', 'syntax.json'], { cwd: dir })
    expect(s.status).toBe(2)
    expect(s.stderr).toMatch(/syntax\.json line 3, character \d+/)
    const none = await spnet(['protocol', 'validate', 'missing.json'], { cwd: dir })
    expect(none.status).toBe(2)
    expect(none.stderr).toContain('missing.json cannot be read')
  })
})
