import { describe, expect, it } from 'vitest'
import type { EgoNetwork } from '../network/ego-network.js'
import { network } from '../test-support/build-network.js'
import { allPairs, compositionExample } from '../test-support/worked-examples.js'
import { constraint, constraintContributions } from './constraint.js'
import { egoGraph } from './ego-graph.js'

/**
 * Burt's constraint of the ego straight from the definition, on the full
 * adjacency matrix of G_e (ego = node n): C = Σ_j (p_ej + Σ_q p_eq p_qj)²,
 * p_ij = a_ij / Σ_k a_ik. Independent of the O(n + t) shortcut in the source.
 */
function constraintByDefinition(net: EgoNetwork): number {
  const n = net.alters.length
  const e = n
  const a = Array.from({ length: n + 1 }, () => new Array<number>(n + 1).fill(0))
  for (let j = 0; j < n; j++) a[e]![j] = a[j]![e] = 1
  for (const tie of net.ties)
    if (tie.state === 'yes') a[tie.from]![tie.to] = a[tie.to]![tie.from] = 1
  const p = a.map((row) => {
    const sum = row.reduce((s, x) => s + x, 0)
    return row.map((x) => x / sum)
  })
  let total = 0
  for (let j = 0; j < n; j++) {
    let pj = p[e]![j]!
    for (let q = 0; q < n; q++) if (q !== j) pj += p[e]![q]! * p[q]![j]!
    total += pj * pj
  }
  return total
}

describe('constraint', () => {
  it('MEASURES.md composition example (path 2–1–3–4–5–6): C = 570/1296 = 95/216', () => {
    // c_j = ((1 + Σ_{q ∈ N(j)} 1/(deg q + 1)) / 6)²; degrees 1:2, 2:1, 3:2, 4:2, 5:2, 6:1.
    // 1: (1 + 1/2 + 1/3)/6 = 11/36 → 121/1296    2: (1 + 1/3)/6 = 8/36 → 64/1296
    // 3: (1 + 1/3 + 1/3)/6 = 10/36 → 100/1296    4: same as 3 → 100/1296
    // 5: (1 + 1/3 + 1/2)/6 → 121/1296            6: (1 + 1/3)/6 → 64/1296
    const net = compositionExample()
    expect(constraint(net)).toBeCloseTo(95 / 216, 14)
    const c = constraintContributions(egoGraph(net))!
    expect(c.map((x) => Math.round(x * 1296))).toEqual([121, 64, 100, 100, 121, 64])
    expect(constraint(net)).toBeCloseTo(constraintByDefinition(net), 14)
  })

  it('hand-built path a–b–c: c_a = c_c = ((1 + 1/3)/3)² = 16/81, c_b = ((1 + 1/2 + 1/2)/3)² = 36/81 → 68/81', () => {
    const net = network({ alters: ['a', 'b', 'c'], ties: 'a-b b-c' })
    expect(constraintContributions(egoGraph(net))).toEqual([16 / 81, 36 / 81, 16 / 81])
    expect(constraint(net)).toBeCloseTo(68 / 81, 14)
  })

  it('undefined (null) when n = 0', () => {
    expect(constraint(network({ alters: [] }))).toBeNull()
    expect(constraintContributions(egoGraph(network({ alters: [] })))).toBeNull()
  })

  it('n = 1 → 1 (the only alter holds all the constraint)', () => {
    expect(constraint(network({ alters: ['a'] }))).toBe(1)
  })

  it('n = 2: untied → 2·(1/2)² = 1/2; tied (a triangle with ego) → 2·(1/2 + 1/2·1/2)² = 9/8', () => {
    expect(constraint(network({ alters: ['a', 'b'] }))).toBe(1 / 2)
    expect(constraint(network({ alters: ['a', 'b'], ties: 'a-b' }))).toBe(9 / 8)
  })

  it('no ties → n·(1/n)² = 1/n', () => {
    expect(constraint(network({ alters: ['a', 'b', 'c', 'd'] }))).toBe(1 / 4)
    expect(constraint(network({ alters: ['a', 'b', 'c', 'd', 'e'] }))).toBeCloseTo(1 / 5, 15)
  })

  it('complete graph: n·((1 + (n−1)/n)/n)² = (2n − 1)²/n³: n = 3 → 25/27, n = 4 → 49/64', () => {
    const three = ['a', 'b', 'c']
    const four = ['a', 'b', 'c', 'd']
    expect(constraint(network({ alters: three, ties: allPairs(three) }))).toBeCloseTo(25 / 27, 14)
    expect(constraint(network({ alters: four, ties: allPairs(four) }))).toBeCloseTo(49 / 64, 14)
  })

  it('`no`, `dont_know` and `not_asked` pairs are not ties', () => {
    expect(constraint(network({ alters: ['a', 'b'], no: 'a-b' }))).toBe(1 / 2)
    expect(constraint(network({ alters: ['a', 'b'], unknown: 'a-b' }))).toBe(1 / 2)
    expect(constraint(network({ alters: ['a', 'b'], notAsked: 'a-b' }))).toBe(1 / 2)
    const path = network({ alters: ['a', 'b', 'c'], ties: 'a-b b-c', unknown: 'a-c' })
    expect(constraint(path)).toBeCloseTo(68 / 81, 14)
  })

  it('agrees with the definition on an irregular network (two triangles sharing c, a pendant, an isolate)', () => {
    const net = network({
      alters: ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
      ties: 'a-b b-c a-c c-d d-e c-e e-f',
      unknown: 'a-g',
    })
    expect(constraint(net)).toBeCloseTo(constraintByDefinition(net), 14)
  })
})
