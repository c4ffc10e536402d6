import { describe, expect, it } from 'vitest'
import { network } from '../test-support/build-network.js'
import { allPairs, compositionExample } from '../test-support/worked-examples.js'
import { efficiency } from './efficiency.js'

describe('efficiency', () => {
  it('MEASURES.md composition example: (13/3)/6 = 13/18 = 1 − 2·5/36', () => {
    expect(efficiency(compositionExample())).toBeCloseTo(13 / 18, 14)
  })

  it('hand-built: 4 alters, 1 tie → (7/2)/4 = 7/8; path a–b–c → (5/3)/3 = 5/9', () => {
    expect(efficiency(network({ alters: ['a', 'b', 'c', 'd'], ties: 'a-b' }))).toBe(7 / 8)
    expect(efficiency(network({ alters: ['a', 'b', 'c'], ties: 'a-b b-c' }))).toBeCloseTo(5 / 9, 14)
  })

  it('undefined (null, not NaN) when n = 0', () => {
    expect(efficiency(network({ alters: [] }))).toBeNull()
  })

  it('n = 1 → 1; n = 2 → 1 without the tie, 1/2 with it', () => {
    expect(efficiency(network({ alters: ['a'] }))).toBe(1)
    expect(efficiency(network({ alters: ['a', 'b'] }))).toBe(1)
    expect(efficiency(network({ alters: ['a', 'b'], ties: 'a-b' }))).toBe(1 / 2)
  })

  it('no ties → 1; complete graph → 1/n', () => {
    const ids = ['a', 'b', 'c', 'd', 'e']
    expect(efficiency(network({ alters: ids }))).toBe(1)
    expect(efficiency(network({ alters: ids, ties: allPairs(ids) }))).toBe(1 / 5)
  })

  it('unknown and `no` pairs change nothing: 4 alters, 1 tie → 7/8', () => {
    const net = network({
      alters: ['a', 'b', 'c', 'd'],
      ties: 'a-b',
      no: 'a-c',
      unknown: 'c-d',
      notAsked: 'b-d',
    })
    expect(efficiency(net)).toBe(7 / 8)
  })
})
