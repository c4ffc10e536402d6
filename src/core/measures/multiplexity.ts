import type { EgoNetwork } from '../network/ego-network.js'
import type { MeasureSpec } from './measure-spec.js'

/**
 * Multiplexity: the mean number of name generators that named each alter
 * (e.g. an alter who is a work contact, a referral destination and a source
 * of advice counts 3).
 *
 *   multiplexity = Σ_j g_j / n
 *
 * Undefined (null) when n = 0.
 *
 * @see Verbrugge, L. M. (1979). Multiplexity in adult friendships. Social
 *      Forces, 57(4), 1286–1309.
 */
export function multiplexity(net: EgoNetwork): number | null {
  const n = net.alters.length
  if (n === 0) return null
  let sum = 0
  for (const alter of net.alters) sum += alter.generators.length
  return sum / n
}

/** `multiplexity` from the alters' generator masks. @internal */
export function multiplexityOf(masks: ArrayLike<number>): number | null {
  const n = masks.length
  if (n === 0) return null
  let sum = 0
  for (let j = 0; j < n; j++) {
    // Bits set in the mask: the generators that named alter j.
    let m = masks[j]!
    while (m !== 0) {
      m &= m - 1
      sum++
    }
  }
  return sum / n
}

export const multiplexitySpec: MeasureSpec = {
  id: 'multiplexity',
  label: 'Multiplexity',
  columnPattern: 'multiplexity',
  formula: 'mean number of name generators that named each alter',
  undefinedWhen: 'n = 0',
  citation: 'Verbrugge (1979), Social Forces 57(4)',
  columns: () => ['multiplexity'],
  // Without name-generator columns there is nothing to count: NA, not 0.
  compute: (ctx, facts, row, at) => {
    row[at] = ctx.generators.length === 0 ? null : multiplexityOf(facts.generatorMasks)
  },
}
