import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { csvFormatRow } from 'd3-dsv'
import { beforeAll, describe, expect, it } from 'vitest'
import { AreaStore } from '../../src/cli/area/area-store.js'
import type { AreaData } from '../../src/core/deprivation/area-tables.js'
import { placeArea, type PlacementMethod } from '../../src/core/deprivation/place-area.js'
import { spnet, tempDir } from '../cli/run-cli.js'
import {
  expectRefused,
  markdownRecords,
  official,
  officialFile1,
  postcodeFileText,
  postcodeRow,
  readManifest,
  spnetWithProgress,
  type Lsoa,
  type PostcodeLayout,
  type SyntheticPostcode,
  zipBytes,
} from '../support/area-files.js'

/**
 * Issue 3, point 3: the ONS postcode products (NSPL, ONSPD and the
 * PCD→OA21→LSOA21 best-fit lookup), imported by content, with live,
 * terminated, Welsh, Scottish and Northern Irish postcodes mapped to real
 * LSOAs of the shared IoD files; then postcode and practice-lsoa lookups.
 */

const E = 'E92000001'
/** Synthetic postcodes on real LSOAs (LSOA 2011 and 2021 codes as the products give them). */
const postcodes: readonly SyntheticPostcode[] = [
  // Unsorted on purpose: the index is sorted on import.
  { pcds: 'SW1A 1AA', lsoa11: 'E01004736', lsoa21: 'E01004736', ctry: E },
  { pcds: 'CO15 2ND', lsoa11: 'E01021988', lsoa21: 'E01021988', ctry: E },
  { pcds: 'FY1 1AA', lsoa11: 'E01012673', lsoa21: 'E01012673', ctry: E },
  // Middlesbrough 001G (2011) was split; this postcode is in 001I (2021).
  { pcds: 'TS1 9ZZ', lsoa11: 'E01033468', lsoa21: 'E01035190', ctry: E },
  // The postcodes of two practices in ODS epraccur: A81001 (active) and A81003 (closed 2017).
  { pcds: 'TS18 1HU', lsoa11: 'E01012187', lsoa21: 'E01012187', ctry: E },
  { pcds: 'TS26 8DB', lsoa11: 'E01011949', lsoa21: 'E01011949', ctry: E },
  { pcds: 'EC1A 1BB', lsoa11: 'E01000001', lsoa21: 'E01000001', ctry: E, doterm: '201809' },
  { pcds: 'B1 1AA', lsoa11: 'E01033620', lsoa21: 'E01033620', ctry: E },
  { pcds: 'CF10 1AA', lsoa11: 'W01001932', lsoa21: 'W01001932', ctry: 'W92000004' },
  { pcds: 'EH1 1AA', lsoa11: 'S01008677', lsoa21: 'S01008677', ctry: 'S92000003' },
  { pcds: 'BT1 1AA', ctry: 'N92000002' },
]
/** In NSPL and ONSPD only: the UK best-fit lookup has no Crown dependencies. */
const isleOfMan: SyntheticPostcode = { pcds: 'IM1 1AA', ctry: 'M83000003' }

let dir: string
let env: Record<string, string>
let file1: Record<2019 | 2025, Map<string, Lsoa>>

beforeAll(async () => {
  dir = tempDir('postcodes')
  env = { SPNET_DATA_DIR: tempDir('postcodes-data') }
  const result = await spnet(
    [
      'area',
      'import',
      official.iod2019File1(),
      official.iod2025File1(),
      official.crosswalk(),
      official.epraccur(),
    ],
    { env },
  )
  expect(result.status, result.stderr).toBe(0)
  file1 = {
    2019: new Map(officialFile1(2019).map((a) => [a.code, a])),
    2025: new Map(officialFile1(2025).map((a) => [a.code, a])),
  }
}, 60_000)

async function lookup(...argv: string[]) {
  const result = await spnet(['area', 'lookup', ...argv], { env })
  return { ...result, record: markdownRecords(result.stdout)[0] }
}

async function load() {
  return (await new AreaStore(join(env['SPNET_DATA_DIR']!, 'area')).load()).data
}

