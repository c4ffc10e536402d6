import { describe, expect, it } from 'vitest'
import type { EgoNetwork } from '../network/ego-network.js'
import { network } from '../test-support/build-network.js'
import { allPairs, compositionExample } from '../test-support/worked-examples.js'
import { createRandom } from '../demo/random.js'
import { egoBetweenness } from './ego-betweenness.js'

/**
 * Betweenness of the ego in G_e by brute force (breadth-first search from
 * every alter, counting geodesics): Σ over alter pairs {s,t} of
 * σ_st(ego)/σ_st. Valid as a reference only when no pair is unknown.
 */
function betweennessInGe(net: EgoNetwork): number {
  const n = net.alters.length
  const e = n
  const adj: number[][] = Array.from({ length: n + 1 }, () => [])
  for (let j = 0; j < n; j++) {
    adj[e]!.push(j)
    adj[j]!.push(e)
  }
  for (const tie of net.ties) {
    if (tie.state !== 'yes') continue
    adj[tie.from]!.push(tie.to)
    adj[tie.to]!.push(tie.from)
  }
  const bfs = (s: number) => {
    const dist = new Array<number>(n + 1).fill(-1)
    const sigma = new Array<number>(n + 1).fill(0)
    dist[s] = 0
    sigma[s] = 1
    const queue = [s]
    for (let i = 0; i < queue.length; i++) {
      const v = queue[i]!
      for (const w of adj[v]!) {
        if (dist[w] === -1) {
          dist[w] = dist[v]! + 1
          queue.push(w)
        }
        if (dist[w] === dist[v]! + 1) sigma[w]! += sigma[v]!
      }
    }
    return { dist, sigma }
  }
  const fromEgo = bfs(e)
  let total = 0
  for (let s = 0; s < n; s++) {
    const { dist, sigma } = bfs(s)
    for (let t = s + 1; t < n; t++) {
      if (dist[e]! + fromEgo.dist[t]! === dist[t]!) {
        total += (sigma[e]! * fromEgo.sigma[t]!) / sigma[t]!
      }
    }
  }
  return total
}

