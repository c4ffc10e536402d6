import type { EgoNetwork } from '../network/ego-network.js'
import { network } from './build-network.js'

/**
 * The worked examples of MEASURES.md as ego networks, shared by the measure
 * tests. (Borgatti's example is built from its edge list with `egoNetworkOf`.)
 */

/**
 * MEASURES.md composition example (egor): ego sector VCS; alters 1–6 with
 * sectors GP, GP, VCS, VCS, VCS, LA; alter–alter ties 1–2, 3–4, 4–5, 1–3, 5–6
 * (a path 2–1–3–4–5–6). The grouping attribute is `sector` on both sides.
 */
export function compositionExample(): EgoNetwork {
  return network({
    id: 'composition-example',
    ego: { sector: 'VCS' },
    alters: {
      '1': { sector: 'GP' },
      '2': { sector: 'GP' },
      '3': { sector: 'VCS' },
      '4': { sector: 'VCS' },
      '5': { sector: 'VCS' },
      '6': { sector: 'LA' },
    },
    ties: '1-2 3-4 4-5 1-3 5-6',
  })
}

/**
 * MEASURES.md brokerage example (sna): A's ego network in Borgatti's graph
 * (alters B, E, F, G; alter ties B-G, E-G, F-G) with groups A=x, B=y, F=x,
 * G=y, E=z in the attribute `group`.
 */
export function brokerageExample(): EgoNetwork {
  return network({
    id: 'A',
    ego: { group: 'x' },
    alters: { B: { group: 'y' }, E: { group: 'z' }, F: { group: 'x' }, G: { group: 'y' } },
    ties: 'B-G E-G F-G',
  })
}

/** Every pair of `ids` as a `ties` string: 'a-b a-c b-c' for a complete graph. */
export function allPairs(ids: readonly string[]): string {
  const pairs: string[] = []
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) pairs.push(`${ids[i]!}-${ids[j]!}`)
  }
  return pairs.join(' ')
}
