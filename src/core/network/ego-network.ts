import type { AlterId, AlterIndex, EgoId } from './ids.js'
import type { Codebook } from './codebook.js'

/** A typed attribute value; `null` is missing. */
export type AttributeValue = string | number | boolean | null
export type Attributes = Readonly<Record<string, AttributeValue>>

/**
 * The state of an alter–alter pair. `yes` is a tie; `no` is known to be no
 * tie; `dont_know` and `not_asked` are unknown and are never read as "no".
 * A pair not listed at all is `no`.
 */
export const tieStates = ['yes', 'no', 'dont_know', 'not_asked'] as const
export type TieState = (typeof tieStates)[number]

export type Ego = {
  readonly id: EgoId
  readonly attributes: Attributes
}

/** An alter with its ego–alter tie attributes. */
export type Alter = {
  readonly id: AlterId
  /** Alter attributes and other ego–alter tie attributes (e.g. `org_type`). */
  readonly attributes: Attributes
  /** Ego–alter contact frequency (ordinal, e.g. 1–5); `null` when not given. */
  readonly frequency: number | null
  /** The name generators that named this alter, in the study's order. */
  readonly generators: readonly string[]
}

/** An undirected alter–alter pair with an explicit state. */
export type AlterTie = {
  readonly from: AlterIndex
  readonly to: AlterIndex
  readonly state: TieState
  readonly weight: number | null
}

/**
 * One ego's network. Invariants (checked by every importer): alter ids are
 * unique; tie endpoints are valid, distinct positions in `alters`; no
 * unordered pair appears twice.
 */
export type EgoNetwork = {
  readonly ego: Ego
  readonly alters: readonly Alter[]
  readonly ties: readonly AlterTie[]
}

export type Study = {
  readonly codebook: Codebook
  /** Name generators in study order; each alter lists the ones that named it. */
  readonly generators: readonly string[]
  /** One network per ego, in input order. */
  readonly networks: readonly EgoNetwork[]
}
