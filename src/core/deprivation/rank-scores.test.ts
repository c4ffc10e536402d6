import { describe, expect, it } from 'vitest'
import { rankScores } from './rank-scores.js'

const ranksOf = (entries: [string, number][]) => Object.fromEntries(rankScores(new Map(entries)))

describe('rankScores', () => {
  it('highest score = rank 1; competition ranking: 10, 8, 8, 5 → 1, 2, 2, 4', () => {
    expect(
      ranksOf([
        ['a', 10],
        ['b', 8],
        ['c', 8],
        ['d', 5],
      ]),
    ).toEqual({ a: 1, b: 2, c: 2, d: 4 })
  })

  it('the order the scores are given in does not matter', () => {
    expect(
      ranksOf([
        ['d', 5],
        ['c', 8],
        ['a', 10],
        ['b', 8],
      ]),
    ).toEqual({ a: 1, b: 2, c: 2, d: 4 })
  })

  it('a three-way tie at the top shares rank 1 and the next is rank 4', () => {
    expect(
      ranksOf([
        ['w', 1.5],
        ['x', 40.25],
        ['y', 40.25],
        ['z', 40.25],
      ]),
    ).toEqual({ x: 1, y: 1, z: 1, w: 4 })
  })

  it('ties at the bottom and in the middle: 9, 7, 7, 7, 3, 3 → 1, 2, 2, 2, 5, 5', () => {
    expect(
      ranksOf([
        ['p1', 9],
        ['p2', 7],
        ['p3', 7],
        ['p4', 7],
        ['p5', 3],
        ['p6', 3],
      ]),
    ).toEqual({ p1: 1, p2: 2, p3: 2, p4: 2, p5: 5, p6: 5 })
  })

  it('nearly equal scores are not ties; negative scores rank last', () => {
    expect(
      ranksOf([
        ['a', 0.30000000000000004],
        ['b', 0.3],
        ['c', -2],
      ]),
    ).toEqual({ a: 1, b: 2, c: 3 })
  })

  it('one score → rank 1; none → an empty map', () => {
    expect(ranksOf([['only', 12.3]])).toEqual({ only: 1 })
    expect(rankScores(new Map()).size).toBe(0)
  })
})
