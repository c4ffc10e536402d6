import { join } from 'node:path'
import * as z from 'zod/mini'
import { editions, type Edition } from '../../core/deprivation/area-tables.js'
import {
  placeArea,
  placementMethods,
  type PlacementMethod,
} from '../../core/deprivation/place-area.js'
import { markdownTable } from '../../core/export/markdown-table.js'
import { parse, parseFlags, usage } from '../args.js'
import { answerHelp, type CommandGroup } from '../command-group.js'
import { AreaStore } from '../area/area-store.js'
import { DbAreaStore } from '../area/db-area-store.js'
import { openCliStore } from '../server/open-cli-store.js'
import { downloadAreaFiles } from '../area/download-area-files.js'
import { importAreaFiles } from '../area/import-area-files.js'
import { dataDir } from '../data-dir.js'
import type { Io } from '../io.js'
import type { AreaSource } from '../../server/area-cache.js'
import type { Store } from '../../store/store.js'

export const areaGroup: CommandGroup = {
  name: 'area',
  about: `Area deprivation reference data: the English Indices of Deprivation (IoD)
2019 and 2025, ONS LSOA and postcode lookups, NHS ODS GP practices and PCNs,
and practice deprivation scores. spnet keeps them in its data directory.`,
  subcommands: [
    {
      name: 'import',
      args: 'FILE...',
      summary: 'official files (CSV, CSV.GZ, XLSX, ZIP), told by their content',
      about: `Imports official files (CSV, CSV.GZ, XLSX or ZIP); what each file is, is
told from its content. All files are checked first: an import succeeds whole
or changes nothing.

Files spnet imports: IoD File 1, 2, 6 or 7 (2019: LSOA 2011; 2025: LSOA
2021); the ONS LSOA (2011) to LSOA (2021) lookup; LSOA (2021) to
sub-ICB/ICB/LAD and to ward/LAD lookups; ODS epraccur and ePCN; OHID
Fingertips indicator 93553 (practice IMD 2019 score); NHS England "Patients
registered at a GP practice" by LSOA (for 2025 practice scores); ONS postcode
products (NSPL, ONSPD, PCD to OA21 to LSOA21 lookup).`,
    },
    {
      name: 'status',
      summary: 'list what is loaded: edition, rows, source file, checksum',
      about: `Lists the reference data loaded, and where it is kept: each dataset with
its edition, rows, source file, checksum (sha256) and when it was imported.`,
    },
    {
      name: 'download',
      summary: 'fetch the official files, check them and import them',
      about: `Fetches the official files from their published addresses, with a progress
bar, then checks and imports them as spnet area import does (so a bad
download changes nothing).`,
      options: [
        ['--edition 2019|2025|all', 'the IoD edition whose files to fetch (default all)'],
        ['--mirror URL', 'fetch each file by its name from the mirror at URL'],
      ],
    },
    {
      name: 'lookup',
      args: 'VALUE',
      summary: 'place one LSOA, postcode, practice or PCN',
      about: `Places one LSOA, postcode, GP practice or PCN on the Index of Multiple
Deprivation: its unit, score, national rank, decile, quintile and Core20.`,
      options: [
        [
          '--method M',
          `how to place VALUE: ${placementMethods.join(', ')} (default: guessed from VALUE)`,
        ],
        ['--edition 2019|2025', 'the IoD edition (default 2025)'],
      ],
    },
  ],
}

const editionSchema = z.union([z.literal('2019'), z.literal('2025')], {
  error: '--edition must be 2019 or 2025.',
})
const methodSchema = z.enum(placementMethods, {
  error: `--method must be one of ${placementMethods.join(', ')}.`,
})

export type AreaStoreLike = Pick<AreaStore, 'manifest' | 'save' | 'load'> & {
  readonly where: string
}

/**
 * Where the area reference data lives: files in spnet's data directory
 * (embedded use), or the database in DATABASE_URL (server mode, shared by
 * every instance). Close it when done.
 */
export async function openAreaStore(
  io: Io,
): Promise<{ readonly store: AreaStoreLike; readonly close: () => Promise<void> }> {
  const url = io.env['DATABASE_URL']
  if (url !== undefined && url !== '') {
    const { store, where } = await openCliStore(io)
    return { store: new DbAreaStore(store, where), close: () => store.close() }
  }
  return { store: new AreaStore(join(dataDir(io.env), 'area')), close: async () => {} }
}

/**
 * The area store a server (or a command reading through the server's code)
 * places participants with, over its already open `store`: the same place
 * `spnet area import` writes to with the same environment. `where` tells
 * people how to load data there.
 */
export function areaSourceFor(io: Io, store: Store): AreaSource {
  const url = io.env['DATABASE_URL']
  if (url !== undefined && url !== '') {
    const db = new DbAreaStore(store, 'the database')
    return {
      where: 'this server’s database (run spnet area import with the same DATABASE_URL)',
      manifest: () => db.manifest(),
      load: () => db.load(),
    }
  }
  const dir = join(dataDir(io.env), 'area')
  const files = new AreaStore(dir)
  return {
    where: `spnet’s data directory, ${dir} (run spnet area import on this computer with the same SPNET_DATA_DIR)`,
    manifest: () => files.manifest(),
    load: () => files.load(),
  }
}

