import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { csvFormatRow, csvParse, csvParseRows } from 'd3-dsv'
import { beforeAll, describe, expect, it } from 'vitest'
import { spnet, tempDir } from '../cli/run-cli.js'
import {
  areaCount,
  decileOf,
  expectRefused,
  markdownRecords,
  official,
  officialFile1,
  postcodeFileText,
  readCsv,
  scores2025,
  sha256,
  writeFile7,
  writePatients,
  type Lsoa,
  type SyntheticPostcode,
} from '../support/area-files.js'

/**
 * Issue 3, point 5: `spnet enrich` places every link worker by each method
 * and both editions, writes the study to a new folder with the IMD columns
 * added, lists the egos it could not place with why, and never touches the
 * input. A synthetic NSPL gives the postcodes; a synthetic File 7 and NHS
 * "patients registered at a GP practice by LSOA" file give IMD 2025
 * practice scores.
 */

const added = [
  'imd_score',
  'imd_rank',
  'imd_decile',
  'imd_quintile',
  'imd_tertile',
  'core20',
  'imd_edition',
  'imd_method',
]

type Ego = {
  /** The LSOA the synthetic NSPL gives the practice's epraccur postcode (chosen practices only). */
  practiceLsoa?: string
  practice_code: string
  pcn_code: string
  lsoa11: string
  lsoa21: string
  postcode: string
}

let root: string
let study: string
let envA: Record<string, string> // official files + postcodes
let envB: Record<string, string> // A + synthetic File 7 (2025) + registered patients
let egos: Ego[]
let originalColumns: string[]
let inputSnapshot: Record<string, string>
let fingertips: Map<string, number>
let file1: Record<2019 | 2025, Map<string, Lsoa>>
let currentMembers: Map<string, string[]>
let patients: [string, string, string, number][]

/** Practices with a 2019 Fingertips score, active GP practices in epraccur and in a current PCN. */
function choosePractices() {
  const epraccur = readCsv(official.epraccur())
  const active = new Map(
    epraccur.filter((r) => r[12] === 'ACTIVE' && r[25] === 'RO76').map((r) => [r[0]!, r[9]!]),
  )
  const [ftHeader, ...ftRows] = readCsv(official.fingertips())
  const at = (name: string) => ftHeader!.indexOf(name)
  fingertips = new Map(
    ftRows
      .filter((r) => r[at('Year')] === '2019' && r[at('Value')] !== '')
      .map((r) => [r[at('AreaCode')]!, Number(r[at('Value')])]),
  )
  const [, ...members] = readCsv(official.pcnMembers())
  currentMembers = new Map()
  const pcnOf = new Map<string, string>()
  for (const r of members) {
    if (r[9] !== '') continue
    currentMembers.set(r[4]!, [...(currentMembers.get(r[4]!) ?? []), r[0]!])
    pcnOf.set(r[0]!, r[4]!)
  }
  const eligible = [...active.keys()].filter((c) => fingertips.has(c) && pcnOf.has(c)).sort()
  const picked = Array.from(
    { length: 16 },
    (_, k) => eligible[Math.floor((k * eligible.length) / 16)]!,
  )
  const unscored = [...active.keys()]
    .filter((c) => !fingertips.has(c) && /^[A-VX-Z]/.test(c))
    .sort()[0]!
  const welsh = [...active.keys()].filter((c) => c.startsWith('W')).sort()[0]!
  return { active, pcnOf, picked, unscored, welsh }
}

