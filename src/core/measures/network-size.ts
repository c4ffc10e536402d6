import type { EgoNetwork } from '../network/ego-network.js'
import type { MeasureSpec } from './measure-spec.js'

/**
 * Network size: the number of alters the ego named.
 *
 *   size = n
 *
 * Alters are counted once however many name generators named them.
 *
 * @see Marsden, P. V. (1987). Core discussion networks of Americans.
 *      American Sociological Review, 52(1), 122–131. (egor `ego_density` netsize)
 */
export function networkSize(net: EgoNetwork): number {
  return net.alters.length
}

export const networkSizeSpec: MeasureSpec = {
  id: 'size',
  label: 'Network size',
  columnPattern: 'size',
  formula: 'n',
  undefinedWhen: '–',
  citation: 'Marsden (1987), Am Sociol Rev 52(1); egor ego_density netsize',
  columns: () => ['size'],
  compute: (_ctx, facts, row, at) => {
    row[at] = facts.graph.n
  },
}
