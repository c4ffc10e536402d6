import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { spnet, tempDir } from '../cli/run-cli.js'
import {
  expectRefused,
  literal,
  official,
  postcodeFileText,
  readText,
  storeSnapshot,
  xlsxBytes,
} from '../support/area-files.js'

/**
 * Issue 3, point 7: bad input — Welsh and Scottish codes, a retired
 * postcode, an unknown practice, files of the wrong kind, truncated and
 * edited files — gets a clear message (status 1 or 2; the file and, where
 * it helps, the line) and changes nothing already loaded.
 */

let dir: string
let env: Record<string, string>
let before: { status: string; manifest: string; files: Record<string, string> }

function state() {
  return {
    manifest: readFileSync(join(env['SPNET_DATA_DIR']!, 'area', 'manifest.json'), 'utf8'),
    files: storeSnapshot(env['SPNET_DATA_DIR']!),
  }
}

async function statusText() {
  const result = await spnet(['area', 'status'], { env })
  expect(result.status).toBe(0)
  return result.stdout
}

/** Imports, expects a refusal naming the file, and checks that nothing changed. */
async function refusedImport(files: readonly string[], ...patterns: readonly RegExp[]) {
  const result = await spnet(['area', 'import', ...files], { env })
  expectRefused(result, ...patterns)
  expect(result.stdout).toBe('')
  expect(state()).toEqual({ manifest: before.manifest, files: before.files })
  expect(await statusText()).toBe(before.status)
  return result
}

const file1Lines = () => readFileSync(official.iod2025File1(), 'utf8').trimEnd().split('\n')

beforeAll(async () => {
  dir = tempDir('bad-input')
  env = { SPNET_DATA_DIR: tempDir('bad-input-data') }
  const postcodes = join(dir, 'NSPL_FEB_2025_UK.csv')
  writeFileSync(
    postcodes,
    postcodeFileText('nspl', [
      { pcds: 'SW1A 1AA', lsoa11: 'E01004736', lsoa21: 'E01004736', ctry: 'E92000001' },
      {
        pcds: 'EC1A 1BB',
        lsoa11: 'E01000001',
        lsoa21: 'E01000001',
        ctry: 'E92000001',
        doterm: '201809',
      },
      { pcds: 'CF10 1AA', lsoa11: 'W01001932', lsoa21: 'W01001932', ctry: 'W92000004' },
    ]),
  )
  const result = await spnet(
    [
      'area',
      'import',
      official.iod2019File1(),
      official.iod2025File1(),
      official.epraccur(),
      official.fingertips(),
      postcodes,
    ],
    { env },
  )
  expect(result.status, result.stderr).toBe(0)
  before = { status: await statusText(), ...state() }
}, 60_000)

describe('lookups that cannot be answered say why', () => {
  it('a Welsh LSOA, a Scottish data zone and a Welsh postcode', async () => {
    const lookup = (...argv: string[]) => spnet(['area', 'lookup', ...argv], { env })
    expectRefused(await lookup('W01001932'), /W01001932 is in Wales/, /Welsh Index/)
    expectRefused(
      await lookup('S01008677', '--edition', '2019'),
      /S01008677 is in Scotland/,
      /Scottish Index/,
    )
    expectRefused(await lookup('CF10 1AA', '--method', 'postcode'), /CF10 1AA is in Wales/)
  })

  it('a retired postcode', async () => {
    const result = await spnet(['area', 'lookup', 'EC1A 1BB', '--method', 'postcode'], { env })
    expectRefused(result, /EC1A 1BB was retired in 2018-09/, /current postcode/)
  })

  it('an unknown practice, by either practice method', async () => {
    expectRefused(
      await spnet(
        ['area', 'lookup', 'Z99999', '--method', 'practice-weighted', '--edition', '2019'],
        {
          env,
        },
      ),
      /Z99999 is not a GP practice/,
    )
    expectRefused(
      await spnet(['area', 'lookup', 'Z99999', '--method', 'practice-lsoa'], { env }),
      /Z99999 is not a practice in the loaded ODS list/,
    )
  })

  it('something that is no code at all', async () => {
    const result = await spnet(['area', 'lookup', 'hello', '--method', 'lsoa'], { env })
    expectRefused(result, /"hello" is not an LSOA code/)
    expect(result.status).toBe(2)
  })

  it('and none of them changed the data', async () => {
    expect(await statusText()).toBe(before.status)
    expect(state()).toEqual({ manifest: before.manifest, files: before.files })
  })
})