beforeAll(async () => {
  root = tempDir('enrich')
  const demo = join(root, 'demo')
  const made = await spnet(['demo', '--egos', '20', '--seed', '3', '--out', demo])
  expect(made.status, made.stderr).toBe(0)

  const { active, pcnOf, picked, unscored, welsh } = choosePractices()
  file1 = {
    2019: new Map(officialFile1(2019).map((a) => [a.code, a])),
    2025: new Map(officialFile1(2025).map((a) => [a.code, a])),
  }
  // LSOAs unchanged between 2011 and 2021, spread over the list of codes, one per ego.
  const unchanged = readCsv(official.crosswalk())
    .filter((r) => r[2] === 'U' && r[1]!.startsWith('E'))
    .map((r) => r[1]!)
    .sort()
  const lsoaOf = (i: number) => unchanged[Math.floor((i * unchanged.length) / 16) + 7]!

  // Postcodes: each ego's own, each chosen practice's epraccur postcode, and awkward ones.
  const E = 'E92000001'
  const pcs = new Map<string, SyntheticPostcode>()
  const add = (pcds: string, lsoa: string) => {
    // Practices may share a building: a postcode keeps its first LSOA.
    if (!pcs.has(pcds)) pcs.set(pcds, { pcds, lsoa11: lsoa, lsoa21: lsoa, ctry: E })
    return pcs.get(pcds)!.lsoa21!
  }
  egos = picked.map((practice, i) => {
    const lsoa = lsoaOf(i)
    const postcode = `N${i + 1} ${i % 10}XY`
    add(postcode, lsoa)
    return {
      practiceLsoa: add(active.get(practice)!, lsoaOf(15 - i)),
      practice_code: practice,
      pcn_code: pcnOf.get(practice)!,
      lsoa11: lsoa,
      lsoa21: lsoa,
      postcode,
    }
  })
  pcs.set('CF10 1AA', {
    pcds: 'CF10 1AA',
    lsoa11: 'W01001932',
    lsoa21: 'W01001932',
    ctry: 'W92000004',
  })
  pcs.set('EC1A 1BB', {
    pcds: 'EC1A 1BB',
    lsoa11: 'E01000001',
    lsoa21: 'E01000001',
    ctry: E,
    doterm: '201809',
  })
  egos.push(
    // LW017: unknown practice, Welsh LSOA and postcode.
    {
      practice_code: 'Z99999',
      pcn_code: 'U99999',
      lsoa11: 'W01001932',
      lsoa21: 'W01001932',
      postcode: 'CF10 1AA',
    },
    // LW018: nothing given.
    { practice_code: '', pcn_code: '', lsoa11: '', lsoa21: '', postcode: '' },
    // LW019: a practice without a 2019 score; a Scottish data zone; a retired postcode.
    {
      practice_code: unscored,
      pcn_code: '',
      lsoa11: 'S01008677',
      lsoa21: 'S01008677',
      postcode: 'EC1A 1BB',
    },
    // LW020: a Welsh practice; LSOAs changed between 2011 and 2021; a postcode not in the lookup.
    {
      practice_code: welsh,
      pcn_code: '',
      lsoa11: 'E01033468',
      lsoa21: 'E01035190',
      postcode: 'ZZ9 9ZZ',
    },
  )

  // The study: the demo with these columns added to egos.csv.
  study = join(root, 'study')
  cpSync(demo, study, { recursive: true })
  const columns = ['practice_code', 'pcn_code', 'lsoa11', 'lsoa21', 'postcode'] as const
  // The demo's own practice and PCN codes give way to these (chosen to cover every case).
  const [header, ...records] = csvParseRows(readFileSync(join(demo, 'egos.csv'), 'utf8'))
  const keep = header!
    .map((c, i) => ((columns as readonly string[]).includes(c) ? -1 : i))
    .filter((i) => i >= 0)
  originalColumns = keep.map((i) => header![i]!)
  writeFileSync(
    join(study, 'egos.csv'),
    [
      csvFormatRow([...originalColumns, ...columns]),
      ...records.map((r, i) =>
        csvFormatRow([...keep.map((k) => r[k]!), ...columns.map((c) => egos[i]![c])]),
      ),
    ].join('\n') + '\n',
  )
  inputSnapshot = snapshot(study)

  // A: the official files and the postcodes. B: A plus File 7 (2025) and registered patients.
  envA = { SPNET_DATA_DIR: tempDir('enrich-a') }
  const postcodes = join(root, 'NSPL_FEB_2025_UK.csv')
  writeFileSync(postcodes, postcodeFileText('nspl', [...pcs.values()]))
  const a = await spnet(
    [
      'area',
      'import',
      official.iod2019File1(),
      official.iod2025File1(),
      official.crosswalk(),
      official.epraccur(),
      official.pcnDetails(),
      official.pcnMembers(),
      official.fingertips(),
      postcodes,
    ],
    { env: envA },
  )
  expect(a.status, a.stderr).toBe(0)

  envB = { SPNET_DATA_DIR: tempDir('enrich-b') }
  cpSync(envA['SPNET_DATA_DIR']!, envB['SPNET_DATA_DIR']!, { recursive: true })
  const file7 = writeFile7(join(root, 'File_7_IoD2025.csv'), 2025)
  patients = patientRows(picked)
  const patientsFile = join(root, 'gp-reg-pat-prac-lsoa-all.csv')
  writePatients(patientsFile, patients)
  const b = await spnet(['area', 'import', file7.path, patientsFile], { env: envB })
  expect(b.status, b.stderr).toBe(0)
}, 60_000)

