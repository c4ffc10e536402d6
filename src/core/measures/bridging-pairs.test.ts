import { describe, expect, it } from 'vitest'
import { defaultBridge } from '../network/conventions.js'
import { network } from '../test-support/build-network.js'
import { allPairs, compositionExample } from '../test-support/worked-examples.js'
import { bridgingPairs } from './bridging-pairs.js'

const set = (...values: string[]) => new Set(values)
const A = new Set<string>(defaultBridge.a)
const B = new Set<string>(defaultBridge.b)

describe('bridgingPairs', () => {
  it('MEASURES.md composition example, A = {GP}, B = {VCS, LA}: 2·4 = 8 pairs − tie 1–3 → 7', () => {
    // Open GP–(VCS|LA) pairs: 2–3, 2–4, 2–5, 2–6, 1–4, 1–5, 1–6.
    expect(bridgingPairs(compositionExample(), 'sector', set('GP'), set('VCS', 'LA'))).toBe(7)
  })

  it('MEASURES.md composition example, A = {GP}, B = {LA}: 1–6, 2–6 → 2', () => {
    expect(bridgingPairs(compositionExample(), 'sector', set('GP'), set('LA'))).toBe(2)
  })

  it('default sets: primary_care on one side, vcse and local_authority on the other', () => {
    // p1, p2 primary_care; v vcse; l local_authority; o other; tie p1–v.
    // 2·2 = 4 pairs (p1–v, p1–l, p2–v, p2–l) − tied p1–v → 3. o and p1–p2, v–l do not bridge.
    const net = network({
      alters: {
        p1: { org_type: 'primary_care' },
        p2: { org_type: 'primary_care' },
        v: { org_type: 'vcse' },
        l: { org_type: 'local_authority' },
        o: { org_type: 'other' },
      },
      ties: 'p1-v',
    })
    expect(bridgingPairs(net, 'org_type', A, B)).toBe(3)
  })

  it('n = 0, n = 1 → 0', () => {
    expect(bridgingPairs(network({ alters: [] }), 'g', set('a'), set('b'))).toBe(0)
    expect(bridgingPairs(network({ alters: { x: { g: 'a' } } }), 'g', set('a'), set('b'))).toBe(0)
  })

  it('n = 2 across the sets: open → 1; tied, dont_know or not_asked → 0; explicit no → 1', () => {
    const alters = { x: { g: 'a' }, y: { g: 'b' } }
    const count = (extra: object) =>
      bridgingPairs(network({ alters, ...extra }), 'g', set('a'), set('b'))
    expect(count({})).toBe(1)
    expect(count({ ties: 'x-y' })).toBe(0)
    expect(count({ unknown: 'x-y' })).toBe(0)
    expect(count({ notAsked: 'x-y' })).toBe(0)
    expect(count({ no: 'x-y' })).toBe(1)
  })

  it('pairs within one set do not bridge', () => {
    const alters = { p: { g: 'a' }, q: { g: 'a' }, r: { g: 'b' }, s: { g: 'b' } }
    // Only the 4 a–b pairs: p–r, p–s, q–r, q–s.
    expect(bridgingPairs(network({ alters }), 'g', set('a'), set('b'))).toBe(4)
  })

  it('complete graph → 0', () => {
    const alters = { p: { g: 'a' }, q: { g: 'b' }, r: { g: 'b' }, s: { g: 'c' } }
    const net = network({ alters, ties: allPairs(Object.keys(alters)) })
    expect(bridgingPairs(net, 'g', set('a'), set('b', 'c'))).toBe(0)
  })

  it('alters with a missing value bridge nothing', () => {
    const alters = { p: { g: 'a' }, q: { g: null }, r: { g: 'b' }, s: {} }
    expect(bridgingPairs(network({ alters }), 'g', set('a'), set('b'))).toBe(1)
    expect(bridgingPairs(network({ alters, ties: 'p-q q-r r-s' }), 'g', set('a'), set('b'))).toBe(1)
  })

  it('overlapping sets A = {x, y}, B = {y, z}: a y–y pair bridges (one in A, the other in B)', () => {
    // Alters x1, y1, y2, z1, w1, no ties. Qualifying pairs: x1–y1, x1–y2, x1–z1, y1–y2, y1–z1,
    // y2–z1 → 6 (x–x would need two x; w is in neither). Formula: |A∖B|·|B∖A| + |A∖B|·|A∩B|
    // + |B∖A|·|A∩B| + C(|A∩B|, 2) = 1 + 2 + 2 + 1 = 6.
    const alters = {
      x1: { g: 'x' },
      y1: { g: 'y' },
      y2: { g: 'y' },
      z1: { g: 'z' },
      w1: { g: 'w' },
    }
    const AB = [set('x', 'y'), set('y', 'z')] as const
    expect(bridgingPairs(network({ alters }), 'g', ...AB)).toBe(6)
    // Tie y1–y2 closes one; unknown y1–z1 another; tie x1–w1 is not a bridging pair.
    expect(
      bridgingPairs(network({ alters, ties: 'y1-y2 x1-w1', unknown: 'y1-z1' }), 'g', ...AB),
    ).toBe(4)
    // Swapping A and B gives the same count.
    expect(bridgingPairs(network({ alters }), 'g', AB[1], AB[0])).toBe(6)
  })

  it('identical sets A = B = {x}: every pair of x alters bridges → C(3,2) = 3', () => {
    const alters = { p: { g: 'x' }, q: { g: 'x' }, r: { g: 'x' }, s: { g: 'y' } }
    expect(bridgingPairs(network({ alters }), 'g', set('x'), set('x'))).toBe(3)
  })

  it('A ⊂ B: A = {x}, B = {x, y}; alters x, x, y, z → x–x 1 + x–y 2 = 3', () => {
    const alters = { p: { g: 'x' }, q: { g: 'x' }, r: { g: 'y' }, s: { g: 'z' } }
    expect(bridgingPairs(network({ alters }), 'g', set('x'), set('x', 'y'))).toBe(3)
  })

  it('empty sets → 0', () => {
    expect(bridgingPairs(compositionExample(), 'sector', set(), set('VCS'))).toBe(0)
  })
})
