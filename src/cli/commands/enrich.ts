import { copyFile, mkdir, readFile, readdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { csvFormatRows, dsvFormat } from 'd3-dsv'
import * as z from 'zod/mini'
import { categoryOf } from '../../core/measures/alter-categories.js'
import { classifyEgos } from '../../core/deprivation/classify-egos.js'
import { nationalGroup3 } from '../../core/deprivation/imd-groups.js'
import { imdFieldNames, imdVariables } from '../../core/deprivation/imd-fields.js'
import type { Edition } from '../../core/deprivation/area-tables.js'
import { checkReferenceData, placementMethods } from '../../core/deprivation/place-area.js'
import { markdownTable } from '../../core/export/markdown-table.js'
import { detectDelimiter, stripBom } from '../../core/import/csv-table.js'
import type { Codebook } from '../../core/network/codebook.js'
import { parse, parseFlags, usage } from '../args.js'
import type { Io } from '../io.js'
import { writeAtomic } from '../output.js'
import { readStudy } from '../read-study.js'
import { studyFlags, studyFlagsHelp, studyInput } from '../study-flags.js'
import { withAreaStore } from './area.js'

export const enrichHelp = `spnet enrich DIR --by COLUMN --method METHOD --edition 2019|2025 --out DIR

Places every link worker (ego) on the English Index of Multiple Deprivation
and writes the study to a new folder (the input is never changed), with
these columns added to egos.csv:

  imd_score     the IMD score (NA when the loaded files have no scores)
  imd_rank      national rank, 1 = most deprived
  imd_decile    national decile, 1 = most deprived 10%
  imd_quintile  national quintile, 1 = most deprived 20%
  imd_tertile   tertile of this sample, 1 = most deprived third of the egos placed
  imd_group3    national thirds for small samples: 1 most deprived 20%, 2 middle 40%,
                3 least deprived 40%
  core20        TRUE for the most deprived 20% nationally (Core20)
  imd_edition   2019 or 2025
  imd_method    the method below

  --by COLUMN        ego column holding what to place (e.g. practice_code, lsoa, postcode)
  --method METHOD    practice-lsoa      LSOA of the practice's postcode
                     practice-weighted  the practice's population-weighted score, ranked
                                        nationally across practices (as OHID Fingertips)
                     pcn-mean           mean of the PCN's practices' weighted scores
                     lsoa               an LSOA code (2011 or 2021) given directly
                     postcode           a postcode given directly
  --edition YEAR     IoD edition: 2019 (LSOA 2011) or 2025 (LSOA 2021)
  --out DIR          folder to write (--force to replace a study there)

Egos that cannot be placed are listed with the reason, and left NA.
Load the reference data first: spnet area download, or spnet area import FILE...

${studyFlagsHelp}
`

const methodSchema = z.enum(placementMethods, {
  error: `--method must be one of ${placementMethods.join(', ')}.`,
})
const editionSchema = z.union([z.literal('2019'), z.literal('2025')], {
  error: '--edition must be 2019 or 2025.',
})
const added: readonly string[] = imdFieldNames

export async function enrichCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('enrich', argv, {
    ...studyFlags,
    by: { type: 'string' },
    method: { type: 'string' },
    edition: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  })
  if (values.help === true) {
    io.stdout.write(enrichHelp)
    return 0
  }
  const dir = positionals[0]
  if (dir === undefined || positionals.length > 1)
    throw usage(
      'spnet enrich needs one study folder.',
      'Example: spnet enrich my-study --by practice_code --method practice-weighted --edition 2019 --out my-study-imd',
    )
  if (values.by === undefined)
    throw usage('spnet enrich needs --by COLUMN, the ego column to place.')
  if (values.method === undefined)
    throw usage('spnet enrich needs --method.', `Methods: ${placementMethods.join(', ')}.`)
  if (values.edition === undefined) throw usage('spnet enrich needs --edition 2019 or 2025.')
  if (values.out === undefined)
    throw usage('spnet enrich needs --out DIR: the enriched study is written to a new folder.')
  const method = parse(methodSchema, values.method)
  const edition = Number(parse(editionSchema, values.edition)) as Edition
  const input = resolve(io.cwd, dir)
  const out = resolve(io.cwd, values.out)
  if (out === input)
    throw usage('--out must be a different folder: spnet never changes the input study.')

  const study = await readStudy(studyInput(dir, values), io)
  if (study.codebook.ego[values.by] === undefined) {
    throw usage(
      `Egos have no column "${values.by}".`,
      `Ego columns: ${Object.keys(study.codebook.ego).join(', ') || '(none)'}.`,
    )
  }
  const { data, manifest } = await withAreaStore(io, (store) => store.load())
  if (manifest.datasets.length === 0) {
    throw usage(
      'No area reference data is loaded.',
      'Run spnet area download, or spnet area import FILE...',
    )
  }
  // A file every ego needs is missing: say so once, and write nothing.
  const ready = checkReferenceData(data, method, edition)
  if (!ready.ok) throw ready.error
  const placed = classifyEgos(
    data,
    study.networks.map((n) => categoryOf(n.ego.attributes[values.by!])),
    method,
    edition,
  )

  // Rewrite egos.csv from its own text, so every original value stays as written.
  const egosName = values['egos-file'] ?? 'egos.csv'
  const text = stripBom(await readFile(join(input, egosName), 'utf8'))
  const rows = dsvFormat(values.delimiter ?? detectDelimiter(text))
    .parseRows(text)
    .filter((r) => !(r.length === 1 && r[0]!.trim() === ''))
  const header = rows[0] ?? []
  const replaced = added.filter((c) => header.includes(c))
  const keep = header.map((c, i) => (replaced.includes(c) ? -1 : i)).filter((i) => i >= 0)
  const outRows = [[...keep.map((i) => header[i]!), ...added]]
  rows.slice(1).forEach((row, e) => {
    const p = placed[e]
    const cells =
      p?.ok === true
        ? [
            p.placement.score === null ? 'NA' : String(p.placement.score),
            p.placement.rank === null ? 'NA' : String(p.placement.rank),
            String(p.placement.decile),
            String(p.placement.quintile),
            String(p.tertile),
            String(nationalGroup3(p.placement.decile)),
            p.placement.core20 ? 'TRUE' : 'FALSE',
            String(edition),
            method,
          ]
        : // As the help says (and spnet measures writes): NA, not an empty cell.
          ['NA', 'NA', 'NA', 'NA', 'NA', 'NA', 'NA', String(edition), method]
    outRows.push([...keep.map((i) => row[i] ?? ''), ...cells])
  })

  await mkdir(out, { recursive: true })
  const existing = await readdir(out)
  if (values.force !== true && existing.some((f) => f.endsWith('.csv'))) {
    throw usage(
      `${values.out} already holds files.`,
      'Choose an empty folder, or pass --force to replace them.',
    )
  }
  await writeAtomic(join(out, egosName), csvFormatRows(outRows) + '\n')
  for (const name of [values['alters-file'] ?? 'alters.csv', values['ties-file'] ?? 'ties.csv']) {
    await copyFile(join(input, name), join(out, name))
  }
  await writeAtomic(
    join(out, 'codebook.json'),
    JSON.stringify(await enrichedCodebook(input, values.codebook, io), null, 2) + '\n',
  )

  const done = placed.filter((p) => p.ok).length
  io.stdout.write(
    `Placed ${done} of ${placed.length} egos on IMD ${edition} by ${method}; wrote ${values.out}.\n`,
  )
  if (replaced.length > 0)
    io.stderr.write(`note: replaced the existing columns ${replaced.join(', ')}.\n`)
  // A note shared by several egos (e.g. no list sizes to weight PCN means) is written once.
  const notes = new Map<string, string[]>()
  placed.forEach((p, e) => {
    if (!p.ok) return
    for (const w of p.placement.warnings) {
      notes.set(w, [...(notes.get(w) ?? []), study.networks[e]!.ego.id])
    }
  })
  for (const [w, egos] of notes) {
    io.stderr.write(
      egos.length === 1
        ? `note: ${egos[0]!}: ${w}\n`
        : `note: ${w} (${egos.length} egos: ${egos.join(', ')})\n`,
    )
  }
  const failed = placed.flatMap((p, e) =>
    p.ok
      ? []
      : [[study.networks[e]!.ego.id, p.value, p.reason + (p.fix === null ? '' : ` ${p.fix}`)]],
  )
  if (failed.length > 0) {
    io.stdout.write(`\nNot placed (${failed.length}):\n\n`)
    io.stdout.write(markdownTable(['ego', values.by, 'why'], failed))
  }
  return done === 0 && placed.length > 0 ? 2 : 0
}

async function enrichedCodebook(
  input: string,
  codebookFlag: string | undefined,
  io: Io,
): Promise<Codebook> {
  const path =
    codebookFlag === undefined ? join(input, 'codebook.json') : resolve(io.cwd, codebookFlag)
  let base: Codebook = { ego: {}, alter: {} }
  try {
    base = JSON.parse(await readFile(path, 'utf8')) as Codebook
  } catch {
    // No codebook: the new columns are declared on their own.
  }
  return { ...base, ego: { ...base.ego, ...imdVariables } }
}
