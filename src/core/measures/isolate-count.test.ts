import { describe, expect, it } from 'vitest'
import { network } from '../test-support/build-network.js'
import { allPairs, brokerageExample, compositionExample } from '../test-support/worked-examples.js'
import { isolateCount } from './isolate-count.js'

describe('isolateCount', () => {
  it('MEASURES.md composition example: every alter is on the path 2–1–3–4–5–6 → 0', () => {
    expect(isolateCount(compositionExample())).toBe(0)
  })

  it('MEASURES.md brokerage example (ego A): B, E, F, G all tied → 0', () => {
    expect(isolateCount(brokerageExample())).toBe(0)
  })

  it('n = 0 → 0; n = 1 → 1', () => {
    expect(isolateCount(network({ alters: [] }))).toBe(0)
    expect(isolateCount(network({ alters: ['a'] }))).toBe(1)
  })

  it('n = 2: 2 without the tie, 0 with it', () => {
    expect(isolateCount(network({ alters: ['a', 'b'] }))).toBe(2)
    expect(isolateCount(network({ alters: ['a', 'b'], ties: 'a-b' }))).toBe(0)
  })

  it('no ties → n; complete graph → 0', () => {
    const ids = ['a', 'b', 'c', 'd', 'e']
    expect(isolateCount(network({ alters: ids }))).toBe(5)
    expect(isolateCount(network({ alters: ids, ties: allPairs(ids) }))).toBe(0)
  })

  it('hand-built: ties a-b c-d d-e leave f alone → 1; with g as well → 2', () => {
    // a–b, c–d–e tied; f has no tie: 1 isolate. Adding g alone makes 2.
    expect(
      isolateCount(network({ alters: ['a', 'b', 'c', 'd', 'e', 'f'], ties: 'a-b c-d d-e' })),
    ).toBe(1)
    expect(
      isolateCount(network({ alters: ['a', 'b', 'c', 'd', 'e', 'f', 'g'], ties: 'a-b c-d d-e' })),
    ).toBe(2)
  })

  it('an alter whose pairs are only `no`, `dont_know` or `not_asked` is an isolate', () => {
    // a–b tie; c has a `no`, a `dont_know` and a `not_asked` pair: c and d are isolates.
    const net = network({
      alters: ['a', 'b', 'c', 'd'],
      ties: 'a-b',
      no: 'a-c',
      unknown: 'b-c',
      notAsked: 'c-d',
    })
    expect(isolateCount(net)).toBe(2)
  })
})
