import { describe, expect, it } from 'vitest'
import { fullData } from '../test-support/deprivation-fixture.js'
import { classifyEgos, type EgoPlacement } from './classify-egos.js'

const data = fullData()

/** Compact view: placed → [unit, rank, decile, tertile]; not placed → [value, reason, fix]. */
function brief(results: readonly EgoPlacement[]) {
  return results.map((r) =>
    r.ok
      ? ['placed', r.placement.unit, r.placement.rank, r.placement.decile, r.tertile]
      : ['not placed', r.value, r.reason, r.fix],
  )
}

describe('classifyEgos', () => {
  it('placeable and unplaceable values: reasons and fixes; tertiles among the placed only', () => {
    const results = classifyEgos(
      data,
      [
        'E01035003', // rank 15,000 (IoD2025)
        null,
        'E01000001', // rank 200
        '',
        'W01000001', // Welsh
        'E1234', // not an LSOA code
        '   ',
        'E01000002', // split: median rank 4000
        'E01099999', // in neither geography
        'E01000009', // translates to unranked LSOAs: no fix
      ],
      'lsoa',
      2025,
    )
    // Placed ranks 15,000, 200, 4000 → sorted 200 (position 0 → tertile 1),
    // 4000 (position 1 → ⌊3/3⌋ + 1 = 2), 15,000 (position 2 → 3).
    expect(brief(results)).toEqual([
      ['placed', 'E01035003', 15_000, 5, 3],
      ['not placed', '', 'No value to place.', null],
      ['placed', 'E01000001', 200, 1, 1],
      ['not placed', '', 'No value to place.', null],
      [
        'not placed',
        'W01000001',
        'W01000001 is in Wales.',
        'The English indices cover England only; Welsh areas are ranked by the Welsh Index of Multiple Deprivation (WIMD).',
      ],
      [
        'not placed',
        'E1234',
        '"E1234" is not an LSOA code.',
        'LSOA codes look like E01021988: E01 and six digits.',
      ],
      ['not placed', '', 'No value to place.', null],
      ['placed', 'E01035001+E01035002+E01035006', 4000, 2, 2],
      [
        'not placed',
        'E01099999',
        'E01099999 is not an English LSOA of 2011 or 2021.',
        'Check the code; LSOA codes are listed in the IoD files and the ONS lookups.',
      ],
      [
        'not placed',
        'E01000009',
        'E01000009 translates to E01035998, E01035999, which IoD2025 does not rank.',
        null,
      ],
    ])
  })

  it('keeps the whole placement (edition, method, score, quintile, Core20, warnings)', () => {
    const [first] = classifyEgos(data, ['SW1A OAA'], 'postcode', 2025)
    expect(first).toEqual({
      ok: true,
      tertile: 1,
      placement: {
        edition: 2025,
        method: 'postcode',
        unit: 'E01000001',
        score: 65.25,
        rank: 200,
        decile: 1,
        quintile: 1,
        core20: true,
        warnings: ['Read "SW1A OAA" as the postcode SW1A 0AA.'],
      },
    })
  })

  it('practices with equal weighted scores share a tertile', () => {
    // IoD2019 practice ranks: A81003 3, B82001 1, A81004 3, Y02345 6 → sorted 1, 3, 3, 6:
    // position 0 → 1; the tie at positions 1–2 → ⌊3/4⌋ + 1 = 1; position 3 → ⌊9/4⌋ + 1 = 3.
    const results = classifyEgos(
      data,
      ['A81003', 'B82001', 'A81004', 'Y02345', 'A81005'],
      'practice-weighted',
      2019,
    )
    expect(results.map((r) => (r.ok ? r.tertile : null))).toEqual([1, 1, 1, 3, null])
    expect(results[4]).toEqual({
      ok: false,
      value: 'A81005',
      reason: 'Practice A81005 has no IMD 2019 weighted score in OHID Fingertips indicator 93553.',
      fix: 'Practices that opened after the file was made, or outside England, have none; place them by the area (LSOA) of the practice’s postcode instead (method practice-lsoa).',
    })
  })

  it('no values → no results; nothing placeable → no tertiles', () => {
    expect(classifyEgos(data, [], 'lsoa', 2019)).toEqual([])
    expect(brief(classifyEgos(data, [null, 'S01006506'], 'lsoa', 2019))).toEqual([
      ['not placed', '', 'No value to place.', null],
      [
        'not placed',
        'S01006506',
        'S01006506 is in Scotland.',
        'The English indices cover England only; Scottish data zones are ranked by the Scottish Index of Multiple Deprivation (SIMD).',
      ],
    ])
  })
})