/** Runs `fn` on the area store and closes it. */
export async function withAreaStore<T>(
  io: Io,
  fn: (store: AreaStoreLike) => Promise<T>,
): Promise<T> {
  const { store, close } = await openAreaStore(io)
  try {
    return await fn(store)
  } finally {
    await close()
  }
}

export async function areaCommand(argv: readonly string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv
  // A subcommand's own --help is answered once its flags are parsed.
  const asked = sub === '--help' || sub === '-h'
  const help = answerHelp(areaGroup, asked ? undefined : sub, asked, io)
  if (help !== null) return help
  switch (sub) {
    case 'import':
      return importCommand(rest, io)
    case 'status':
      return statusCommand(rest, io)
    case 'download':
      return downloadCommand(rest, io)
    default:
      return lookupCommand(rest, io)
  }
}

async function importCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('area import', argv, {
    help: { type: 'boolean', short: 'h' },
  })
  const help = answerHelp(areaGroup, 'import', values.help === true, io)
  if (help !== null) return help
  if (positionals.length === 0)
    throw usage(
      'spnet area import needs one or more files.',
      'Example: spnet area import File_7_IoD2025.csv',
    )
  const started = performance.now()
  const { files } = await withAreaStore(io, (store) =>
    importAreaFiles(
      positionals.map((path) => ({ path })),
      io,
      store,
    ),
  )
  for (const file of files) {
    for (const d of file.datasets) {
      io.stdout.write(
        `✔ ${file.path}: ${d.kind === 'iod' ? `IoD${d.edition} ${d.variant}` : d.kind}, ${d.rows.length.toLocaleString('en-GB')} rows\n`,
      )
    }
    if (file.postcodes !== null)
      io.stdout.write(`✔ ${file.path}: postcodes, ${file.postcodes.toLocaleString('en-GB')} rows\n`)
  }
  io.stderr.write(
    `Imported ${files.length} file${files.length === 1 ? '' : 's'} in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`,
  )
  return 0
}

async function statusCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parseFlags('area status', argv, { help: { type: 'boolean', short: 'h' } })
  const help = answerHelp(areaGroup, 'status', values.help === true, io)
  if (help !== null) return help
  const { manifest, where } = await withAreaStore(io, async (store) => ({
    manifest: await store.manifest(),
    where: store.where,
  }))
  if (manifest.datasets.length === 0) {
    io.stdout.write(
      `No area reference data is loaded (${where}).\nRun spnet area download, or spnet area import FILE...\n`,
    )
    return 0
  }
  io.stdout.write(`Area reference data in ${where}\n\n`)
  io.stdout.write(
    markdownTable(
      ['dataset', 'edition', 'rows', 'source file', 'sha256', 'imported'],
      manifest.datasets.map((e) => [
        e.title,
        e.edition === null ? '' : String(e.edition),
        e.rows.toLocaleString('en-GB'),
        e.source,
        e.sha256.slice(0, 16),
        e.importedAt.slice(0, 16).replace('T', ' '),
      ]),
      ['l', 'r', 'r', 'l', 'l', 'l'],
    ),
  )
  return 0
}

async function downloadCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parseFlags('area download', argv, {
    edition: { type: 'string' },
    mirror: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  })
  const help = answerHelp(areaGroup, 'download', values.help === true, io)
  if (help !== null) return help
  const chosen: readonly Edition[] =
    values.edition === undefined || values.edition === 'all'
      ? editions
      : [Number(parse(editionSchema, values.edition)) as Edition]
  await withAreaStore(io, (store) => downloadAreaFiles(chosen, values.mirror, io, store))
  return 0
}

async function lookupCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('area lookup', argv, {
    method: { type: 'string' },
    edition: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  })
  const help = answerHelp(areaGroup, 'lookup', values.help === true, io)
  if (help !== null) return help
  const value = positionals[0]
  if (value === undefined)
    throw usage('spnet area lookup needs a value: an LSOA, postcode, practice or PCN code.')
  const method: PlacementMethod = parse(methodSchema, values.method ?? guessMethod(value))
  const edition = Number(parse(editionSchema, values.edition ?? '2025')) as Edition
  const { data } = await withAreaStore(io, (store) => store.load())
  const placed = placeArea(data, method, value, edition)
  if (!placed.ok) throw placed.error
  const p = placed.value
  io.stdout.write(
    markdownTable(
      ['value', 'method', 'edition', 'unit', 'score', 'rank', 'decile', 'quintile', 'core20'],
      [
        [
          value,
          p.method,
          String(p.edition),
          p.unit,
          p.score === null ? 'NA' : String(p.score),
          p.rank === null ? 'NA' : String(p.rank),
          String(p.decile),
          String(p.quintile),
          p.core20 ? 'yes' : 'no',
        ],
      ],
    ),
  )
  for (const w of p.warnings) io.stderr.write(`note: ${w}\n`)
  return 0
}

/** The method a bare value most likely needs. */
function guessMethod(value: string): PlacementMethod {
  const v = value.trim().toUpperCase()
  if (/^[EWS]01\d{6}$/.test(v)) return 'lsoa'
  if (/^U\d{5}$/.test(v)) return 'pcn-mean'
  if (/^[A-Z][0-9A-Z]\d{4}$/.test(v)) return 'practice-weighted'
  return 'postcode'
}