describe('egoBetweenness', () => {
  it('MEASURES.md composition example (path 2–1–3–4–5–6): 10 open pairs, 4 with one common alter → 6 + 4·1/2 = 8', () => {
    // Open pairs with a common neighbour: 2–3 (1), 1–4 (3), 3–5 (4), 4–6 (5) → 1/2 each;
    // 2–4, 2–5, 2–6, 1–5, 1–6, 3–6 have none → 1 each.
    const net = compositionExample()
    expect(egoBetweenness(net)).toBe(8)
    expect(betweennessInGe(net)).toBe(8)
  })

  it('n = 0 and n = 1 → 0', () => {
    expect(egoBetweenness(network({ alters: [] }))).toBe(0)
    expect(egoBetweenness(network({ alters: ['a'] }))).toBe(0)
  })

  it('n = 2: untied → 1 (the only path is through ego); tied → 0', () => {
    expect(egoBetweenness(network({ alters: ['a', 'b'] }))).toBe(1)
    expect(egoBetweenness(network({ alters: ['a', 'b'], ties: 'a-b' }))).toBe(0)
  })

  it('no ties → n(n−1)/2; complete graph → 0', () => {
    const ids = ['a', 'b', 'c', 'd']
    expect(egoBetweenness(network({ alters: ids }))).toBe(6)
    expect(egoBetweenness(network({ alters: ids, ties: allPairs(ids) }))).toBe(0)
  })

  it('path a–b–c: open pair a–c has common alter b → 1/(1 + 1) = 1/2', () => {
    expect(egoBetweenness(network({ alters: ['a', 'b', 'c'], ties: 'a-b b-c' }))).toBe(1 / 2)
  })

  it('4-cycle a–b–c–d: open pairs a–c and b–d each have 2 common alters → 2·1/3 = 2/3', () => {
    const net = network({ alters: ['a', 'b', 'c', 'd'], ties: 'a-b b-c c-d d-a' })
    expect(egoBetweenness(net)).toBeCloseTo(2 / 3, 15)
    expect(betweennessInGe(net)).toBeCloseTo(2 / 3, 15)
  })

  it('star among alters (hub h, leaves x, y, z, w): C(4,2) = 6 leaf pairs · 1/2 = 3', () => {
    const net = network({ alters: ['h', 'x', 'y', 'z', 'w'], ties: 'h-x h-y h-z h-w' })
    expect(egoBetweenness(net)).toBe(3)
  })

  it('explicit `no` pairs are open pairs, exactly like absent ones', () => {
    expect(egoBetweenness(network({ alters: ['a', 'b'], no: 'a-b' }))).toBe(1)
    expect(egoBetweenness(network({ alters: ['a', 'b', 'c'], ties: 'a-b b-c', no: 'a-c' }))).toBe(
      1 / 2,
    )
  })

  it('pairs of unknown state are left out (dont_know and not_asked)', () => {
    expect(egoBetweenness(network({ alters: ['a', 'b'], unknown: 'a-b' }))).toBe(0)
    expect(egoBetweenness(network({ alters: ['a', 'b'], notAsked: 'a-b' }))).toBe(0)
    // Path a–b–c with a–c unknown: the one open pair is gone → 0.
    expect(
      egoBetweenness(network({ alters: ['a', 'b', 'c'], ties: 'a-b b-c', unknown: 'a-c' })),
    ).toBe(0)
    expect(
      egoBetweenness(network({ alters: ['a', 'b', 'c'], ties: 'a-b b-c', notAsked: 'a-c' })),
    ).toBe(0)
    // No ties, 4 alters, one unknown pair: 6 − 1 = 5.
    expect(egoBetweenness(network({ alters: ['a', 'b', 'c', 'd'], unknown: 'a-b' }))).toBe(5)
  })

  it('an unknown pair is not a path either: it does not make a common alter', () => {
    // Ties a–c, b–c, a–d; b–d unknown. Open pairs: a–b (common c only; d–b is unknown) → 1/2,
    // c–d (common a) → 1/2. b–d is left out. Total 1.
    const net = network({ alters: ['a', 'b', 'c', 'd'], ties: 'a-c b-c a-d', unknown: 'b-d' })
    expect(egoBetweenness(net)).toBe(1)
  })

  it('equals brute-force betweenness of ego in G_e on an irregular network without unknown pairs', () => {
    const net = network({
      alters: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'],
      ties: 'a-b b-c a-c c-d d-e c-e e-f f-g a-g b-g',
    })
    expect(egoBetweenness(net)).toBeCloseTo(betweennessInGe(net), 14)
  })

  /** A random network of n alters with yes, no and unknown pairs. */
  function randomNetwork(seed: number, n: number): EgoNetwork {
    const rng = createRandom(seed)
    const alters = Array.from({ length: n }, (_, i) => `a${String(i)}`)
    const lists: Record<'ties' | 'no' | 'unknown' | 'notAsked', string[]> = {
      ties: [],
      no: [],
      unknown: [],
      notAsked: [],
    }
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const r = rng.next()
        const pair = `${alters[i]!}-${alters[j]!}`
        if (r < 0.3) lists.ties.push(pair)
        else if (r < 0.4) lists.no.push(pair)
        else if (r < 0.45) lists.unknown.push(pair)
        else if (r < 0.5) lists.notAsked.push(pair)
      }
    }
    return network({
      alters,
      ties: lists.ties.join(' '),
      no: lists.no.join(' '),
      unknown: lists.unknown.join(' '),
      notAsked: lists.notAsked.join(' '),
    })
  }

  it('does not depend on the order of the alters or of the ties (summed by common-neighbour count)', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const net = randomNetwork(seed, 5 + seed)
      const order = createRandom(1000 + seed).shuffle(net.alters.map((_, i) => i))
      const position = new Array<number>(order.length)
      order.forEach((old, i) => (position[old] = i))
      const shuffled: EgoNetwork = {
        ...net,
        alters: order.map((old) => net.alters[old]!),
        ties: createRandom(2000 + seed)
          .shuffle(net.ties)
          .map((t) => ({ ...t, from: position[t.from]!, to: position[t.to]! }) as typeof t),
      }
      expect(egoBetweenness(shuffled)).toBe(egoBetweenness(net))
    }
  })

  it('counts the same in its pair table (n ≤ 128) as by two-step walks (larger egos)', () => {
    // An isolated alter adds n open pairs, none with a common alter (+n), and
    // moves an ego of 128 alters from the table to the walks.
    for (let seed = 1; seed <= 4; seed++) {
      const net = randomNetwork(seed, 128)
      const wider = network({
        alters: [...net.alters.map((a) => a.id), 'isolate'],
        ties: net.ties
          .filter((t) => t.state === 'yes')
          .map((t) => `${net.alters[t.from]!.id}-${net.alters[t.to]!.id}`)
          .join(' '),
        unknown: net.ties
          .filter((t) => t.state !== 'yes' && t.state !== 'no')
          .map((t) => `${net.alters[t.from]!.id}-${net.alters[t.to]!.id}`)
          .join(' '),
      })
      expect(egoBetweenness(wider)).toBeCloseTo(egoBetweenness(net) + 128, 9)
      // And the same ego twice in a row gives the same value: the table is left clean.
      expect(egoBetweenness(net)).toBe(egoBetweenness(net))
    }
  })

  it('equals brute force on random networks without unknown pairs', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const net = randomNetwork(seed, 3 + seed)
      const known: EgoNetwork = { ...net, ties: net.ties.filter((t) => t.state === 'yes') }
      expect(egoBetweenness(known)).toBeCloseTo(betweennessInGe(known), 12)
    }
  })
})
