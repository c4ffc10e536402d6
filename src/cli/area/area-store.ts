import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import * as z from 'zod/mini'
import {
  buildAreaData,
  datasetId,
  datasetTitle,
  postcodeIndex,
  type AreaDataset,
} from '../../core/area-data/index.js'
import type { AreaData } from '../../core/deprivation/area-tables.js'
import { SpnetError } from '../../core/errors.js'

/**
 * The reference data spnet has imported, kept in `<data dir>/area/`: one
 * JSON file per dataset, the postcode index as a binary file, and
 * manifest.json listing what is loaded. An import writes its new files under
 * fresh names, then replaces manifest.json in one rename, then removes the
 * files it superseded: a failed or interrupted import changes nothing.
 * In server mode (DATABASE_URL) the same datasets are rows of the database's
 * area_datasets table instead (db-area-store.ts), shared by every instance.
 */

const entrySchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.string(),
  edition: z.nullable(z.number()),
  rows: z.number(),
  sha256: z.string(),
  source: z.string(),
  importedAt: z.string(),
  file: z.string(),
  lsoaFile: z.optional(z.string()),
})
export type ManifestEntry = z.infer<typeof entrySchema>

const manifestSchema = z.object({
  version: z.literal(1),
  datasets: z.array(entrySchema),
})
export type Manifest = z.infer<typeof manifestSchema>

export type Provenance = {
  readonly source: string
  readonly sha256: string
  readonly importedAt: string
}

export type PostcodeIndexFiles = {
  readonly bytes: Uint8Array
  readonly lsoas: readonly string[]
  readonly count: number
}

export class AreaStore {
  constructor(readonly dir: string) {}

  /** Where the data is, for messages. */
  get where(): string {
    return this.dir
  }

  async manifest(): Promise<Manifest> {
    const path = join(this.dir, 'manifest.json')
    let text: string
    try {
      text = await readFile(path, 'utf8')
    } catch (error) {
      if (isMissing(error)) return { version: 1, datasets: [] }
      throw error
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      throw this.#damaged(path, 'It is not complete JSON (it may have been cut short).')
    }
    const parsed = manifestSchema.safeParse(json)
    if (!parsed.success) throw this.#damaged(path, 'It does not list datasets as spnet wrote them.')
    return parsed.data
  }

  #damaged(file: string, message: string): SpnetError {
    return new SpnetError('validation', `${file} is damaged.`, {
      issues: [
        {
          file,
          message,
          fix: `Delete the folder ${this.dir} and import the reference files again (spnet area download, or spnet area import FILE...).`,
        },
      ],
    })
  }

  /** Reads a file the manifest lists, or says clearly that the store is damaged. */
  async #read(entry: ManifestEntry, file: string): Promise<Buffer> {
    try {
      return await readFile(join(this.dir, file))
    } catch (error) {
      if (!isMissing(error)) throw error
      throw new SpnetError('not_found', `${join(this.dir, file)} is missing.`, {
        issues: [
          {
            message: `manifest.json lists it as ${entry.title} (from ${entry.source}), but the file is gone.`,
            fix: `Import ${entry.source} again with spnet area import, or delete the folder ${this.dir} and import everything again.`,
          },
        ],
      })
    }
  }

  #parse(entry: ManifestEntry, file: string, bytes: Buffer): unknown {
    try {
      return JSON.parse(bytes.toString('utf8'))
    } catch {
      throw this.#damaged(
        join(this.dir, file),
        `It should hold ${entry.title} (from ${entry.source}) but is not complete JSON. Import ${entry.source} again with spnet area import.`,
      )
    }
  }

  /** Adds datasets (replacing those with the same id) and, optionally, the postcode index. */
  async save(
    datasets: readonly { readonly dataset: AreaDataset; readonly provenance: Provenance }[],
    postcodes: { readonly index: PostcodeIndexFiles; readonly provenance: Provenance } | null,
  ): Promise<Manifest> {
    await mkdir(this.dir, { recursive: true })
    const before = await this.manifest()
    const entries = new Map(before.datasets.map((e) => [e.id, e]))
    for (const { dataset, provenance } of datasets) {
      const id = datasetId(dataset)
      const file = `${id}.${provenance.sha256.slice(0, 12)}.json`
      await writeFile(join(this.dir, file), JSON.stringify(dataset))
      entries.set(id, {
        id,
        title: datasetTitle(dataset),
        kind: dataset.kind,
        edition: dataset.kind === 'iod' ? dataset.edition : null,
        rows: dataset.rows.length,
        ...provenance,
        file,
      })
    }
    if (postcodes !== null) {
      const stem = `postcodes.${postcodes.provenance.sha256.slice(0, 12)}`
      await writeFile(join(this.dir, `${stem}.bin`), postcodes.index.bytes)
      await writeFile(join(this.dir, `${stem}.lsoas.json`), JSON.stringify(postcodes.index.lsoas))
      entries.set('postcodes', {
        id: 'postcodes',
        title: 'ONS postcode to LSOA lookup',
        kind: 'postcodes',
        edition: null,
        rows: postcodes.index.count,
        ...postcodes.provenance,
        file: `${stem}.bin`,
        lsoaFile: `${stem}.lsoas.json`,
      })
    }
    const manifest: Manifest = {
      version: 1,
      datasets: [...entries.values()].sort((a, b) => a.id.localeCompare(b.id)),
    }
    const temporary = join(this.dir, `manifest.${process.pid}.tmp`)
    await writeFile(temporary, JSON.stringify(manifest, null, 2) + '\n')
    await rename(temporary, join(this.dir, 'manifest.json'))
    // Only now remove files no longer listed.
    const keep = new Set(manifest.datasets.flatMap((e) => [e.file, e.lsoaFile]))
    keep.add('manifest.json')
    for (const name of await readdir(this.dir)) {
      if (!keep.has(name)) await rm(join(this.dir, name), { force: true })
    }
    return manifest
  }

  /** Everything loaded, joined into lookup tables. */
  async load(): Promise<{ readonly data: AreaData; readonly manifest: Manifest }> {
    const manifest = await this.manifest()
    const datasets: AreaDataset[] = []
    let postcodes: AreaData['postcodes']
    for (const entry of manifest.datasets) {
      if (entry.kind === 'postcodes') {
        const bytes = await this.#read(entry, entry.file)
        const lsoaFile = entry.lsoaFile ?? entry.file.replace(/\.bin$/, '.lsoas.json')
        const lsoas = this.#parse(entry, lsoaFile, await this.#read(entry, lsoaFile))
        if (!Array.isArray(lsoas) || bytes.length % 20 !== 0) {
          throw this.#damaged(
            join(this.dir, entry.file),
            `The postcode index is not whole, or its list of LSOAs is not. Import ${entry.source} again.`,
          )
        }
        postcodes = postcodeIndex(
          new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length),
          lsoas as string[],
        )
        continue
      }
      const dataset = this.#parse(entry, entry.file, await this.#read(entry, entry.file))
      if (!isDataset(dataset) || dataset.kind !== entry.kind) {
        throw this.#damaged(
          join(this.dir, entry.file),
          `It does not hold ${entry.title}. Import ${entry.source} again with spnet area import.`,
        )
      }
      datasets.push(dataset)
    }
    return { data: buildAreaData(datasets, postcodes), manifest }
  }
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT'
}

/** The stored datasets are spnet's own output; this checks only their shape's outline. */
function isDataset(value: unknown): value is AreaDataset {
  return (
    typeof value === 'object' &&
    value !== null &&
    'kind' in value &&
    typeof value.kind === 'string' &&
    'rows' in value &&
    Array.isArray(value.rows)
  )
}
