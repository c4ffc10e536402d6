import { describe, expect, it } from 'vitest'
import { network } from '../test-support/build-network.js'
import { allPairs, compositionExample } from '../test-support/worked-examples.js'
import { effectiveSize } from './effective-size.js'

describe('effectiveSize', () => {
  it('MEASURES.md composition example: 6 − 2·5/6 = 6 − 10/6 = 13/3 ≈ 4.333', () => {
    expect(effectiveSize(compositionExample())).toBeCloseTo(13 / 3, 14)
    expect(effectiveSize(compositionExample())!.toFixed(3)).toBe('4.333')
  })

  it("hand-built path a–b–c equals Burt's sum of (1 − redundancy): 3 − 4/3 = 5/3", () => {
    // Burt: redundancy of j = Σ_q p_eq m_jq with p_eq = 1/3: a 1/3, b 2/3, c 1/3 → 4/3.
    // Shortcut: n − 2t/n = 3 − 4/3 = 5/3.
    expect(effectiveSize(network({ alters: ['a', 'b', 'c'], ties: 'a-b b-c' }))).toBeCloseTo(
      5 / 3,
      14,
    )
  })

  it('hand-built: 4 alters, 1 tie → 4 − 2/4 = 7/2; 5 alters, 2 ties → 5 − 4/5 = 21/5', () => {
    expect(effectiveSize(network({ alters: ['a', 'b', 'c', 'd'], ties: 'a-b' }))).toBe(7 / 2)
    expect(
      effectiveSize(network({ alters: ['a', 'b', 'c', 'd', 'e'], ties: 'a-b c-d' })),
    ).toBeCloseTo(21 / 5, 14)
  })

  it('undefined (null) when n = 0', () => {
    expect(effectiveSize(network({ alters: [] }))).toBeNull()
  })

  it('n = 1 → 1; n = 2 → 2 without the tie, 2 − 2/2 = 1 with it', () => {
    expect(effectiveSize(network({ alters: ['a'] }))).toBe(1)
    expect(effectiveSize(network({ alters: ['a', 'b'] }))).toBe(2)
    expect(effectiveSize(network({ alters: ['a', 'b'], ties: 'a-b' }))).toBe(1)
  })

  it('no ties → n; complete graph → n − (n − 1) = 1', () => {
    const ids = ['a', 'b', 'c', 'd', 'e']
    expect(effectiveSize(network({ alters: ids }))).toBe(5)
    expect(effectiveSize(network({ alters: ids, ties: allPairs(ids) }))).toBe(1)
  })

  it('only `yes` ties are redundancy: `no`, `dont_know`, `not_asked` pairs change nothing', () => {
    const ids = ['a', 'b', 'c', 'd']
    expect(effectiveSize(network({ alters: ids, ties: 'a-b', no: 'c-d' }))).toBe(7 / 2)
    expect(effectiveSize(network({ alters: ids, ties: 'a-b', unknown: 'c-d a-c' }))).toBe(7 / 2)
    expect(effectiveSize(network({ alters: ids, ties: 'a-b', notAsked: 'c-d b-d' }))).toBe(7 / 2)
  })
})