/** Registered patients of Stockton PCN's members and three chosen practices, by LSOA and sex. */
function patientRows(picked: readonly string[]): [string, string, string, number][] {
  const lsoas = officialFile1(2025).map((a) => a.code)
  const practices = [...currentMembers.get('U89141')!, picked[0]!, picked[5]!, picked[10]!]
  const rows: [string, string, string, number][] = []
  practices.forEach((practice, j) => {
    for (let m = 0; m < 3; m++) {
      const lsoa = lsoas[(j * 2_003 + m * 517) % lsoas.length]!
      if (j % 3 === 0) {
        // Counts by sex only: summed.
        rows.push([practice, lsoa, 'MALE', 40 + j + m], [practice, lsoa, 'FEMALE', 45 + 2 * j])
      } else if (j % 3 === 1) {
        rows.push([practice, lsoa, 'ALL', 90 + 3 * j + m])
      } else {
        // ALL and by sex: ALL is used, not added to the sexes.
        rows.push(
          [practice, lsoa, 'ALL', 100 + j],
          [practice, lsoa, 'MALE', 50],
          [practice, lsoa, 'FEMALE', 50 + j],
        )
      }
    }
    // Patients living in Wales, and with no known LSOA: in the list size, not the score.
    rows.push([practice, 'W01001932', 'ALL', 4 + j], [practice, 'NO2021', 'ALL', 2])
  })
  return rows
}

/** Each practice's IMD 2025 score by hand: Σ n·score / Σ n over English LSOAs; list size is every patient. */
function practiceScores2025() {
  const scores = scores2025()
  const counts = new Map<string, Map<string, number>>()
  const hasAll = new Set(patients.filter((r) => r[2] === 'ALL').map((r) => `${r[0]} ${r[1]}`))
  for (const [practice, lsoa, sex, n] of patients) {
    if (sex !== 'ALL' && hasAll.has(`${practice} ${lsoa}`)) continue
    const byLsoa = counts.get(practice) ?? new Map<string, number>()
    byLsoa.set(lsoa, (byLsoa.get(lsoa) ?? 0) + n)
    counts.set(practice, byLsoa)
  }
  const score = new Map<string, number>()
  const list = new Map<string, number>()
  for (const [practice, byLsoa] of counts) {
    let sum = 0
    let weight = 0
    let all = 0
    for (const [lsoa, n] of byLsoa) {
      all += n
      const s = scores.get(lsoa)
      if (s === undefined) continue
      sum += n * Number(s.score)
      weight += n
    }
    score.set(practice, sum / weight)
    list.set(practice, all)
  }
  return { score, list }
}

function rankOf(values: ReadonlyMap<string, number>, key: string): number {
  const v = values.get(key)!
  return 1 + [...values.values()].filter((x) => x > v).length
}

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, sha256(readFileSync(join(dir, name)))]),
  )
}

let outputs = 0
async function enrich(by: keyof Ego, method: string, edition: 2019 | 2025, env = envA) {
  const out = join(root, `out-${++outputs}-${method}-${edition}`)
  const result = await spnet(
    ['enrich', study, '--by', by, '--method', method, '--edition', String(edition), '--out', out],
    { env },
  )
  const text = (() => {
    try {
      return readFileSync(join(out, 'egos.csv'), 'utf8')
    } catch {
      return ''
    }
  })()
  return {
    ...result,
    out,
    rows: text === '' ? [] : csvParse(text),
    header: text.split('\n')[0]!.split(','),
  }
}

