import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import * as z from 'zod/mini'
import { formatStudyJson } from '../../core/import/study-json.js'
import { parse, parseFlags, usage } from '../args.js'
import type { Io } from '../io.js'
import { writeAtomic } from '../output.js'
import { readStudy } from '../read-study.js'
import { studyFlags, studyFlagsHelp, studyInput } from '../study-flags.js'
import { writeStudyFolder } from './demo.js'

export const convertHelp = `spnet convert INPUT --to json|csv --out PATH [--force]

Converts a study between the three-file layout (a folder) and spnet's JSON
form (one file). Every tie state, "no" and "don't know" included, is kept.

  --to json    write one spnet .json file to --out FILE
  --to csv     write egos.csv, alters.csv, ties.csv and codebook.json to --out DIR

${studyFlagsHelp}
`

const toSchema = z.enum(['json', 'csv'], { error: '--to must be json or csv.' })

export async function convertCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('convert', argv, {
    ...studyFlags,
    to: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  })
  if (values.help === true) {
    io.stdout.write(convertHelp)
    return 0
  }
  const input = positionals[0]
  if (input === undefined || positionals.length > 1)
    throw usage('spnet convert needs one study folder or .json file.')
  if (values.to === undefined) throw usage('spnet convert needs --to json or --to csv.')
  const to = parse(toSchema, values.to)
  if (values.out === undefined) throw usage('spnet convert needs --out, where to write.')
  const study = await readStudy(studyInput(input, values), io)
  if (to === 'json') {
    const target = resolve(io.cwd, values.out)
    if (values.force !== true && (await stat(target).catch(() => null)) !== null) {
      throw usage(
        `${values.out} already exists.`,
        'Choose another file, or pass --force to replace it.',
      )
    }
    await writeAtomic(target, formatStudyJson(study))
  } else await writeStudyFolder(study, resolve(io.cwd, values.out), values.force === true)
  io.stderr.write(`Wrote ${study.networks.length} egos to ${values.out}\n`)
  return 0
}
