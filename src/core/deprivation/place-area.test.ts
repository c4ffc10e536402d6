import { describe, expect, it } from 'vitest'
import { failure, fixOf, iodTableOf, success } from '../test-support/area-data.js'
import {
  fullData,
  iod2019,
  iod2025,
  practices,
  scores2019,
  scores2025,
} from '../test-support/deprivation-fixture.js'
import type { AreaData } from './area-tables.js'
import { checkReferenceData, normalisePostcode, placeArea } from './place-area.js'

const data = fullData()

describe('the fixture', () => {
  it('has the national number of LSOAs in each edition', () => {
    expect(iod2019.areas.size).toBe(32_844)
    expect(iod2025.areas.size).toBe(33_755)
  })
})

describe("placeArea 'lsoa'", () => {
  it('a 2011 code in IoD2019, directly: the published rank, decile and score', () => {
    expect(success(placeArea(data, 'lsoa', 'E01000001', 2019))).toEqual({
      edition: 2019,
      method: 'lsoa',
      unit: 'E01000001',
      score: 70.5,
      rank: 100,
      decile: 1,
      quintile: 1,
      core20: true,
      warnings: [],
    })
  })

  it('a 2021 code in IoD2025, directly; the code is trimmed and upper-cased', () => {
    expect(success(placeArea(data, 'lsoa', ' e01035004 ', 2025))).toEqual({
      edition: 2025,
      method: 'lsoa',
      unit: 'E01035004',
      score: 9,
      rank: 25_000,
      decile: 8,
      quintile: 4,
      core20: false,
      warnings: [],
    })
  })

  it('decile 3 is not Core20: quintile 2', () => {
    const p = success(placeArea(data, 'lsoa', 'E01000009', 2019))
    expect([p.rank, p.decile, p.quintile, p.core20]).toEqual([7000, 3, 2, false])
  })

  it('an unchanged LSOA keeps its code: found directly in 2025, no warning', () => {
    expect(success(placeArea(data, 'lsoa', 'E01000001', 2025))).toEqual({
      edition: 2025,
      method: 'lsoa',
      unit: 'E01000001',
      score: 65.25,
      rank: 200,
      decile: 1,
      quintile: 1,
      core20: true,
      warnings: [],
    })
  })

  it('2011 code in 2025 through a U link: a plain note, no "not an exact fit"', () => {
    expect(success(placeArea(data, 'lsoa', 'E01000006', 2025))).toEqual({
      edition: 2025,
      method: 'lsoa',
      unit: 'E01035005',
      score: 0.75,
      rank: 33_755,
      decile: 10,
      quintile: 5,
      core20: false,
      warnings: ['LSOA 2011 E01000006 is LSOA 2021 E01035005.'],
    })
  })

  it('2011 code split into three 2021 LSOAs: median rank, mean score, decile of that rank', () => {
    // Children ranks 3000, 9000, 4000 → sorted 3000, 4000, 9000 → median 4000;
    // decile ⌈10·4000 / 33,755⌉ = ⌈1.185⌉ = 2 (table size = 33,755);
    // mean score (45 + 30 + 33) / 3 = 36.
    expect(success(placeArea(data, 'lsoa', 'E01000002', 2025))).toEqual({
      edition: 2025,
      method: 'lsoa',
      unit: 'E01035001+E01035002+E01035006',
      score: 36,
      rank: 4000,
      decile: 2,
      quintile: 1,
      core20: true,
      warnings: [
        'LSOA 2011 E01000002 corresponds to 3 LSOAs 2021 (E01035001 decile 1, E01035002 decile 3, E01035006 decile 2); spnet used their median rank and mean score: not an exact fit.',
      ],
    })
  })

  it('split into two: the median is the mean of the middle ranks; a child without score → score null', () => {
    // (6000 + 7000) / 2 = 6500 → decile ⌈1.926⌉ = 2; E01035008 has no score.
    const p = success(placeArea(data, 'lsoa', 'E01000008', 2025))
    expect(p).toEqual({
      edition: 2025,
      method: 'lsoa',
      unit: 'E01035007+E01035008',
      score: null,
      rank: 6500,
      decile: 2,
      quintile: 1,
      core20: true,
      warnings: [
        'LSOA 2011 E01000008 corresponds to 2 LSOAs 2021 (E01035007 decile 2, E01035008 decile 3); spnet used their median rank and mean score: not an exact fit.',
      ],
    })
  })

  it('split where only one child is ranked: that child, "split: not an exact fit"', () => {
    expect(success(placeArea(data, 'lsoa', 'E01000010', 2025))).toEqual({
      edition: 2025,
      method: 'lsoa',
      unit: 'E01035009',
      score: 25,
      rank: 8000,
      decile: 3,
      quintile: 2,
      core20: false,
      warnings: ['LSOA 2011 E01000010 is LSOA 2021 E01035009 (split: not an exact fit).'],
    })
  })

  it('2011 code merged (M) into one 2021 LSOA: that LSOA, "merged: not an exact fit"', () => {
    expect(success(placeArea(data, 'lsoa', 'E01000003', 2025))).toEqual({
      edition: 2025,
      method: 'lsoa',
      unit: 'E01035003',
      score: 16,
      rank: 15_000,
      decile: 5,
      quintile: 3,
      core20: false,
      warnings: ['LSOA 2011 E01000003 is LSOA 2021 E01035003 (merged: not an exact fit).'],
    })
  })

  it('2011 code redrawn (X): "redrawn: not an exact fit"', () => {
    const p = success(placeArea(data, 'lsoa', 'E01000005', 2025))
    expect([p.unit, p.rank, p.decile, p.score]).toEqual(['E01035004', 25_000, 8, 9])
    expect(p.warnings).toEqual([
      'LSOA 2011 E01000005 is LSOA 2021 E01035004 (redrawn: not an exact fit).',
    ])
  })

  it('reverse: a 2021 child of a split in IoD2019 → its 2011 parent, not an exact fit', () => {
    expect(success(placeArea(data, 'lsoa', 'E01035001', 2019))).toEqual({
      edition: 2019,
      method: 'lsoa',
      unit: 'E01000002',
      score: 40,
      rank: 3285,
      decile: 2,
      quintile: 1,
      core20: true,
      warnings: ['LSOA 2021 E01035001 is LSOA 2011 E01000002 (split: not an exact fit).'],
    })
  })

  it('reverse: a merged 2021 LSOA in IoD2019 → median of its two 2011 parents, decile over 32,844', () => {
    // Parents' ranks 10,000 and 9709 → (9709 + 10,000) / 2 = 9854.5 → rounded 9855;
    // decile ⌈10·9855 / 32,844⌉ = ⌈3.0005⌉ = 4 (over IoD2025's 33,755 it would be 3);
    // mean score (20 + 18) / 2 = 19.
    expect(success(placeArea(data, 'lsoa', 'E01035003', 2019))).toEqual({
      edition: 2019,
      method: 'lsoa',
      unit: 'E01000003+E01000004',
      score: 19,
      rank: 9855,
      decile: 4,
      quintile: 2,
      core20: false,
      warnings: [
        'LSOA 2021 E01035003 corresponds to 2 LSOAs 2011 (E01000003 decile 4, E01000004 decile 3); spnet used their median rank and mean score: not an exact fit.',
      ],
    })
  })

  it('reverse: redrawn (X) 2021 LSOA in IoD2019', () => {
    const p = success(placeArea(data, 'lsoa', 'E01035004', 2019))
    expect([p.unit, p.rank, p.decile, p.score]).toEqual(['E01000005', 20_000, 7, 12])
    expect(p.warnings).toEqual([
      'LSOA 2021 E01035004 is LSOA 2011 E01000005 (redrawn: not an exact fit).',
    ])
  })

  it('a Welsh LSOA → unsupported, with the WIMD hint', () => {
    const e = failure(placeArea(data, 'lsoa', 'W01000001', 2019))
    expect(e.code).toBe('unsupported')
    expect(e.message).toBe('W01000001 is in Wales.')
    expect(fixOf(e)).toBe(
      'The English indices cover England only; Welsh areas are ranked by the Welsh Index of Multiple Deprivation (WIMD).',
    )
  })

  it('a Scottish data zone → unsupported, with the SIMD hint (even when the edition is not loaded)', () => {
    const e = failure(placeArea({ iod: {} }, 'lsoa', 's01006506', 2025))
    expect(e.code).toBe('unsupported')
    expect(e.message).toBe('S01006506 is in Scotland.')
    expect(fixOf(e)).toContain('Scottish Index of Multiple Deprivation (SIMD)')
  })

  it.each(['E0100001', 'E010000011', 'E02000001', 'E01 000001', 'A81001', ''])(
    'malformed code %j → validation',
    (code) => {
      const e = failure(placeArea(data, 'lsoa', code, 2019))
      expect(e.code).toBe('validation')
      expect(e.message).toBe(`"${code}" is not an LSOA code.`)
      expect(fixOf(e)).toBe('LSOA codes look like E01021988: E01 and six digits.')
    },
  )

  it('an edition not loaded → unsupported, naming the file to import', () => {
    const only2019: AreaData = { iod: { 2019: iod2019 } }
    const e = failure(placeArea(only2019, 'lsoa', 'E01000001', 2025))
    expect(e.code).toBe('unsupported')
    expect(e.message).toBe('The Index of Multiple Deprivation 2025 is not loaded.')
    expect(fixOf(e)).toBe(
      'Load it with `spnet area import FILE` (or `spnet area download`): an IoD2025 file (File 1, 2 or 7, CSV or XLSX).',
    )
  })

  it('absent from the edition with no crosswalk loaded → unsupported, naming the ONS lookup', () => {
    const noCrosswalk: AreaData = { iod: { 2019: iod2019, 2025: iod2025 } }
    const e = failure(placeArea(noCrosswalk, 'lsoa', 'E01000002', 2025))
    expect(e.code).toBe('unsupported')
    expect(e.message).toBe('E01000002 is not an LSOA of IoD2025, which ranks 2021 LSOAs.')
    expect(fixOf(e)).toBe(
      'Load it with `spnet area import FILE` (or `spnet area download`): the ONS LSOA (2011) to LSOA (2021) lookup, to translate codes between editions.',
    )
    const e19 = failure(placeArea(noCrosswalk, 'lsoa', 'E01099999', 2019))
    expect(e19.code).toBe('unsupported')
    expect(e19.message).toBe('E01099999 is not an LSOA of IoD2019, which ranks 2011 LSOAs.')
  })

  it('absent from both geographies with the crosswalk loaded → not_found', () => {
    const e = failure(placeArea(data, 'lsoa', 'E01099999', 2025))
    expect(e.code).toBe('not_found')
    expect(e.message).toBe('E01099999 is not an English LSOA of 2011 or 2021.')
    expect(fixOf(e)).toBe(
      'Check the code; LSOA codes are listed in the IoD files and the ONS lookups.',
    )
  })

  it('translated, but no target is ranked by the edition → not_found naming the targets', () => {
    const e = failure(placeArea(data, 'lsoa', 'E01000009', 2025))
    expect(e.code).toBe('not_found')
    expect(e.message).toBe(
      'E01000009 translates to E01035998, E01035999, which IoD2025 does not rank.',
    )
    expect(fixOf(e)).toBeNull()
  })
})