/** The "Not placed" table of enrich's output: ego → [value, why]. */
function notPlaced(stdout: string): Map<string, [string, string]> {
  const lines = stdout
    .slice(stdout.indexOf('Not placed'))
    .split('\n')
    .filter((l) => l.startsWith('| LW'))
  return new Map(
    lines.map((l) => {
      const [ego, value, why] = l
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim())
      return [ego!, [value!, why!]]
    }),
  )
}

/** Common checks of a placed row. */
function expectPlacement(
  row: Record<string, string | undefined>,
  expected: { score: number | null; rank: number; decile: number },
  edition: 2019 | 2025,
  method: string,
) {
  if (expected.score === null) expect(row['imd_score']).toBe('NA')
  else expect(Number(row['imd_score'])).toBeCloseTo(expected.score, 9)
  expect(row).toMatchObject({
    imd_rank: String(expected.rank),
    imd_decile: String(expected.decile),
    imd_quintile: String(Math.ceil(expected.decile / 2)),
    core20: expected.decile <= 2 ? 'TRUE' : 'FALSE',
    imd_edition: String(edition),
    imd_method: method,
  })
  expect(['1', '2', '3']).toContain(row['imd_tertile'])
  // DOMAIN.md's three national groups, where enrich writes them: 20% / 40% / 40%.
  if ('imd_group3' in row) {
    expect(row['imd_group3']).toBe(String(expected.decile <= 2 ? 1 : expected.decile <= 6 ? 2 : 3))
  }
}

/** Sample tertiles: ordered by national rank, cut into thirds; equal ranks together. */
function expectTertiles(rows: readonly Record<string, string | undefined>[]) {
  const placed = rows.filter((r) => r['imd_rank'] !== 'NA')
  const sorted = [...placed].sort((a, b) => Number(a['imd_rank']) - Number(b['imd_rank']))
  for (let i = 1; i < sorted.length; i++) {
    expect(Number(sorted[i]!['imd_tertile'])).toBeGreaterThanOrEqual(
      Number(sorted[i - 1]!['imd_tertile']),
    )
  }
  const sizes = [1, 2, 3].map((t) => placed.filter((r) => r['imd_tertile'] === String(t)).length)
  if (new Set(placed.map((r) => r['imd_rank'])).size === placed.length) {
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
  }
  for (const r of rows) if (r['imd_rank'] === 'NA') expect(r['imd_tertile']).toBe('NA')
}

