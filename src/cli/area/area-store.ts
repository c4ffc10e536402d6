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
 * (When spnet's database exists, these become tables in it.)
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

  async manifest(): Promise<Manifest> {
    let text: string
    try {
      text = await readFile(join(this.dir, 'manifest.json'), 'utf8')
    } catch {
      return { version: 1, datasets: [] }
    }
    const parsed = manifestSchema.safeParse(JSON.parse(text))
    if (!parsed.success) {
      throw new SpnetError('internal', `${join(this.dir, 'manifest.json')} is damaged.`, {
        issues: [{ message: 'Delete the area folder and import the reference files again.' }],
      })
    }
    return parsed.data
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
        const bytes = await readFile(join(this.dir, entry.file))
        const lsoas = JSON.parse(
          await readFile(join(this.dir, entry.lsoaFile ?? ''), 'utf8'),
        ) as string[]
        postcodes = postcodeIndex(
          new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length),
          lsoas,
        )
        continue
      }
      const dataset = JSON.parse(await readFile(join(this.dir, entry.file), 'utf8')) as AreaDataset
      if (dataset.kind !== entry.kind) {
        throw new SpnetError('internal', `${entry.file} does not hold ${entry.title}.`, {
          issues: [{ message: 'Import the reference files again.' }],
        })
      }
      datasets.push(dataset)
    }
    return { data: buildAreaData(datasets, postcodes), manifest }
  }
}
