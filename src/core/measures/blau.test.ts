import { describe, expect, it } from 'vitest'
import { network } from '../test-support/build-network.js'
import { brokerageExample, compositionExample } from '../test-support/worked-examples.js'
import { blau } from './blau.js'

describe('blau', () => {
  it('MEASURES.md composition example: 1 − (1/9 + 1/4 + 1/36) = 1 − 14/36 = 11/18 ≈ 0.6111', () => {
    const b = blau(compositionExample(), 'sector')
    expect(b).toBeCloseTo(11 / 18, 14)
    expect(b!.toFixed(4)).toBe('0.6111')
  })

  it('MEASURES.md brokerage example: 1 − (1/4 + 1/16 + 1/16) = 5/8', () => {
    expect(blau(brokerageExample(), 'group')).toBe(5 / 8)
  })

  it('one category → exactly 0', () => {
    expect(blau(network({ alters: { a: { s: 'x' } } }), 's')).toBe(0)
    expect(blau(network({ alters: { a: { s: 'x' }, b: { s: 'x' } } }), 's')).toBe(0)
  })

  it('two equal categories → 1/2; three → 2/3; 3 : 1 → 1 − (9/16 + 1/16) = 3/8', () => {
    expect(blau(network({ alters: { a: { s: 'x' }, b: { s: 'y' } } }), 's')).toBe(1 / 2)
    const three = network({ alters: { a: { s: 'x' }, b: { s: 'y' }, c: { s: 'z' } } })
    expect(blau(three, 's')).toBeCloseTo(2 / 3, 15)
    const threeToOne = network({
      alters: { a: { s: 'x' }, b: { s: 'x' }, c: { s: 'x' }, d: { s: 'y' } },
    })
    expect(blau(threeToOne, 's')).toBe(3 / 8)
  })

  it('missing values are left out: x, y, missing → 1/2 over the 2 with a value (not 1 − 2/9)', () => {
    const net = network({ alters: { a: { s: 'x' }, b: { s: 'y' }, c: { s: null } } })
    expect(blau(net, 's')).toBe(1 / 2)
  })

  it('undefined (null) when n = 0 or no alter has a value', () => {
    expect(blau(network({ alters: [] }), 's')).toBeNull()
    expect(blau(network({ alters: { a: { s: null }, b: {} } }), 's')).toBeNull()
  })
})