describe('spnet enrich --method practice-weighted --edition 2019', () => {
  let run: Awaited<ReturnType<typeof enrich>>
  beforeAll(async () => {
    run = await enrich('practice_code', 'practice-weighted', 2019)
  })

  it('adds the IMD columns after the original ones (replacing the demo’s own imd columns)', () => {
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/Placed 16 of 20 egos/)
    const kept = originalColumns.filter((c) => !added.includes(c))
    const input = [...kept, 'practice_code', 'pcn_code', 'lsoa11', 'lsoa21', 'postcode']
    expect(run.header.slice(0, input.length)).toEqual(input)
    // The columns, in this order; any further ones are imd_ groupings (imd_group3).
    const extra = run.header.slice(input.length)
    expect(extra.filter((c) => added.includes(c))).toEqual(added)
    expect(extra.filter((c) => !added.includes(c) && !c.startsWith('imd_'))).toEqual([])
    expect(run.stderr).toMatch(/replaced the existing columns imd_decile, imd_quintile/)
    expect(run.rows).toHaveLength(20)
  })

  it('gives each practice its Fingertips score and a decile ranked across all practices', () => {
    for (const [i, row] of run.rows.entries()) {
      if (i >= 16) continue
      const code = egos[i]!.practice_code
      const rank = rankOf(fingertips, code)
      expect(Number(row['imd_score'])).toBe(fingertips.get(code))
      expectPlacement(
        row,
        { score: fingertips.get(code)!, rank, decile: decileOf(rank, fingertips.size) },
        2019,
        'practice-weighted',
      )
    }
    expectTertiles(run.rows)
  })

  it('lists the egos it could not place, with why', () => {
    const missing = notPlaced(run.stdout)
    expect([...missing.keys()]).toEqual(['LW017', 'LW018', 'LW019', 'LW020'])
    expect(missing.get('LW017')).toEqual([
      'Z99999',
      expect.stringMatching(/Z99999 is not a GP practice/),
    ])
    expect(missing.get('LW018')![1]).toMatch(/No value/)
    expect(missing.get('LW019')![1]).toMatch(/no IMD 2019 weighted score/)
    expect(missing.get('LW020')![1]).toMatch(/no IMD 2019 weighted score|Wales|outside England/)
    for (const ego of ['LW017', 'LW018', 'LW019', 'LW020']) {
      const row = run.rows.find((r) => r['ego_id'] === ego)!
      expect([row['imd_score'], row['imd_rank'], row['imd_decile'], row['core20']]).toEqual([
        'NA',
        'NA',
        'NA',
        'NA',
      ])
    }
  })

  it('writes the other files unchanged and a codebook declaring the new columns', () => {
    for (const name of ['alters.csv', 'ties.csv']) {
      expect(readFileSync(join(run.out, name), 'utf8')).toBe(
        readFileSync(join(study, name), 'utf8'),
      )
    }
    const codebook = JSON.parse(readFileSync(join(run.out, 'codebook.json'), 'utf8')) as {
      ego: Record<string, { type: string }>
    }
    for (const c of added) expect(codebook.ego[c], c).toBeDefined()
    expect(codebook.ego['core20']!.type).toBe('boolean')
    expect(codebook.ego['implementation_model']).toBeDefined()
  })

  it('reads back with spnet measures and spnet compare --by imd_quintile', async () => {
    const measures = await spnet(['measures', run.out])
    expect(measures.status, measures.stderr).toBe(0)
    expect(measures.stdout.trim().split('\n')).toHaveLength(21)
    const compare = await spnet(['compare', run.out, '--by', 'imd_quintile'])
    expect(compare.status, compare.stderr).toBe(0)
    expect(compare.stdout).toMatch(/by imd_quintile/)
    const quintiles = new Set(run.rows.map((r) => r['imd_quintile']).filter((q) => q !== 'NA'))
    for (const q of quintiles) expect(compare.stdout).toMatch(new RegExp(`\\b${q!} \\(\\d+ egos?`))
    const core20 = await spnet(['compare', run.out, '--by', 'core20', '--format', 'json'])
    expect(core20.status, core20.stderr).toBe(0)
  })
})

