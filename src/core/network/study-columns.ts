import { SpnetError } from '../errors.js'
import type { Codebook, Variable } from './codebook.js'
import type { AttributeValue, Study, TieState } from './ego-network.js'

/**
 * A study as columns of typed arrays, one entry per ego, alter or tie: the
 * form the three-file importer reads into and the measures engine computes
 * from. At national scale (100,000 alters, 200,000 ties) it holds a few
 * dozen arrays where a `Study` holds 300,000 objects, so reading and
 * measuring it allocates almost nothing for the garbage collector to trace.
 * `assembleStudy` turns it into a `Study`; `studyColumns` does the reverse.
 *
 * Alters are stored ego by ego, each ego's in its own order, and so are
 * ties: ego e's alters are rows `alterStart[e] .. alterStart[e + 1]` of the
 * alter columns, and its ties rows `tieStart[e] .. tieStart[e + 1]` of the
 * tie columns, in the order of `EgoNetwork.ties`.
 */
export type StudyColumns = {
  readonly codebook: Codebook
  /** Name generators in study order; bit g of a generator mask is generator g. */
  readonly generators: readonly string[]
  readonly egoIds: readonly string[]
  readonly egoAttributes: readonly ColumnAttribute[]
  /** Length egos + 1. */
  readonly alterStart: Int32Array
  readonly alterIds: readonly string[]
  /** Alter attributes, without the ego–alter frequency. */
  readonly alterAttributes: readonly ColumnAttribute[]
  /** Ego–alter frequency; NaN where none was given. */
  readonly frequency: Float64Array
  readonly generatorMasks: Int32Array
  /** Length egos + 1. */
  readonly tieStart: Int32Array
  /** Endpoints: positions among the ego's alters. */
  readonly tieFrom: Int32Array
  readonly tieTo: Int32Array
  /** Index into `tieStateOrder`. */
  readonly tieState: Uint8Array
  /** NaN where no weight was given. */
  readonly tieWeight: Float64Array
}

/** One attribute: each entry's code into `values` (−1: no value, read as null). */
export type ColumnAttribute = {
  readonly name: string
  readonly variable: Variable
  readonly codes: Int32Array
  readonly values: readonly AttributeValue[]
}

/** Name generators a study can have: each is one bit of an alter's generator mask. */
export const maxGenerators = 30

/** The order of tie-state codes. */
export const tieStateOrder: readonly TieState[] = ['yes', 'no', 'dont_know', 'not_asked']

/** The value of entry i of an attribute column. */
export function columnValue(column: ColumnAttribute, i: number): AttributeValue {
  const code = column.codes[i]!
  return code < 0 ? null : column.values[code]!
}

/**
 * The columns of a study built from objects (a JSON study, collected
 * interviews): every attribute the codebook declares, values coded in order
 * of first appearance.
 */
export function studyColumns(study: Study): StudyColumns {
  if (study.generators.length > maxGenerators) {
    throw new SpnetError(
      'usage',
      `The study has ${study.generators.length} name generators; spnet handles up to ${maxGenerators}.`,
    )
  }
  const nets = study.networks
  const alterStart = new Int32Array(nets.length + 1)
  const tieStart = new Int32Array(nets.length + 1)
  for (let e = 0; e < nets.length; e++) {
    alterStart[e + 1] = alterStart[e]! + nets[e]!.alters.length
    tieStart[e + 1] = tieStart[e]! + nets[e]!.ties.length
  }
  const alters = nets.flatMap((net) => net.alters)
  const ties = nets.flatMap((net) => net.ties)
  const generatorBit = new Map(study.generators.map((g, i) => [g, 1 << i]))
  const alterNames = Object.keys(study.codebook.alter).filter((name) => name !== 'frequency')
  return {
    codebook: study.codebook,
    generators: study.generators,
    egoIds: nets.map((net) => net.ego.id),
    egoAttributes: Object.entries(study.codebook.ego).map(([name, variable]) =>
      codeValues(name, variable, nets.length, (e) => nets[e]!.ego.attributes[name]),
    ),
    alterStart,
    alterIds: alters.map((a) => a.id),
    alterAttributes: alterNames.map((name) =>
      codeValues(
        name,
        study.codebook.alter[name]!,
        alters.length,
        (r) => alters[r]!.attributes[name],
      ),
    ),
    frequency: Float64Array.from(alters, (a) => a.frequency ?? Number.NaN),
    generatorMasks: Int32Array.from(alters, (a) =>
      a.generators.reduce((mask, g) => mask | (generatorBit.get(g) ?? 0), 0),
    ),
    tieStart,
    tieFrom: Int32Array.from(ties, (t) => t.from),
    tieTo: Int32Array.from(ties, (t) => t.to),
    tieState: Uint8Array.from(ties, (t) => tieStateOrder.indexOf(t.state)),
    tieWeight: Float64Array.from(ties, (t) => t.weight ?? Number.NaN),
  }
}

function codeValues(
  name: string,
  variable: Variable,
  count: number,
  valueOf: (i: number) => AttributeValue | undefined,
): ColumnAttribute {
  const codes = new Int32Array(count)
  const values: AttributeValue[] = []
  const seen = new Map<AttributeValue, number>()
  for (let i = 0; i < count; i++) {
    const value = valueOf(i) ?? null
    let code = seen.get(value)
    if (code === undefined) {
      code = values.length
      values.push(value)
      seen.set(value, code)
    }
    codes[i] = code
  }
  return { name, variable, codes, values }
}
