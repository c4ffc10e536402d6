import { describe, expect, it } from 'vitest'
import { network } from '../test-support/build-network.js'
import { multiplexity } from './multiplexity.js'

describe('multiplexity', () => {
  it('hand-built: alters named by 3, 1 and 0 generators → 4/3', () => {
    const net = network({
      alters: ['a', 'b', 'c'],
      generators: { a: ['work_contact', 'refers_to', 'advice_support'], b: ['work_contact'] },
    })
    expect(multiplexity(net)).toBe(4 / 3)
  })

  it('every alter named by all four generators → 4; by exactly one → 1', () => {
    const all = ['work_contact', 'refers_to', 'advice_support', 'capacity_building']
    expect(multiplexity(network({ alters: ['a', 'b'], generators: { a: all, b: all } }))).toBe(4)
    expect(
      multiplexity(
        network({ alters: ['a', 'b'], generators: { a: ['refers_to'], b: ['work_contact'] } }),
      ),
    ).toBe(1)
  })

  it('undefined (null) when n = 0', () => {
    expect(multiplexity(network({ alters: [] }))).toBeNull()
  })

  it('n = 1; alters named by no generator count 0 in the mean', () => {
    expect(
      multiplexity(network({ alters: ['a'], generators: { a: ['refers_to', 'work_contact'] } })),
    ).toBe(2)
    expect(multiplexity(network({ alters: ['a', 'b'] }))).toBe(0)
  })
})
