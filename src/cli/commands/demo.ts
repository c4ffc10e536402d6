import { mkdir, readdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import * as z from 'zod/mini'
import { generateDemoStudy } from '../../core/demo/generate-demo.js'
import { formatThreeFiles } from '../../core/export/format-three-files.js'
import type { Study } from '../../core/network/ego-network.js'
import { parse, parseFlags, usage } from '../args.js'
import type { Io } from '../io.js'
import { writeAtomic } from '../output.js'

export const demoHelp = `spnet demo --out DIR [--egos N] [--seed S] [--force]

Writes a synthetic link-worker study in the three-file layout (egos.csv,
alters.csv, ties.csv and codebook.json). The data are made up: sectors,
contact frequencies, four name generators, alter–alter ties denser within
sectors, IMD deciles and quintiles, and implementation models, with fewer
VCSE contacts and sparser networks in more deprived areas. The same seed
always gives the same study.

  --out DIR     folder to write (created if needed)
  --egos N      number of link workers (default 20; 3500 is national scale)
  --seed S      random seed, a whole number (default 1)
  --force       overwrite the files if DIR already holds a study
`

const demoOptions = z.object({
  egos: z
    .int({ error: '--egos must be a whole number.' })
    .check(
      z.minimum(1, '--egos must be at least 1.'),
      z.maximum(1_000_000, '--egos must be at most 1,000,000.'),
    ),
  seed: z
    .int({ error: '--seed must be a whole number.' })
    .check(
      z.minimum(0, '--seed must be 0 or more.'),
      z.maximum(4294967295, '--seed must be below 2^32.'),
    ),
})

export async function demoCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('demo', argv, {
    out: { type: 'string' },
    egos: { type: 'string' },
    seed: { type: 'string' },
    force: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  })
  if (values.help === true) {
    io.stdout.write(demoHelp)
    return 0
  }
  if (positionals.length > 0)
    throw usage(`Unexpected argument "${positionals[0]}".`, 'Give the folder with --out DIR.')
  if (values.out === undefined) throw usage('spnet demo needs --out DIR, the folder to write.')
  const options = parse(demoOptions, {
    egos: toNumber(values.egos ?? '20'),
    seed: toNumber(values.seed ?? '1'),
  })
  const started = performance.now()
  const study = generateDemoStudy(options)
  const dir = resolve(io.cwd, values.out)
  await writeStudyFolder(study, dir, values.force === true)
  const alters = study.networks.reduce((sum, net) => sum + net.alters.length, 0)
  const ties = study.networks.reduce(
    (sum, net) => sum + net.ties.filter((t) => t.state === 'yes').length,
    0,
  )
  io.stderr.write(
    `Wrote a synthetic study of ${study.networks.length} link workers, ${alters} alters and ${ties} alter–alter ties to ${values.out} (${Math.round(performance.now() - started)} ms).\n`,
  )
  return 0
}

/** Writes egos.csv, alters.csv, ties.csv and codebook.json into `dir`. */
export async function writeStudyFolder(study: Study, dir: string, force: boolean): Promise<void> {
  await mkdir(dir, { recursive: true })
  const existing = await readdir(dir)
  if (!force && ['egos.csv', 'alters.csv', 'ties.csv'].some((f) => existing.includes(f))) {
    throw usage(
      `${dir} already holds a study.`,
      'Choose another folder, or pass --force to overwrite it.',
    )
  }
  const texts = formatThreeFiles(study)
  await Promise.all([
    writeAtomic(join(dir, 'egos.csv'), texts.egos),
    writeAtomic(join(dir, 'alters.csv'), texts.alters),
    writeAtomic(join(dir, 'ties.csv'), texts.ties),
    writeAtomic(join(dir, 'codebook.json'), JSON.stringify(study.codebook, null, 2) + '\n'),
  ])
}

/** Number() would accept '', '0x10' and ' 3 '; flags take plain decimals only. */
function toNumber(value: string): number {
  return /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : Number.NaN
}