describe('normalisePostcode', () => {
  it('normalises spacing and case', () => {
    expect(normalisePostcode('sw1a1aa')).toEqual({ postcode: 'SW1A 1AA', fixed: false })
    expect(normalisePostcode(' SW1A 1AA ')).toEqual({ postcode: 'SW1A 1AA', fixed: false })
  })

  it('fixes letter-for-digit slips with the postcode library (O → 0, I → 1)', () => {
    expect(normalisePostcode('SW1A OAA')).toEqual({ postcode: 'SW1A 0AA', fixed: true })
    expect(normalisePostcode('SWIA 1AA')).toEqual({ postcode: 'SW1A 1AA', fixed: true })
  })

  it('null when not a postcode even after fixing', () => {
    expect(normalisePostcode('NOT A POSTCODE')).toBeNull()
    expect(normalisePostcode('')).toBeNull()
  })
})

describe("placeArea 'postcode'", () => {
  it.each(['sw1a1aa', ' SW1A 1AA ', 'SW1A1AA'])(
    '%j is looked up as SW1A 1AA and placed by its LSOA 2021 in 2025',
    (raw) => {
      const d = fullData()
      expect(success(placeArea(d, 'postcode', raw, 2025))).toEqual({
        edition: 2025,
        method: 'postcode',
        unit: 'E01035001',
        score: 45,
        rank: 3000,
        decile: 1,
        quintile: 1,
        core20: true,
        warnings: [],
      })
      expect(d.postcodes.queries).toEqual(['SW1A 1AA'])
    },
  )

  it('2019 uses the LSOA 2011 of the same postcode', () => {
    expect(success(placeArea(data, 'postcode', 'SW1A 1AA', 2019))).toEqual({
      edition: 2019,
      method: 'postcode',
      unit: 'E01000002',
      score: 40,
      rank: 3285,
      decile: 2,
      quintile: 1,
      core20: true,
      warnings: [],
    })
  })

  it('a fixable slip (letter O for zero) is placed, with a note of the reading', () => {
    expect(success(placeArea(data, 'postcode', 'SW1A OAA', 2025))).toEqual({
      edition: 2025,
      method: 'postcode',
      unit: 'E01000001',
      score: 65.25,
      rank: 200,
      decile: 1,
      quintile: 1,
      core20: true,
      warnings: ['Read "SW1A OAA" as the postcode SW1A 0AA.'],
    })
  })

  it('no LSOA 2011 for 2019: falls back to the LSOA 2021 through the crosswalk', () => {
    expect(success(placeArea(data, 'postcode', 'M1 1AE', 2019))).toEqual({
      edition: 2019,
      method: 'postcode',
      unit: 'E01000005',
      score: 12,
      rank: 20_000,
      decile: 7,
      quintile: 4,
      core20: false,
      warnings: ['LSOA 2021 E01035004 is LSOA 2011 E01000005 (redrawn: not an exact fit).'],
    })
  })

  it('no LSOA 2021 for 2025: falls back to the LSOA 2011; notes keep their order', () => {
    // "B1 IAA" is read as B1 1AA, whose LSOA 2011 E01000003 merged into E01035003.
    expect(success(placeArea(data, 'postcode', 'B1 IAA', 2025))).toEqual({
      edition: 2025,
      method: 'postcode',
      unit: 'E01035003',
      score: 16,
      rank: 15_000,
      decile: 5,
      quintile: 3,
      core20: false,
      warnings: [
        'Read "B1 IAA" as the postcode B1 1AA.',
        'LSOA 2011 E01000003 is LSOA 2021 E01035003 (merged: not an exact fit).',
      ],
    })
  })

  it('an invalid postcode → validation', () => {
    const e = failure(placeArea(data, 'postcode', 'NOT A POSTCODE', 2025))
    expect(e.code).toBe('validation')
    expect(e.message).toBe('"NOT A POSTCODE" is not a valid UK postcode.')
    expect(fixOf(e)).toBe('Postcodes look like SW1A 1AA.')
  })

  it('a valid postcode not in the index → not_found', () => {
    const e = failure(placeArea(data, 'postcode', 'sw1a 2aa', 2025))
    expect(e.code).toBe('not_found')
    expect(e.message).toBe('The postcode SW1A 2AA is not in the loaded postcode lookup.')
  })

  it('no postcode lookup loaded → unsupported, naming ONSPD, NSPL and the PCD lookup', () => {
    const e = failure(placeArea({ iod: { 2025: iod2025 } }, 'postcode', 'SW1A 1AA', 2025))
    expect(e.code).toBe('unsupported')
    expect(e.message).toBe('No postcode lookup is loaded.')
    expect(fixOf(e)).toContain('ONS Postcode Directory (ONSPD)')
    expect(fixOf(e)).toContain('National Statistics Postcode Lookup (NSPL)')
    expect(fixOf(e)).toContain('PCD→OA21→LSOA21')
  })

  it('a terminated postcode → not_found with the yyyy-mm date and its old LSOA', () => {
    const e = failure(placeArea(data, 'postcode', 'n10aa', 2025))
    expect(e.code).toBe('not_found')
    expect(e.message).toBe('The postcode N1 0AA was retired in 2020-05 (it was in LSOA E01000007).')
    expect(fixOf(e)).toBe('Use the current postcode of the address.')
  })

  it('a terminated postcode with only an LSOA 2011 → the date is still given', () => {
    const e = failure(placeArea(data, 'postcode', 'N1 9GU', 2019))
    expect(e.code).toBe('not_found')
    expect(e.message).toContain('The postcode N1 9GU was retired in 2018-12')
  })

  it.each([
    ['CF10 1AA', 'Wales', 'Welsh Index of Multiple Deprivation (WIMD)'],
    ['EH1 1AA', 'Scotland', 'Scottish Index of Multiple Deprivation (SIMD)'],
    ['BT1 1AA', 'Northern Ireland', 'Multiple Deprivation Measure (NIMDM)'],
  ])('%s → unsupported: in %s, with the hint', (postcode, nation, hint) => {
    const e = failure(placeArea(data, 'postcode', postcode, 2025))
    expect(e.code).toBe('unsupported')
    expect(e.message).toBe(`The postcode ${postcode} is in ${nation}.`)
    expect(fixOf(e)).toContain(hint)
  })

  it('a postcode outside the four nations (Channel Islands) → unsupported, in plain words', () => {
    // nationName('unknown') is "outside England": the message must not read "is in outside England".
    const e = failure(placeArea(data, 'postcode', 'JE2 3AB', 2025))
    expect(e.code).toBe('unsupported')
    expect(e.message).toContain('JE2 3AB')
    expect(e.message).toContain('outside England')
    expect(e.message).not.toContain('is in outside England')
    expect(fixOf(e)).toBe('The English indices cover England only.')
  })

  it('an English postcode without any LSOA → not_found', () => {
    const e = failure(placeArea(data, 'postcode', 'E1 6AN', 2025))
    expect(e.code).toBe('not_found')
    expect(e.message).toBe('The postcode lookup gives no LSOA for E1 6AN.')
  })
})

