import { describe, expect, it } from 'vitest'
import { network } from '../test-support/build-network.js'
import { brokerageExample, compositionExample } from '../test-support/worked-examples.js'
import { eiIndex } from './ei-index.js'

describe('eiIndex', () => {
  it('MEASURES.md composition example: E = 2 (1–3, 5–6), I = 3 (1–2, 3–4, 4–5) → −1/5 (egor: 0.1429)', () => {
    expect(eiIndex(compositionExample(), 'sector')).toBe(-1 / 5)
  })

  it('MEASURES.md brokerage example: B–G y–y internal, E–G z–y and F–G x–y external → (2 − 1)/3 = 1/3', () => {
    expect(eiIndex(brokerageExample(), 'group')).toBe(1 / 3)
  })

  it('all ties within a category → −1; all between → +1', () => {
    const alters = { a: { s: 'x' }, b: { s: 'x' }, c: { s: 'y' }, d: { s: 'y' } }
    expect(eiIndex(network({ alters, ties: 'a-b c-d' }), 's')).toBe(-1)
    expect(eiIndex(network({ alters, ties: 'a-c b-d a-d' }), 's')).toBe(1)
  })

  it('hand-built: E = 3, I = 1 → 2/4 = 1/2', () => {
    const alters = { a: { s: 'x' }, b: { s: 'x' }, c: { s: 'y' }, d: { s: 'z' } }
    expect(eiIndex(network({ alters, ties: 'a-b a-c b-d c-d' }), 's')).toBe(1 / 2)
  })

  it('undefined (null) when t = 0: n = 0, 1, 2 untied, no ties', () => {
    expect(eiIndex(network({ alters: [] }), 's')).toBeNull()
    expect(eiIndex(network({ alters: { a: { s: 'x' } } }), 's')).toBeNull()
    expect(eiIndex(network({ alters: { a: { s: 'x' }, b: { s: 'y' } } }), 's')).toBeNull()
  })

  it('`no`, `dont_know` and `not_asked` pairs are not ties', () => {
    const alters = { a: { s: 'x' }, b: { s: 'x' }, c: { s: 'y' } }
    expect(eiIndex(network({ alters, no: 'a-c', unknown: 'b-c', notAsked: 'a-b' }), 's')).toBeNull()
    // One `yes` internal tie a–b; the external pairs are unknown → −1.
    expect(eiIndex(network({ alters, ties: 'a-b', unknown: 'a-c', notAsked: 'b-c' }), 's')).toBe(-1)
  })

  it('ties with a missing value at either end are left out of E and I', () => {
    // a x, b x, c y, d missing: a–b I, a–c E, a–d and c–d left out → (1 − 1)/2 = 0.
    const alters = { a: { s: 'x' }, b: { s: 'x' }, c: { s: 'y' }, d: { s: null } }
    expect(eiIndex(network({ alters, ties: 'a-b a-c a-d c-d' }), 's')).toBe(0)
  })

  it('undefined (null) when every tie has a missing end', () => {
    const alters = { a: { s: 'x' }, b: { s: null }, c: {} }
    expect(eiIndex(network({ alters, ties: 'a-b b-c a-c' }), 's')).toBeNull()
  })

  it('a number and its text are one category (internal)', () => {
    const alters = { a: { q: 1 }, b: { q: '1' } }
    expect(eiIndex(network({ alters, ties: 'a-b' }), 'q')).toBe(-1)
  })
})