describe('the fixtures', () => {
  it('map to real English LSOAs of both editions', () => {
    for (const p of postcodes) {
      if (p.ctry !== E) continue
      expect(file1[2019].has(p.lsoa11!) || p.lsoa11 === undefined, p.pcds).toBe(true)
      expect(file1[2025].has(p.lsoa21!), p.pcds).toBe(true)
    }
    expect(file1[2019].has('E01035190')).toBe(false) // a 2021-only code
    const epraccur = readFileSync(official.epraccur(), 'utf8')
    expect(epraccur).toMatch(/^"A81001",.*"TS18 1HU",.*"ACTIVE"/m)
    expect(epraccur).toMatch(/^"A81003",.*"TS26 8DB",.*"INACTIVE"/m)
  })
})

describe('before a postcode lookup is loaded', () => {
  it('says which ONS product to import', async () => {
    const r = await lookup('SW1A 1AA', '--method', 'postcode')
    expectRefused(r, /No postcode lookup is loaded/, /NSPL|ONSPD/)
  })
})

const layoutFiles: readonly [PostcodeLayout, string, boolean][] = [
  ['nspl', 'NSPL_FEB_2025_UK.csv', false],
  ['onspd', 'ONSPD_FEB_2025_UK.csv', false],
  ['pcd-lookup', 'PCD_OA21_LSOA21_MSOA21_LAD_FEB25_UK_LU.csv.gz', true],
]

