import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import {
  detectAreaTable,
  knownAreaFiles,
  PostcodeIndexBuilder,
  type AreaDataset,
  type AreaTableReader,
  type PostcodeColumns,
} from '../../core/area-data/index.js'
import { SpnetError } from '../../core/errors.js'
import { IssueCollector } from '../../core/import/issue-collector.js'
import type { Io } from '../io.js'
import type { AreaStoreLike } from '../commands/area.js'
import type { Manifest, PostcodeIndexFiles, Provenance } from './area-store.js'
import { isWebPage, readTables } from './read-tables.js'

/**
 * `spnet area import FILE...`: tells what each file is from its content,
 * parses and checks it, and stores it. All files are read and checked
 * before anything is stored, so an import succeeds whole or changes nothing.
 */

/** A file to import: its path (relative to the working directory) and the name messages use. */
export type AreaFileInput = {
  readonly path: string
  /** How messages name the file (a download's source and address); the path by default. */
  readonly shownAs?: string
}

export type ImportedFile = {
  /** The name messages use. */
  readonly path: string
  readonly datasets: readonly AreaDataset[]
  readonly postcodes: number | null
}

export async function importAreaFiles(
  inputs: readonly AreaFileInput[],
  io: Io,
  store: AreaStoreLike,
  now: () => Date = () => new Date(),
): Promise<{ readonly files: readonly ImportedFile[]; readonly manifest: Manifest }> {
  const issues = new IssueCollector()
  const found: { dataset: AreaDataset; provenance: Provenance }[] = []
  let postcodes: { index: PostcodeIndexFiles; provenance: Provenance } | null = null
  const files: ImportedFile[] = []
  for (const input of inputs) {
    const full = resolve(io.cwd, input.path)
    const path = input.shownAs ?? input.path
    const info = await stat(full).catch(() => null)
    if (info === null || !info.isFile()) {
      throw new SpnetError('not_found', `${path} does not exist.`, {
        issues: [{ message: 'Give the path of a downloaded official file.' }],
      })
    }
    const provenance: Provenance = {
      source: basename(input.path),
      sha256: await sha256(full),
      importedAt: now().toISOString(),
    }
    const readers: AreaTableReader[] = []
    let builder: PostcodeIndexBuilder | null = null
    let recognised = 0
    const bar = io.progress?.(`Reading ${basename(input.path)}`, info.size)
    await readTables(full, path, {
      progress: (read) => bar?.update(read),
      table: (name, first) => {
        const detected = detectAreaTable(name, first, issues)
        if (detected === null) return null
        recognised++
        if (detected.kind === 'postcodes') {
          builder ??= new PostcodeIndexBuilder()
          const { postcode, lsoa21, lsoa11, terminated, country } = detected.columns
          return {
            row: postcodeRows(builder, detected.columns, name, issues),
            latin1: true,
            columns: [postcode, lsoa21, lsoa11, terminated, country],
          }
        }
        readers.push(detected.reader)
        return { row: detected.reader.row, firstRowIsData: detected.firstRowIsData }
      },
    })
    bar?.stop()
    if (recognised === 0 && issues.isEmpty()) {
      const html = await isWebPage(full)
      issues.add({
        file: path,
        message: `${path} is not a file spnet recognises${html ? ': it is a web page (HTML), not data' : ''}.`,
        fix: html
          ? 'The address may have moved or the server may be down: download the file in a browser and use spnet area import FILE.'
          : `spnet imports: ${knownAreaFiles.join('; ')}.`,
      })
    }
    const datasets: AreaDataset[] = []
    for (const reader of readers) {
      const dataset = reader.finish()
      if (dataset !== null) datasets.push(dataset)
    }
    const built = builder as PostcodeIndexBuilder | null
    if (built !== null) {
      if (built.count === 0) issues.add({ file: path, message: `${path} has no postcodes.` })
      else postcodes = { index: built.finish(), provenance }
    }
    for (const dataset of datasets) found.push({ dataset, provenance })
    files.push({ path, datasets, postcodes: built === null ? null : built.count })
  }
  if (!issues.isEmpty()) throw issues.toError('Importing the reference files')
  const manifest = await store.save(found, postcodes)
  return { files, manifest }
}

function postcodeRows(
  builder: PostcodeIndexBuilder,
  columns: PostcodeColumns,
  file: string,
  issues: IssueCollector,
) {
  return (cells: Parameters<AreaTableReader['row']>[0], line: number) => {
    const problem = builder.add(cells, columns)
    if (problem !== null)
      issues.add({
        file,
        line,
        message: problem,
        fix: 'The file may be damaged: download it again.',
      })
  }
}

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}
