import { describe, expect, it } from 'vitest'
import { network } from '../test-support/build-network.js'
import { brokerageExample, compositionExample } from '../test-support/worked-examples.js'
import { egoEiIndex } from './ego-ei-index.js'

describe('egoEiIndex', () => {
  it('MEASURES.md composition example: ego VCS; E = 3 (GP, GP, LA), I = 3 (VCS ×3) → 0', () => {
    expect(egoEiIndex(compositionExample(), 'sector', 'VCS')).toBe(0)
  })

  it('MEASURES.md brokerage example: ego x; E = 3 (B y, E z, G y), I = 1 (F x) → 2/4 = 1/2', () => {
    expect(egoEiIndex(brokerageExample(), 'group', 'x')).toBe(1 / 2)
  })

  it('all alters like the ego → −1; none → +1', () => {
    const net = network({ alters: { a: { s: 'x' }, b: { s: 'x' } } })
    expect(egoEiIndex(net, 's', 'x')).toBe(-1)
    expect(egoEiIndex(net, 's', 'y')).toBe(1)
  })

  it('hand-built: ego x; alters x, y, y, z, z → E = 4, I = 1 → 3/5', () => {
    const net = network({
      alters: { a: { s: 'x' }, b: { s: 'y' }, c: { s: 'y' }, d: { s: 'z' }, e: { s: 'z' } },
    })
    expect(egoEiIndex(net, 's', 'x')).toBe(3 / 5)
  })

  it('undefined (null) when n = 0', () => {
    expect(egoEiIndex(network({ alters: [] }), 's', 'x')).toBeNull()
  })

  it('n = 1 and n = 2', () => {
    expect(egoEiIndex(network({ alters: { a: { s: 'x' } } }), 's', 'x')).toBe(-1)
    expect(egoEiIndex(network({ alters: { a: { s: 'x' }, b: { s: 'y' } } }), 's', 'x')).toBe(0)
  })

  it('alters with a missing value are left out: ego x; x, y, missing, missing → (1 − 1)/2 = 0', () => {
    const net = network({
      alters: { a: { s: 'x' }, b: { s: 'y' }, c: { s: null }, d: {} },
    })
    expect(egoEiIndex(net, 's', 'x')).toBe(0)
  })

  it('undefined (null) when no alter has a value', () => {
    expect(egoEiIndex(network({ alters: { a: { s: null }, b: {} } }), 's', 'x')).toBeNull()
  })

  it("undefined (null) when the ego's own value is missing", () => {
    expect(egoEiIndex(compositionExample(), 'sector', null)).toBeNull()
  })

  it('alter–alter ties do not matter', () => {
    const alters = { a: { s: 'x' }, b: { s: 'y' } }
    expect(egoEiIndex(network({ alters, ties: 'a-b' }), 's', 'x')).toBe(0)
  })
})
