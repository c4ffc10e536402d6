import { describe, expect, it } from 'vitest'
import { network } from '../test-support/build-network.js'
import { generatorSize } from './generator-size.js'

describe('generatorSize', () => {
  const net = network({
    alters: ['a', 'b', 'c', 'd'],
    generators: {
      a: ['work_contact', 'refers_to', 'advice_support'],
      b: ['work_contact'],
      c: ['refers_to', 'work_contact'],
    },
  })

  it('hand-built: work_contact a, b, c → 3; refers_to a, c → 2; advice_support a → 1', () => {
    expect(generatorSize(net, 'work_contact')).toBe(3)
    expect(generatorSize(net, 'refers_to')).toBe(2)
    expect(generatorSize(net, 'advice_support')).toBe(1)
  })

  it('a generator that named no alter → 0', () => {
    expect(generatorSize(net, 'capacity_building')).toBe(0)
  })

  it('n = 0 → 0; n = 1 → 1 or 0', () => {
    expect(generatorSize(network({ alters: [] }), 'work_contact')).toBe(0)
    const one = network({ alters: ['a'], generators: { a: ['refers_to'] } })
    expect(generatorSize(one, 'refers_to')).toBe(1)
    expect(generatorSize(one, 'work_contact')).toBe(0)
  })

  it('the sizes per generator can sum to more than n (alters named twice count in each)', () => {
    const sum = ['work_contact', 'refers_to', 'advice_support', 'capacity_building']
      .map((g) => generatorSize(net, g))
      .reduce((s, x) => s + x, 0)
    expect(sum).toBe(6)
    expect(net.alters.length).toBe(4)
  })
})
