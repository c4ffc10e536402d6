import type {
  AreaData,
  PcnTable,
  PostcodeRecord,
  PracticeScores,
  PracticeTable,
} from '../deprivation/area-tables.js'
import { crosswalkOf, iodTableOf, postcodeStub } from './area-data.js'

/**
 * A hand-made AreaData for the placement tests. Both IoD tables have their
 * edition's national size (hand-made LSOAs plus fillers E01200000…), so
 * deciles of split areas are computed over 32,844 or 33,755 LSOAs as with the
 * official files. Deciles below are ⌈10·rank / N⌉, worked out by hand.
 */

/** IoD2019, LSOA 2011 codes, N = 32,844. */
export const iod2019 = iodTableOf(
  2019,
  {
    E01000001: { rank: 100, decile: 1, score: 70.5, name: 'Westminster 018A', lad: 'E09000033' },
    E01000002: { rank: 3285, decile: 2, score: 40 }, // ⌈1.00018⌉ = 2; split in 2021
    E01000003: { rank: 10_000, decile: 4, score: 20 }, // ⌈3.0447⌉; merged in 2021
    E01000004: { rank: 9709, decile: 3, score: 18 }, // ⌈2.956⌉; merged in 2021
    E01000005: { rank: 20_000, decile: 7, score: 12 }, // ⌈6.089⌉; redrawn (X)
    E01000006: { rank: 30_000, decile: 10, score: 5 }, // ⌈9.134⌉
    E01000007: { rank: 32_844, decile: 10, score: 1.5 },
    E01000008: { rank: 5000, decile: 2, score: 35 }, // ⌈1.522⌉
    E01000009: { rank: 7000, decile: 3, score: 28 }, // ⌈2.131⌉
    E01000010: { rank: 8000, decile: 3, score: 26 }, // ⌈2.436⌉
  },
  { national: true },
)

/** IoD2025, LSOA 2021 codes, N = 33,755. */
export const iod2025 = iodTableOf(
  2025,
  {
    E01000001: { rank: 200, decile: 1, score: 65.25 }, // unchanged code
    E01035001: { rank: 3000, decile: 1, score: 45 }, // ⌈0.889⌉; child of E01000002
    E01035002: { rank: 9000, decile: 3, score: 30 }, // ⌈2.666⌉; child of E01000002
    E01035006: { rank: 4000, decile: 2, score: 33 }, // ⌈1.185⌉; child of E01000002
    E01035003: { rank: 15_000, decile: 5, score: 16 }, // ⌈4.444⌉; E01000003 + E01000004
    E01035004: { rank: 25_000, decile: 8, score: 9 }, // ⌈7.406⌉; redraw of E01000005
    E01035005: { rank: 33_755, decile: 10, score: 0.75 },
    E01000007: { rank: 33_000, decile: 10, score: 1.2 }, // ⌈9.776⌉; unchanged code
    E01035007: { rank: 6000, decile: 2, score: 28 }, // ⌈1.778⌉; child of E01000008
    E01035008: { rank: 7000, decile: 3, score: null }, // ⌈2.074⌉; child of E01000008, no score
    E01035009: { rank: 8000, decile: 3, score: 25 }, // ⌈2.370⌉; child of E01000010
  },
  { national: true },
)

/** ONS-style rows [lsoa11, lsoa21, change]. */
export const crosswalk = crosswalkOf([
  ['E01000001', 'E01000001', 'U'],
  ['E01000002', 'E01035001', 'S'],
  ['E01000002', 'E01035002', 'S'],
  ['E01000002', 'E01035006', 'S'],
  ['E01000003', 'E01035003', 'M'],
  ['E01000004', 'E01035003', 'M'],
  ['E01000005', 'E01035004', 'X'],
  // Not realistic (ONS "U" rows keep the code) but exercises the plain note.
  ['E01000006', 'E01035005', 'U'],
  ['E01000007', 'E01000007', 'U'],
  ['E01000008', 'E01035007', 'S'],
  ['E01000008', 'E01035008', 'S'],
  // Children the IoD2025 table does not rank.
  ['E01000009', 'E01035998', 'S'],
  ['E01000009', 'E01035999', 'S'],
  // One child ranked, one not.
  ['E01000010', 'E01035009', 'S'],
  ['E01000010', 'E01035997', 'S'],
])

