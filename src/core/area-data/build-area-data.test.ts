import { describe, expect, it } from 'vitest'
import type { PostcodeIndex } from '../deprivation/area-tables.js'
import type { AreaDataset, IodDataset } from './area-datasets.js'
import { buildAreaData } from './build-area-data.js'

type IodRow = IodDataset['rows'][number]

const iod = (
  edition: IodDataset['edition'],
  variant: IodDataset['variant'],
  rows: IodRow[],
): IodDataset => ({ kind: 'iod', edition, variant, rows })

// Rows: [code, name, lad, rank, decile, score, population].
// Given least-preferred first, to show precedence is by variant, not by order.
const file6 = iod(2019, 'file6', [
  ['E01000001', 'Name from File 6', 'E06000006', null, null, null, 1499],
  ['E01000002', 'Second LSOA', 'E06000002', null, null, null, 1600],
  ['E01000004', 'Only in File 6', 'E06000004', null, null, null, 1700], // no rank anywhere
])
const file1 = iod(2019, 'file1', [
  ['E01000001', 'First LSOA', 'E06000001', 10, 1, null, null],
  ['E01000002', null, null, 20_000, 7, null, null],
  ['E01000003', 'No rank', 'E06000003', null, 4, null, null], // a decile but no rank
])
const scores = iod(2019, 'scores', [
  ['E01000001', null, null, 10, 1, 99, null], // File 7's score wins over this one
  ['E01000002', null, null, 20_000, 7, 12.5, null], // not in File 7: this score is used
])
const file7 = iod(2019, 'file7', [['E01000001', null, null, 10, 1, 55.5, 1500]])

describe('buildAreaData: IoD tables', () => {
  const built = buildAreaData([file6, file1, scores, file7])

  it('combines the files of one edition: File 7 first, then scores, File 1, File 2, File 6', () => {
    expect(built.iod[2019]?.edition).toBe(2019)
    expect(Object.fromEntries(built.iod[2019]?.areas ?? [])).toEqual({
      // Score and population from File 7; name and LAD from File 1 (File 7 has none).
      E01000001: {
        rank: 10,
        decile: 1,
        score: 55.5,
        name: 'First LSOA',
        lad: 'E06000001',
        population: 1500,
      },
      // Rank from File 1, score from the scores table, name/LAD/population from File 6.
      E01000002: {
        rank: 20_000,
        decile: 7,
        score: 12.5,
        name: 'Second LSOA',
        lad: 'E06000002',
        population: 1600,
      },
      // E01000003 (a decile but no rank) and E01000004 (File 6 only) are dropped.
    })
  })

  it('a scores table with ranks but no decile column: deciles come from the national rank', () => {
    // The IoD reader accepts renamed tables such as lsoa21_code, imd_rank, imd_score
    // (variant "scores", decile null) and checks they hold all 33,755 LSOAs, so the
    // decile is ⌈10·rank / 33,755⌉: rank 3000 → ⌈0.889⌉ = 1; rank 20,000 → ⌈5.925⌉ = 6.
    const d = buildAreaData([
      iod(2025, 'scores', [
        ['E01035001', null, null, 3000, null, 45, null],
        ['E01035002', null, null, 20_000, null, 11, null],
      ]),
    ])
    expect(d.iod[2025]?.areas.get('E01035001')?.decile).toBe(1)
    expect(d.iod[2025]?.areas.get('E01035002')?.decile).toBe(6)
  })

  it('an edition with File 6 only (no ranks) is not created', () => {
    const d = buildAreaData([
      iod(2025, 'file6', [['E01035001', 'x', 'E06000001', null, null, null, 1]]),
    ])
    expect(d.iod).toEqual({})
  })

  it('File 2 ranks fill in for File 1; each edition is built separately', () => {
    const d = buildAreaData([
      iod(2025, 'file2', [['E01035001', null, null, 3000, 1, null, null]]),
      file1,
    ])
    expect(d.iod[2025]?.areas.get('E01035001')).toEqual({
      rank: 3000,
      decile: 1,
      score: null,
      name: null,
      lad: null,
      population: null,
    })
    expect([...(d.iod[2019]?.areas.keys() ?? [])]).toEqual(['E01000001', 'E01000002'])
  })

  it('nothing loaded → empty tables', () => {
    expect(buildAreaData([])).toEqual({
      iod: {},
      crosswalk: undefined,
      postcodes: undefined,
      practices: undefined,
      pcns: undefined,
      practiceScores: {},
    })
  })

  it('passes the postcode index through', () => {
    const index: PostcodeIndex = { find: () => null }
    expect(buildAreaData([], index).postcodes).toBe(index)
  })
})

