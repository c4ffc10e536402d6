import { describe, expect, it } from 'vitest'
import { network } from '../test-support/build-network.js'
import { allPairs, compositionExample } from '../test-support/worked-examples.js'
import { hierarchy } from './hierarchy.js'

/** Burt's H from the ratios r_j = c_j / (C/n): Σ r ln r / (n ln n). */
function fromRatios(r: readonly number[]): number {
  return r.reduce((s, x) => s + x * Math.log(x), 0) / (r.length * Math.log(r.length))
}

describe('hierarchy', () => {
  it('MEASURES.md composition example: c_j·1296 = 121, 64, 100, 100, 121, 64; C = 570/1296 → H ≈ 0.0179', () => {
    // r_j = c_j / (C/6) = 6·c_j·1296/570: 121/95, 64/95, 100/95 (each twice).
    const h = hierarchy(compositionExample())
    expect(h).toBeCloseTo(fromRatios([121, 64, 100, 100, 121, 64].map((x) => x / 95)), 14)
    expect(h!.toFixed(4)).toBe('0.0179')
  })

  it('hand-built path a–b–c: c = 16/81, 36/81, 16/81 → r = 12/17, 27/17, 12/17 → H ≈ 0.0737', () => {
    const h = hierarchy(network({ alters: ['a', 'b', 'c'], ties: 'a-b b-c' }))
    expect(h).toBeCloseTo(fromRatios([12 / 17, 27 / 17, 12 / 17]), 14)
    expect(h!.toFixed(4)).toBe('0.0737')
  })

  it('hand-built: one tie a–b and two isolates: c = 9/64, 9/64, 4/64, 4/64 → r = 18/13, 18/13, 8/13, 8/13', () => {
    const h = hierarchy(network({ alters: ['a', 'b', 'c', 'd'], ties: 'a-b' }))
    expect(h).toBeCloseTo(fromRatios([18 / 13, 18 / 13, 8 / 13, 8 / 13]), 14)
    expect(h!.toFixed(4)).toBe('0.0548')
  })

  it('undefined (null) when n ≤ 1', () => {
    expect(hierarchy(network({ alters: [] }))).toBeNull()
    expect(hierarchy(network({ alters: ['a'] }))).toBeNull()
  })

  // toBe(0) uses Object.is: −0 and −1e-17 both fail it.
  it('n = 2: the two dyadic constraints are always equal → exactly 0', () => {
    expect(hierarchy(network({ alters: ['a', 'b'] }))).toBe(0)
    expect(hierarchy(network({ alters: ['a', 'b'], ties: 'a-b' }))).toBe(0)
  })

  it('empty alter graph: every c_j = 1/n² → exactly 0', () => {
    expect(hierarchy(network({ alters: ['a', 'b', 'c'] }))).toBe(0)
    expect(hierarchy(network({ alters: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }))).toBe(0)
  })

  it('complete alter graph: every c_j = ((2n − 1)/n²)² → exactly 0', () => {
    for (const ids of [
      ['a', 'b', 'c'],
      ['a', 'b', 'c', 'd', 'e'],
      ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
    ]) {
      expect(hierarchy(network({ alters: ids, ties: allPairs(ids) }))).toBe(0)
    }
  })

  it('regular alter graphs (cycle of 5, two disjoint triangles, a perfect matching) → exactly 0', () => {
    const five = ['a', 'b', 'c', 'd', 'e']
    const six = ['a', 'b', 'c', 'd', 'e', 'f']
    expect(hierarchy(network({ alters: five, ties: 'a-b b-c c-d d-e e-a' }))).toBe(0)
    expect(hierarchy(network({ alters: six, ties: 'a-b b-c a-c d-e e-f d-f' }))).toBe(0)
    expect(hierarchy(network({ alters: six, ties: 'a-b c-d e-f' }))).toBe(0)
  })

  it('unknown and `no` pairs are not ties: they leave equal constraints equal', () => {
    expect(hierarchy(network({ alters: ['a', 'b', 'c'], unknown: 'a-b', notAsked: 'b-c' }))).toBe(0)
    expect(hierarchy(network({ alters: ['a', 'b', 'c'], no: 'a-b b-c a-c' }))).toBe(0)
    const path = network({ alters: ['a', 'b', 'c'], ties: 'a-b b-c', unknown: 'a-c' })
    expect(hierarchy(path)).toBeCloseTo(fromRatios([12 / 17, 27 / 17, 12 / 17]), 14)
  })

  it('lies in [0, 1] and grows as constraint concentrates on one alter (a star among alters)', () => {
    // Hub h tied to k leaves: the hub's share of C grows with k.
    const star = (k: number) => {
      const leaves = Array.from({ length: k }, (_, i) => `l${i}`)
      return network({ alters: ['h', ...leaves], ties: leaves.map((l) => `h-${l}`).join(' ') })
    }
    const values = [2, 3, 5, 8].map((k) => hierarchy(star(k))!)
    for (const v of values) {
      expect(v).toBeGreaterThan(0)
      expect(v).toBeLessThan(1)
    }
    expect([...values].sort((x, y) => x - y)).toEqual(values)
  })
})
