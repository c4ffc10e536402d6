import { describe, expect, it } from 'vitest'
import { network } from '../test-support/build-network.js'
import { brokerageExample, compositionExample } from '../test-support/worked-examples.js'
import { entropy } from './entropy.js'

describe('entropy', () => {
  it('MEASURES.md composition example: −(1/3 ln 1/3 + 1/2 ln 1/2 + 1/6 ln 1/6) = 1.0114 nats (1.4591 bits)', () => {
    const h = entropy(compositionExample(), 'sector')!
    expect(h).toBeCloseTo(
      -((1 / 3) * Math.log(1 / 3) + (1 / 2) * Math.log(1 / 2) + (1 / 6) * Math.log(1 / 6)),
      14,
    )
    expect(h.toFixed(4)).toBe('1.0114')
    expect((h / Math.LN2).toFixed(4)).toBe('1.4591')
  })

  it('MEASURES.md brokerage example: y 2/4, z 1/4, x 1/4 → (3/2) ln 2 ≈ 1.0397', () => {
    // −(1/2 ln 1/2 + 2 · 1/4 ln 1/4) = 1/2 ln 2 + ln 2 = (3/2) ln 2.
    const h = entropy(brokerageExample(), 'group')!
    expect(h).toBeCloseTo(1.5 * Math.LN2, 14)
    expect(h.toFixed(4)).toBe('1.0397')
  })

  it('one category → exactly 0 (+0, not −0)', () => {
    expect(entropy(network({ alters: { a: { s: 'x' } } }), 's')).toBe(0)
    expect(entropy(network({ alters: { a: { s: 'x' }, b: { s: 'x' }, c: { s: 'x' } } }), 's')).toBe(
      0,
    )
  })

  it('two equal categories → ln 2; k equal categories → ln k', () => {
    expect(entropy(network({ alters: { a: { s: 'x' }, b: { s: 'y' } } }), 's')).toBe(Math.LN2)
    const four = network({
      alters: { a: { s: 'w' }, b: { s: 'x' }, c: { s: 'y' }, d: { s: 'z' } },
    })
    expect(entropy(four, 's')).toBeCloseTo(Math.log(4), 14)
  })

  it('hand-built 3 : 1 → −(3/4 ln 3/4 + 1/4 ln 1/4) = ln 4 − (3/4) ln 3 ≈ 0.5623', () => {
    const net = network({
      alters: { a: { s: 'x' }, b: { s: 'x' }, c: { s: 'x' }, d: { s: 'y' } },
    })
    expect(entropy(net, 's')).toBeCloseTo(Math.log(4) - 0.75 * Math.log(3), 14)
    expect(entropy(net, 's')!.toFixed(4)).toBe('0.5623')
  })

  it('missing values are left out: p_k over the alters that have a value', () => {
    // x, x, y and two missing: p = 2/3, 1/3 over the 3 with a value →
    // −(2/3 ln 2/3 + 1/3 ln 1/3) = ln 3 − (2/3) ln 2 ≈ 0.6365 (over n = 5 it would be ≈ 0.6884).
    const net = network({
      alters: { a: { s: 'x' }, b: { s: 'x' }, c: { s: null }, d: { s: 'y' }, e: {} },
    })
    expect(entropy(net, 's')).toBeCloseTo(Math.log(3) - (2 / 3) * Math.LN2, 14)
    expect(entropy(net, 's')!.toFixed(4)).toBe('0.6365')
  })

  it('undefined (null) when n = 0 or no alter has a value', () => {
    expect(entropy(network({ alters: [] }), 's')).toBeNull()
    expect(entropy(network({ alters: { a: { s: null }, b: { s: '' } } }), 's')).toBeNull()
  })
})
