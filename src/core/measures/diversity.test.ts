import { describe, expect, it } from 'vitest'
import { network } from '../test-support/build-network.js'
import { brokerageExample, compositionExample } from '../test-support/worked-examples.js'
import { diversity } from './diversity.js'

describe('diversity', () => {
  it('MEASURES.md composition example: GP, VCS, LA → 3', () => {
    expect(diversity(compositionExample(), 'sector')).toBe(3)
  })

  it('MEASURES.md brokerage example: B y, E z, F x, G y → 3', () => {
    expect(diversity(brokerageExample(), 'group')).toBe(3)
  })

  it('n = 0 → 0; n = 1 → 1; n = 2 same → 1, different → 2', () => {
    expect(diversity(network({ alters: [] }), 's')).toBe(0)
    expect(diversity(network({ alters: { a: { s: 'x' } } }), 's')).toBe(1)
    expect(diversity(network({ alters: { a: { s: 'x' }, b: { s: 'x' } } }), 's')).toBe(1)
    expect(diversity(network({ alters: { a: { s: 'x' }, b: { s: 'y' } } }), 's')).toBe(2)
  })

  it('missing values are not a category', () => {
    const net = network({
      alters: { a: { s: 'x' }, b: { s: null }, c: { s: '' }, d: {}, e: { s: 'y' } },
    })
    expect(diversity(net, 's')).toBe(2)
  })

  it('every value missing → 0', () => {
    expect(diversity(network({ alters: { a: { s: null }, b: {} } }), 's')).toBe(0)
  })

  it('a number and its text are one category', () => {
    expect(diversity(network({ alters: { a: { q: 1 }, b: { q: '1' }, c: { q: 2 } } }), 'q')).toBe(2)
  })

  it('categories are case-sensitive text: "VCS" and "vcs" are two', () => {
    expect(diversity(network({ alters: { a: { s: 'VCS' }, b: { s: 'vcs' } } }), 's')).toBe(2)
  })
})
