import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { AreaStore } from '../../src/cli/area/area-store.js'
import type { AreaData } from '../../src/core/deprivation/area-tables.js'
import { spnet, tempDir } from '../cli/run-cli.js'
import {
  areaCount,
  markdownRecords,
  readCsv,
  synthetic2019Score,
  writeFile7,
  xlsxBytes,
  type File7,
} from '../support/area-files.js'

/**
 * IoD File 7 (all scores, ranks, deciles and population denominators): the
 * shared data has none, so full-size synthetic ones are built from the
 * published header names, the real LSOA codes, ranks and deciles, and (for
 * 2025) the real scores; for 2019 the scores are synthetic and fall with rank.
 */

const names = {
  2025: 'File_7_IoD2025_All_Ranks_Scores_Deciles_Population_Denominators.csv',
  2019: 'File_7_-_All_IoD2019_Scores__Ranks__Deciles_and_Population_Denominators_3.csv',
}

let dir: string
let env: Record<string, string>
let file7: Record<2019 | 2025, File7>
let imported: { status: number; stdout: string; stderr: string }
let data: AreaData

beforeAll(async () => {
  dir = tempDir('file7')
  file7 = {
    2025: writeFile7(join(dir, names[2025]), 2025),
    2019: writeFile7(join(dir, names[2019]), 2019),
  }
  env = { SPNET_DATA_DIR: tempDir('file7-data') }
  imported = await spnet(['area', 'import', file7[2025].path, file7[2019].path], { env })
  expect(imported.status, imported.stderr).toBe(0)
  data = (await new AreaStore(join(env['SPNET_DATA_DIR']!, 'area')).load()).data
}, 60_000)

async function lookup(...argv: string[]): Promise<Record<string, string>> {
  const result = await spnet(['area', 'lookup', ...argv], { env })
  expect(result.status, result.stderr).toBe(0)
  return markdownRecords(result.stdout)[0]!
}

describe('the synthetic File 7 fixtures look like the published files', () => {
  it('have the official headers, a truncated one, a BOM (2019), CRLF (2019) and thousands separators', () => {
    const text2025 = readFileSync(file7[2025].path, 'utf8')
    const bytes2019 = readFileSync(file7[2019].path)
    expect([...bytes2019.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const header2025 = text2025.slice(0, text2025.indexOf('\n'))
    expect(header2025).toContain('LSOA code (2021),LSOA name (2021)')
    expect(header2025).toContain('Index of Multiple Deprivation (IMD) Score')
    expect(header2025).toContain(
      'Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSO,',
    )
    expect(header2025).toContain('"Education, Skills and Training Score"')
    expect(header2025).toContain('Income Deprivation Affecting Children Index (IDACI) Score (rate)')
    expect(header2025).toContain(
      'Working age population 18-66 (for use with Employment Deprivation Domain): mid 2022',
    )
    const text2019 = bytes2019.toString('utf8')
    expect(text2019).toContain('\r\n')
    expect(text2019).toContain('Total population: mid 2015 (excluding prisoners)')
    expect(text2019).toMatch(/,"\d,\d{3}",/)
    expect(file7[2025].header).toHaveLength(file7[2019].header.length)
    expect(text2025.trim().split('\n')).toHaveLength(areaCount[2025] + 1)
    expect(text2019.trim().split('\r\n')).toHaveLength(areaCount[2019] + 1)
  })
})

describe('spnet area import of File 7', () => {
  it('recognises both editions and lists them with their row counts', async () => {
    expect(imported.stdout).toContain(`${file7[2025].path}: IoD2025 file7, 33,755 rows`)
    expect(imported.stdout).toContain(`${file7[2019].path}: IoD2019 file7, 32,844 rows`)
    const status = markdownRecords((await spnet(['area', 'status'], { env })).stdout)
    expect(status.map((r) => [r['dataset'], r['edition'], r['rows'], r['source file']])).toEqual([
      [
        'English Indices of Deprivation 2019, File 7 (scores, ranks, deciles and denominators)',
        '2019',
        '32,844',
        names[2019],
      ],
      [
        'English Indices of Deprivation 2025, File 7 (scores, ranks, deciles and denominators)',
        '2025',
        '33,755',
        names[2025],
      ],
    ])
  })

  it('stores every LSOA’s score, rank, decile and total population as the file gives them', () => {
    for (const edition of [2019, 2025] as const) {
      const areas = data.iod[edition]!.areas
      expect(areas.size).toBe(areaCount[edition])
      const wrong = [...file7[edition].rows.values()].filter((row) => {
        const a = areas.get(row.code)
        return (
          a === undefined ||
          a.score !== row.score ||
          a.rank !== row.rank ||
          a.decile !== row.decile ||
          a.population !== row.population ||
          a.name === null ||
          a.lad === null ||
          !/^E0[6-9]\d{6}$/.test(a.lad)
        )
      })
      expect(wrong.slice(0, 5)).toEqual([])
    }
  })

  it('shows the scores in lookups', async () => {
    expect(await lookup('E01000001', '--edition', '2025')).toMatchObject({
      score: '8.742',
      rank: '26525',
      decile: '8',
    })
    expect(await lookup('E01021988', '--edition', '2019')).toMatchObject({
      score: String(synthetic2019Score(1)),
      rank: '1',
      decile: '1',
      core20: 'yes',
    })
    expect(await lookup('E01000001', '--edition', '2019')).toMatchObject({
      score: String(synthetic2019Score(29199)),
      rank: '29199',
      decile: '9',
    })
  })
})

describe('File 7 as a spreadsheet', () => {
  it('an XLSX File 7 (a Notes sheet, then the data with numbers as numbers) gives the same scores', async () => {
    const header = file7[2025].header
    const keep = [0, 1, 2, 3, 4, 5, 6, header.indexOf('Total population: mid 2022')]
    const rows = readCsv(file7[2025].path)
      .slice(1)
      .map((cells) => keep.map((i) => (i >= 4 ? Number(cells[i]) : cells[i]!)))
    const path = join(dir, 'File_7_IoD2025.xlsx')
    writeFileSync(
      path,
      xlsxBytes([
        { name: 'Notes', rows: [['English Indices of Deprivation 2025'], ['File 7']] },
        { name: 'IoD2025 Scores', rows: [keep.map((i) => header[i]!), ...rows] },
      ]),
    )
    const xlsxEnv = { SPNET_DATA_DIR: tempDir('file7-xlsx') }
    const result = await spnet(['area', 'import', path], { env: xlsxEnv })
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/IoD2025 file7, 33,755 rows/)
    const loaded = (await new AreaStore(join(xlsxEnv.SPNET_DATA_DIR, 'area')).load()).data
    const wrong = [...file7[2025].rows.values()].filter((row) => {
      const a = loaded.iod[2025]!.areas.get(row.code)
      return (
        a?.score !== row.score ||
        a.rank !== row.rank ||
        a.decile !== row.decile ||
        a.population !== row.population
      )
    })
    expect(wrong.slice(0, 5)).toEqual([])
  })
})
