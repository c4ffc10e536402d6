import type { AttributeValue, EgoNetwork } from '../network/ego-network.js'

/**
 * The category of an attribute value as the composition measures see it:
 * its text, or null when missing. Numbers and booleans become their text, so
 * `imd_quintile` 1 and "1" are one category.
 * @internal
 */
export function categoryOf(value: AttributeValue | undefined): string | null {
  if (value === null || value === undefined || value === '') return null
  return typeof value === 'string' ? value : String(value)
}

/** Each alter's category of `attr`, in alter order. @internal */
export function alterCategories(net: EgoNetwork, attr: string): (string | null)[] {
  return net.alters.map((alter) => categoryOf(alter.attributes[attr]))
}

/** Counts of each non-missing category, and how many alters had one. @internal */
export function categoryCounts(categories: readonly (string | null)[]): {
  readonly counts: ReadonlyMap<string, number>
  readonly present: number
} {
  const counts = new Map<string, number>()
  let present = 0
  for (const c of categories) {
    if (c === null) continue
    present++
    counts.set(c, (counts.get(c) ?? 0) + 1)
  }
  return { counts, present }
}