describe('buildAreaData: crosswalk, practices, PCNs', () => {
  it('maps the crosswalk both ways', () => {
    const d = buildAreaData([
      {
        kind: 'lsoa-crosswalk',
        rows: [
          ['E01000001', 'E01000001', 'U'],
          ['E01000002', 'E01035001', 'S'],
          ['E01000002', 'E01035002', 'S'],
          ['E01000003', 'E01035003', 'M'],
          ['E01000004', 'E01035003', 'M'],
          ['E01000005', 'E01035004', 'X'],
        ],
      },
    ])
    expect(Object.fromEntries(d.crosswalk?.to2021 ?? [])).toEqual({
      E01000001: [{ code: 'E01000001', change: 'U' }],
      E01000002: [
        { code: 'E01035001', change: 'S' },
        { code: 'E01035002', change: 'S' },
      ],
      E01000003: [{ code: 'E01035003', change: 'M' }],
      E01000004: [{ code: 'E01035003', change: 'M' }],
      E01000005: [{ code: 'E01035004', change: 'X' }],
    })
    expect(Object.fromEntries(d.crosswalk?.to2011 ?? [])).toEqual({
      E01000001: [{ code: 'E01000001', change: 'U' }],
      E01035001: [{ code: 'E01000002', change: 'S' }],
      E01035002: [{ code: 'E01000002', change: 'S' }],
      E01035003: [
        { code: 'E01000003', change: 'M' },
        { code: 'E01000004', change: 'M' },
      ],
      E01035004: [{ code: 'E01000005', change: 'X' }],
    })
  })

  it('keeps practices by code', () => {
    const d = buildAreaData([
      {
        kind: 'practices',
        layout: 'legacy',
        rows: [
          ['A81001', 'Riverside Surgery', 'TS18 1HU', 'active', true, null],
          ['A81002', 'Old Mill', null, 'closed', true, '20200331'],
        ],
      },
    ])
    expect(Object.fromEntries(d.practices ?? [])).toEqual({
      A81001: {
        code: 'A81001',
        name: 'Riverside Surgery',
        postcode: 'TS18 1HU',
        status: 'active',
        gpPractice: true,
        closeDate: null,
      },
      A81002: {
        code: 'A81002',
        name: 'Old Mill',
        postcode: null,
        status: 'closed',
        gpPractice: true,
        closeDate: '20200331',
      },
    })
  })

  it('PCN memberships with an end date are left out', () => {
    const d = buildAreaData([
      {
        kind: 'pcn-details',
        rows: [
          ['U00001', 'North PCN', false],
          ['U00002', 'Old PCN', true],
        ],
      },
      {
        kind: 'pcn-members',
        rows: [
          ['A81001', 'U00001', '20190701', null],
          ['A81002', 'U00002', '20190701', '20210331'], // ended: moved to U00001
          ['A81002', 'U00001', '20210401', null],
          ['A81003', 'U00002', '20190701', '20200101'], // ended, no current PCN
        ],
      },
    ])
    expect(Object.fromEntries(d.pcns?.members ?? [])).toEqual({ U00001: ['A81001', 'A81002'] })
    expect(Object.fromEntries(d.pcns?.pcnOf ?? [])).toEqual({
      A81001: 'U00001',
      A81002: 'U00001',
    })
    expect(Object.fromEntries(d.pcns?.pcns ?? [])).toEqual({
      U00001: { code: 'U00001', name: 'North PCN', closed: false },
      U00002: { code: 'U00002', name: 'Old PCN', closed: true },
    })
  })

  it('members without the details sheet still make a PCN table', () => {
    const d = buildAreaData([{ kind: 'pcn-members', rows: [['A81001', 'U00001', null, null]] }])
    expect(d.pcns?.pcns.size).toBe(0)
    expect(d.pcns?.members.get('U00001')).toEqual(['A81001'])
  })
})