const record = (
  postcode: string,
  nation: PostcodeRecord['nation'],
  lsoa21: string | null,
  lsoa11: string | null,
  terminated: string | null = null,
): PostcodeRecord => ({ postcode, nation, lsoa21, lsoa11, terminated })

export const postcodeRecords: readonly PostcodeRecord[] = [
  record('SW1A 1AA', 'england', 'E01035001', 'E01000002'),
  record('SW1A 0AA', 'england', 'E01000001', 'E01000001'),
  record('M1 1AE', 'england', 'E01035004', null), // no 2011 LSOA: 2019 goes through the crosswalk
  record('B1 1AA', 'england', null, 'E01000003'), // no 2021 LSOA: 2025 goes through the crosswalk
  record('E1 6AN', 'england', null, null),
  record('N1 0AA', 'england', 'E01000007', 'E01000007', '202005'),
  record('N1 9GU', 'england', null, 'E01000006', '201812'),
  record('CF10 1AA', 'wales', 'W01001234', 'W01001234'),
  record('EH1 1AA', 'scotland', null, 'S01008677'),
  record('BT1 1AA', 'northern_ireland', null, null),
  record('JE2 3AB', 'unknown', null, null), // Channel Islands (ctry L93000001)
]

export const practices: PracticeTable = new Map(
  (
    [
      ['A81001', 'Riverside Surgery', 'SW1A 1AA', 'active', true, null],
      ['A81002', 'Old Mill Practice', 'M1 1AE', 'closed', true, '20200331'],
      ['A81003', 'No Postcode Medical Centre', null, 'active', true, null],
      ['A81005', 'Quiet Surgery', 'B1 1AA', 'dormant', true, null],
      ['A81006', 'Unscored Surgery', 'SW1A 0AA', 'active', true, null],
      ['B82001', 'Hill Top Practice', 'SW1A 0AA', 'active', true, null],
      ['Y02345', 'Walk-in Centre', 'SW1A 0AA', 'active', false, null],
    ] as const
  ).map(([code, name, postcode, status, gpPractice, closeDate]) => [
    code,
    { code, name, postcode, status, gpPractice, closeDate },
  ]),
)

/**
 * Practice scores; ranked: B82001 55 → 1, A81001 40.5 → 2, A81003 = A81004 = 30
 * → 3, A81002 12.25 → 5, Y02345 8 → 6. Deciles among 6 practices ⌈10r/6⌉:
 * 2, 4, 5, 5, 9, 10. A81005 and A81006 have none; A81004 is not in the ODS list.
 */
const scoreValues = new Map([
  ['B82001', 55],
  ['A81001', 40.5],
  ['A81003', 30],
  ['A81004', 30],
  ['A81002', 12.25],
  ['Y02345', 8],
])

/** Fingertips-like: no list sizes, so PCN means are simple means. */
export const scores2019: PracticeScores = {
  edition: 2019,
  source: 'OHID Fingertips indicator 93553',
  scores: scoreValues,
  listSizes: null,
}

/** Computed-like: the same scores with list sizes, so PCN means are weighted. */
export const scores2025: PracticeScores = {
  edition: 2025,
  source: 'IoD2025 LSOA scores weighted by registered patients (2025-10-01)',
  scores: scoreValues,
  listSizes: new Map([
    ['A81001', 1000],
    ['A81002', 3000],
    ['A81003', 3000],
    ['Y02345', 1000],
    ['B82001', 500],
    ['A81004', 800],
  ]),
}

const memberList: [string, string[]][] = [
  ['U00001', ['A81001', 'A81002']],
  ['U00002', ['A81003', 'Y02345', 'A81005']],
  ['U00003', ['B82001']],
  ['U00004', ['A81006']],
  ['U00005', []],
]

export const pcns: PcnTable = {
  pcns: new Map(
    memberList.map(([code]) => [code, { code, name: `PCN ${code}`, closed: code === 'U00005' }]),
  ),
  members: new Map(memberList),
  pcnOf: new Map(memberList.flatMap(([pcn, ms]) => ms.map((m) => [m, pcn] as const))),
}

/** Everything loaded, except practice scores for 2025. */
export function fullData(): AreaData & { readonly postcodes: ReturnType<typeof postcodeStub> } {
  return {
    iod: { 2019: iod2019, 2025: iod2025 },
    crosswalk,
    postcodes: postcodeStub(postcodeRecords),
    practices,
    pcns,
    practiceScores: { 2019: scores2019 },
  }
}
