// `npm run bench`: times `spnet measures` end to end (process start, reading
// and checking the three CSV files, every measure, writing the CSV) on
// synthetic studies of 875 to 7,000 link workers, and reports wall time,
// egos per second and peak memory. The 3,500-ego study is national scale
// (about 27 alters and 56 alter–alter ties per ego), the job PERFORMANCE.md
// times for egor, igraph + sna and networkx on this kind of machine.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { availableParallelism } from 'node:os'

const root = new URL('..', import.meta.url).pathname
const out = join(root, 'bench', 'out')
const cli = join(root, 'dist', 'spnet.js')
const runner = join(root, 'bench', 'run-cli.mjs')
const sizes = [875, 1750, 3500, 7000]
const repeats = Number(process.env['BENCH_REPEATS'] ?? 5)
mkdirSync(out, { recursive: true })

// The aim is for one core: where `taskset` exists (Linux), the national
// study is also timed pinned to one CPU, so that V8's compiler and garbage
// collector threads cannot borrow the other core.
const canPin = spawnSync('taskset', ['-c', '0', process.execPath, '-e', '0']).status === 0

function run(args, { pin = false } = {}) {
  const started = process.hrtime.bigint()
  const command = [process.execPath, runner, cli, ...args]
  const result = pin
    ? spawnSync('taskset', ['-c', '0', ...command], { encoding: 'utf8' })
    : spawnSync(command[0], command.slice(1), { encoding: 'utf8' })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  if (result.status !== 0) throw new Error(`spnet ${args.join(' ')} failed:\n${result.stderr}`)
  const stats = JSON.parse(
    result.stderr
      .trim()
      .split('\n')
      .at(-1)
      .replace(/^BENCH /, ''),
  )
  return { ms, ...stats }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const rows = []
for (const egos of sizes) {
  const dir = join(out, `demo-${egos}`)
  if (!existsSync(join(dir, 'ties.csv'))) {
    rmSync(dir, { recursive: true, force: true })
    run(['demo', '--egos', String(egos), '--seed', '1', '--out', dir])
  }
  const mb =
    ['egos.csv', 'alters.csv', 'ties.csv'].reduce((s, f) => s + statSync(join(dir, f)).size, 0) /
    1e6
  run(['measures', dir, '--out', join(out, 'measures.csv')]) // warm the file cache
  const runs = Array.from({ length: repeats }, () =>
    run(['measures', dir, '--out', join(out, 'measures.csv')]),
  )
  const wall = median(runs.map((r) => r.ms))
  rows.push({
    egos,
    mb,
    wallMs: wall,
    minMs: Math.min(...runs.map((r) => r.ms)),
    cpuMs: median(runs.map((r) => r.userMs + r.systemMs)),
    egosPerSecond: egos / (wall / 1000),
    peakMb: Math.max(...runs.map((r) => r.maxRssKb)) / 1024,
  })
}

const fmt = (x, d = 0) => x.toFixed(d).padStart(8)
console.log(`spnet measures, end to end (node ${process.version}, median of ${repeats} runs)\n`)
console.log('    egos   CSV MB  wall ms   min ms   CPU ms   egos/s  peak MB')
for (const r of rows) {
  console.log(
    `${fmt(r.egos)} ${fmt(r.mb, 1)} ${fmt(r.wallMs)} ${fmt(r.minMs)} ${fmt(r.cpuMs)} ${fmt(r.egosPerSecond)} ${fmt(r.peakMb)}`,
  )
}

// Memory should grow linearly with the input: compare the growth of peak
// memory above a baseline process with the growth of the input.
const base = run(['--version']).maxRssKb / 1024
console.log(`\nbaseline process (spnet --version): ${base.toFixed(0)} MB`)
for (let i = 1; i < rows.length; i++) {
  const a = rows[i - 1]
  const b = rows[i]
  console.log(
    `${a.egos} → ${b.egos} egos: input ×${(b.mb / a.mb).toFixed(2)}, memory above baseline ×${((b.peakMb - base) / (a.peakMb - base)).toFixed(2)}, time ×${(b.wallMs / a.wallMs).toFixed(2)}`,
  )
}

const national = rows.find((r) => r.egos === 3500)
let oneCore = null
if (canPin) {
  const dir = join(out, 'demo-3500')
  const runs = Array.from({ length: repeats }, () =>
    run(['measures', dir, '--out', join(out, 'measures.csv')], { pin: true }),
  )
  oneCore = {
    wallMs: median(runs.map((r) => r.ms)),
    minMs: Math.min(...runs.map((r) => r.ms)),
    cpuMs: median(runs.map((r) => r.userMs + r.systemMs)),
  }
  console.log(
    `\n3,500 egos on one core (taskset -c 0): wall ${oneCore.wallMs.toFixed(0)} ms (min ${oneCore.minMs.toFixed(0)}), CPU ${oneCore.cpuMs.toFixed(0)} ms, ${(3500 / (oneCore.wallMs / 1000)).toFixed(0)} egos/s`,
  )
} else {
  console.log('\ntaskset is not available: the one-core figure below is the unpinned wall time.')
}
console.log('\nNational scale (3,500 link workers), wall seconds:')
const bars = [
  ['spnet', national.wallMs / 1000],
  ['igraph + sna (R)', 20.3],
  ['egor (R)', 52.7],
  ['networkx', 245.7],
]
for (const [name, s] of bars) {
  const width = Math.max(1, Math.round(Math.log10(s * 10 + 1) * 12))
  console.log(`  ${name.padEnd(17)} ${'█'.repeat(width)} ${s < 1 ? s.toFixed(2) : s.toFixed(1)} s`)
}
console.log('  (bar length is logarithmic; reference figures from ../shared/design/PERFORMANCE.md)')
const judged = oneCore?.wallMs ?? national.wallMs
console.log(
  `  target: under 0.5 s on one core; measured ${judged < 500 ? 'MEETS' : 'MISSES'} it (${judged.toFixed(0)} ms${oneCore === null ? ', not pinned' : ' on one core'}; ${national.wallMs.toFixed(0)} ms on ${availableParallelism()} cores)`,
)
