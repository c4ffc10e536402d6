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

const cache = new WeakMap<EgoNetwork, Map<string, readonly (string | null)[]>>()

/** Each alter's category of `attr` (memoised per network and attribute). @internal */
export function alterCategories(net: EgoNetwork, attr: string): readonly (string | null)[] {
  let byAttr = cache.get(net)
  if (byAttr === undefined) {
    byAttr = new Map()
    cache.set(net, byAttr)
  }
  let categories = byAttr.get(attr)
  if (categories === undefined) {
    categories = net.alters.map((alter) => categoryOf(alter.attributes[attr]))
    byAttr.set(attr, categories)
  }
  return categories
}

/** Counts of each non-missing category, and how many alters had one. @internal */
export function categoryCounts(
  net: EgoNetwork,
  attr: string,
): { readonly counts: ReadonlyMap<string, number>; readonly present: number } {
  const counts = new Map<string, number>()
  let present = 0
  for (const c of alterCategories(net, attr)) {
    if (c === null) continue
    present++
    counts.set(c, (counts.get(c) ?? 0) + 1)
  }
  return { counts, present }
}
