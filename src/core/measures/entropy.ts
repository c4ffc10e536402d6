import type { EgoNetwork } from '../network/ego-network.js'
import type { MeasureSpec } from './measure-spec.js'
import { categoryCoding, type CategoryCoding } from './alter-categories.js'

/**
 * Shannon entropy of the alters' categories, in nats (natural log).
 *
 *   entropy_<attr> = −Σ_k p_k ln p_k,   p_k = n_k / (alters with a value)
 *
 * egor's `alts_diversity_entropy` defaults to base 2; divide by ln 2 to compare.
 * Undefined (null) when no alter has a value.
 *
 * @see Shannon, C. E. (1948). A mathematical theory of communication. Bell
 *      System Technical Journal, 27, 379–423. egor `alts_diversity_entropy(base = exp(1))`.
 */
export function entropy(
  net: EgoNetwork,
  attr: string,
  coding: CategoryCoding = categoryCoding(net, attr),
): number | null {
  return entropyOf(coding)
}

/** `entropy` of a prepared coding. @internal */
export function entropyOf(coding: CategoryCoding): number | null {
  const { counts, present } = coding
  if (present === 0) return null
  let h = 0
  for (const count of counts) {
    if (count === 0) continue
    const p = count / present
    h -= p * Math.log(p)
  }
  return h
}

export const entropySpec: MeasureSpec = {
  id: 'entropy',
  label: 'Shannon entropy (nats)',
  columnPattern: 'entropy_<attr>',
  formula: '−Σ_k p_k ln p_k over alters with a value',
  undefinedWhen: 'no alter has a value',
  citation: 'Shannon (1948); egor alts_diversity_entropy(base = exp(1))',
  columns: (ctx) => ctx.attributes.map((a) => `entropy_${a.name}`),
  compute: (ctx, facts, row, at) => {
    for (let i = 0; i < ctx.attributes.length; i++) row[at + i] = entropyOf(facts.codings[i]!)
  },
}