describe("placeArea 'practice-lsoa'", () => {
  it("places the LSOA of the practice's postcode; the unit names both", () => {
    expect(success(placeArea(data, 'practice-lsoa', 'a81001 ', 2025))).toEqual({
      edition: 2025,
      method: 'practice-lsoa',
      unit: 'A81001 (E01035001)',
      score: 45,
      rank: 3000,
      decile: 1,
      quintile: 1,
      core20: true,
      warnings: [],
    })
    const p19 = success(placeArea(data, 'practice-lsoa', 'A81001', 2019))
    expect([p19.unit, p19.rank, p19.decile, p19.score]).toEqual(['A81001 (E01000002)', 3285, 2, 40])
  })

  it('a closed practice: warning with its close date, before the crosswalk note', () => {
    expect(success(placeArea(data, 'practice-lsoa', 'A81002', 2019))).toEqual({
      edition: 2019,
      method: 'practice-lsoa',
      unit: 'A81002 (E01000005)',
      score: 12,
      rank: 20_000,
      decile: 7,
      quintile: 4,
      core20: false,
      warnings: [
        'Practice A81002 closed on 2020-03-31.',
        'LSOA 2021 E01035004 is LSOA 2011 E01000005 (redrawn: not an exact fit).',
      ],
    })
  })

  it('a dormant practice without a close date: warning without a date', () => {
    const p = success(placeArea(data, 'practice-lsoa', 'A81005', 2025))
    expect(p.warnings[0]).toBe('Practice A81005 is dormant in the ODS list.')
    expect(p.unit).toBe('A81005 (E01035003)')
  })

  it('an unknown practice → not_found', () => {
    const e = failure(placeArea(data, 'practice-lsoa', 'Z99999', 2025))
    expect(e.code).toBe('not_found')
    expect(e.message).toBe('Z99999 is not a practice in the loaded ODS list (epraccur).')
  })

  it('a practice without a postcode → not_found', () => {
    const e = failure(placeArea(data, 'practice-lsoa', 'A81003', 2025))
    expect(e.code).toBe('not_found')
    expect(e.message).toBe('The ODS list gives no postcode for practice A81003.')
  })

  it('practices not loaded → unsupported, naming epraccur', () => {
    const e = failure(placeArea({ ...data, practices: undefined }, 'practice-lsoa', 'A81001', 2025))
    expect(e.code).toBe('unsupported')
    expect(e.message).toBe('The GP practice list is not loaded.')
    expect(fixOf(e)).toContain('ODS epraccur')
  })

  it('not a practice code → validation', () => {
    const e = failure(placeArea(data, 'practice-lsoa', 'SW1A 1AA', 2025))
    expect(e.code).toBe('validation')
    expect(e.message).toBe('"SW1A 1AA" is not a GP practice code.')
  })
})