describe.each(layoutFiles)('%s layout (%s)', (layout, name, gzipped) => {
  const rows = layout === 'pcd-lookup' ? postcodes : [...postcodes, isleOfMan]
  // The CLI is exercised on one layout; the others go through the core API on the stored data.
  const viaCli = layout === 'nspl'
  let imported: { status: number; stdout: string; stderr: string }
  let path: string
  let data: AreaData

  beforeAll(async () => {
    const text = postcodeFileText(layout, rows)
    path = join(dir, name)
    writeFileSync(path, gzipped ? gzipSync(text) : text)
    imported = await spnet(['area', 'import', path], { env })
    data = await load()
  })

  const place = (value: string, method: PlacementMethod, edition: 2019 | 2025) => {
    const placed = placeArea(data, method, value, edition)
    if (!placed.ok) throw new Error(`${value}: ${placed.error.message}`)
    return placed.value
  }
  const refusal = (value: string, method: PlacementMethod = 'postcode') => {
    const placed = placeArea(data, method, value, 2025)
    expect(placed.ok, value).toBe(false)
    return placed.ok ? '' : `${placed.error.message} ${placed.error.issues[0]?.fix ?? ''}`
  }

  it('is recognised and replaces the postcode lookup', async () => {
    expect(imported.status, imported.stderr).toBe(0)
    expect(imported.stdout).toContain(`${path}: postcodes, ${rows.length} rows`)
    const status = markdownRecords((await spnet(['area', 'status'], { env })).stdout)
    const entry = status.filter((r) => r['dataset'] === 'ONS postcode to LSOA lookup')
    expect(entry).toHaveLength(1)
    expect(entry[0]).toMatchObject({ rows: String(rows.length), 'source file': name })
  })

  it('places a live English postcode in both editions, however it is typed', async () => {
    for (const [typed, edition] of [
      ['SW1A 1AA', 2025],
      [' sw1a1aa ', 2019],
      ['SW1A  1AA', 2025],
    ] as const) {
      const p = place(typed, 'postcode', edition)
      const a = file1[edition].get('E01004736')!
      expect([p.unit, p.rank, p.decile, p.method, p.edition], typed).toEqual([
        'E01004736',
        a.rank,
        a.decile,
        'postcode',
        edition,
      ])
    }
    if (!viaCli) return
    const a = await lookup('SW1A 1AA', '--method', 'postcode')
    expect(a.status, a.stderr).toBe(0)
    expect(a.record).toMatchObject({
      method: 'postcode',
      edition: '2025',
      unit: 'E01004736',
      rank: String(file1[2025].get('E01004736')!.rank),
      decile: String(file1[2025].get('E01004736')!.decile),
    })
    // A postcode alone is placed by postcode.
    const b = await lookup(' sw1a1aa ', '--edition', '2019')
    expect(b.status, b.stderr).toBe(0)
    expect(b.record).toMatchObject({
      method: 'postcode',
      edition: '2019',
      unit: 'E01004736',
      rank: String(file1[2019].get('E01004736')!.rank),
    })
  })

  it('places a practice by the LSOA of its epraccur postcode (practice-lsoa)', async () => {
    const p = place('A81001', 'practice-lsoa', 2025)
    expect([p.unit, p.rank, p.decile]).toEqual([
      'A81001 (E01012187)',
      file1[2025].get('E01012187')!.rank,
      file1[2025].get('E01012187')!.decile,
    ])
    // A closed practice is placed, with a note that it is closed.
    const closed = place('A81003', 'practice-lsoa', 2019)
    expect(closed.unit).toBe('A81003 (E01011949)')
    expect(closed.rank).toBe(file1[2019].get('E01011949')!.rank)
    expect(closed.warnings.join(' ')).toMatch(/A81003 (is )?closed/)
    if (!viaCli) return
    const r = await lookup('A81001', '--method', 'practice-lsoa', '--edition', '2025')
    expect(r.status, r.stderr).toBe(0)
    expect(r.record).toMatchObject({
      method: 'practice-lsoa',
      unit: 'A81001 (E01012187)',
      rank: String(file1[2025].get('E01012187')!.rank),
    })
    const c = await lookup('A81003', '--method', 'practice-lsoa', '--edition', '2019')
    expect(c.status, c.stderr).toBe(0)
    expect(c.stderr).toMatch(/A81003 (is )?closed/)
  })

  it('refuses retired, Welsh, Scottish and Northern Irish postcodes with the reason', async () => {
    expect(refusal('EC1A 1BB')).toMatch(/retired in 2018-09/)
    expect(refusal('CF10 1AA')).toMatch(/Wales.*Welsh Index of Multiple Deprivation/)
    expect(refusal('EH1 1AA')).toMatch(/Scotland.*Scottish Index of Multiple Deprivation/)
    expect(refusal('BT1 1AA')).toMatch(/Northern Ireland.*NIMDM/)
    expect(refusal('ZZ9 9ZZ')).toMatch(/not in the loaded postcode lookup/)
    expect(refusal('NOT A POSTCODE')).toMatch(/not a valid UK postcode/)
    if (!viaCli) return
    // And through the CLI: a clear message, status 1 or 2, no stack trace.
    expectRefused(await lookup('EC1A 1BB'), /^✖ The postcode EC1A 1BB was retired in 2018-09/)
  })

  it('translates between LSOA 2011 and 2021 where the product has only one of them', () => {
    expect(place('TS1 9ZZ', 'postcode', 2025).unit).toBe('E01035190')
    const in2019 = place('TS1 9ZZ', 'postcode', 2019)
    expect(in2019.unit).toBe('E01033468')
    expect(in2019.rank).toBe(file1[2019].get('E01033468')!.rank)
    if (layout === 'pcd-lookup') {
      // No LSOA 2011 column: the ONS lookup translates, and says the fit is not exact.
      expect(in2019.warnings.join(' ')).toMatch(/E01035190.*E01033468.*not an exact fit/)
    } else {
      expect(in2019.warnings).toEqual([])
    }
  })

  it('repairs a postcode typed with a zero for an O, and says so', () => {
    const p = place('C015 2ND', 'postcode', 2025)
    expect(p.unit).toBe('E01021988')
    expect(p.warnings.join(' ')).toMatch(/CO15 2ND/)
  })

  if (layout !== 'pcd-lookup') {
    it('says a Crown-dependency postcode is outside England, in plain words', async () => {
      const reason = refusal('IM1 1AA')
      expect(reason).toMatch(/IM1 1AA/)
      expect(reason).toMatch(/England only/)
      // Not "is in outside England".
      expect(reason).not.toMatch(/is in outside/)
      if (!viaCli) return
      const r = await lookup('IM1 1AA', '--method', 'postcode')
      expectRefused(r, /IM1 1AA/, /England only/)
      expect(r.stderr).not.toMatch(/is in outside/)
    })
  }
})

describe('a postcode product as distributed: a ZIP with documents beside the data', () => {
  it('imports the CSV inside and skips the rest', async () => {
    const zipped = join(dir, 'PCD_OA21_LSOA21_MSOA21_LAD_FEB25_UK_LU.zip')
    writeFileSync(
      zipped,
      zipBytes({
        'PCD_OA21_LSOA21_MSOA21_LAD_FEB25_UK_LU.csv': postcodeFileText('pcd-lookup', postcodes),
        'Documents/Product Specification.txt': 'Postcode to OA (2021) best-fit lookup.\n',
        'Documents/LA_UA names and codes UK as at 04_24.csv':
          'LAD24CD,LAD24NM\nE06000001,Hartlepool\n',
      }),
    )
    const zipEnv = { SPNET_DATA_DIR: tempDir('postcodes-zip') }
    const result = await spnet(['area', 'import', zipped], { env: zipEnv })
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toContain(`postcodes, ${postcodes.length} rows`)
    const index = (await new AreaStore(join(zipEnv.SPNET_DATA_DIR, 'area')).load()).data.postcodes
    expect(index?.find('SW1A 1AA')?.lsoa21).toBe('E01004736')
  })
})

