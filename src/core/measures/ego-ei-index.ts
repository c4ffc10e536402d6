import type { EgoNetwork } from '../network/ego-network.js'
import type { MeasureSpec } from './measure-spec.js'
import { categoryCoding, codeOf, type CategoryCoding } from './alter-categories.js'

/**
 * Ego–alter E-I index: how far the ego's alters differ from the ego.
 *
 *   ego_ei_<attr> = (E − I) / (E + I)
 *
 * E = alters whose category differs from the ego's (x_ego), I = alters
 * sharing it; alters with a missing value are left out.
 * Undefined (null) when no alter has a value, or the ego's own value is missing.
 *
 * @see Krackhardt & Stern (1988); egor `comp_ei()`.
 */
export function egoEiIndex(
  net: EgoNetwork,
  attr: string,
  egoValue: string | null,
  coding: CategoryCoding = categoryCoding(net, attr),
): number | null {
  return egoEiIndexOf(coding, egoValue)
}

/** `egoEiIndex` of a prepared coding. @internal */
export function egoEiIndexOf(coding: CategoryCoding, egoValue: string | null): number | null {
  if (egoValue === null) return null
  let external = 0
  let internal = 0
  const egoCode = codeOf(coding, egoValue)
  for (const code of coding.codes) {
    if (code < 0) continue
    if (code === egoCode) internal++
    else external++
  }
  const total = external + internal
  return total === 0 ? null : (external - internal) / total
}

export const egoEiIndexSpec: MeasureSpec = {
  id: 'ego_ei',
  label: 'Ego–alter E-I index',
  columnPattern: 'ego_ei_<attr>',
  formula: '(E − I)/(E + I), E = alters unlike the ego, I = alters like it',
  undefinedWhen: "no alter has a value, or the ego's value is missing",
  citation: 'Krackhardt & Stern (1988); egor comp_ei',
  columns: (ctx) => ctx.attributes.map((a) => `ego_ei_${a.name}`),
  compute: (ctx, facts, row, at) => {
    for (let i = 0; i < ctx.attributes.length; i++)
      row[at + i] = egoEiIndexOf(facts.codings[i]!, facts.egoValue)
  },
}