describe("placeArea 'practice-weighted'", () => {
  it('score, national rank and decile among all practices in the score table', () => {
    // A81001 40.5 → rank 2 of 6 → decile ⌈20/6⌉ = 4, quintile 2.
    expect(success(placeArea(data, 'practice-weighted', 'A81001', 2019))).toEqual({
      edition: 2019,
      method: 'practice-weighted',
      unit: 'A81001',
      score: 40.5,
      rank: 2,
      decile: 4,
      quintile: 2,
      core20: false,
      warnings: [],
    })
  })

  it('ranks and deciles of every scored practice, ties sharing a rank', () => {
    const placed = ['B82001', 'A81001', 'A81003', 'A81004', 'A81002', 'Y02345'].map((code) => {
      const p = success(placeArea(data, 'practice-weighted', code, 2019))
      return [code, p.rank, p.decile, p.quintile, p.core20]
    })
    expect(placed).toEqual([
      ['B82001', 1, 2, 1, true],
      ['A81001', 2, 4, 2, false],
      ['A81003', 3, 5, 3, false],
      ['A81004', 3, 5, 3, false], // scored although not in the ODS list
      ['A81002', 5, 9, 5, false],
      ['Y02345', 6, 10, 5, false],
    ])
  })

  it('a closed practice is placed with a warning', () => {
    expect(success(placeArea(data, 'practice-weighted', 'A81002', 2019)).warnings).toEqual([
      'Practice A81002 is closed.',
    ])
  })

  it('a known practice without a score → not_found naming the source', () => {
    const e = failure(placeArea(data, 'practice-weighted', 'A81005', 2019))
    expect(e.code).toBe('not_found')
    expect(e.message).toBe(
      'Practice A81005 has no IMD 2019 weighted score in OHID Fingertips indicator 93553.',
    )
    expect(fixOf(e)).toContain('(method practice-lsoa)')
    // The same words are shown in the web app, so they name no CLI flag.
    expect(fixOf(e)).not.toContain('--')
  })

  it('an unknown practice → not_found (ODS list loaded or not)', () => {
    const e = failure(placeArea(data, 'practice-weighted', 'Z99999', 2019))
    expect(e.code).toBe('not_found')
    expect(e.message).toBe(
      'Z99999 is not a GP practice in the loaded ODS list or the practice scores.',
    )
    const e2 = failure(
      placeArea({ ...data, practices: undefined }, 'practice-weighted', 'Z99999', 2019),
    )
    expect(e2.code).toBe('not_found')
    expect(e2.message).toBe(
      'Practice Z99999 has no IMD 2019 weighted score in OHID Fingertips indicator 93553.',
    )
  })

  it('scores not loaded for 2025 → unsupported, naming the registered-patients file', () => {
    const e = failure(placeArea(data, 'practice-weighted', 'A81001', 2025))
    expect(e.code).toBe('unsupported')
    expect(e.message).toBe('No practice-level IMD 2025 scores are loaded.')
    expect(fixOf(e)).toContain('gp-reg-pat-prac-lsoa-all.csv')
    expect(fixOf(e)).toContain('IoD2025 LSOA scores (File 7)')
    // The fixture's IoD2025 has scores, so only the patients file is missing.
    expect(fixOf(e)).toContain('The LSOA scores are loaded: import the registered-patients file')
  })

  it('2025 practice scores, and the IoD2025 files loaded have ranks only → asks for File 7 too', () => {
    const ranksOnly = iodTableOf(2025, { E01000001: { rank: 200, decile: 1 } })
    const e = failure(
      placeArea(
        { ...data, iod: { ...data.iod, 2025: ranksOnly } },
        'practice-weighted',
        'A81001',
        2025,
      ),
    )
    expect(fixOf(e)).toContain('Import both')
    expect(fixOf(e)).toContain('have ranks but no scores')
    const none = failure(placeArea({ ...data, iod: {} }, 'practice-weighted', 'A81001', 2025))
    expect(fixOf(none)).toContain('Import both')
  })

  it('scores not loaded for 2019 → unsupported, naming the Fingertips indicator', () => {
    const e = failure(
      placeArea({ ...data, practiceScores: undefined }, 'practice-weighted', 'A81001', 2019),
    )
    expect(e.code).toBe('unsupported')
    expect(fixOf(e)).toContain('indicator 93553')
  })

  it('works without the ODS list loaded', () => {
    const p = success(
      placeArea(
        { iod: {}, practiceScores: { 2025: scores2025 } },
        'practice-weighted',
        'y02345',
        2025,
      ),
    )
    expect([p.edition, p.unit, p.score, p.rank, p.decile]).toEqual([2025, 'Y02345', 8, 6, 10])
  })
})