describe('the best-fit lookup in the encoding ONS publishes it', () => {
  // PCD_OA21_LSOA21_MSOA21_LAD_*_UK_LU.csv carries Welsh names (ladnmw, e.g. "Ynys Môn") in
  // Windows-1252/Latin-1, which is why scripts that read it pass encoding='latin-1'.
  it('imports a Latin-1 file whose only non-ASCII characters are in the name columns', async () => {
    const path = join(dir, 'PCD_OA21_LSOA21_MSOA21_LAD_NOV24_UK_LU.csv')
    writeFileSync(path, Buffer.from(postcodeFileText('pcd-lookup', postcodes), 'latin1'))
    expect(readFileSync(path).includes(0xf4)).toBe(true) // ô as one Latin-1 byte
    const latinEnv = { SPNET_DATA_DIR: tempDir('postcodes-latin1') }
    const result = await spnet(['area', 'import', path], { env: latinEnv })
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toContain(`postcodes, ${postcodes.length} rows`)
  })
})

describe('a large postcode file is streamed', () => {
  it('300,000 rows (gzipped PCD→OA21→LSOA21 layout) give an index of 300,000 postcodes', async () => {
    const lsoas = officialFile1(2025).map((a) => a.code)
    const units = 'ABDEFGHJLNPQRSTUWXYZ'
    const lines = [postcodeFileText('pcd-lookup', []).trimEnd()]
    const sample: [string, string][] = []
    let i = 0
    for (const area of ['AB', 'AL', 'BA', 'BB', 'BD']) {
      for (let district = 1; district <= 15; district++) {
        for (let sector = 0; sector <= 9; sector++) {
          for (const u1 of units) {
            for (const u2 of units) {
              const pcds = `${area}${district} ${sector}${u1}${u2}`
              const lsoa21 = lsoas[i % lsoas.length]!
              lines.push(csvFormatRow(postcodeRow('pcd-lookup', { pcds, lsoa21, ctry: E })))
              if (i % 29_999 === 0) sample.push([pcds, lsoa21])
              i++
            }
          }
        }
      }
    }
    expect(i).toBe(300_000)
    const path = join(dir, 'PCD_OA21_LSOA21_MSOA21_LAD_AUG25_UK_LU.csv.gz')
    writeFileSync(path, gzipSync(lines.join('\n') + '\n', { level: 1 }))
    const bigEnv = { SPNET_DATA_DIR: tempDir('postcodes-big') }
    const result = await spnetWithProgress(['area', 'import', path], bigEnv)
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toContain('postcodes, 300,000 rows')
    // The progress bar counted the file's bytes to the end.
    const bar = result.bars.find((b) => b.label.includes('PCD_OA21'))
    expect(bar).toBeDefined()
    expect(bar!.total).toBe(statSync(path).size)
    expect(bar!.last).toBe(statSync(path).size)
    expect(bar!.stopped).toBe(true)
    // The stored index: 300,000 records of 20 bytes and the LSOA codes once each.
    const entry = readManifest(bigEnv.SPNET_DATA_DIR).datasets.find((d) => d.id === 'postcodes')!
    expect(entry.rows).toBe(300_000)
    expect(statSync(join(bigEnv.SPNET_DATA_DIR, 'area', entry.file)).size).toBe(300_000 * 20)
    const lsoaFile = (entry as { lsoaFile?: string }).lsoaFile!
    const stored = JSON.parse(
      readFileSync(join(bigEnv.SPNET_DATA_DIR, 'area', lsoaFile), 'utf8'),
    ) as string[]
    expect(stored).toHaveLength(lsoas.length)
    // Postcodes from the start, middle and end of the file are found.
    const index = (await new AreaStore(join(bigEnv.SPNET_DATA_DIR, 'area')).load()).data.postcodes!
    expect(sample.length).toBeGreaterThanOrEqual(10)
    for (const [pcds, lsoa21] of sample) expect(index.find(pcds)?.lsoa21, pcds).toBe(lsoa21)
    expect(index.find('BD15 9ZZ')?.lsoa21).toBe(lsoas[(300_000 - 1) % lsoas.length])
    expect(index.find('BD16 0AA')).toBeNull()
  }, 60_000)
})
