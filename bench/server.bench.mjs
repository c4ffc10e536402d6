// `npm run bench:server`: 200 simulated link workers complete their
// interviews at once against `spnet serve`, on the embedded PGlite database
// and on PostgreSQL, at two paces: a brisk person (an autosave of 1–3
// answers every 1–3 s, about 100 requests a second in all) and a stress
// pace (every 250–750 ms, about 400 a second, beyond what people do).
// Reports throughput and latency percentiles of the autosave requests, and
// any error. The answers are the demo study's, sent change by change as the
// web app sends them.
//
// Client and server share the machine's cores, so the participants are made
// light to run: node:http on keep-alive connections (at most one each, so no
// request waits in the client for a connection). With fetch the client used
// half as much CPU again, and its own share of a save's time at p99 was 21–95
// ms, against 6–15 ms now. Every request is timed and counted, slow or failed.
//
// BENCH_SERVER_TIMING=1 preloads bench/server-timing.mjs into the server: each
// response then says how long the server took to handle it (Server-Timing),
// and the report adds the server's own percentiles, to tell a slow server from
// a slow client. A request that waits for the server's one thread before it is
// read (with PGlite the database runs on that thread too) counts that wait
// only in the client's figures.
// The load averages at the start and end of each run say how busy the machine
// was (other work on a shared machine shows there), and on Linux the report
// counts the disk's stalls: 100 ms windows for over half of which some task
// was waiting on I/O (/proc/pressure/io; 0–10 ms of them is usual). Every
// commit waits for the disk (fsync), so a disk that stops for 100–400 ms, as a
// shared virtual disk sometimes does, holds every save made meanwhile: one
// such stall in a 30 s run makes some 10–40 slow saves of its 3,000, and p99
// is the 30th slowest.
//
// PostgreSQL: SPNET_BENCH_DATABASE_URL, else the test role of
// scripts/setup-test-machine.sh (a throwaway database is made and dropped).
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import http from 'node:http'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'

const root = new URL('..', import.meta.url).pathname
const participants = Number(process.env['BENCH_PARTICIPANTS'] ?? 200)
const seconds = Number(process.env['BENCH_SECONDS'] ?? 30)
const only = process.env['BENCH_DB'] // pglite | postgres
const serverTiming = process.env['BENCH_SERVER_TIMING'] === '1'
const { demoInterviews } = await import(join(root, 'dist/core/demo/demo-interviews.js'))
const { linkWorkerProtocol } = await import(
  join(root, 'dist/core/protocol/link-worker-protocol.js')
)

/** Each demo interview as the web app would send it: one change per answer. */
function changeStream(state) {
  const changes = []
  for (const [question, value] of Object.entries(state.ego))
    changes.push({ kind: 'ego_answer', question, value })
  for (const a of state.alters) {
    const [first, ...others] = a.generators
    changes.push({
      kind: 'add_alter',
      alter: a.id,
      generator: first,
      answers: { name: a.answers.name, sector: a.answers.sector },
    })
    for (const g of others)
      changes.push({ kind: 'name_alter', alter: a.id, generator: g, named: true })
    for (const [question, value] of Object.entries(a.answers)) {
      if (question !== 'name' && question !== 'sector')
        changes.push({ kind: 'alter_answer', alter: a.id, question, value })
    }
  }
  for (const [key, state_] of Object.entries(state.ties)) {
    const [a, b] = key.split('|')
    changes.push({ kind: 'tie', a, b, state: state_ })
  }
  return changes
}
const streams = demoInterviews(linkWorkerProtocol, { egos: 40, seed: 3 })
  .map((i) => changeStream(i.state))
  .filter((s) => s.length > 50)

async function startServer(env) {
  const port = 18000 + Math.floor(Math.random() * 1000)
  const child = spawn(
    process.execPath,
    [
      ...(process.env['BENCH_NODE_ARGS']?.split(' ') ?? []),
      ...(serverTiming ? ['--import', join(root, 'bench/server-timing.mjs')] : []),
      join(root, 'dist/spnet.js'),
      'serve',
      '--port',
      String(port),
    ],
    {
      env: {
        ...process.env,
        ...env,
        SPNET_ADMIN_EMAIL: 'bench@example.org',
        SPNET_ADMIN_PASSWORD: 'bench password 123',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let log = ''
  child.stdout.on('data', (d) => (log += d))
  child.stderr.on('data', (d) => (log += d))
  const base = `http://127.0.0.1:${port}`
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`spnet serve stopped:\n${log}`)
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { base, child, log: () => log }
    } catch {
      // not listening yet
    }
    await sleep(100)
  }
  throw new Error(`spnet serve did not start:\n${log}`)
}

