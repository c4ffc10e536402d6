import {
  buildAreaData,
  datasetId,
  datasetTitle,
  postcodeIndex,
  type AreaDataset,
} from '../../core/area-data/index.js'
import type { AreaData } from '../../core/deprivation/area-tables.js'
import { SpnetError } from '../../core/errors.js'
import { appendAudit } from '../../store/repositories/audit.js'
import type { Store } from '../../store/store.js'
import type { Manifest, ManifestEntry, PostcodeIndexFiles, Provenance } from './area-store.js'

/**
 * The area reference data in spnet's database (server mode, DATABASE_URL):
 * the same datasets the file store keeps in the data directory, one row each
 * in `area_datasets`, so every server sharing the database sees them. An
 * import is one transaction, and is written to the audit log.
 */
export class DbAreaStore {
  constructor(
    private readonly store: Store,
    /** Where the data is, for messages. */
    readonly where: string,
  ) {}

  async manifest(): Promise<Manifest> {
    const rows = await this.store.kysely
      .selectFrom('area_datasets')
      .select(['id', 'title', 'kind', 'edition', 'rows', 'sha256', 'source', 'imported_at'])
      .orderBy('id')
      .execute()
    return {
      version: 1,
      datasets: rows.map((r): ManifestEntry => ({
        id: r.id,
        title: r.title,
        kind: r.kind,
        edition: r.edition,
        rows: r.rows,
        sha256: r.sha256,
        source: r.source,
        importedAt: new Date(r.imported_at).toISOString(),
        file: `area_datasets/${r.id}`,
      })),
    }
  }

  async save(
    datasets: readonly { readonly dataset: AreaDataset; readonly provenance: Provenance }[],
    postcodes: { readonly index: PostcodeIndexFiles; readonly provenance: Provenance } | null,
  ): Promise<Manifest> {
    const encoder = new TextEncoder()
    await this.store.kysely.transaction().execute(async (tx) => {
      type Row = {
        id: string
        title: string
        kind: string
        edition: number | null
        rows: number
        sha256: string
        source: string
        imported_at: string
        content: Uint8Array
        lsoas: Uint8Array | null
      }
      const rows: Row[] = datasets.map(({ dataset, provenance }) => ({
        id: datasetId(dataset),
        title: datasetTitle(dataset),
        kind: dataset.kind,
        edition: dataset.kind === 'iod' ? dataset.edition : null,
        rows: dataset.rows.length,
        sha256: provenance.sha256,
        source: provenance.source,
        imported_at: provenance.importedAt,
        content: encoder.encode(JSON.stringify(dataset)),
        lsoas: null,
      }))
      if (postcodes !== null) {
        rows.push({
          id: 'postcodes',
          title: 'ONS postcode to LSOA lookup',
          kind: 'postcodes',
          edition: null,
          rows: postcodes.index.count,
          sha256: postcodes.provenance.sha256,
          source: postcodes.provenance.source,
          imported_at: postcodes.provenance.importedAt,
          content: postcodes.index.bytes,
          lsoas: encoder.encode(JSON.stringify(postcodes.index.lsoas)),
        })
      }
      for (const row of rows) {
        await tx
          .insertInto('area_datasets')
          .values(row)
          .onConflict((oc) => oc.column('id').doUpdateSet(row))
          .execute()
        await appendAudit(
          tx,
          { kind: 'system' },
          {
            action: 'import',
            entity: 'area_dataset',
            entityId: row.id,
            after: { title: row.title, rows: row.rows, source: row.source, sha256: row.sha256 },
          },
        )
      }
    })
    return this.manifest()
  }

  async load(): Promise<{ readonly data: AreaData; readonly manifest: Manifest }> {
    const manifest = await this.manifest()
    const rows = await this.store.kysely
      .selectFrom('area_datasets')
      .selectAll()
      .orderBy('id')
      .execute()
    const decoder = new TextDecoder()
    const datasets: AreaDataset[] = []
    let postcodes: AreaData['postcodes']
    for (const r of rows) {
      const content = new Uint8Array(r.content)
      if (r.kind === 'postcodes') {
        const lsoas = parse(r.id, r.lsoas === null ? null : decoder.decode(r.lsoas))
        if (!Array.isArray(lsoas) || content.length % 20 !== 0) throw damaged(r.id, r.source)
        postcodes = postcodeIndex(content, lsoas as string[])
        continue
      }
      const dataset = parse(r.id, decoder.decode(content))
      if (
        typeof dataset !== 'object' ||
        dataset === null ||
        (dataset as { kind?: unknown }).kind !== r.kind
      ) {
        throw damaged(r.id, r.source)
      }
      datasets.push(dataset as AreaDataset)
    }
    return { data: buildAreaData(datasets, postcodes), manifest }
  }
}

function parse(id: string, text: string | null): unknown {
  try {
    return text === null ? null : JSON.parse(text)
  } catch {
    throw damaged(id, 'its source file')
  }
}

function damaged(id: string, source: string): SpnetError {
  return new SpnetError('validation', `The stored area dataset "${id}" is damaged.`, {
    issues: [{ message: `Import ${source} again with spnet area import.` }],
  })
}
