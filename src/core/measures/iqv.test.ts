import { describe, expect, it } from 'vitest'
import { network } from '../test-support/build-network.js'
import { brokerageExample, compositionExample } from '../test-support/worked-examples.js'
import { iqv } from './iqv.js'

describe('iqv', () => {
  it('MEASURES.md composition example: K = 3 → (11/18)/(2/3) = 11/12 ≈ 0.9167', () => {
    const v = iqv(compositionExample(), 'sector', 3)
    expect(v).toBeCloseTo(11 / 12, 14)
    expect(v!.toFixed(4)).toBe('0.9167')
  })

  it('MEASURES.md composition example: K = 4 → (11/18)/(3/4) = 22/27 ≈ 0.8148', () => {
    const v = iqv(compositionExample(), 'sector', 4)
    expect(v).toBeCloseTo(22 / 27, 14)
    expect(v!.toFixed(4)).toBe('0.8148')
  })

  it('MEASURES.md brokerage example, K = 3: (5/8)/(2/3) = 15/16', () => {
    expect(iqv(brokerageExample(), 'group', 3)).toBeCloseTo(15 / 16, 15)
  })

  it('maximal variation → 1: two categories 1 : 1 with K = 2; three 1 : 1 : 1 with K = 3', () => {
    expect(iqv(network({ alters: { a: { s: 'x' }, b: { s: 'y' } } }), 's', 2)).toBe(1)
    const three = network({ alters: { a: { s: 'x' }, b: { s: 'y' }, c: { s: 'z' } } })
    expect(iqv(three, 's', 3)).toBeCloseTo(1, 15)
  })

  it('hand-built: 1 : 1 with K = 4 → (1/2)/(3/4) = 2/3; 3 : 1 with K = 2 → (3/8)/(1/2) = 3/4', () => {
    expect(iqv(network({ alters: { a: { s: 'x' }, b: { s: 'y' } } }), 's', 4)).toBeCloseTo(
      2 / 3,
      15,
    )
    const threeToOne = network({
      alters: { a: { s: 'x' }, b: { s: 'x' }, c: { s: 'x' }, d: { s: 'y' } },
    })
    expect(iqv(threeToOne, 's', 2)).toBe(3 / 4)
  })

  it('one category present → 0', () => {
    expect(iqv(network({ alters: { a: { s: 'x' }, b: { s: 'x' } } }), 's', 3)).toBe(0)
  })

  it('undefined (null) when K < 2', () => {
    expect(iqv(network({ alters: { a: { s: 'x' }, b: { s: 'x' } } }), 's', 1)).toBeNull()
    expect(iqv(network({ alters: { a: { s: 'x' } } }), 's', 0)).toBeNull()
  })

  it('undefined (null) when n = 0 or no alter has a value', () => {
    expect(iqv(network({ alters: [] }), 's', 3)).toBeNull()
    expect(iqv(network({ alters: { a: { s: null }, b: {} } }), 's', 3)).toBeNull()
  })

  it('missing values are left out: x, y, missing with K = 2 → 1', () => {
    const net = network({ alters: { a: { s: 'x' }, b: { s: 'y' }, c: { s: null } } })
    expect(iqv(net, 's', 2)).toBe(1)
  })
})