async function prepare(base) {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'bench@example.org', password: 'bench password 123' }),
  })
  const cookie = login.headers.get('set-cookie').split(';')[0]
  const { csrfToken } = await login.json()
  const post = async (path, body) => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
    return res.json()
  }
  const study = await post('/api/studies', {
    name: 'Bench',
    protocolId: 'link_worker_networks',
    protocolVersion: 1,
  })
  const tokens = []
  for (let i = 0; i < participants; i++) {
    const p = await post(`/api/studies/${study.id}/participants`, {
      label: `LW${String(i + 1).padStart(4, '0')}`,
    })
    const inv = await post(`/api/participants/${p.id}/invitations`, {})
    tokens.push(inv.url.split('/i/')[1])
  }
  return tokens
}

/**
 * The participants' connections: kept alive as a browser keeps them, at most one
 * per participant. Idle ones are closed after 4 s, before the server's 5 s
 * keep-alive timeout can close one under a request being sent.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: participants, timeout: 4000 })

/** A request on the participants' connections: its status, Server-Timing and parsed JSON body. */
function request(url, method, body) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body))
    const headers =
      data === undefined
        ? {}
        : { 'Content-Type': 'application/json', 'Content-Length': data.length }
    const req = http.request(url, { method, agent, headers }, (res) => {
      const chunks = []
      res.on('data', (chunk) => chunks.push(chunk))
      res.on('error', reject)
      res.on('end', () => {
        try {
          resolve({
            status: res.statusCode,
            timing: res.headers['server-timing'],
            body: JSON.parse(Buffer.concat(chunks).toString()),
          })
        } catch (error) {
          reject(error)
        }
      })
    })
    req.on('error', reject)
    req.end(data)
  })
}

/** The server's own time from a Server-Timing header (bench/server-timing.mjs), if sent. */
const serverMs = (timing) => (timing === undefined ? undefined : Number(timing.split('dur=')[1]))

/** One participant: answers in batches of 1–3 changes at the given pace, until time is up. */
async function participant(base, token, stream, until, latencies, serverTimes, errors, pace) {
  let next = 0
  let id = 0
  const opened = await request(`${base}/api/interview/${token}`, 'GET')
  if (opened.status !== 200) errors.push(`open: ${opened.status} ${JSON.stringify(opened.body)}`)
  while (Date.now() < until && next < stream.length) {
    await sleep(pace.min + Math.random() * (pace.max - pace.min))
    const size = 1 + Math.floor(Math.random() * 3)
    const changes = stream
      .slice(next, next + size)
      .map((change) => ({ id: `bench-${token.slice(0, 8)}-${id++}`, change }))
    next += size
    const started = performance.now()
    try {
      const res = await request(`${base}/api/interview/${token}/changes`, 'POST', { changes })
      latencies.push(performance.now() - started)
      const inServer = serverMs(res.timing)
      if (inServer !== undefined) serverTimes.push(inServer)
      if (res.status !== 200 || res.body.rejected.length > 0)
        errors.push(`${res.status} ${JSON.stringify(res.body).slice(0, 200)}`)
    } catch (error) {
      errors.push(String(error))
    }
  }
}

/**
 * Counts the 100 ms windows for over 50 ms of which some task was waiting on
 * I/O (Linux's pressure stall information); the returned function stops and
 * answers, undefined where the kernel does not say.
 */
function watchDiskStalls() {
  const waited = () =>
    Number(/^some .*total=(\d+)/m.exec(readFileSync('/proc/pressure/io', 'utf8'))?.[1])
  let last
  try {
    last = waited()
  } catch {
    return () => undefined
  }
  if (Number.isNaN(last)) return () => undefined
  let stalls = 0
  const timer = setInterval(() => {
    const now = waited()
    if (now - last > 50_000) stalls++
    last = now
  }, 100)
  return () => {
    clearInterval(timer)
    return stalls
  }
}

const pct = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