describe("placeArea 'pcn-mean'", () => {
  const weighted: AreaData = { ...data, practiceScores: { 2019: scores2019, 2025: scores2025 } }

  it('without list sizes: the simple mean of member scores, ranked among PCNs', () => {
    // Means: U00001 (40.5 + 12.25)/2 = 26.375; U00002 (30 + 8)/2 = 19; U00003 55;
    // U00004 none. Ranks 55 → 1, 26.375 → 2, 19 → 3; deciles among 3: ⌈10/3⌉ = 4,
    // ⌈20/3⌉ = 7, 10.
    expect(success(placeArea(data, 'pcn-mean', 'U00001', 2019))).toEqual({
      edition: 2019,
      method: 'pcn-mean',
      unit: 'U00001',
      score: 26.375,
      rank: 2,
      decile: 7,
      quintile: 4,
      core20: false,
      warnings: [
        'A simple mean of the practices: no list sizes are loaded to weight it (import the registered-patients file).',
      ],
    })
    const top = success(placeArea(data, 'pcn-mean', 'U00003', 2019))
    expect([top.score, top.rank, top.decile, top.quintile, top.core20]).toEqual([
      55,
      1,
      4,
      2,
      false,
    ])
  })

  it('member practices without a score: the mean of the others, with a warning', () => {
    expect(success(placeArea(data, 'pcn-mean', 'U00002', 2019))).toEqual({
      edition: 2019,
      method: 'pcn-mean',
      unit: 'U00002',
      score: 19,
      rank: 3,
      decile: 10,
      quintile: 5,
      core20: false,
      warnings: [
        'A simple mean of the practices: no list sizes are loaded to weight it (import the registered-patients file).',
        '1 of 3 member practices have no score (A81005); the mean uses the others.',
      ],
    })
  })

  it('with list sizes: the list-size-weighted mean, which can reorder PCNs', () => {
    // U00001: (40.5·1000 + 12.25·3000) / 4000 = 77,250 / 4000 = 19.3125
    // U00002: (30·3000 + 8·1000) / 4000 = 98,000 / 4000 = 24.5 (A81005 unscored)
    // U00003: 55 → ranks U00003 1, U00002 2, U00001 3.
    expect(success(placeArea(weighted, 'pcn-mean', 'U00001', 2025))).toEqual({
      edition: 2025,
      method: 'pcn-mean',
      unit: 'U00001',
      score: 19.3125,
      rank: 3,
      decile: 10,
      quintile: 5,
      core20: false,
      warnings: [],
    })
    const p2 = success(placeArea(weighted, 'pcn-mean', 'U00002', 2025))
    expect([p2.score, p2.rank, p2.decile]).toEqual([24.5, 2, 7])
    expect(p2.warnings).toEqual([
      '1 of 3 member practices have no score (A81005); the mean uses the others.',
    ])
  })

  it('a practice code instead of a PCN code: its PCN, with a note', () => {
    expect(success(placeArea(data, 'pcn-mean', 'a81002', 2019))).toEqual({
      edition: 2019,
      method: 'pcn-mean',
      unit: 'U00001',
      score: 26.375,
      rank: 2,
      decile: 7,
      quintile: 4,
      core20: false,
      warnings: [
        'Practice A81002 is in PCN U00001.',
        'A simple mean of the practices: no list sizes are loaded to weight it (import the registered-patients file).',
      ],
    })
  })

  it('a practice without a current PCN → not_found (A81004 has a score, though not in epraccur)', () => {
    const e = failure(placeArea(data, 'pcn-mean', 'A81004', 2019))
    expect(e.code).toBe('not_found')
    expect(e.message).toBe('Practice A81004 has no current PCN in the loaded ePCN file.')
  })

  it('a practice code that is in neither epraccur nor ePCN → not_found, saying so', () => {
    const e = failure(placeArea(data, 'pcn-mean', 'Z99999', 2019))
    expect(e.code).toBe('not_found')
    expect(e.message).toBe(
      'Z99999 is not a practice in the loaded ODS list (epraccur), the ePCN file or the practice scores.',
    )
    // Without epraccur, spnet cannot tell an unknown code from a practice outside any PCN.
    const e2 = failure(placeArea({ ...data, practices: undefined }, 'pcn-mean', 'Z99999', 2019))
    expect(e2.message).toBe('Practice Z99999 has no current PCN in the loaded ePCN file.')
  })

  it('a PCN none of whose practices has a score → not_found', () => {
    const e = failure(placeArea(data, 'pcn-mean', 'U00004', 2019))
    expect(e.code).toBe('not_found')
    expect(e.message).toBe('None of the practices of U00004 has an IMD 2019 weighted score.')
  })

  it.each(['U00005', 'U99999'])('%s (no current members / unknown) → not_found', (code) => {
    const e = failure(placeArea(data, 'pcn-mean', code, 2019))
    expect(e.code).toBe('not_found')
    expect(e.message).toBe(
      `${code} is not a PCN with current member practices in the loaded ePCN file.`,
    )
  })

  it('neither a PCN nor a practice code → validation', () => {
    const e = failure(placeArea(data, 'pcn-mean', 'QE1', 2019))
    expect(e.code).toBe('validation')
    expect(e.message).toBe('"QE1" is not a PCN code.')
  })

  it('PCNs not loaded → unsupported; scores not loaded → unsupported', () => {
    const e = failure(placeArea({ ...data, pcns: undefined }, 'pcn-mean', 'U00001', 2019))
    expect(e.code).toBe('unsupported')
    expect(e.message).toBe('The PCN list is not loaded.')
    const e2 = failure(placeArea(data, 'pcn-mean', 'U00001', 2025))
    expect(e2.code).toBe('unsupported')
    expect(e2.message).toBe('No practice-level IMD 2025 scores are loaded.')
  })

  it('the fixture practices are the ones the PCN tests reason about', () => {
    expect(practices.get('A81005')?.status).toBe('dormant')
    expect(scores2019.scores.has('A81005')).toBe(false)
  })
})

