import { describe, expect, it } from 'vitest'
import { network } from '../test-support/build-network.js'
import { categoryCoding } from './alter-categories.js'
import { closedPairCounts } from './closed-pair-counts.js'
import { egoGraph } from './ego-graph.js'

describe('closedPairCounts', () => {
  it('counts tied and unknown pairs by their two categories, x ≤ y, leaving out missing values', () => {
    const net = network({
      alters: {
        a1: { g: 'a' },
        b1: { g: 'b' },
        a2: { g: 'a' },
        c1: { g: 'c' },
        m: {},
      },
      // a–b, a–a, and m's tie (missing value: not counted).
      ties: 'a1-b1 a2-a1 m-a1',
      // Known open: not counted.
      no: 'a1-c1',
      // Unknown pairs are not open: b–c, and c–a counted as a–c.
      unknown: 'b1-c1 c1-a2',
    })
    const coding = categoryCoding(net, 'g', ['a', 'b', 'c'])
    // Entry x·3 + y:  aa ab ac | ba bb bc | ca cb cc
    expect(closedPairCounts(coding, egoGraph(net))).toEqual([1, 1, 1, 0, 0, 1, 0, 0, 0])
  })
  it('is all zeros without closed pairs, and empty without levels', () => {
    const net = network({ alters: { x: { g: 'a' }, y: { g: 'a' } } })
    expect(closedPairCounts(categoryCoding(net, 'g', ['a']), egoGraph(net))).toEqual([0])
    const none = network({ alters: [] })
    expect(closedPairCounts(categoryCoding(none, 'g'), egoGraph(none))).toEqual([])
  })
})