describe('spnet area import refuses files it cannot use, naming them, and changes nothing', () => {
  it('a demo study’s egos.csv (the wrong kind of file)', async () => {
    const demo = join(dir, 'demo')
    expect((await spnet(['demo', '--egos', '5', '--out', demo])).status).toBe(0)
    const path = join(demo, 'egos.csv')
    await refusedImport([path], literal(`${path} is not a file spnet recognises`), /IoD|Indices/)
  })

  it('a PNG image', async () => {
    const path = join(dir, 'chart.png')
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f0005000201e221bc330000000049454e44ae426082',
      'hex',
    )
    writeFileSync(path, png)
    await refusedImport([path], /chart\.png/)
  })

  it('a spreadsheet of something else', async () => {
    const path = join(dir, 'budget.xlsx')
    writeFileSync(
      path,
      xlsxBytes([
        {
          name: 'Budget',
          rows: [
            ['item', 'cost'],
            ['tea', 3],
          ],
        },
      ]),
    )
    await refusedImport([path], /budget\.xlsx is not a file spnet recognises/)
  })

  it('an empty file and a file that does not exist', async () => {
    const empty = join(dir, 'empty.csv')
    writeFileSync(empty, '')
    await refusedImport([empty], /empty\.csv/)
    await refusedImport([join(dir, 'nowhere.csv')], /nowhere\.csv does not exist/)
  })

  it('IoD2025 File 1 without its last 1,000 rows', async () => {
    const path = join(dir, 'File_1_IoD2025_truncated.csv')
    writeFileSync(path, file1Lines().slice(0, -1000).join('\n') + '\n')
    await refusedImport(
      [path],
      literal(`${path} has 32,755 LSOAs; the IoD2025 ranks 33,755`),
      /truncated/,
    )
  })

  it('IoD2025 File 1 cut off in the middle of a row', async () => {
    const path = join(dir, 'File_1_IoD2025_cut.csv')
    const text = readFileSync(official.iod2025File1(), 'utf8')
    writeFileSync(path, text.slice(0, text.length - 20))
    const lines = text.trimEnd().split('\n').length
    // The damaged last row is named by its line.
    await refusedImport([path], literal(`${path} line ${lines}`))
  })

  it('IoD2019 File 1 (.csv.gz) with bytes cut off the end', async () => {
    const path = join(dir, 'File_1_-_IMD2019_truncated.csv.gz')
    const gz = readFileSync(official.iod2019File1())
    writeFileSync(path, gz.subarray(0, gz.length - 1000))
    const result = await refusedImport([path], /File_1_-_IMD2019_truncated\.csv\.gz/)
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/damaged|ends early|truncated|corrupt/)
  })

  it('IoD2025 File 1 (.xlsx) with bytes cut off the end', async () => {
    const path = join(dir, 'File_1_IoD2025_truncated.xlsx')
    const xlsx = readFileSync(official.iod2025File1Xlsx())
    writeFileSync(path, xlsx.subarray(0, Math.floor(xlsx.length / 2)))
    await refusedImport([path], /File_1_IoD2025_truncated\.xlsx is a damaged ZIP or XLSX file/)
  })

  it('IoD2025 File 1 with one decile edited', async () => {
    const lines = file1Lines()
    // Line 1001: one decile off.
    const cells = lines[1000]!.split(',')
    const decile = Number(cells.at(-1))
    cells[cells.length - 1] = String(decile === 10 ? 9 : decile + 1)
    lines[1000] = cells.join(',')
    const path = join(dir, 'File_1_IoD2025_edited.csv')
    writeFileSync(path, lines.join('\n') + '\n')
    const result = await refusedImport([path], literal(`${path} line 1001`), /decile/)
    expect(result.stderr).toContain(cells[0]!)
  })

  it('IoD2025 File 1 with a Welsh LSOA, a rank that is not a number and a repeated LSOA', async () => {
    const lines = file1Lines()
    lines[9] = lines[9]!.replace(/^E01\d{6}/, 'W01001932')
    lines[19] = lines[19]!.replace(/,(\d+),(\d+)$/, ',n/a,$2')
    lines[lines.length - 1] = lines[29]!
    const path = join(dir, 'File_1_IoD2025_mixed.csv')
    writeFileSync(path, lines.join('\n') + '\n')
    const result = await refusedImport([path], /problems found, nothing was imported/)
    // Each problem is followed by where it is.
    const where = (problem: string) => {
      const at = result.stderr.indexOf(problem)
      expect(at, problem).toBeGreaterThanOrEqual(0)
      return result.stderr.slice(at).split('\n')[1] ?? ''
    }
    expect(where('"W01001932" is not an English LSOA code')).toContain(`${path} line 10`)
    expect(where('rank "n/a" is not a number')).toContain(`${path} line 20`)
    expect(result.stderr).toMatch(/listed twice \(also line 30\)/)
  })

  it('a file of the English Indices of Deprivation 2015', async () => {
    const path = join(dir, 'File_1_ID_2015.csv')
    writeFileSync(
      path,
      'LSOA code (2011),LSOA name (2011),Local Authority District code (2013),Local Authority District name (2013),Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived),Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)\nE01000001,City of London 001A,E09000001,City of London,29199,9\n',
    )
    await refusedImport([path], /2015/)
  })

  it('a postcode file with a row that is not a postcode', async () => {
    const path = join(dir, 'NSPL_bad.csv')
    const text = postcodeFileText('nspl', [
      { pcds: 'SW1A 1AA', lsoa21: 'E01004736', ctry: 'E92000001' },
      { pcds: 'NOT A CODE', lsoa21: 'E01004736', ctry: 'E92000001' },
    ])
    writeFileSync(path, text)
    await refusedImport([path], literal(`${path} line 3`), /not a postcode/)
  })

  it('a file saved as Windows-1252 rather than UTF-8', async () => {
    const path = join(dir, 'epcn_pcn_details_1252.csv')
    const text = readText(official.pcnDetails()).replace('WEST NORWICH PCN', 'CAFÉ PCN')
    writeFileSync(path, Buffer.from(text, 'latin1'))
    await refusedImport([path], /epcn_pcn_details_1252\.csv is not UTF-8/)
  })

  it('several files whose last is bad: none of them is stored', async () => {
    const bad = join(dir, 'File_1_IoD2025_last_bad.csv')
    writeFileSync(bad, file1Lines().slice(0, -1000).join('\n') + '\n')
    await refusedImport(
      [official.ward(), official.iod2025File1Xlsx(), official.pcnMembers(), bad],
      literal(bad),
    )
    expect(await statusText()).toBe(before.status)
  })

  it('after all this the data is as it was, and a good import still works', async () => {
    expect(await statusText()).toBe(before.status)
    expect(state()).toEqual({ manifest: before.manifest, files: before.files })
    const result = await spnet(['area', 'import', official.pcnDetails()], { env })
    expect(result.status, result.stderr).toBe(0)
    expect(await statusText()).toMatch(/ODS primary care networks/)
  })
})

