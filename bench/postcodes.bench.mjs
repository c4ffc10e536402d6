// `npm run bench:postcodes`: times `spnet area import` of a synthetic postcode
// lookup laid out like ONS's PCD to OA21 to LSOA21 best-fit lookup (2.7
// million rows, every field quoted, about 390 MB, in no particular order),
// streamed with bounded memory. Issue 3 asks for under a minute.
import { spawnSync } from 'node:child_process'
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const out = join(root, 'bench', 'out')
const file = join(out, 'pcd_oa21_lsoa21_synthetic.csv')
const rows = Number(process.env['BENCH_POSTCODES'] ?? 2_700_000)
mkdirSync(out, { recursive: true })

if (!existsSync(file)) {
  const letters = 'ABCDEFGHJKLMNOPRSTUWYZ'
  const stream = createWriteStream(file)
  stream.write(
    'pcd7,pcd8,pcds,dointr,doterm,usertype,oa21cd,lsoa21cd,msoa21cd,ladcd,lsoa21nm,msoa21nm,ladnm,ladnmw\n',
  )
  let buffer = ''
  for (let i = 0; i < rows; i++) {
    // A unique postcode per row: area, district, sector and unit from i.
    const area = letters[i % 22] + letters[Math.floor(i / 22) % 22]
    const district = Math.floor(i / 484) % 100
    const unit = Math.floor(i / 48_400)
    const inward = `${unit % 10}${letters[Math.floor(unit / 10) % 20]}${letters[Math.floor(unit / 200) % 20]}`
    const outward = `${area}${district}`
    const pcd7 = outward.padEnd(4, ' ') + inward
    const lsoa = `E01${String(i % 33_755).padStart(6, '0')}`
    const terminated = i % 20 === 0 ? '201906' : ''
    buffer += `"${pcd7}","${pcd7} ","${outward} ${inward}","199801","${terminated}","0","E00${String(i % 180_000).padStart(6, '0')}","${lsoa}","E02000001","E09000001","Somewhere 001A","Somewhere 001","Somewhere",""\n`
    if (buffer.length > 1 << 20) {
      stream.write(buffer)
      buffer = ''
    }
  }
  stream.write(buffer)
  await new Promise((resolve) => stream.end(resolve))
}

const data = mkdtempSync(join(tmpdir(), 'spnet-bench-postcodes-'))
try {
  const started = process.hrtime.bigint()
  const result = spawnSync(
    process.execPath,
    [join(root, 'bench', 'run-cli.mjs'), join(root, 'dist', 'spnet.js'), 'area', 'import', file],
    {
      encoding: 'utf8',
      env: { ...process.env, SPNET_DATA_DIR: data },
    },
  )
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  if (result.status !== 0) throw new Error(result.stderr)
  const stats = JSON.parse(
    result.stderr
      .trim()
      .split('\n')
      .at(-1)
      .replace(/^BENCH /, ''),
  )
  const mb = statSync(file).size / 1e6
  console.log(
    `spnet area import, synthetic PCD→LSOA21 lookup: ${rows.toLocaleString('en-GB')} rows, ${mb.toFixed(0)} MB`,
  )
  console.log(
    `  wall ${seconds.toFixed(1)} s (${Math.round(rows / seconds).toLocaleString('en-GB')} rows/s), peak memory ${(stats.maxRssKb / 1024).toFixed(0)} MB`,
  )
  console.log(`  target: under 60 s — ${seconds < 60 ? 'MEETS' : 'MISSES'} it`)
} finally {
  rmSync(data, { recursive: true, force: true })
}