async function run(kind, pace) {
  let env
  let cleanup
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'spnet-bench-'))
    env = { SPNET_DATA_DIR: dir, DATABASE_URL: '' }
    cleanup = async () => rmSync(dir, { recursive: true, force: true })
  } else {
    const admin =
      process.env['SPNET_BENCH_DATABASE_URL'] ??
      'postgres://spnet_test:spnet_test@127.0.0.1:5432/postgres'
    const name = `spnet_bench_${process.pid}`
    const client = new pg.Client({ connectionString: admin })
    await client.connect().catch((error) => {
      const where = new URL(admin).host
      console.error(
        `\nPostgreSQL cannot be reached at ${where} (${error.code ?? error.message}).\n` +
          'Start it with bash scripts/setup-test-machine.sh, give another server with\n' +
          'SPNET_BENCH_DATABASE_URL, or time PGlite alone with BENCH_DB=pglite.',
      )
      process.exit(1)
    })
    await client.query(`drop database if exists ${name}`)
    await client.query(`create database ${name}`)
    await client.end()
    const url = new URL(admin)
    url.pathname = `/${name}`
    env = {
      DATABASE_URL: url.toString(),
      SPNET_DATA_DIR: mkdtempSync(join(tmpdir(), 'spnet-bench-')),
    }
    cleanup = async () => {
      const c = new pg.Client({ connectionString: admin })
      await c.connect()
      await c.query(`drop database if exists ${name} with (force)`)
      await c.end()
    }
  }
  const server = await startServer(env)
  try {
    const tokens = await prepare(server.base)
    const latencies = []
    const serverTimes = []
    const errors = []
    const loadAtStart = loadavg()[0]
    const diskStalls = watchDiskStalls()
    const started = Date.now()
    const until = started + seconds * 1000
    await Promise.all(
      tokens.map((t, i) =>
        participant(
          server.base,
          t,
          streams[i % streams.length],
          until,
          latencies,
          serverTimes,
          errors,
          pace,
        ),
      ),
    )
    const elapsed = (Date.now() - started) / 1000
    const stalls = diskStalls()
    const sorted = latencies.sort((a, b) => a - b)
    const inServer = serverTimes.sort((a, b) => a - b)
    return {
      load: [loadAtStart, loadavg()[0]],
      stalls,
      server:
        inServer.length === 0
          ? undefined
          : {
              timed: inServer.length,
              p50: pct(inServer, 50),
              p95: pct(inServer, 95),
              p99: pct(inServer, 99),
              max: inServer.at(-1),
            },
      database: kind,
      pace: pace.name,
      participants,
      requests: sorted.length,
      perSecond: sorted.length / elapsed,
      p50: pct(sorted, 50),
      p95: pct(sorted, 95),
      p99: pct(sorted, 99),
      max: sorted.at(-1),
      errors: errors.length,
      firstError: errors[0],
    }
  } finally {
    server.child.kill('SIGTERM')
    await new Promise((r) => server.child.once('exit', r))
    await cleanup()
  }
}

const paces = [
  { name: 'brisk (1–3 s)', min: 1000, max: 3000 },
  { name: 'stress (0.25–0.75 s)', min: 250, max: 750 },
].filter(
  (p) => process.env['BENCH_PACE'] === undefined || p.name.startsWith(process.env['BENCH_PACE']),
)
const results = []
for (const kind of ['pglite', 'postgres']) {
  if (only !== undefined && only !== kind) continue
  for (const pace of paces) results.push(await run(kind, pace))
}
console.log(`\nspnet serve: ${participants} participants autosaving for ${seconds} s each run\n`)
console.log(
  'database  pace                   requests  per second   p50 ms   p95 ms   p99 ms   max ms  errors',
)
for (const r of results) {
  console.log(
    `${r.database.padEnd(9)} ${r.pace.padEnd(21)} ${String(r.requests).padStart(9)} ${r.perSecond.toFixed(0).padStart(11)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${r.max.toFixed(1).padStart(8)} ${String(r.errors).padStart(7)}`,
  )
  const s = r.server
  if (s !== undefined)
    console.log(
      `  in the server (${s.timed} timed): p50 ${s.p50.toFixed(1)}, p95 ${s.p95.toFixed(1)}, p99 ${s.p99.toFixed(1)}, max ${s.max.toFixed(1)} ms`,
    )
  console.log(
    `  load average: ${r.load[0].toFixed(2)} at the start, ${r.load[1].toFixed(2)} at the end` +
      (r.stalls === undefined ? '' : `; disk stalls: ${r.stalls}`),
  )
  if (r.firstError !== undefined) console.log(`  first error: ${r.firstError}`)
}
