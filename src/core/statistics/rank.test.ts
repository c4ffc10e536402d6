import { describe, expect, it } from 'vitest'

import { averageRanks, tieGroupSizes } from './rank.js'
import { rReference } from './test-support/r-reference.js'

describe('averageRanks', () => {
  it('gives 1…n to distinct values, in input order', () => {
    expect([...averageRanks([30, 10, 20])]).toEqual([3, 1, 2])
  })

  it('gives tied values the mean of the ranks they occupy', () => {
    // 20 and 20 occupy ranks 2 and 3: (2 + 3) / 2 = 5/2.
    expect([...averageRanks([10, 20, 20, 30])]).toEqual([1, 5 / 2, 5 / 2, 4])
    expect([...averageRanks([7, 7, 7])]).toEqual([2, 2, 2])
  })

  it('handles the empty input, ±Infinity and −0', () => {
    expect(averageRanks([])).toHaveLength(0)
    expect([...averageRanks([Infinity, 0, -Infinity, -0])]).toEqual([4, 2.5, 1, 2.5])
  })

  it('throws on NaN', () => {
    expect(() => averageRanks([1, Number.NaN])).toThrow(RangeError)
  })

  it("reproduces R's ?rank example", () => {
    // R: rank(c(3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5))
    expect([...averageRanks([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])]).toEqual([
      4.5, 1.5, 6, 1.5, 8, 11, 3, 10, 8, 4.5, 8,
    ])
  })

  it('equals R rank() exactly on the reference cases', () => {
    for (const { values, ranks } of rReference.rank) {
      expect([...averageRanks(values)]).toEqual(ranks)
    }
  })
})

describe('tieGroupSizes', () => {
  it('lists group sizes in increasing order of value, singletons included', () => {
    expect(tieGroupSizes([3, 1, 3, 2, 3])).toEqual([1, 1, 3])
    expect(tieGroupSizes([])).toEqual([])
  })

  it('uses exact equality', () => {
    expect(tieGroupSizes([0.3, 0.1 + 0.2])).toEqual([1, 1])
  })

  it('equals R rle(sort(x))$lengths on the reference cases', () => {
    for (const { values, tieSizes } of rReference.rank) {
      expect(tieGroupSizes(values)).toEqual(tieSizes)
    }
  })
})
