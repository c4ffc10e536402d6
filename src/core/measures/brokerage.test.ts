import { describe, expect, it } from 'vitest'
import { network } from '../test-support/build-network.js'
import { allPairs, brokerageExample, compositionExample } from '../test-support/worked-examples.js'
import { brokerage, type Brokerage } from './brokerage.js'

const zeros = { coordinator: 0, itinerant: 0, gatekeeperRepresentative: 0, liaison: 0, total: 0 }

/**
 * The counts with −0 read as 0, so the tests below check the numbers; the
 * sign of zero is checked on its own at the end.
 */
function counts(net: Parameters<typeof brokerage>[0], attr: string, ego: string | null): Brokerage {
  const b = brokerage(net, attr, ego)
  const plain = (x: number | null) => (x === null ? null : x + 0)
  return {
    coordinator: plain(b.coordinator),
    itinerant: plain(b.itinerant),
    gatekeeperRepresentative: plain(b.gatekeeperRepresentative),
    liaison: plain(b.liaison),
    total: b.total + 0,
  }
}

describe('brokerage', () => {
  it('MEASURES.md brokerage example (sna): B–E liaison, B–F and E–F gatekeeper/representative', () => {
    // sna on the symmetric graph: b_IO = 2, b_OI = 2, b_O = 2, t = 6 → (2 + 2)/2, 2/2, 6/2.
    expect(counts(brokerageExample(), 'group', 'x')).toEqual({
      coordinator: 0,
      itinerant: 0,
      gatekeeperRepresentative: 2,
      liaison: 1,
      total: 3,
    })
  })

  it('MEASURES.md composition example, ego VCS: 10 open pairs', () => {
    // Open pairs (path 2–1–3–4–5–6 removes 1–2, 1–3, 3–4, 4–5, 5–6):
    // coordinator 3–5 (VCS–VCS); gatekeeper 2–3, 2–4, 2–5, 1–4, 1–5, 3–6, 4–6 (one VCS);
    // liaison 2–6, 1–6 (GP–LA); itinerant none (the GP–GP pair 1–2 is tied).
    expect(counts(compositionExample(), 'sector', 'VCS')).toEqual({
      coordinator: 1,
      itinerant: 0,
      gatekeeperRepresentative: 7,
      liaison: 2,
      total: 10,
    })
  })

  it('one open pair of each role', () => {
    const pair = (x: string, y: string) => network({ alters: { a: { g: x }, b: { g: y } } })
    expect(counts(pair('x', 'x'), 'g', 'x')).toEqual({ ...zeros, coordinator: 1, total: 1 })
    expect(counts(pair('y', 'y'), 'g', 'x')).toEqual({ ...zeros, itinerant: 1, total: 1 })
    expect(counts(pair('x', 'y'), 'g', 'x')).toEqual({
      ...zeros,
      gatekeeperRepresentative: 1,
      total: 1,
    })
    expect(counts(pair('y', 'x'), 'g', 'x')).toEqual({
      ...zeros,
      gatekeeperRepresentative: 1,
      total: 1,
    })
    expect(counts(pair('y', 'z'), 'g', 'x')).toEqual({ ...zeros, liaison: 1, total: 1 })
  })

  it('n = 0, n = 1 → every count 0', () => {
    expect(counts(network({ alters: [] }), 'g', 'x')).toEqual(zeros)
    expect(counts(network({ alters: { a: { g: 'x' } } }), 'g', 'x')).toEqual(zeros)
  })

  it('n = 2 tied → every count 0', () => {
    const net = network({ alters: { a: { g: 'x' }, b: { g: 'y' } }, ties: 'a-b' })
    expect(counts(net, 'g', 'x')).toEqual(zeros)
  })

  it('complete graph → every count 0', () => {
    const alters = { a: { g: 'x' }, b: { g: 'x' }, c: { g: 'y' }, d: { g: 'y' }, e: { g: 'z' } }
    const net = network({ alters, ties: allPairs(Object.keys(alters)) })
    expect(counts(net, 'g', 'x')).toEqual(zeros)
  })

  it('no ties: every pair is open; ego x, alters x, x, y, y, z', () => {
    // coordinator C(2,2) = 1; itinerant C(2,2) = 1 (y–y); gatekeeper 2·3 = 6;
    // liaison y–z 2; total C(5,2) = 10.
    const alters = { a: { g: 'x' }, b: { g: 'x' }, c: { g: 'y' }, d: { g: 'y' }, e: { g: 'z' } }
    expect(counts(network({ alters }), 'g', 'x')).toEqual({
      coordinator: 1,
      itinerant: 1,
      gatekeeperRepresentative: 6,
      liaison: 2,
      total: 10,
    })
  })

  it('unknown pairs are not open; explicit `no` pairs are', () => {
    // As above with a–b (coordinator) dont_know, c–e (liaison) not_asked and c–d (itinerant)
    // listed as `no`: coordinator 0, itinerant 1, gatekeeper 6, liaison 1, total 10 − 2 = 8.
    const alters = { a: { g: 'x' }, b: { g: 'x' }, c: { g: 'y' }, d: { g: 'y' }, e: { g: 'z' } }
    const net = network({ alters, unknown: 'a-b', notAsked: 'c-e', no: 'c-d' })
    expect(counts(net, 'g', 'x')).toEqual({
      coordinator: 0,
      itinerant: 1,
      gatekeeperRepresentative: 6,
      liaison: 1,
      total: 8,
    })
  })

  it('MEASURES.md brokerage example with B–E unknown: the liaison pair is gone', () => {
    const net = network({
      ego: { group: 'x' },
      alters: { B: { group: 'y' }, E: { group: 'z' }, F: { group: 'x' }, G: { group: 'y' } },
      ties: 'B-G E-G F-G',
      unknown: 'B-E',
    })
    expect(counts(net, 'group', 'x')).toEqual({
      coordinator: 0,
      itinerant: 0,
      gatekeeperRepresentative: 2,
      liaison: 0,
      total: 2,
    })
  })

  it('pairs with a missing alter value count in total only: roles sum to less than total', () => {
    // Ego x; a x, b y, c missing, d z; no ties: 6 open pairs. a–b, a–d gatekeeper; b–d
    // liaison; a–c, b–c, c–d have a missing end → roles sum to 3 < total 6.
    const net = network({ alters: { a: { g: 'x' }, b: { g: 'y' }, c: { g: null }, d: { g: 'z' } } })
    const b = counts(net, 'g', 'x')
    expect(b).toEqual({
      coordinator: 0,
      itinerant: 0,
      gatekeeperRepresentative: 2,
      liaison: 1,
      total: 6,
    })
    expect(b.coordinator! + b.itinerant! + b.gatekeeperRepresentative! + b.liaison!).toBeLessThan(
      b.total,
    )
  })

  it('ties and unknown pairs at an alter with a missing value change only total', () => {
    // a x, b missing, c y; tie a–b; unknown b–c: open pairs a–c only → gatekeeper 1, total 1.
    const net = network({
      alters: { a: { g: 'x' }, b: {}, c: { g: 'y' } },
      ties: 'a-b',
      unknown: 'b-c',
    })
    expect(counts(net, 'g', 'x')).toEqual({ ...zeros, gatekeeperRepresentative: 1, total: 1 })
  })

  it("ego's own value missing → roles undefined (null), total still counted", () => {
    expect(counts(compositionExample(), 'sector', null)).toEqual({
      coordinator: null,
      itinerant: null,
      gatekeeperRepresentative: null,
      liaison: null,
      total: 10,
    })
  })

  it('an ego value no alter has: no coordinator or gatekeeper pairs', () => {
    // Ego link_worker; composition example alters GP, GP, VCS, VCS, VCS, LA, 10 open pairs:
    // itinerant GP–GP none open, VCS–VCS 3–5 → 1; all other 9 open pairs are liaison.
    expect(counts(compositionExample(), 'sector', 'link_worker')).toEqual({
      coordinator: 0,
      itinerant: 1,
      gatekeeperRepresentative: 0,
      liaison: 9,
      total: 10,
    })
  })

  // A count of pairs is a non-negative integer; −0 (from n(n−1)/2 with n = 0) is not one:
  // Object.is(−0, 0) is false, Intl.NumberFormat prints "-0", and every consumer of the
  // measure functions (not only the CSV writer, which maps −0 to 0) would have to know.
  it('counts are +0, never −0 (no alters; no alter shares the ego value)', () => {
    expect(brokerage(network({ alters: [] }), 'g', 'x')).toEqual(zeros)
    expect(brokerage(network({ alters: { a: { g: 'y' }, b: { g: 'y' } } }), 'g', 'x')).toEqual({
      ...zeros,
      itinerant: 1,
      total: 1,
    })
  })
})
