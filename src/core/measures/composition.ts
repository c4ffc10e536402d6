import type { EgoNetwork } from '../network/ego-network.js'
import type { MeasureSpec } from './measure-spec.js'
import { categoryCoding, type CategoryCoding } from './alter-categories.js'

/**
 * Composition: the proportion of alters in each category of an attribute.
 *
 *   prop_<attr>_<value> = n_value / n
 *
 * n counts every alter, including those whose value is missing (they are left
 * out of the numerators only), so proportions sum to below 1 when values are
 * missing. A category no alter has gets 0 (egor gives NA).
 * Undefined (null) when n = 0.
 *
 * @see egor `composition()` (Krenz et al.); Marsden (1987).
 */
export function composition(
  net: EgoNetwork,
  attr: string,
  levels: readonly string[],
  coding: CategoryCoding = categoryCoding(net, attr, levels),
): number[] | null {
  return compositionOf(coding, levels)
}

/** `composition` of a prepared coding. @internal */
export function compositionOf(coding: CategoryCoding, levels: readonly string[]): number[] | null {
  const n = coding.codes.length
  if (n === 0) return null
  // Codes below levels.length are the levels, in order (see categoryCoding).
  return levels.map((level, k) =>
    coding.levels[k] === level ? coding.counts[k]! / n : (countOf(coding, level) ?? 0) / n,
  )
}

function countOf(coding: CategoryCoding, level: string): number | undefined {
  const k = coding.levels.indexOf(level)
  return k < 0 ? undefined : coding.counts[k]
}

export const compositionSpec: MeasureSpec = {
  id: 'prop',
  label: 'Composition',
  columnPattern: 'prop_<attr>_<value>',
  formula: 'n_value / n (alters with a missing value count in n only)',
  undefinedWhen: 'n = 0',
  citation: 'egor composition (spnet gives 0, not NA, for an absent category)',
  columns: (ctx) =>
    ctx.attributes.flatMap((a) => a.levels.map((level) => `prop_${a.name}_${level}`)),
  compute: (ctx, facts, row, at) => {
    let w = at
    for (let i = 0; i < ctx.attributes.length; i++) {
      const levels = ctx.attributes[i]!.levels
      const props = compositionOf(facts.codings[i]!, levels)
      for (let k = 0; k < levels.length; k++) row[w++] = props === null ? null : props[k]!
    }
  },
}