describe('spnet enrich by LSOA, postcode and practice postcode, both editions', () => {
  it('--method lsoa: 2011 codes for 2019, 2021 codes for 2025', async () => {
    for (const [by, edition] of [
      ['lsoa11', 2019],
      ['lsoa21', 2025],
    ] as const) {
      const run = await enrich(by, 'lsoa', edition)
      expect(run.status, run.stderr).toBe(0)
      for (let i = 0; i < 16; i++) {
        const a = file1[edition].get(egos[i]![by])!
        expectPlacement(
          run.rows[i]!,
          { score: null, rank: a.rank, decile: a.decile },
          edition,
          'lsoa',
        )
      }
      expectTertiles(run.rows)
      const missing = notPlaced(run.stdout)
      expect([...missing.keys()]).toEqual(['LW017', 'LW018', 'LW019'])
      expect(missing.get('LW017')![1]).toMatch(/Wales/)
      expect(missing.get('LW018')![1]).toMatch(/No value/)
      expect(missing.get('LW019')![1]).toMatch(/Scotland/)
      const lw020 = file1[edition].get(egos[19]![by])!
      expectPlacement(
        run.rows[19]!,
        { score: null, rank: lw020.rank, decile: lw020.decile },
        edition,
        'lsoa',
      )
    }
  })

  it('--method lsoa: 2011 codes placed in IoD2025 through the ONS lookup, with a note where the fit is not exact', async () => {
    const run = await enrich('lsoa11', 'lsoa', 2025)
    expect(run.status, run.stderr).toBe(0)
    for (let i = 0; i < 16; i++) {
      const a = file1[2025].get(egos[i]!.lsoa11)!
      expectPlacement(run.rows[i]!, { score: null, rank: a.rank, decile: a.decile }, 2025, 'lsoa')
    }
    // E01033468 (2011) was split into E01035189 and E01035190 (2021).
    const parts = ['E01035189', 'E01035190'].map((c) => file1[2025].get(c)!.rank)
    const rank = Math.round((parts[0]! + parts[1]!) / 2)
    expectPlacement(
      run.rows[19]!,
      { score: null, rank, decile: decileOf(rank, areaCount[2025]) },
      2025,
      'lsoa',
    )
    expect(run.stderr).toMatch(/LW020: .*E01033468.*not an exact fit/)
  })

  it('--method postcode, both editions', async () => {
    for (const edition of [2019, 2025] as const) {
      const run = await enrich('postcode', 'postcode', edition)
      expect(run.status, run.stderr).toBe(0)
      for (let i = 0; i < 16; i++) {
        const a = file1[edition].get(egos[i]!.lsoa21)!
        expectPlacement(
          run.rows[i]!,
          { score: null, rank: a.rank, decile: a.decile },
          edition,
          'postcode',
        )
      }
      const missing = notPlaced(run.stdout)
      expect(missing.get('LW017')![1]).toMatch(/Wales/)
      expect(missing.get('LW019')![1]).toMatch(/retired in 2018-09/)
      expect(missing.get('LW020')![1]).toMatch(/not in the loaded postcode lookup/)
    }
  })

  it('--method practice-lsoa, both editions', async () => {
    for (const edition of [2019, 2025] as const) {
      const run = await enrich('practice_code', 'practice-lsoa', edition)
      expect(run.status, run.stderr).toBe(0)
      for (let i = 0; i < 16; i++) {
        const a = file1[edition].get(egos[i]!.practiceLsoa!)!
        expectPlacement(
          run.rows[i]!,
          { score: null, rank: a.rank, decile: a.decile },
          edition,
          'practice-lsoa',
        )
      }
      const missing = notPlaced(run.stdout)
      expect(missing.get('LW017')![1]).toMatch(/Z99999 is not a practice in the loaded ODS list/)
    }
  })

  it('--method pcn-mean 2019: the mean of the current members’ Fingertips scores', async () => {
    const run = await enrich('pcn_code', 'pcn-mean', 2019)
    expect(run.status, run.stderr).toBe(0)
    const means = new Map<string, number>()
    for (const [pcn, members] of currentMembers) {
      const scored = members.filter((m) => fingertips.has(m)).map((m) => fingertips.get(m)!)
      if (scored.length > 0) means.set(pcn, scored.reduce((a, b) => a + b, 0) / scored.length)
    }
    for (let i = 0; i < 16; i++) {
      const pcn = egos[i]!.pcn_code
      const rank = rankOf(means, pcn)
      expectPlacement(
        run.rows[i]!,
        { score: means.get(pcn)!, rank, decile: decileOf(rank, means.size) },
        2019,
        'pcn-mean',
      )
    }
    expect(notPlaced(run.stdout).get('LW017')![1]).toMatch(/U99999/)
    // A note every PCN shares (no list sizes to weight the mean) is written once, naming the egos.
    const simple = run.stderr.split('\n').filter((l) => l.includes('A simple mean'))
    expect(simple).toHaveLength(1)
    expect(simple[0]).toMatch(/\(16 egos: LW001, LW002, .*LW016\)/)
  })
})

