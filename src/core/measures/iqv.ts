import type { EgoNetwork } from '../network/ego-network.js'
import type { MeasureSpec } from './measure-spec.js'
import { categoryCoding, type CategoryCoding } from './alter-categories.js'
import { blauOf } from './blau.js'

/**
 * Index of qualitative variation: Blau's index scaled to [0, 1] by its
 * maximum for K categories.
 *
 *   iqv_<attr> = blau / (1 − 1/K)
 *
 * K = the categories declared in the codebook, else the distinct values in
 * the whole dataset (not just this ego's).
 * Undefined (null) when no alter has a value, or K < 2.
 *
 * @see Agresti, A. & Agresti, B. F. (1978). Statistical analysis of qualitative
 *      variation. Sociological Methodology, 9, 204–237.
 */
export function iqv(
  net: EgoNetwork,
  attr: string,
  k: number,
  coding: CategoryCoding = categoryCoding(net, attr),
): number | null {
  return iqvOf(coding, k)
}

/** `iqv` of a prepared coding. @internal */
export function iqvOf(coding: CategoryCoding, k: number): number | null {
  const b = blauOf(coding)
  if (b === null || k < 2) return null
  return b / (1 - 1 / k)
}

export const iqvSpec: MeasureSpec = {
  id: 'iqv',
  label: 'Index of qualitative variation',
  columnPattern: 'iqv_<attr>',
  formula: 'blau / (1 − 1/K), K = declared categories, else those in the whole study',
  undefinedWhen: 'no alter has a value, or K < 2',
  citation: 'Agresti & Agresti (1978), Sociological Methodology 9',
  columns: (ctx) => ctx.attributes.map((a) => `iqv_${a.name}`),
  compute: (ctx, facts, row, at) => {
    for (let i = 0; i < ctx.attributes.length; i++)
      row[at + i] = iqvOf(facts.codings[i]!, ctx.attributes[i]!.levels.length)
  },
}
