import { describe, expect, it } from 'vitest'
import { decileOfRank, isCore20, quintileOfDecile, sampleTertiles } from './imd-groups.js'

describe('decileOfRank', () => {
  it('IoD2019, 32,844 LSOAs: a decile holds 3,284.4 ranks, so decile 1 ends at rank 3,284', () => {
    // ⌈10·r / 32,844⌉: r = 1 → ⌈0.0003⌉ = 1; r = 3,284 → ⌈0.99988⌉ = 1;
    // r = 3,285 → ⌈1.00018⌉ = 2; r = 3,286 → ⌈1.00049⌉ = 2.
    expect(decileOfRank(1, 32_844)).toBe(1)
    expect(decileOfRank(3284, 32_844)).toBe(1)
    expect(decileOfRank(3285, 32_844)).toBe(2)
    expect(decileOfRank(3286, 32_844)).toBe(2)
    // Decile 2 ends at ⌊2 · 3,284.4⌋ = 6,568; Core20 is ranks 1–6,568.
    expect(decileOfRank(6568, 32_844)).toBe(2)
    expect(decileOfRank(6569, 32_844)).toBe(3)
    // r = 16,422 = N/2 → exactly 5; the next rank → ⌈5.0003⌉ = 6.
    expect(decileOfRank(16_422, 32_844)).toBe(5)
    expect(decileOfRank(16_423, 32_844)).toBe(6)
    // Decile 9 ends at ⌊9 · 3,284.4⌋ = 29,559; the last rank is decile 10.
    expect(decileOfRank(29_559, 32_844)).toBe(9)
    expect(decileOfRank(29_560, 32_844)).toBe(10)
    expect(decileOfRank(32_844, 32_844)).toBe(10)
  })

  it('IoD2019: the ten deciles hold 3,284 or 3,285 LSOAs each, 32,844 in all', () => {
    // Upper ranks ⌊d · 3,284.4⌋: 3284, 6568, 9853, 13137, 16422, 19706, 22990,
    // 26275, 29559, 32844 → sizes 3284, 3284, 3285, 3284, 3285, 3284, 3284, 3285, 3284, 3285.
    const sizes = Array.from({ length: 10 }, () => 0)
    for (let rank = 1; rank <= 32_844; rank++) sizes[decileOfRank(rank, 32_844) - 1]!++
    expect(sizes).toEqual([3284, 3284, 3285, 3284, 3285, 3284, 3284, 3285, 3284, 3285])
  })

  it('IoD2025, 33,755 LSOAs: a decile holds 3,375.5 ranks', () => {
    // r = 3,375 → ⌈0.99985⌉ = 1; r = 3,376 → ⌈1.00015⌉ = 2;
    // r = 30,379 → ⌈8.99985⌉ = 9; r = 30,380 → ⌈9.00015⌉ = 10.
    expect(decileOfRank(1, 33_755)).toBe(1)
    expect(decileOfRank(3375, 33_755)).toBe(1)
    expect(decileOfRank(3376, 33_755)).toBe(2)
    expect(decileOfRank(6751, 33_755)).toBe(2)
    expect(decileOfRank(6752, 33_755)).toBe(3)
    expect(decileOfRank(30_379, 33_755)).toBe(9)
    expect(decileOfRank(30_380, 33_755)).toBe(10)
    expect(decileOfRank(33_755, 33_755)).toBe(10)
  })

  it('small totals: 6 practices → ranks 1..6 are deciles 2, 4, 5, 7, 9, 10', () => {
    // ⌈10r/6⌉ = ⌈1.67⌉, ⌈3.33⌉, ⌈5⌉, ⌈6.67⌉, ⌈8.33⌉, ⌈10⌉.
    expect([1, 2, 3, 4, 5, 6].map((r) => decileOfRank(r, 6))).toEqual([2, 4, 5, 7, 9, 10])
  })

  it('stays within 1..10 for ranks outside 1..total', () => {
    expect(decileOfRank(0, 32_844)).toBe(1)
    expect(decileOfRank(40_000, 32_844)).toBe(10)
  })
})

describe('quintileOfDecile and isCore20', () => {
  it('deciles 1–2 → Q1, 3–4 → Q2, …, 9–10 → Q5', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(quintileOfDecile)).toEqual([
      1, 1, 2, 2, 3, 3, 4, 4, 5, 5,
    ])
  })

  it('Core20 is deciles 1 and 2 only (the most deprived 20% nationally)', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(isCore20)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ])
  })

  it('through ranks: IoD2019 rank 6,568 is Core20 (Q1), rank 6,569 is not (Q2)', () => {
    expect(isCore20(decileOfRank(6568, 32_844))).toBe(true)
    expect(quintileOfDecile(decileOfRank(6568, 32_844))).toBe(1)
    expect(isCore20(decileOfRank(6569, 32_844))).toBe(false)
    expect(quintileOfDecile(decileOfRank(6569, 32_844))).toBe(2)
  })
})

describe('sampleTertiles', () => {
  it('n = 0: nothing; only nulls: all null', () => {
    expect(sampleTertiles([])).toEqual([])
    expect(sampleTertiles([null, null])).toEqual([null, null])
  })

  it('n = 1 → tertile 1', () => {
    expect(sampleTertiles([12_000])).toEqual([1])
  })

  it('n = 2 → positions 0, 1 → ⌊0⌋ + 1 = 1, ⌊3/2⌋ + 1 = 2', () => {
    expect(sampleTertiles([900, 100])).toEqual([2, 1])
  })

  it('n = 3 → one in each third, ordered by rank (most deprived = lowest rank first)', () => {
    expect(sampleTertiles([30, 10, 20])).toEqual([3, 1, 2])
  })

  it('n = 20 distinct ranks → 7, 7, 6', () => {
    // Position p gets ⌊3p/20⌋ + 1: p = 0..6 → 1 (3·6 = 18 < 20), p = 7..13 → 2
    // (21..39), p = 14..19 → 3 (42..57).
    const ranks = Array.from({ length: 20 }, (_, i) => 1000 * (20 - i)) // given least deprived first
    const tertiles = sampleTertiles(ranks)
    // Rank 1000 (last given) is the most deprived.
    expect(tertiles).toEqual([3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1])
    expect([1, 2, 3].map((t) => tertiles.filter((x) => x === t).length)).toEqual([7, 7, 6])
  })

  it('n = 20 with a tie across the first cut: the tied pair stays in tertile 1 (8, 6, 6)', () => {
    // Sorted ranks 1..6, 7, 7, 9..20: the two 7s sit at positions 6 and 7; the
    // tie takes the tertile of position 6 (1). Position 8 → ⌊24/20⌋ + 1 = 2,
    // position 14 → 3.
    const ranks = [1, 2, 3, 4, 5, 6, 7, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]
    expect(sampleTertiles(ranks)).toEqual([
      1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3,
    ])
  })

  it('ties are never split: four equal ranks of six all take tertile 1', () => {
    // Positions 0–3 share rank 5 → tertile of position 0 = 1; position 4 →
    // ⌊12/6⌋ + 1 = 3; position 5 → ⌊15/6⌋ + 1 = 3. Tertile 2 stays empty.
    expect(sampleTertiles([5, 9, 5, 5, 10, 5])).toEqual([1, 3, 1, 1, 3, 1])
  })

  it('nulls stay null in place and do not count towards n', () => {
    // Placed: 300, 100, 200 (n = 3) → 3, 1, 2.
    expect(sampleTertiles([null, 300, 100, null, 200])).toEqual([null, 3, 1, null, 2])
  })
})
