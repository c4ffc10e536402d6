import { describe, expect, it } from 'vitest'
import { network } from '../test-support/build-network.js'
import { allPairs, compositionExample } from '../test-support/worked-examples.js'
import { tieCount } from './tie-count.js'

describe('tieCount', () => {
  // Borgatti's example (also the brokerage example's structure) is in borgatti-example.test.ts.
  it('MEASURES.md composition example: t = 5', () => {
    expect(tieCount(compositionExample())).toBe(5)
  })

  it('n = 0, 1, 2', () => {
    expect(tieCount(network({ alters: [] }))).toBe(0)
    expect(tieCount(network({ alters: ['a'] }))).toBe(0)
    expect(tieCount(network({ alters: ['a', 'b'] }))).toBe(0)
    expect(tieCount(network({ alters: ['a', 'b'], ties: 'a-b' }))).toBe(1)
  })

  it('complete graph on n alters has n(n−1)/2 ties: 4 → 6, 6 → 15', () => {
    const four = ['a', 'b', 'c', 'd']
    const six = ['a', 'b', 'c', 'd', 'e', 'f']
    expect(tieCount(network({ alters: four, ties: allPairs(four) }))).toBe(6)
    expect(tieCount(network({ alters: six, ties: allPairs(six) }))).toBe(15)
  })

  it('counts only `yes` pairs: `no`, `dont_know` and `not_asked` are not ties', () => {
    const net = network({
      alters: ['a', 'b', 'c', 'd'],
      ties: 'a-b',
      no: 'a-c',
      unknown: 'a-d',
      notAsked: 'b-c',
    })
    expect(tieCount(net)).toBe(1)
    expect(tieCount(network({ alters: ['a', 'b'], no: 'a-b' }))).toBe(0)
    expect(tieCount(network({ alters: ['a', 'b'], unknown: 'a-b' }))).toBe(0)
    expect(tieCount(network({ alters: ['a', 'b'], notAsked: 'a-b' }))).toBe(0)
  })
})
