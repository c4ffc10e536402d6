import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import type { AddressInfo } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'
import { DbAreaStore } from '../../src/cli/area/db-area-store.js'
import { createApp } from '../../src/server/app.js'
import { areaCache } from '../../src/server/area-cache.js'
import { ensureBuiltInProtocol } from '../../src/server/bootstrap.js'
import { hashPassword } from '../../src/server/passwords.js'
import { randomToken, tokenHash } from '../../src/server/tokens.js'
import { openStore, type Store } from '../../src/store/store.js'
import type { Role } from '../../src/core/api/api.js'

/**
 * What the browser tests share: spnet's real server on a random port (an
 * in-memory PGlite store, the built-in protocol, a few accounts, the built
 * web app from dist/web), Debian's chromium driven by playwright-core, axe,
 * and screenshots in test-results/e2e/. Nothing is mocked.
 */

export const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const webDir = join(repo, 'dist', 'web')
export const shots = join(repo, 'test-results', 'e2e')
const chromiumPath = '/usr/bin/chromium'
const axePath = join(repo, 'node_modules', 'axe-core', 'axe.min.js')

export const password = 'correct horse battery staple'
export const accounts = {
  admin: { email: 'admin@example.nhs.uk', name: 'Ada Admin' },
  researcher: { email: 'researcher@example.nhs.uk', name: 'Rea Searcher' },
  viewer: { email: 'viewer@example.nhs.uk', name: 'Vi Ewer' },
} as const satisfies Record<Role, { email: string; name: string }>

export type E2eServer = {
  readonly store: Store
  readonly url: string
  readonly log: string[]
  readonly close: () => Promise<void>
}

/**
 * spnet's server on 127.0.0.1 and a random port, as `spnet serve` runs it:
 * on an in-memory PGlite store, or on the PostgreSQL database given (which
 * the CLI can then read as well).
 */
export async function startServer(
  options: { readonly databaseUrl?: string } = {},
): Promise<E2eServer> {
  const web = await snapshotWebApp()
  const store =
    options.databaseUrl === undefined
      ? await openStore({ dataDir: null })
      : await openStore({ databaseUrl: options.databaseUrl, dataDir: null })
  await ensureBuiltInProtocol(store)
  const hash = await hashPassword(password)
  for (const role of ['admin', 'researcher', 'viewer'] as const) {
    await store.users.create({ kind: 'system' }, { ...accounts[role], role, passwordHash: hash })
  }
  const log: string[] = []
  // Area reference data from the database's area_datasets, as with DATABASE_URL (none until a test imports some).
  const areas = new DbAreaStore(store, 'the test database')
  const app = createApp({
    store,
    log: (line) => log.push(line),
    secureCookies: false,
    webDir: web,
    areas: areaCache({
      where: 'the test database',
      manifest: () => areas.manifest(),
      load: () => areas.load(),
    }),
  })
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => {
      resolve(s)
    })
    s.once('error', reject)
  })
  const { port } = server.address() as AddressInfo
  return {
    store,
    url: `http://127.0.0.1:${port}`,
    log,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve()
        })
        // Keep-alive connections from the browser would hold close() open.
        ;(server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.()
      })
      await store.close()
      rmSync(web, { recursive: true, force: true })
    },
  }
}

/**
 * A private copy of the built web app. Other work in the same checkout may
 * run `npm run build`, which empties dist/web for a few seconds; served from
 * a copy, a test never sees a half-built app. A copy taken mid-build (assets
 * the page names are missing) is taken again.
 */
async function snapshotWebApp(): Promise<string> {
  for (let attempt = 0; attempt < 30; attempt++) {
    if (existsSync(join(webDir, 'index.html'))) {
      const copy = mkdtempSync(join(tmpdir(), 'spnet-e2e-web-'))
      try {
        cpSync(webDir, copy, { recursive: true })
        const index = readFileSync(join(copy, 'index.html'), 'utf8')
        const assets = [...index.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]!)
        if (assets.length > 0 && assets.every((a) => existsSync(join(copy, a)))) return copy
      } catch {
        // Copied while a build was writing: try again.
      }
      rmSync(copy, { recursive: true, force: true })
    } else if (attempt === 0 && !existsSync(join(repo, 'dist'))) break
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  throw new Error(
    `The web app is not built (${webDir}/index.html is missing or incomplete). Run \`npm run build\` first (\`npm test\` does).`,
  )
}

const system = { kind: 'system' } as const

/** A study on the built-in protocol, made through the store (for tests about something else). */
export async function makeStudy(server: E2eServer, name: string): Promise<string> {
  const study = await server.store.studies.create(system, {
    name,
    protocolId: 'link_worker_networks',
    protocolVersion: 1,
  })
  return study.id
}

/** A participant with an interview link, as the researcher's "Make a new link" makes it. */
export async function invite(
  server: E2eServer,
  studyId: string,
  label: string,
  attributes: Record<string, string | number | boolean | null> = {},
): Promise<{ participantId: string; token: string; link: string }> {
  const p = await server.store.studies.addParticipant(system, studyId, { label, attributes })
  const token = randomToken()
  await server.store.studies.createInvitation(system, p.id, {
    tokenHash: tokenHash(token),
    mode: 'self',
    expiresAt: new Date(Date.now() + 7 * 24 * 60 * 60 * 1000),
  })
  return { participantId: p.id, token, link: `${server.url}/i/${token}` }
}

export type E2eFile = { readonly server: E2eServer; readonly browser: Browser }

/**
 * One server and one browser for a test file: started before its tests,
 * closed after them (one chromium per file keeps the run short).
 */
