import { isAscii, isUtf8 } from 'node:buffer'
import { readdir, readFile, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { SpnetError } from '../core/errors.js'
import { codebookSchema, type Codebook } from '../core/network/codebook.js'
import type { Study } from '../core/network/ego-network.js'
import { decodeUtf8, utf16Error } from './decode-text.js'
import { assembleStudy } from '../core/import/assemble-study.js'
import {
  readThreeFiles,
  type ColumnOverrides,
  type ThreeFileOptions,
  type ThreeFiles,
} from '../core/import/three-files.js'
import type { StudyColumns } from '../core/network/study-columns.js'
import type { Result } from '../core/result.js'
import type { Io } from './io.js'

/** How to find and read a study: a folder of three CSV files, or a .json file. */
export type StudyInput = {
  readonly path: string
  readonly egosFile?: string | undefined
  readonly altersFile?: string | undefined
  readonly tiesFile?: string | undefined
  readonly codebook?: string | undefined
  readonly delimiter?: string | undefined
  readonly columns?: ColumnOverrides | undefined
}

/** Reads a study; throws a SpnetError naming the file, line and column of any problem. */
export async function readStudy(input: StudyInput, io: Io): Promise<Study> {
  const study = await readStudyAs(input, io, readThreeFiles)
  return 'networks' in study ? study : assembleStudy(study)
}

/**
 * Reads a study for `computeMeasures`: a study folder as columns (faster:
 * no objects are built), a .json study as a Study.
 */
export function readStudyForMeasures(input: StudyInput, io: Io): Promise<Study | StudyColumns> {
  return readStudyAs(input, io, readThreeFiles)
}

async function readStudyAs(
  input: StudyInput,
  io: Io,
  importFolder: (files: ThreeFiles, options: ThreeFileOptions) => Result<Study | StudyColumns>,
): Promise<Study | StudyColumns> {
  const full = resolve(io.cwd, input.path)
  const info = await stat(full).catch(() => null)
  if (info === null) {
    throw new SpnetError('not_found', `${input.path} does not exist.`, {
      issues: [
        {
          message:
            'Give a folder holding egos.csv, alters.csv and ties.csv, or an spnet .json study file.',
        },
      ],
    })
  }
  if (info.isFile()) {
    if (/\.(csv|tsv|txt)$/i.test(input.path)) {
      throw new SpnetError(
        'usage',
        `${input.path} is one file of a study; spnet reads the whole folder.`,
        {
          issues: [
            {
              message:
                'Give the folder holding egos.csv, alters.csv and ties.csv (or an spnet .json file).',
            },
          ],
        },
      )
    }
    const file = await readText(full, input.path)
    // Loaded only here: the JSON importer's schemas cost start-up time a folder does not need.
    const { importStudyJson } = await import('../core/import/study-json.js')
    const result = importStudyJson({ name: input.path, text: file })
    if (!result.ok) throw result.error
    return result.value
  }
  const names = {
    egos: input.egosFile ?? 'egos.csv',
    alters: input.altersFile ?? 'alters.csv',
    ties: input.tiesFile ?? 'ties.csv',
  }
  const present = await readdir(full)
  const missing = [names.egos, names.alters, names.ties].filter((name) => !present.includes(name))
  if (missing.length > 0) {
    const csv = present.filter((f) => /\.(csv|tsv|txt)$/i.test(f)).sort()
    throw new SpnetError('not_found', `${input.path} has no ${missing.join(', ')}.`, {
      issues: [
        {
          message:
            'A study folder holds egos.csv, alters.csv and ties.csv (ties.csv may hold just its header, ego_id,from,to).' +
            (csv.length > 0 ? ` This folder has: ${csv.join(', ')}.` : ''),
          fix: 'Name other files with --egos-file, --alters-file and --ties-file.',
        },
      ],
    })
  }
  const [egos, alters, ties] = await Promise.all(
    [names.egos, names.alters, names.ties].map((name) =>
      readText(join(full, name), join(input.path, name)),
    ),
  )
  const codebook = await readCodebook(input, full, io)
  const result = importFolder(
    {
      egos: { name: join(input.path, names.egos), text: egos! },
      alters: { name: join(input.path, names.alters), text: alters! },
      ties: { name: join(input.path, names.ties), text: ties! },
    },
    { columns: input.columns, delimiter: input.delimiter, codebook },
  )
  if (!result.ok) throw result.error
  return result.value
}

async function readText(path: string, shown: string): Promise<string> {
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (cause) {
    throw new SpnetError('not_found', `${shown} cannot be read.`, {
      cause,
      issues: [{ message: (cause as Error).message }],
    })
  }
  // Native checks first: ASCII text decodes fastest as Latin-1 (the same
  // characters); the slow decoder only runs to explain a failure.
  const utf16 = utf16Error(bytes, shown)
  if (utf16 !== null) throw utf16
  if (isAscii(bytes)) return bytes.toString('latin1')
  if (isUtf8(bytes)) return bytes.toString('utf8')
  const text = decodeUtf8(bytes, shown)
  if (!text.ok) throw text.error
  return text.value
}

/** The --codebook file, else codebook.json in the study folder when there is one. */
async function readCodebook(
  input: StudyInput,
  folder: string,
  io: Io,
): Promise<Codebook | undefined> {
  const path =
    input.codebook === undefined ? join(folder, 'codebook.json') : resolve(io.cwd, input.codebook)
  const shown = input.codebook ?? join(input.path, 'codebook.json')
  const exists = await stat(path).then(
    (s) => s.isFile(),
    () => false,
  )
  if (!exists) {
    if (input.codebook !== undefined) throw new SpnetError('not_found', `${shown} does not exist.`)
    return undefined
  }
  const text = await readText(path, shown)
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (cause) {
    // The JSON locator (jsonc-parser) is loaded only to explain a problem.
    const { jsonSyntaxError } = await import('../core/import/json-location.js')
    const syntax = jsonSyntaxError(text)
    throw new SpnetError('validation', `${shown} is not valid JSON.`, {
      cause,
      issues: [
        {
          file: shown,
          ...(syntax === null ? {} : { line: syntax.line, char: syntax.char }),
          message: syntax?.message ?? (cause as Error).message,
          fix: 'Fix the JSON syntax; an editor that checks JSON shows the spot.',
        },
      ],
    })
  }
  const parsed = codebookSchema.safeParse(raw)
  if (!parsed.success) {
    const { locateJsonPath } = await import('../core/import/json-location.js')
    throw new SpnetError('validation', `${shown} is not a valid codebook.`, {
      issues: parsed.error.issues.map((issue) => {
        const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol')
        return {
          file: shown,
          ...locateJsonPath(text, path),
          path: path.map(String).join('.'),
          message: issue.message === 'Invalid input' ? codebookHint(path) : issue.message,
          fix: 'Each variable is {"type": "categorical", "levels": [...]}, {"type": "numeric"}, {"type": "boolean"} or {"type": "text"}, under "ego" or "alter" (see the codebook.json spnet demo writes).',
        }
      }),
    })
  }
  return parsed.data
}

function codebookHint(path: readonly (string | number)[]): string {
  return path.length >= 3 && path[2] === 'type'
    ? `The type of "${String(path[1])}" must be categorical, numeric, boolean or text.`
    : `"${path.map(String).join('.')}" is not a valid codebook entry.`
}
