import type { Edition, AreaData } from './area-tables.js'
import { sampleTertiles } from './imd-groups.js'
import { placeArea, type Placement, type PlacementMethod } from './place-area.js'

/**
 * Classifies each link worker (ego) by area deprivation: the value of one of
 * their attributes (an LSOA, postcode, practice or PCN code) placed by one
 * method in one edition. Adds the sample tertile (1 = most deprived third of
 * the egos placed) next to the national groupings.
 */

export type EgoPlacement =
  | { readonly ok: true; readonly placement: Placement; readonly tertile: number }
  | {
      readonly ok: false
      readonly value: string
      readonly reason: string
      readonly fix: string | null
    }

export function classifyEgos(
  data: AreaData,
  values: readonly (string | null)[],
  method: PlacementMethod,
  edition: Edition,
): EgoPlacement[] {
  const results = values.map((value) => {
    if (value === null || value.trim() === '') {
      return { ok: false as const, value: '', reason: 'No value to place.', fix: null }
    }
    const placed = placeArea(data, method, value, edition)
    if (placed.ok) return { ok: true as const, placement: placed.value }
    return {
      ok: false as const,
      value,
      reason: placed.error.message,
      fix: placed.error.issues[0]?.fix ?? null,
    }
  })
  const tertiles = sampleTertiles(
    results.map((r) => (r.ok ? (r.placement.rank ?? rankOfDecile(r.placement.decile)) : null)),
  )
  return results.map((r, i) => (r.ok ? { ...r, tertile: tertiles[i]! } : r))
}

/** When only a decile is known, order by its midpoint. */
function rankOfDecile(decile: number): number {
  return decile * 1e6
}
