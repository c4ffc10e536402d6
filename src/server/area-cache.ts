import type { AreaData } from '../core/deprivation/area-tables.js'

/**
 * The area reference data the server places participants with, loaded once
 * and kept in memory (the tables are large: a postcode index alone can be
 * tens of MB). Each use first reads the source's manifest, which is small
 * (one row or line per dataset), and loads again only when a dataset's
 * checksum or import time has changed, so `spnet area import` takes effect
 * without a restart. Concurrent uses share one load.
 */

/** One dataset as the manifest lists it. */
export type AreaManifestEntry = {
  readonly id: string
  readonly title: string
  readonly source: string
  readonly sha256: string
  readonly importedAt: string
}

/**
 * Where the reference data is: the data directory's area/ folder, or the
 * database's area_datasets table (src/cli/area), as a minimal interface so
 * the server does not depend on either.
 */
export type AreaSource = {
  /** Where the data is, for messages. */
  readonly where: string
  readonly manifest: () => Promise<{ readonly datasets: readonly AreaManifestEntry[] }>
  readonly load: () => Promise<{
    readonly data: AreaData
    readonly manifest: { readonly datasets: readonly AreaManifestEntry[] }
  }>
}

export type LoadedAreas = {
  readonly data: AreaData
  readonly datasets: readonly AreaManifestEntry[]
  readonly where: string
}

export type AreaCache = {
  readonly where: string
  /** The current data, loaded again only when the manifest changed. */
  readonly current: () => Promise<LoadedAreas>
  /** How many times the data has been loaded (for tests and logs). */
  readonly loads: () => number
}

export function areaCache(source: AreaSource): AreaCache {
  let loaded: { readonly version: string; readonly value: LoadedAreas } | null = null
  let loading: { readonly version: string; readonly promise: Promise<LoadedAreas> } | null = null
  let count = 0
  return {
    where: source.where,
    loads: () => count,
    current: async () => {
      const version = versionOf((await source.manifest()).datasets)
      if (loaded?.version === version) return loaded.value
      if (loading?.version === version) return loading.promise
      const promise = source.load().then(({ data, manifest }) => {
        count++
        const value: LoadedAreas = { data, datasets: manifest.datasets, where: source.where }
        // Keyed by what was actually read, in case an import landed in between.
        loaded = { version: versionOf(manifest.datasets), value }
        return value
      })
      loading = { version, promise }
      try {
        return await promise
      } finally {
        if (loading.promise === promise) loading = null
      }
    },
  }
}

function versionOf(datasets: readonly AreaManifestEntry[]): string {
  return datasets.map((d) => `${d.id}:${d.sha256}:${d.importedAt}`).join('|')
}