describe('a damaged data directory gets a clear message, not an internal error', () => {
  /** A copy of the loaded data directory, to damage. */
  function copy(): { SPNET_DATA_DIR: string } {
    const copied = { SPNET_DATA_DIR: tempDir('bad-input-damaged') }
    cpSync(env['SPNET_DATA_DIR']!, copied.SPNET_DATA_DIR, { recursive: true })
    return copied
  }

  it('manifest.json cut short', async () => {
    const damaged = copy()
    const manifest = join(damaged.SPNET_DATA_DIR, 'area', 'manifest.json')
    writeFileSync(manifest, readFileSync(manifest, 'utf8').slice(0, 100))
    expectRefused(await spnet(['area', 'status'], { env: damaged }), /manifest\.json/, /damaged/)
    expectRefused(await spnet(['area', 'lookup', 'E01000001'], { env: damaged }), /manifest\.json/)
  })

  it('a stored dataset file deleted', async () => {
    const damaged = copy()
    const area = join(damaged.SPNET_DATA_DIR, 'area')
    rmSync(
      join(
        area,
        readdirSync(area).find((f) => f.startsWith('iod2025-file1'))!,
      ),
    )
    const result = await spnet(['area', 'lookup', 'E01000001'], { env: damaged })
    expectRefused(result, /iod2025-file1/, /import/)
  })
})