describe('buildAreaData: practice scores', () => {
  const fingertips: AreaDataset = {
    kind: 'practice-imd',
    rows: [
      ['A81001', 2019, 40],
      ['A81001', 2015, 35],
      ['A81002', 2019, 20],
      ['A81003', 2025, 33], // a 2025 value: Fingertips is used for 2019 only
    ],
  }
  const patients: AreaDataset = {
    kind: 'registered-patients',
    extractDate: '2025-10-01',
    rows: [
      ['A81001', 'E01000001', 300],
      ['A81001', 'E01000002', 100],
      ['A81002', 'W01000001', 80],
      ['A81002', 'E01000002', 20],
    ],
  }

  it('Fingertips only: the 2019 scores of indicator 93553, no list sizes; nothing for 2025', () => {
    const d = buildAreaData([fingertips])
    expect(d.practiceScores).toEqual({
      2019: {
        edition: 2019,
        source: 'OHID Fingertips indicator 93553',
        scores: new Map([
          ['A81001', 40],
          ['A81002', 20],
        ]),
        listSizes: null,
      },
    })
  })

  it('registered patients and an edition with scores: computed scores when most patients live in scored LSOAs', () => {
    // IoD2019 scores (File 7 and scores table above): E01000001 55.5, E01000002 12.5.
    // A81001: (300·55.5 + 100·12.5) / 400 = (16,650 + 1250) / 400 = 44.75
    // A81002: only E01000002 scored: 20·12.5 / 20 = 12.5; W01000001 unscored, 80 of 100.
    // 80 of 500 patients unscored: 84% covered, under the 90% needed, so no computed scores.
    expect(
      buildAreaData([file1, scores, file7, file6, patients]).practiceScores?.[2019],
    ).toBeUndefined()
    const mostlyEnglish: AreaDataset = {
      ...patients,
      rows: [...patients.rows.slice(0, 2), ['A81002', 'W01000001', 8], ['A81002', 'E01000002', 92]],
    }
    const s = buildAreaData([file1, scores, file7, file6, mostlyEnglish]).practiceScores?.[2019]
    expect(s?.source).toBe('IoD2019 LSOA scores weighted by registered patients (2025-10-01)')
    expect(s?.scores).toEqual(
      new Map([
        ['A81001', 44.75],
        ['A81002', 12.5],
      ]),
    )
    expect(s?.listSizes).toEqual(
      new Map([
        ['A81001', 400],
        ['A81002', 100],
      ]),
    )
    expect(s && 'partlyUnscored' in s ? s.partlyUnscored : null).toEqual(
      new Map([['A81002', 0.08]]),
    )
  })

  it("with Fingertips loaded, OHID's own 2019 scores stay; registered patients give them list sizes", () => {
    const s = buildAreaData([fingertips, file1, scores, file7, file6, patients])
      .practiceScores?.[2019]
    expect(s?.source).toBe('OHID Fingertips indicator 93553')
    expect(s?.listSizes).toEqual(
      new Map([
        ['A81001', 400],
        ['A81002', 100],
      ]),
    )
  })

  it('registered patients but an edition without scores: no practice scores for it', () => {
    // IoD2025 from File 1 only (ranks, no scores); IoD2019 not loaded.
    const d = buildAreaData([
      iod(2025, 'file1', [['E01000001', null, null, 5, 1, null, null]]),
      patients,
    ])
    expect(d.iod[2025]?.areas.size).toBe(1)
    expect(d.practiceScores).toEqual({})
  })

  it('registered patients and IoD2025 scores: 2025 practice scores; no extract date in the source', () => {
    const d = buildAreaData([
      iod(2025, 'file7', [
        ['E01000001', null, null, 5, 1, 30, 1000],
        ['E01000002', null, null, 6, 1, 10, 1000],
      ]),
      { ...patients, extractDate: null, rows: patients.rows.filter((r) => !r[1].startsWith('W')) },
    ])
    // A81001: (300·30 + 100·10) / 400 = 10,000 / 400 = 25; A81002: 20·10 / 20 = 10.
    expect(d.practiceScores?.[2019]).toBeUndefined()
    expect(d.practiceScores?.[2025]?.source).toBe(
      'IoD2025 LSOA scores weighted by registered patients',
    )
    expect(d.practiceScores?.[2025]?.scores).toEqual(
      new Map([
        ['A81001', 25],
        ['A81002', 10],
      ]),
    )
  })
})
