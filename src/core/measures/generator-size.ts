import type { EgoNetwork } from '../network/ego-network.js'
import type { MeasureSpec } from './measure-spec.js'

/**
 * Size per name generator: the alters that one generator named (e.g.
 * `size_refers_to`, the referral destinations).
 *
 *   size_<generator> = |{ j : generator named j }|
 *
 * @see Marsden, P. V. (1990). Network data and measurement. Annual Review of
 *      Sociology, 16, 435–463.
 */
export function generatorSize(net: EgoNetwork, generator: string): number {
  let count = 0
  for (const alter of net.alters) if (alter.generators.includes(generator)) count++
  return count
}

/** Alters whose generator mask has bit g (generator g of the study). @internal */
export function generatorSizeOf(masks: ArrayLike<number>, g: number): number {
  let count = 0
  for (let j = 0; j < masks.length; j++) if ((masks[j]! & (1 << g)) !== 0) count++
  return count
}

export const generatorSizeSpec: MeasureSpec = {
  id: 'size_generator',
  label: 'Size per name generator',
  columnPattern: 'size_<generator>',
  formula: 'alters named in that generator',
  undefinedWhen: '–',
  citation: 'Marsden (1990), Annu Rev Sociol 16',
  columns: (ctx) => ctx.generators.map((g) => `size_${g}`),
  compute: (ctx, facts, row, at) => {
    for (let g = 0; g < ctx.generators.length; g++)
      row[at + g] = generatorSizeOf(facts.generatorMasks, g)
  },
}
