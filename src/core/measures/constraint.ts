import type { EgoNetwork } from '../network/ego-network.js'
import type { MeasureSpec } from './measure-spec.js'
import { degreeOf, egoGraph, type EgoGraph } from './ego-graph.js'

/**
 * Burt's constraint of the ego in its ego network G_e (ego + alters + a tie
 * from ego to every alter + the `yes` alter–alter ties), unweighted:
 *
 *   C = Σ_j c_j,   c_j = (p_ej + Σ_{q ≠ e, j} p_eq · p_qj)²
 *   p_ij = m_ij / Σ_k m_ik   (m = 1 for a tie, 0 otherwise)
 *
 * In G_e the ego is tied to all n alters, so p_ej = 1/n, and alter q is tied
 * to the ego and its deg(q) alters, so p_qj = 1 / (deg(q) + 1) when q–j is a
 * tie. Hence c_j = (1/n) ² · (1 + Σ_{q ∈ N(j)} 1 / (deg(q) + 1))², O(n + t).
 *
 * This is the ego-network model; igraph/networkx on a whole network give a
 * different number (MEASURES.md, Borgatti's example: 0.6836 here vs 0.5955).
 * Undefined (null) when n = 0. One alter gives C = 1.
 *
 * @see Burt, R. S. (1992). Structural Holes, ch. 2. Harvard University Press.
 *      igraph `constraint` on G_e; networkx `constraint` on G_e.
 */
export function constraint(net: EgoNetwork, graph: EgoGraph = egoGraph(net)): number | null {
  return constraintOf(constraintContributions(graph))
}

/** C from the dyadic constraints c_j (`constraintContributions`). @internal */
export function constraintOf(c: readonly number[] | null): number | null {
  if (c === null) return null
  let sum = 0
  for (const value of c) sum += value
  return sum
}

/**
 * The dyadic constraints c_j of every alter on the ego (see `constraint`);
 * null when n = 0. Shared with `hierarchy`.
 * @internal
 */
export function constraintContributions(g: EgoGraph): number[] | null {
  if (g.n === 0) return null
  const share = new Array<number>(g.n)
  for (let q = 0; q < g.n; q++) share[q] = 1 / (degreeOf(g, q) + 1)
  const c = new Array<number>(g.n)
  for (let j = 0; j < g.n; j++) {
    let indirect = 0
    for (let k = g.start[j]!; k < g.start[j + 1]!; k++) indirect += share[g.neighbours[k]!]!
    const pj = (1 + indirect) / g.n
    c[j] = pj * pj
  }
  return c
}

export const constraintSpec: MeasureSpec = {
  id: 'constraint',
  label: "Burt's constraint",
  columnPattern: 'constraint',
  formula: 'Σ_j (p_ej + Σ_q p_eq p_qj)², p_ij = m_ij / Σ_k m_ik, in the ego network G_e',
  undefinedWhen: 'n = 0',
  citation: 'Burt (1992), Structural Holes ch. 2; igraph/networkx constraint on G_e',
  columns: () => ['constraint'],
  compute: (_ctx, facts, row, at) => {
    row[at] = constraintOf(facts.constraints)
  },
}