export function e2eFile(): E2eFile {
  // Checked when the file loads, so a machine without chromium fails the file outright.
  requireChromium()
  let server: E2eServer | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })
  return {
    get server() {
      if (server === undefined) throw new Error('e2e: the server did not start')
      return server
    },
    get browser() {
      if (browser === undefined) throw new Error('e2e: the browser did not start')
      return browser
    },
  }
}

/** Debian's chromium, headless; never a downloaded browser. */
function requireChromium(): void {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `${chromiumPath} is missing: the browser tests drive Debian's chromium. Run scripts/setup-test-machine.sh to install it.`,
    )
  }
}

export async function launchBrowser(): Promise<Browser> {
  requireChromium()
  mkdirSync(shots, { recursive: true })
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

export const desktop = { viewport: { width: 1280, height: 800 } } as const
/** A small phone. Drawn at one device pixel per CSS pixel: the layout is the same, and a
 * full-page screenshot costs a quarter of what it would at 2. */
export const phone = {
  viewport: { width: 360, height: 740 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 1,
} as const

/**
 * A new browser profile (cookies, storage) that fails the test on any
 * script error or console error, so a broken page cannot pass quietly.
 */
export async function newContext(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = desktop,
): Promise<{ context: BrowserContext; problems: string[] }> {
  const context = await browser.newContext({ locale: 'en-GB', ...options })
  const problems: string[] = []
  context.on('page', (page) => {
    watch(page, problems)
  })
  return { context, problems }
}

function watch(page: Page, problems: string[]): void {
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  page.on('console', (m) => {
    // Refused input (4xx) and a dropped connection are what the tests cause on purpose; the
    // page must say so itself, which the tests check.
    const expected = /status of 4\d\d|ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(m.text())
    if (m.type() === 'error' && !expected) problems.push(`console error: ${m.text()}`)
  })
}

/**
 * Saves a full-page screenshot as a test artefact, and on a phone-sized
 * screen checks that nothing makes the page scroll sideways (a table may
 * scroll inside its own box; the page must not).
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  // A very long page (every answer of a big interview) is kept to its first screens.
  const height = await page.evaluate<number>('document.documentElement.scrollHeight')
  await page.screenshot({
    path: join(shots, `${name}.png`),
    ...(height > 6000
      ? { clip: { x: 0, y: 0, width: page.viewportSize()?.width ?? 1280, height: 6000 } }
      : {}),
    fullPage: true,
  })
  const width = page.viewportSize()?.width ?? 0
  if (width < 500) expect(await wider(page, width), `${name}: wider than the screen`).toEqual([])
}

/** Runs a test's body; if it fails, every open page is saved as `FAILED-<name>-<n>.png` first. */
export async function withFailureShots(
  browser: Browser,
  name: string,
  body: () => Promise<void>,
): Promise<void> {
  mkdirSync(shots, { recursive: true })
  for (const old of readdirSync(shots))
    if (old.startsWith(`FAILED-${name}-`)) rmSync(join(shots, old), { force: true })
  try {
    await body()
  } catch (e) {
    let n = 0
    for (const context of browser.contexts())
      for (const page of context.pages())
        await page
          .screenshot({ path: join(shots, `FAILED-${name}-${String(n++)}.png`), fullPage: true })
          .catch(() => undefined)
    throw e
  }
}

/** Why the page is wider than the screen (its width, and the first elements that stick out), or []. */
export async function wider(page: Page, width: number): Promise<string[]> {
  // The screen's width, not the page's: a phone browser widens its layout to fit what sticks out.
  return page.evaluate<string[]>(`(() => {
    const width = ${String(width)}
    const scroll = document.documentElement.scrollWidth
    if (scroll <= width) return []
    const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (typeof el.className === 'string' && el.className ? '.' + el.className.split(' ').join('.') : '') +
      ' right=' + Math.round(el.getBoundingClientRect().right)
    const out = []
    for (const el of document.querySelectorAll('body *')) {
      if (el.getBoundingClientRect().right > width + 1) out.push(describe(el))
      if (out.length === 6) break
    }
    return ['the page is ' + scroll + ' px wide', ...out]
  })()`)
}

export type AxeViolation = {
  readonly id: string
  readonly impact: string | null
  readonly help: string
  readonly nodes: readonly { readonly target: readonly string[]; readonly html: string }[]
}

let axeSource: string | null = null

/**
 * Runs axe-core on the page; returns the serious and critical violations,
 * described. spnet's Content-Security-Policy (script-src 'self') refuses an
 * injected <script> (page.addScriptTag), and the tests keep that policy on,
 * so axe is evaluated through the DevTools protocol instead, which CSP does
 * not govern.
 */
export async function axe(page: Page, where: string): Promise<string[]> {
  const has = await page.evaluate('typeof window.axe !== "undefined"')
  if (has !== true) await page.evaluate((axeSource ??= readFileSync(axePath, 'utf8')))
  const violations = await page.evaluate<AxeViolation[]>(
    'axe.run(document, { resultTypes: ["violations"] }).then(r => r.violations)',
  )
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${where}: ${v.id} (${v.impact ?? ''}) ${v.help}: ` +
        v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)}`)
          .join(' | '),
    )
}

/** Signs in on the sign-in page as a person would. */
export async function signIn(page: Page, url: string, role: Role = 'researcher'): Promise<void> {
  await page.goto(url)
  await page.getByLabel('Email address').fill(accounts[role].email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('heading', { level: 1, name: 'Studies' }).waitFor()
}

/** Waits until the interview says every answer reached the server. */
export async function allSaved(page: Page): Promise<void> {
  await page.locator('.save-status.save-saved').waitFor({ timeout: 10_000 })
}