describe('checkReferenceData', () => {
  it('everything a method needs is loaded → ok', () => {
    for (const method of ['lsoa', 'postcode', 'practice-lsoa', 'practice-weighted'] as const) {
      expect(checkReferenceData(data, method, 2019), method).toEqual({ ok: true, value: null })
    }
    expect(checkReferenceData(data, 'pcn-mean', 2019).ok).toBe(true)
    expect(checkReferenceData(data, 'lsoa', 2025).ok).toBe(true)
  })

  it('names the first missing file, as placing a value would', () => {
    const cases: [AreaData, Parameters<typeof checkReferenceData>[1], 2019 | 2025, string][] = [
      [{ ...data, iod: {} }, 'lsoa', 2019, 'The Index of Multiple Deprivation 2019 is not loaded.'],
      [{ ...data, postcodes: undefined }, 'postcode', 2025, 'No postcode lookup is loaded.'],
      [
        { ...data, practices: undefined },
        'practice-lsoa',
        2019,
        'The GP practice list is not loaded.',
      ],
      [{ ...data, postcodes: undefined }, 'practice-lsoa', 2019, 'No postcode lookup is loaded.'],
      [data, 'practice-weighted', 2025, 'No practice-level IMD 2025 scores are loaded.'],
      [{ ...data, pcns: undefined }, 'pcn-mean', 2019, 'The PCN list is not loaded.'],
      [data, 'pcn-mean', 2025, 'No practice-level IMD 2025 scores are loaded.'],
    ]
    for (const [d, method, edition, expected] of cases) {
      const e = failure(checkReferenceData(d, method, edition))
      expect(e.message, `${method} ${edition}`).toBe(expected)
      expect(e.code).toBe('unsupported')
      expect(fixOf(e)).not.toBeNull()
    }
  })

  it('an LSOA of the other geography without the ONS lookup is told per value, not up front', () => {
    const noCrosswalk: AreaData = { ...data, crosswalk: undefined }
    expect(checkReferenceData(noCrosswalk, 'lsoa', 2025).ok).toBe(true)
  })
})
