import type { CategoryCoding } from './alter-categories.js'
import type { EgoGraph } from './ego-graph.js'

/** An alter attribute used for composition, with its categories in order. */
export type AttributeLevels = {
  readonly name: string
  /** Declared categories, else the values present in the whole study. */
  readonly levels: readonly string[]
}

/** Everything the measures need besides the network. */
export type MeasureContext = {
  /** Alter attributes for composition; the first one also drives brokerage and bridging. */
  readonly attributes: readonly AttributeLevels[]
  /** Ego attribute giving x_ego. */
  readonly egoAttribute: string
  /** x_ego when the study has no such ego attribute at all. */
  readonly egoDefault: string | null
  /** Bridge group sets. */
  readonly bridge: { readonly a: readonly string[]; readonly b: readonly string[] }
  readonly generators: readonly string[]
}

/** Per-ego facts computed once for a row and passed to every measure. */
export type EgoFacts = {
  /** The alter–alter structure, built once per ego. */
  readonly graph: EgoGraph
  /** Alters' category codes for each of `MeasureContext.attributes`, in order. */
  readonly codings: readonly CategoryCoding[]
  /** x_ego as a category; null when missing. */
  readonly egoValue: string | null
  readonly bridgeA: ReadonlySet<string>
  readonly bridgeB: ReadonlySet<string>
  /** Each alter's ego–alter frequency; NaN where none was given. */
  readonly frequencies: ArrayLike<number>
  /** Each alter's name generators: bit g is `MeasureContext.generators[g]`. */
  readonly generatorMasks: ArrayLike<number>
  /** `closedPairCounts` of `codings[0]` (brokerage and bridging); null without an attribute. */
  readonly closedPairs: readonly number[] | null
  /** Burt's dyadic constraints c_j (constraint and hierarchy); null when n = 0. */
  readonly constraints: readonly number[] | null
}

export type MeasureValue = number | null

/**
 * A measure in the registry: what `spnet measures --list`, the output
 * columns, the report and the web view all read. `formula` and `citation`
 * summarise the header of the measure's own file.
 */
export type MeasureSpec = {
  readonly id: string
  readonly label: string
  /** Column names, or a pattern such as `prop_<attr>_<value>`. */
  readonly columnPattern: string
  readonly formula: string
  /** When the value is NA (null); '–' when it is always defined. */
  readonly undefinedWhen: string
  readonly citation: string
  /** The column names this measure writes in a given study. */
  readonly columns: (ctx: MeasureContext) => readonly string[]
  /**
   * Writes the values for those columns, in the same order, into
   * `row[at ..]`. Writing in place, not returning an array per measure,
   * spares 25 small arrays per ego and keeps `computeMeasures` free of
   * deoptimisations on the arrays' differing element kinds.
   */
  readonly compute: (ctx: MeasureContext, facts: EgoFacts, row: MeasureValue[], at: number) => void
}
