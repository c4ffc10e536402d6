import { describe, expect, it } from 'vitest'
import { network } from '../test-support/build-network.js'
import { allPairs, brokerageExample, compositionExample } from '../test-support/worked-examples.js'
import { componentCount } from './component-count.js'

describe('componentCount', () => {
  it('MEASURES.md composition example: the ties form one path 2–1–3–4–5–6 → 1', () => {
    expect(componentCount(compositionExample())).toBe(1)
  })

  it('MEASURES.md brokerage example (ego A): B, E, F all tied to G → 1', () => {
    expect(componentCount(brokerageExample())).toBe(1)
  })

  it('n = 0 → 0; n = 1 → 1 (an isolate is a component)', () => {
    expect(componentCount(network({ alters: [] }))).toBe(0)
    expect(componentCount(network({ alters: ['a'] }))).toBe(1)
  })

  it('n = 2: 2 without the tie, 1 with it', () => {
    expect(componentCount(network({ alters: ['a', 'b'] }))).toBe(2)
    expect(componentCount(network({ alters: ['a', 'b'], ties: 'a-b' }))).toBe(1)
  })

  it('no ties → n components; complete graph → 1', () => {
    const ids = ['a', 'b', 'c', 'd', 'e']
    expect(componentCount(network({ alters: ids }))).toBe(5)
    expect(componentCount(network({ alters: ids, ties: allPairs(ids) }))).toBe(1)
  })

  it('two triangles and an isolate → 3; joining the triangles → 2', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g']
    expect(componentCount(network({ alters: ids, ties: 'a-b b-c a-c d-e e-f d-f' }))).toBe(3)
    expect(componentCount(network({ alters: ids, ties: 'a-b b-c a-c d-e e-f d-f c-d' }))).toBe(2)
  })

  it('a path given in scrambled order is still one component (union order does not matter)', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f']
    expect(componentCount(network({ alters: ids, ties: 'e-f a-b c-d b-c d-e' }))).toBe(1)
    expect(componentCount(network({ alters: ids, ties: 'f-e d-c b-a e-d c-b' }))).toBe(1)
  })

  it('`no`, `dont_know` and `not_asked` pairs do not join components', () => {
    expect(componentCount(network({ alters: ['a', 'b'], no: 'a-b' }))).toBe(2)
    expect(componentCount(network({ alters: ['a', 'b'], unknown: 'a-b' }))).toBe(2)
    expect(componentCount(network({ alters: ['a', 'b'], notAsked: 'a-b' }))).toBe(2)
    // a–b tie; c–d unknown, b–c not asked, a–d no: {a,b}, {c}, {d}.
    const net = network({
      alters: ['a', 'b', 'c', 'd'],
      ties: 'a-b',
      unknown: 'c-d',
      notAsked: 'b-c',
      no: 'a-d',
    })
    expect(componentCount(net)).toBe(3)
  })
})
