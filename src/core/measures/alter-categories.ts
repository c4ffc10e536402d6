import type { AttributeValue, EgoNetwork } from '../network/ego-network.js'
import { zeros } from './ego-graph.js'

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

/**
 * The alters' categories of one attribute as small integer codes, with the
 * count of each: what every composition measure needs, built once per ego.
 * @internal
 */
export type CategoryCoding = {
  /** Each alter's code (index into `levels`), −1 when its value is missing. */
  readonly codes: readonly number[]
  /** The category of each code: the study's levels, then any other value met. */
  readonly levels: readonly string[]
  /** Alters per code. */
  readonly counts: readonly number[]
  /** Alters with a value. */
  readonly present: number
}

/**
 * Codes the alters' values of `attr` against `levels` (by default none: codes
 * in order of first appearance). `position` is `levels` → index, when the
 * caller has it already.
 * @internal
 */
export function categoryCoding(
  net: EgoNetwork,
  attr: string,
  levels: readonly string[] = [],
  position: ReadonlyMap<string, number> = new Map(levels.map((level, i) => [level, i])),
): CategoryCoding {
  let extra: Map<string, number> | null = null
  const allLevels = levels as string[]
  const counts = new Array<number>(levels.length).fill(0)
  const codes = new Array<number>(net.alters.length)
  let present = 0
  for (let j = 0; j < codes.length; j++) {
    const c = categoryOf(net.alters[j]!.attributes[attr])
    if (c === null) {
      codes[j] = -1
      continue
    }
    let code = position.get(c) ?? extra?.get(c)
    if (code === undefined) {
      // A value outside the given levels: code it after them, locally.
      extra ??= new Map()
      code = levels.length + extra.size
      extra.set(c, code)
      counts.push(0)
    }
    codes[j] = code
    counts[code]!++
    present++
  }
  return {
    codes,
    levels: extra === null ? allLevels : [...levels, ...extra.keys()],
    counts,
    present,
  }
}

/** The code of a category: its level, or −1 when it is neither a level nor any alter's value. @internal */
export function codeOf(coding: CategoryCoding, category: string | null): number {
  return category === null ? -1 : coding.levels.indexOf(category)
}

/**
 * How each distinct value of an attribute column codes against a study's
 * levels, worked out once per study: `level[v]` is value v's level, −1 when
 * it is missing, −2 when it is neither (it is then coded per ego, as
 * `categoryCoding` codes it, by its `category`).
 * @internal
 */
export type ValueLevels = {
  readonly level: Int32Array
  readonly category: readonly (string | null)[]
}

/** The `ValueLevels` of `values` against the levels at `position`. @internal */
export function valueLevels(
  values: readonly AttributeValue[],
  position: ReadonlyMap<string, number>,
): ValueLevels {
  const category = values.map(categoryOf)
  const level = Int32Array.from(category, (c) => (c === null ? -1 : (position.get(c) ?? -2)))
  return { level, category }
}

/**
 * `categoryCoding` of one ego's alters read from an attribute column: the
 * value codes `codes[first .. last)`, in the ego's alter order.
 * @internal
 */
export function columnCoding(
  codes: Int32Array,
  first: number,
  last: number,
  values: ValueLevels,
  levels: readonly string[],
): CategoryCoding {
  let extra: Map<string, number> | null = null
  const counts = zeros(levels.length)
  const coded = zeros(last - first)
  let present = 0
  for (let r = first; r < last; r++) {
    const v = codes[r]!
    let code = v < 0 ? -1 : values.level[v]!
    if (code === -2) {
      const c = values.category[v]!
      extra ??= new Map()
      let local = extra.get(c)
      if (local === undefined) {
        local = levels.length + extra.size
        extra.set(c, local)
        counts.push(0)
      }
      code = local
    }
    coded[r - first] = code
    if (code < 0) continue
    counts[code]!++
    present++
  }
  return {
    codes: coded,
    levels: extra === null ? levels : [...levels, ...extra.keys()],
    counts,
    present,
  }
}
