import { describe, expect, it } from 'vitest'
import { network } from '../test-support/build-network.js'
import { allPairs, compositionExample } from '../test-support/worked-examples.js'
import { networkSize } from './network-size.js'

describe('networkSize', () => {
  // Borgatti's example (also the brokerage example's structure) is in borgatti-example.test.ts.
  it('MEASURES.md composition example: n = 6', () => {
    expect(networkSize(compositionExample())).toBe(6)
  })

  it('n = 0, 1, 2', () => {
    expect(networkSize(network({ alters: [] }))).toBe(0)
    expect(networkSize(network({ alters: ['a'] }))).toBe(1)
    expect(networkSize(network({ alters: ['a', 'b'] }))).toBe(2)
  })

  it('does not depend on ties of any state', () => {
    const ids = ['a', 'b', 'c', 'd', 'e']
    expect(networkSize(network({ alters: ids }))).toBe(5)
    expect(networkSize(network({ alters: ids, ties: allPairs(ids) }))).toBe(5)
    expect(networkSize(network({ alters: ids, no: 'a-b', unknown: 'a-c', notAsked: 'a-d' }))).toBe(
      5,
    )
  })

  it('counts an alter once however many generators named it, and alters with missing values', () => {
    const net = network({
      alters: { a: { org_type: 'vcse' }, b: { org_type: null }, c: {} },
      generators: { a: ['work_contact', 'refers_to', 'advice_support'], b: [] },
    })
    expect(networkSize(net)).toBe(3)
  })
})
