import { describe, expect, it } from 'vitest'
import { network } from '../test-support/build-network.js'
import { allPairs, compositionExample } from '../test-support/worked-examples.js'
import { density } from './density.js'

describe('density', () => {
  it('MEASURES.md composition example: t = 5 of 6·5/2 = 15 pairs → 1/3', () => {
    expect(density(compositionExample())).toBe(1 / 3)
  })

  it('hand-built: 4 alters, 2 ties of 6 pairs → 1/3; 5 alters, 4 ties of 10 → 2/5', () => {
    expect(density(network({ alters: ['a', 'b', 'c', 'd'], ties: 'a-b c-d' }))).toBe(1 / 3)
    expect(density(network({ alters: ['a', 'b', 'c', 'd', 'e'], ties: 'a-b b-c c-d d-e' }))).toBe(
      2 / 5,
    )
  })

  it('undefined (null, not NaN) when n < 2', () => {
    expect(density(network({ alters: [] }))).toBeNull()
    expect(density(network({ alters: ['a'] }))).toBeNull()
  })

  it('n = 2: 0 without the tie, 1 with it', () => {
    expect(density(network({ alters: ['a', 'b'] }))).toBe(0)
    expect(density(network({ alters: ['a', 'b'], ties: 'a-b' }))).toBe(1)
  })

  it('no ties → exactly 0; complete graph → exactly 1', () => {
    const ids = ['a', 'b', 'c', 'd', 'e']
    expect(density(network({ alters: ids }))).toBe(0)
    expect(density(network({ alters: ids, ties: allPairs(ids) }))).toBe(1)
  })

  it('explicit `no` pairs behave exactly like absent pairs', () => {
    // 4 alters, 1 tie, the other 5 pairs listed as `no`: 1/6, as with none listed.
    const listed = network({
      alters: ['a', 'b', 'c', 'd'],
      ties: 'a-b',
      no: 'a-c a-d b-c b-d c-d',
    })
    expect(density(listed)).toBe(1 / 6)
    expect(density(network({ alters: ['a', 'b', 'c', 'd'], ties: 'a-b' }))).toBe(1 / 6)
  })

  it('`dont_know` pairs leave the denominator: 4 alters, 1 tie, 1 unknown → 1/(6 − 1) = 1/5', () => {
    expect(density(network({ alters: ['a', 'b', 'c', 'd'], ties: 'a-b', unknown: 'c-d' }))).toBe(
      1 / 5,
    )
  })

  it('`not_asked` pairs leave the denominator too: 1/(6 − 1) = 1/5', () => {
    expect(density(network({ alters: ['a', 'b', 'c', 'd'], ties: 'a-b', notAsked: 'c-d' }))).toBe(
      1 / 5,
    )
  })

  it('both kinds of unknown together: 4 alters, 2 ties, 1 dont_know, 1 not_asked → 2/(6 − 2) = 1/2', () => {
    const net = network({
      alters: ['a', 'b', 'c', 'd'],
      ties: 'a-b b-c',
      unknown: 'a-c',
      notAsked: 'b-d',
    })
    expect(density(net)).toBe(1 / 2)
  })

  it('composition example with its 1–4 pair marked dont_know: 5/(15 − 1) = 5/14', () => {
    const net = network({
      alters: ['1', '2', '3', '4', '5', '6'],
      ties: '1-2 3-4 4-5 1-3 5-6',
      unknown: '1-4',
    })
    expect(density(net)).toBe(5 / 14)
  })

  it('undefined (null) when no pair has a known state', () => {
    expect(density(network({ alters: ['a', 'b'], unknown: 'a-b' }))).toBeNull()
    expect(density(network({ alters: ['a', 'b'], notAsked: 'a-b' }))).toBeNull()
    expect(
      density(network({ alters: ['a', 'b', 'c'], unknown: 'a-b b-c', notAsked: 'a-c' })),
    ).toBeNull()
  })

  it('one known pair left: its state decides (1 tie of 1 → 1; 0 of 1 → 0)', () => {
    expect(density(network({ alters: ['a', 'b', 'c'], ties: 'a-b', unknown: 'a-c b-c' }))).toBe(1)
    expect(density(network({ alters: ['a', 'b', 'c'], unknown: 'a-c b-c' }))).toBe(0)
  })
})
