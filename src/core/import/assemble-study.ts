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
import type { AlterRecords } from './read-alters.js'
import type { EgoRecords } from './read-egos.js'
import { tieStateOrder, type TieRecords } from './read-ties.js'
import type { TypedAttribute } from './type-attributes.js'

/**
 * Builds the Study from checked records: one network per ego in input order,
 * alters in file order within each ego, ties in file order.
 * @internal
 */
export function assembleStudy(parts: {
  readonly egos: EgoRecords
  readonly egoTypes: readonly TypedAttribute[]
  readonly alters: AlterRecords
  readonly alterTypes: readonly TypedAttribute[]
  /** The alter column holding the ego–alter frequency, if any. */
  readonly frequency: TypedAttribute | undefined
  readonly ties: TieRecords
}): Study {
  const { egos, alters, ties, frequency } = parts
  const alterAttrs = parts.alterTypes.filter((t) => t !== frequency)
  // Alters named by the same generators share one frozen array.
  const generatorSets = new Map<number, readonly string[]>()
  const generatorsOf = (mask: number): readonly string[] => {
    let set = generatorSets.get(mask)
    if (set === undefined) {
      set = Object.freeze(alters.generatorColumns.filter((_, g) => (mask & (1 << g)) !== 0))
      generatorSets.set(mask, set)
    }
    return set
  }

  // Records come in file order, which is each ego's alter order (`local`).
  const alterLists: Alter[][] = egos.ids.map(() => objectList<Alter>())
  for (let r = 0; r < alters.count; r++) {
    const f = frequency === undefined ? null : frequency.values[frequency.codes[r]!]
    alterLists[alters.ego[r]!]!.push({
      id: alterId(alters.ids[r]!),
      attributes: attributesOf(alterAttrs, r),
      frequency: typeof f === 'number' ? f : null,
      generators: generatorsOf(alters.generators[r]!),
    })
  }

  const tieLists: AlterTie[][] = egos.ids.map(() => objectList<AlterTie>())
  for (let t = 0; t < ties.count; t++) {
    const w = ties.weight[t]!
    tieLists[ties.ego[t]!]!.push({
      from: alterIndex(ties.from[t]!),
      to: alterIndex(ties.to[t]!),
      state: tieStateOrder[ties.state[t]!]!,
      weight: Number.isNaN(w) ? null : w,
    })
  }

  const networks: EgoNetwork[] = egos.ids.map((id, e) => ({
    ego: { id: egoId(id), attributes: attributesOf(parts.egoTypes, e) },
    alters: alterLists[e]!,
    ties: tieLists[e]!,
  }))
  const codebook: Codebook = {
    ego: Object.fromEntries(parts.egoTypes.map((t) => [t.name, t.variable])),
    // `frequency` is a reserved codebook key, whatever the column is called.
    alter: Object.fromEntries([
      ...alterAttrs.map((t) => [t.name, t.variable] as const),
      ...(frequency === undefined ? [] : [['frequency', frequency.variable] as const]),
    ]),
  }
  return { codebook, generators: alters.generatorColumns, networks }
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

function attributesOf(types: readonly TypedAttribute[], record: number): Attributes {
  const attributes: Record<string, AttributeValue> = {}
  for (const t of types) attributes[t.name] = t.values[t.codes[record]!]!
  return attributes
}