describe('IMD 2025 practice scores', () => {
  it('without the registered-patients file: a message naming the NHS England file to download', async () => {
    const run = await enrich('practice_code', 'practice-weighted', 2025)
    expect(run.status).not.toBe(0)
    const all = run.stdout + run.stderr
    expect(all).toMatch(/Patients registered at a GP practice/)
    expect(all).toMatch(/gp-reg-pat-prac-lsoa-all\.csv/)
    expect(all).toMatch(/digital\.nhs\.uk/)
    expect(all).not.toMatch(/internal error|\n\s+at /)
    // Said once, not once per ego, and nothing is written.
    expect(all.match(/gp-reg-pat-prac-lsoa-all\.csv/g)).toHaveLength(1)
    expect(existsSync(run.out)).toBe(false)
  })

  it('with a File 7 and the registered-patients file: practice-weighted 2025 equals the hand computation', async () => {
    const run = await enrich('practice_code', 'practice-weighted', 2025, envB)
    expect(run.status, run.stderr).toBe(0)
    const { score } = practiceScores2025()
    expect(score.size).toBe(new Set(patients.map((r) => r[0])).size)
    for (const [i, row] of run.rows.entries()) {
      const code = egos[i]!.practice_code
      if (!score.has(code)) {
        expect(row['imd_rank']).toBe('NA')
        continue
      }
      const rank = rankOf(score, code)
      expectPlacement(
        row,
        { score: score.get(code)!, rank, decile: decileOf(rank, score.size) },
        2025,
        'practice-weighted',
      )
    }
    const inFile = egos.filter((e) => score.has(e.practice_code)).length
    expect(inFile).toBeGreaterThanOrEqual(3)
    expect(run.rows.filter((r) => r['imd_rank'] !== 'NA')).toHaveLength(inFile)
    const missing = notPlaced(run.stdout)
    const outside = egos.findIndex((e, i) => i < 16 && !score.has(e.practice_code))
    expect(missing.get(`LW${String(outside + 1).padStart(3, '0')}`)?.[1]).toMatch(
      /no IMD 2025 weighted score/,
    )
  })

  it('pcn-mean 2025: members’ scores weighted by their list sizes', async () => {
    const { score, list } = practiceScores2025()
    const members = currentMembers.get('U89141')!
    const mean =
      members.reduce((s, m) => s + score.get(m)! * list.get(m)!, 0) /
      members.reduce((s, m) => s + list.get(m)!, 0)
    const result = await spnet(
      ['area', 'lookup', 'U89141', '--method', 'pcn-mean', '--edition', '2025'],
      {
        env: envB,
      },
    )
    expect(result.status, result.stderr).toBe(0)
    expect(Number(markdownRecords(result.stdout)[0]?.['score'])).toBeCloseTo(mean, 9)
  })
})

describe('spnet enrich refuses what it cannot do, before writing anything', () => {
  const run = async (args: readonly string[], env: Record<string, string>) => {
    const out = join(root, `refused-${++outputs}`)
    const result = await spnet(['enrich', study, ...args, '--out', out], { env })
    return { ...result, wrote: existsSync(out) }
  }

  it('no reference data loaded', async () => {
    const r = await run(['--by', 'lsoa21', '--method', 'lsoa', '--edition', '2025'], {
      SPNET_DATA_DIR: tempDir('enrich-empty'),
    })
    expectRefused(r, /No area reference data is loaded/, /spnet area (download|import)/)
    expect(r.wrote).toBe(false)
  })

  it('a column egos do not have, an unknown method or edition', async () => {
    const a = await run(['--by', 'nope', '--method', 'lsoa', '--edition', '2025'], envA)
    expectRefused(a, /Egos have no column "nope"/, /practice_code/)
    const b = await run(['--by', 'lsoa21', '--method', 'nearest', '--edition', '2025'], envA)
    expectRefused(b, /--method must be one of/)
    const c = await run(['--by', 'lsoa21', '--method', 'lsoa', '--edition', '2015'], envA)
    expectRefused(c, /--edition must be 2019 or 2025/)
    expect([a.wrote, b.wrote, c.wrote]).toEqual([false, false, false])
  })
})

describe('the input study is never changed', () => {
  it('--out equal to the input is refused', async () => {
    for (const out of [study, `${study}/`, join(study, '.')]) {
      const result = await spnet(
        ['enrich', study, '--by', 'lsoa21', '--method', 'lsoa', '--edition', '2025', '--out', out],
        { env: envA },
      )
      expectRefused(result, /--out must be a different folder/)
    }
  })

  it('an --out folder that already holds a study is refused without --force', async () => {
    const out = join(root, 'taken')
    cpSync(study, out, { recursive: true })
    const before = snapshot(out)
    const result = await spnet(
      ['enrich', study, '--by', 'lsoa21', '--method', 'lsoa', '--edition', '2025', '--out', out],
      { env: envA },
    )
    expectRefused(result, /already holds files/)
    expect(snapshot(out)).toEqual(before)
  })

  it('after every run above, the input folder is byte-for-byte as it was', () => {
    expect(snapshot(study)).toEqual(inputSnapshot)
  })
})
