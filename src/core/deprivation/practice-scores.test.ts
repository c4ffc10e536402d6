import { describe, expect, it } from 'vitest'
import { iodTableOf } from '../test-support/area-data.js'
import { practiceScoresFromFingertips, practiceScoresFromPatients } from './practice-scores.js'

describe('practiceScoresFromFingertips', () => {
  it('keeps the values of the edition year only; no list sizes', () => {
    const scores = practiceScoresFromFingertips(
      [
        { practice: 'A81001', year: 2015, value: 35.1 },
        { practice: 'A81001', year: 2019, value: 40.5 },
        { practice: 'A81002', year: 2019, value: 12.25 },
        { practice: 'B82001', year: 2015, value: 55 }, // 2015 only: left out
      ],
      2019,
      'OHID Fingertips indicator 93553',
    )
    expect(scores).toEqual({
      edition: 2019,
      source: 'OHID Fingertips indicator 93553',
      scores: new Map([
        ['A81001', 40.5],
        ['A81002', 12.25],
      ]),
      listSizes: null,
    })
  })

  it('no values of the year → an empty table of that edition', () => {
    const scores = practiceScoresFromFingertips(
      [{ practice: 'A81001', year: 2019, value: 40.5 }],
      2025,
      'src',
    )
    expect(scores.edition).toBe(2025)
    expect(scores.scores.size).toBe(0)
  })
})

describe('practiceScoresFromPatients', () => {
  // IoD2025-like table: two scored LSOAs and one without a score (ranks-only file).
  const iod = iodTableOf(2025, {
    E01000001: { rank: 100, decile: 1, score: 40 },
    E01000002: { rank: 20_000, decile: 6, score: 10 },
    E01000003: { rank: 30_000, decile: 9, score: null },
  })
  const counts = new Map<string, ReadonlyMap<string, number>>([
    // (300·40 + 100·10) / 400 = 13,000 / 400 = 32.5
    [
      'A81001',
      new Map([
        ['E01000001', 300],
        ['E01000002', 100],
      ]),
    ],
    // Only E01000001 (50 patients) is scored: 50·40 / 50 = 40. Welsh W01000001 (50)
    // and E01099999 (100, not in the table) are left out: 150 of 200 = 0.75.
    [
      'A81002',
      new Map([
        ['E01000001', 50],
        ['W01000001', 50],
        ['E01099999', 100],
      ]),
    ],
    // Nobody in a scored LSOA: no score; list size 50, all unscored (share 1).
    [
      'A81003',
      new Map([
        ['E01000003', 20],
        ['W01000002', 30],
      ]),
    ],
    // (1·10 + 2·40) / 3 = 90 / 3 = 30
    [
      'A81004',
      new Map([
        ['E01000002', 1],
        ['E01000001', 2],
      ]),
    ],
  ])
  const result = practiceScoresFromPatients({ extractDate: '2025-10-01', counts }, iod, 'computed')

  it('score = Σ n·s / Σ n over the scored LSOAs, exactly', () => {
    expect(result.scores).toEqual(
      new Map([
        ['A81001', 32.5],
        ['A81002', 40],
        ['A81004', 30],
      ]),
    )
  })

  it('list sizes count every registered patient, scored or not', () => {
    expect(result.listSizes).toEqual(
      new Map([
        ['A81001', 400],
        ['A81002', 200],
        ['A81003', 50],
        ['A81004', 3],
      ]),
    )
  })

  it('reports the share of patients in LSOAs without a score (Welsh, absent, unscored)', () => {
    expect(result.partlyUnscored).toEqual(
      new Map([
        ['A81002', 0.75],
        ['A81003', 1],
      ]),
    )
  })

  it('takes the edition from the IoD table and keeps the source', () => {
    expect(result.edition).toBe(2025)
    expect(result.source).toBe('computed')
  })

  it('no patients → empty tables', () => {
    const empty = practiceScoresFromPatients({ extractDate: null, counts: new Map() }, iod, 's')
    expect(empty.scores.size).toBe(0)
    expect(empty.listSizes?.size).toBe(0)
    expect(empty.partlyUnscored.size).toBe(0)
  })
})
