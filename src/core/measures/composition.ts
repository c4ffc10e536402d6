import type { EgoNetwork } from '../network/ego-network.js'
import type { MeasureSpec } from './measure-spec.js'
import { alterCategories } from './alter-categories.js'

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
  categories: readonly (string | null)[] = alterCategories(net, attr),
): number[] | null {
  const n = net.alters.length
  if (n === 0) return null
  const position = new Map(levels.map((level, i) => [level, i]))
  const props = levels.map(() => 0)
  for (const c of categories) {
    const i = c === null ? undefined : position.get(c)
    if (i !== undefined) props[i]!++
  }
  for (let i = 0; i < props.length; i++) props[i]! /= n
  return props
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
  compute: (net, ctx, facts) =>
    ctx.attributes.flatMap((a, i) => {
      const props = composition(net, a.name, a.levels, facts.categories[i])
      return props ?? a.levels.map(() => null)
    }),
}
