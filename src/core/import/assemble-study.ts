import type { Codebook } from '../network/codebook.js'
import type {
  Alter,
  AlterTie,
  AttributeValue,
  Attributes,
  EgoNetwork,
  Study,
} from '../network/ego-network.js'
import { alterId, alterIndex, egoId } from '../network/ids.js'
import { tieStateOrder, type ColumnAttribute, type StudyColumns } from '../network/study-columns.js'
import type { AlterRecords } from './read-alters.js'
import type { EgoRecords } from './read-egos.js'
import type { TieRecords } from './read-ties.js'
import type { TypedAttribute } from './type-attributes.js'

/**
 * The study's columns from checked records: alters and ties regrouped ego
 * by ego (a stable sort, so each ego's alters keep their file order, which
 * is their position, and its ties keep theirs). Files already grouped by
 * ego, the usual case, are taken as they are.
 * @internal
 */
export function columnsOfRecords(parts: {
  readonly egos: EgoRecords
  readonly egoTypes: readonly TypedAttribute[]
  readonly alters: AlterRecords
  readonly alterTypes: readonly TypedAttribute[]
  /** The alter column holding the ego–alter frequency, if any. */
  readonly frequency: TypedAttribute | undefined
  readonly ties: TieRecords
}): StudyColumns {
  const { egos, alters, ties, frequency } = parts
  const egoCount = egos.ids.length
  const alterStart = starts(alters.perEgo)
  const tieStart = starts(countPerEgo(ties.ego, ties.count, egoCount))
  const alterOrder = groupByEgo(alters.ego, alters.count, alterStart)
  const tieOrder = groupByEgo(ties.ego, ties.count, tieStart)
  const freq = new Float64Array(alters.count)
  for (let r = 0; r < alters.count; r++) {
    const f = frequency === undefined ? null : frequency.values[frequency.codes[r]!]
    freq[r] = typeof f === 'number' ? f : Number.NaN
  }
  const codebook: Codebook = {
    ego: Object.fromEntries(parts.egoTypes.map((t) => [t.name, t.variable])),
    alter: Object.fromEntries([
      ...parts.alterTypes.filter((t) => t !== frequency).map((t) => [t.name, t.variable] as const),
      // `frequency` is a reserved codebook key, whatever the column is called.
      ...(frequency === undefined ? [] : [['frequency', frequency.variable] as const]),
    ]),
  }
  const column = (t: TypedAttribute, count: number, order: Int32Array | null): ColumnAttribute => ({
    name: t.name,
    variable: t.variable,
    codes: pick(t.codes, count, order),
    values: t.values,
  })
  return {
    codebook,
    generators: alters.generatorColumns,
    egoIds: egos.ids,
    egoAttributes: parts.egoTypes.map((t) => column(t, egoCount, null)),
    alterStart,
    alterIds: alterOrder === null ? alters.ids : Array.from(alterOrder, (r) => alters.ids[r]!),
    alterAttributes: parts.alterTypes
      .filter((t) => t !== frequency)
      .map((t) => column(t, alters.count, alterOrder)),
    frequency: pick(freq, alters.count, alterOrder),
    generatorMasks: pick(alters.generators, alters.count, alterOrder),
    tieStart,
    tieFrom: pick(ties.from, ties.count, tieOrder),
    tieTo: pick(ties.to, ties.count, tieOrder),
    tieState: pick(ties.state, ties.count, tieOrder),
    tieWeight: pick(ties.weight, ties.count, tieOrder),
  }
}

/** The first `count` entries of a column, in `order` when there is one. */
function pick<T extends Int32Array | Float64Array | Uint8Array>(
  column: T,
  count: number,
  order: Int32Array | null,
): T {
  if (order === null) return column.subarray(0, count) as T
  const picked = new (column.constructor as new (length: number) => T)(order.length)
  for (let i = 0; i < order.length; i++) picked[i] = column[order[i]!]!
  return picked
}

/** Record order grouped by ego (stable; `start`: each ego's first row), or null when the records already are. */
function groupByEgo(ego: Int32Array, count: number, start: Int32Array): Int32Array | null {
  let sorted = true
  for (let r = 1; r < count && sorted; r++) sorted = ego[r - 1]! <= ego[r]!
  if (sorted) return null
  const next = start.slice()
  const order = new Int32Array(count)
  for (let r = 0; r < count; r++) order[next[ego[r]!]!++] = r
  return order
}

function countPerEgo(ego: Int32Array, count: number, egoCount: number): Int32Array {
  const counts = new Int32Array(egoCount)
  for (let r = 0; r < count; r++) counts[ego[r]!]!++
  return counts
}

/** Offsets from counts: length counts + 1. */
function starts(counts: Int32Array): Int32Array {
  const start = new Int32Array(counts.length + 1)
  for (let e = 0; e < counts.length; e++) start[e + 1] = start[e]! + counts[e]!
  return start
}

/**
 * Builds the Study from its columns: one network per ego in input order,
 * alters in their order within each ego, ties in file order.
 */
export function assembleStudy(columns: StudyColumns): Study {
  const c = columns
  // Alters named by the same generators share one frozen array.
  const generatorSets = new Map<number, readonly string[]>()
  const generatorsOf = (mask: number): readonly string[] => {
    let set = generatorSets.get(mask)
    if (set === undefined) {
      set = Object.freeze(c.generators.filter((_, g) => (mask & (1 << g)) !== 0))
      generatorSets.set(mask, set)
    }
    return set
  }
  const networks: EgoNetwork[] = c.egoIds.map((id, e) => {
    const alters = objectList<Alter>()
    for (let r = c.alterStart[e]!; r < c.alterStart[e + 1]!; r++) {
      const f = c.frequency[r]!
      alters.push({
        id: alterId(c.alterIds[r]!),
        attributes: attributesOf(c.alterAttributes, r),
        frequency: Number.isNaN(f) ? null : f,
        generators: generatorsOf(c.generatorMasks[r]!),
      })
    }
    const ties = objectList<AlterTie>()
    for (let t = c.tieStart[e]!; t < c.tieStart[e + 1]!; t++) {
      const w = c.tieWeight[t]!
      ties.push({
        from: alterIndex(c.tieFrom[t]!),
        to: alterIndex(c.tieTo[t]!),
        state: tieStateOrder[c.tieState[t]!]!,
        weight: Number.isNaN(w) ? null : w,
      })
    }
    return { ego: { id: egoId(id), attributes: attributesOf(c.egoAttributes, e) }, alters, ties }
  })
  return { codebook: c.codebook, generators: c.generators, networks }
}

/**
 * An empty array already of the kind that holds objects. A plain `[]` starts
 * as an array of small integers and changes kind on its first object, so an
 * ego with no alters or no ties would hand the measures arrays of another
 * shape than every other ego's, and V8 would throw away and recompile the
 * measures' optimised code midway through a study.
 */
function objectList<T extends object>(): T[] {
  const list: object[] = [objectKind]
  list.pop()
  return list as T[]
}
const objectKind = {}

function attributesOf(columns: readonly ColumnAttribute[], i: number): Attributes {
  const attributes: Record<string, AttributeValue> = {}
  for (const col of columns) {
    const code = col.codes[i]!
    attributes[col.name] = code < 0 ? null : col.values[code]!
  }
  return attributes
}
