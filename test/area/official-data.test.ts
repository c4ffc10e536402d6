import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { AreaStore } from '../../src/cli/area/area-store.js'
import type { AreaData } from '../../src/core/deprivation/area-tables.js'
import { placeArea } from '../../src/core/deprivation/place-area.js'
import { spnet, tempDir } from '../cli/run-cli.js'
import {
  areaCount,
  decileOf,
  markdownRecords,
  official,
  officialFile1,
  readCsv,
  readManifest,
  scores2025,
  sha256,
} from '../support/area-files.js'

/**
 * Issue 3, point 6: the official files in ../shared/data, imported through
 * `spnet area import` exactly as a user would, checked against the numbers
 * the files themselves (and their PROVENANCE.md) give.
 */

const files = () => [
  official.iod2019File1(),
  official.iod2019File2(),
  official.iod2019File6(),
  official.iod2025File1(),
  official.iod2025Scores(),
  official.crosswalk(),
  official.icb(),
  official.ward(),
  official.epraccur(),
  official.pcnDetails(),
  official.pcnMembers(),
  official.fingertips(),
]

let env: Record<string, string>
let data: AreaData
let importOutput: { status: number; stdout: string; stderr: string }

beforeAll(async () => {
  env = { SPNET_DATA_DIR: tempDir('official') }
  importOutput = await spnet(['area', 'import', ...files()], { env })
  expect(importOutput.status, importOutput.stderr).toBe(0)
  data = (await new AreaStore(join(env['SPNET_DATA_DIR']!, 'area')).load()).data
}, 60_000)

/** `spnet area lookup` as one record of its table. */
async function lookup(...argv: string[]): Promise<Record<string, string>> {
  const result = await spnet(['area', 'lookup', ...argv], { env })
  expect(result.status, result.stderr).toBe(0)
  const [record] = markdownRecords(result.stdout)
  expect(record).toBeDefined()
  return record!
}

/** The stored dataset of a manifest entry, read from the data directory. */
function storedRows(id: string): unknown[][] {
  const entry = readManifest(env['SPNET_DATA_DIR']!).datasets.find((d) => d.id === id)
  expect(entry, `dataset ${id} is stored`).toBeDefined()
  const stored = JSON.parse(
    readFileSync(join(env['SPNET_DATA_DIR']!, 'area', entry!.file), 'utf8'),
  ) as { rows: unknown[][]; columns?: string[] }
  return stored.rows
}

describe('spnet area import and status with the official files', () => {
  it('imports every file, telling each from its content', () => {
    for (const path of files()) expect(importOutput.stdout).toContain(path)
    expect(importOutput.stdout).toMatch(/IoD2019 file1, 32,844 rows/)
    expect(importOutput.stdout).toMatch(/IoD2019 file2, 32,844 rows/)
    expect(importOutput.stdout).toMatch(/IoD2019 file6, 32,844 rows/)
    expect(importOutput.stdout).toMatch(/IoD2025 file1, 33,755 rows/)
    expect(importOutput.stdout).toMatch(/IoD2025 scores, 33,755 rows/)
  })

  it('lists edition, England row counts, source file and checksum of each dataset', async () => {
    const result = await spnet(['area', 'status'], { env })
    expect(result.status).toBe(0)
    const records = markdownRecords(result.stdout)
    const bySource = new Map<string, Record<string, string>[]>()
    for (const r of records)
      bySource.set(r['source file']!, [...(bySource.get(r['source file']!) ?? []), r])
    const expected: [path: string, edition: string, rows: string][] = [
      [official.iod2019File1(), '2019', '32,844'],
      [official.iod2019File2(), '2019', '32,844'],
      [official.iod2019File6(), '2019', '32,844'],
      [official.iod2025File1(), '2025', '33,755'],
      [official.iod2025Scores(), '2025', '33,755'],
      [official.crosswalk(), '', '35,795'],
      [official.icb(), '', '33,755'],
      [official.ward(), '', '35,672'],
      [official.epraccur(), '', '15,389'],
      [official.pcnDetails(), '', '1,366'],
      [official.pcnMembers(), '', '7,705'],
      [official.fingertips(), '', '23,080'],
    ]
    for (const [path, edition, rows] of expected) {
      const name = path.split('/').at(-1)!
      const listed = bySource.get(name)
      expect(listed, `${name} is listed`).toHaveLength(1)
      expect(listed![0]!['edition']).toBe(edition)
      expect(listed![0]!['rows']).toBe(rows)
      // The checksum of the file as given (for .gz files, of the compressed bytes).
      expect(listed![0]!['sha256']).toBe(sha256(readFileSync(path)).slice(0, 16))
    }
    // The checksums PROVENANCE.md records.
    expect(result.stdout).toContain('202aae966540f86d') // epraccur
    expect(result.stdout).toContain('08eaaf9e55258b7b') // IoD2019 File 1 (gz)
    expect(result.stdout).toContain('feb8683d79f6bddc') // IoD2025 File 1 (csv)
  })

  it('holds every English LSOA of each edition once', () => {
    expect(data.iod[2019]!.areas.size).toBe(areaCount[2019])
    expect(data.iod[2025]!.areas.size).toBe(areaCount[2025])
    for (const edition of [2019, 2025] as const) {
      const codes = [...data.iod[edition]!.areas.keys()]
      expect(codes.filter((c) => !/^E01\d{6}$/.test(c))).toEqual([])
    }
  })
})

describe('ranks and deciles', () => {
  it('every stored IoD dataset has deciles that agree with its ranks', () => {
    const iods = readManifest(env['SPNET_DATA_DIR']!).datasets.filter((d) => d.kind === 'iod')
    expect(iods.map((d) => d.id).sort()).toEqual([
      'iod2019-file1',
      'iod2019-file2',
      'iod2019-file6',
      'iod2025-file1',
      'iod2025-scores',
    ])
    for (const entry of iods) {
      const n = entry.edition === 2019 ? areaCount[2019] : areaCount[2025]
      const rows = storedRows(entry.id)
      expect(rows).toHaveLength(n)
      let checked = 0
      const wrong: unknown[] = []
      for (const [code, , , rank, decile] of rows) {
        if (rank === null) continue
        if (decile !== decileOf(rank as number, n)) wrong.push([code, rank, decile])
        checked++
      }
      expect(wrong, entry.id).toEqual([])
      expect(checked).toBe(entry.id.endsWith('file6') ? 0 : n)
    }
  })

  it('every LSOA of the loaded tables has decile ⌈10·rank/N⌉', () => {
    for (const edition of [2019, 2025] as const) {
      const n = areaCount[edition]
      const deciles = new Map<number, number>()
      const wrong: string[] = []
      for (const [code, a] of data.iod[edition]!.areas) {
        if (a.decile !== decileOf(a.rank, n)) wrong.push(code)
        deciles.set(a.decile, (deciles.get(a.decile) ?? 0) + 1)
      }
      expect(wrong).toEqual([])
      // Ten groups of 10% each.
      expect([...deciles.keys()].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
      for (const size of deciles.values()) expect(Math.abs(size - n / 10)).toBeLessThan(2)
    }
  })

  it('keeps the tied ranks of IoD2019 (26 rank values shared by two LSOAs)', () => {
    const seen = new Map<number, number>()
    for (const a of data.iod[2019]!.areas.values()) seen.set(a.rank, (seen.get(a.rank) ?? 0) + 1)
    expect([...seen.values()].filter((c) => c === 2)).toHaveLength(26)
    expect([...seen.values()].every((c) => c <= 2)).toBe(true)
    // IoD2025's IMD rank is a permutation of 1..33,755.
    const ranks = [...data.iod[2025]!.areas.values()].map((a) => a.rank).sort((a, b) => a - b)
    expect(ranks[0]).toBe(1)
    expect(ranks.at(-1)).toBe(areaCount[2025])
    expect(new Set(ranks).size).toBe(areaCount[2025])
  })

  it('lookups of every 50th LSOA give the rank, decile, quintile, Core20 and score of the files', () => {
    const scores = scores2025()
    for (const edition of [2019, 2025] as const) {
      const sample = officialFile1(edition).filter((_, i) => i % 50 === 0)
      expect(sample.length).toBeGreaterThan(650)
      const wrong = sample.filter((lsoa) => {
        const placed = placeArea(data, 'lsoa', lsoa.code, edition)
        if (!placed.ok) return true
        const p = placed.value
        const score = edition === 2019 ? null : Number(scores.get(lsoa.code)!.score)
        return (
          p.unit !== lsoa.code ||
          p.edition !== edition ||
          p.method !== 'lsoa' ||
          p.rank !== lsoa.rank ||
          p.decile !== lsoa.decile ||
          p.quintile !== Math.ceil(lsoa.decile / 2) ||
          p.core20 !== lsoa.decile <= 2 ||
          p.score !== score ||
          p.warnings.length > 0
        )
      })
      expect(wrong.map((l) => l.code)).toEqual([])
    }
  })
})

describe('spot checks from PROVENANCE.md, through spnet area lookup', () => {
  it('Jaywick (E01021988) is rank 1, decile 1 in both editions', async () => {
    for (const edition of ['2019', '2025']) {
      const r = await lookup('E01021988', '--edition', edition)
      expect(r).toMatchObject({
        method: 'lsoa',
        edition,
        unit: 'E01021988',
        rank: '1',
        decile: '1',
      })
      expect(r).toMatchObject({ quintile: '1', core20: 'yes' })
      expect(r['score']).toBe(edition === '2019' ? 'NA' : '94.223')
    }
  })

  it('Blackpool 010A (E01012673) is rank 2 in 2019 and rank 3 in 2025', () => {
    const rank = (edition: 2019 | 2025) => {
      const placed = placeArea(data, 'lsoa', 'E01012673', edition)
      return placed.ok ? [placed.value.rank, placed.value.decile] : placed.error.message
    }
    expect(rank(2019)).toEqual([2, 1])
    expect(rank(2025)).toEqual([3, 1])
  })

  it('City of London 001A (E01000001): 2019 rank 29,199 decile 9; 2025 rank 26,525 decile 8, score 8.742', async () => {
    expect(await lookup('E01000001', '--edition', '2019')).toMatchObject({
      score: 'NA',
      rank: '29199',
      decile: '9',
      quintile: '5',
      core20: 'no',
    })
    // Typed in lower case with spaces, it is the same LSOA.
    expect(await lookup(' e01000001 ', '--edition', '2025')).toMatchObject({
      unit: 'E01000001',
      score: '8.742',
      rank: '26525',
      decile: '8',
      quintile: '4',
      core20: 'no',
    })
  })

  it('E01027305 is in West Northamptonshire (E06000062) in the stored ward lookup, not Cherwell', () => {
    const raw = readCsv(official.ward())
    const rawRow = raw.find((r) => r[1] === 'E01027305')!
    expect(rawRow[5]).toBe('E07000177') // the known ONS error in the shared file
    const entry = readManifest(env['SPNET_DATA_DIR']!).datasets.find((d) =>
      d.id.startsWith('lsoa21-ward'),
    )!
    const stored = JSON.parse(
      readFileSync(join(env['SPNET_DATA_DIR']!, 'area', entry.file), 'utf8'),
    ) as { columns: string[]; rows: string[][] }
    const lad = stored.columns.indexOf('lad') + 1
    expect(lad).toBeGreaterThan(0)
    expect(stored.rows.find((r) => r[0] === 'E01027305')![lad]).toBe('E06000062')
    // Every other English LSOA keeps the LAD of IoD2025 File 1.
    const file1Lad = new Map(officialFile1(2025).map((a) => [a.code, a.ladCode]))
    const differ = stored.rows.filter((r) => file1Lad.has(r[0]!) && file1Lad.get(r[0]!) !== r[lad])
    expect(differ).toEqual([])
    expect(file1Lad.get('E01027305')).toBe('E06000062')
  })
})

/** Fingertips 2019 values, and an independent national ranking of them. */
function fingertips2019() {
  const [header, ...rows] = readCsv(official.fingertips())
  const at = (name: string) => header!.indexOf(name)
  const values = new Map<string, { text: string; value: number }>()
  for (const r of rows) {
    if (r[at('Year')] !== '2019' || r[at('Value')] === '') continue
    values.set(r[at('AreaCode')]!, { text: r[at('Value')]!, value: Number(r[at('Value')]) })
  }
  return { values, ...rankDescending(new Map([...values].map(([k, v]) => [k, v.value]))) }
}

/** Highest score = rank 1; equal scores share the lower rank; decile = ⌈10·rank/N⌉. */
function rankDescending(scores: ReadonlyMap<string, number>) {
  const sorted = [...scores].sort((a, b) => b[1] - a[1])
  const rank = new Map<string, number>()
  for (let i = 0; i < sorted.length; i++) {
    let first = i
    while (first > 0 && sorted[first - 1]![1] === sorted[i]![1]) first--
    rank.set(sorted[i]![0], first + 1)
  }
  const decile = new Map([...rank].map(([k, r]) => [k, Math.ceil((10 * r) / sorted.length)]))
  return { rank, decile }
}

describe('practice-weighted and pcn-mean (IoD2019) against the Fingertips file', () => {
  it('30 practices picked evenly by code: score equals the file, decile equals an independent ranking', () => {
    const { values, rank, decile } = fingertips2019()
    expect(values.size).toBe(6980)
    const codes = [...values.keys()].sort()
    const sample = Array.from({ length: 30 }, (_, k) => codes[Math.floor((k * codes.length) / 30)]!)
    for (const code of sample) {
      const placed = placeArea(data, 'practice-weighted', code, 2019)
      expect(placed.ok, code).toBe(true)
      if (!placed.ok) continue
      expect(placed.value.score, code).toBe(values.get(code)!.value)
      expect(placed.value.rank, code).toBe(rank.get(code))
      expect(placed.value.decile, code).toBe(decile.get(code))
      expect(placed.value.quintile).toBe(Math.ceil(decile.get(code)! / 2))
      expect(placed.value.core20).toBe(decile.get(code)! <= 2)
    }
    // And all 6,980 practices agree on the decile.
    const wrong = codes.filter((code) => {
      const placed = placeArea(data, 'practice-weighted', code, 2019)
      return !placed.ok || placed.value.decile !== decile.get(code)
    })
    expect(wrong).toEqual([])
  })

  it('A81001 (The Densham Surgery) scores 32.36… for IMD 2019', async () => {
    const r = await lookup('A81001', '--method', 'practice-weighted', '--edition', '2019')
    expect(r['score']).toMatch(/^32\.36/)
    expect(Number(r['score'])).toBeCloseTo(32.36093926, 8)
    expect(r).toMatchObject({ method: 'practice-weighted', edition: '2019', unit: 'A81001' })
    const { rank, decile } = fingertips2019()
    expect(r).toMatchObject({
      rank: String(rank.get('A81001')),
      decile: String(decile.get('A81001')),
    })
  })

  it('pcn-mean is the mean of the current member practices’ scores in the ePCN membership file', async () => {
    const { values } = fingertips2019()
    const [header, ...rows] = readCsv(official.pcnMembers())
    const col = (start: string) =>
      header!.findIndex((h) => h.replace(/\s+/g, ' ').trim().startsWith(start))
    const [practice, pcn, end] = [
      col('Partner Organisation Code'),
      col('PCN Code'),
      col('Practice to PCN Relationship End Date'),
    ]
    const current = new Map<string, string[]>()
    const ended = new Map<string, string[]>()
    for (const r of rows) {
      const target = r[end] === '' ? current : ended
      target.set(r[pcn]!, [...(target.get(r[pcn]!) ?? []), r[practice]!])
    }
    const means = new Map<string, number>()
    for (const [code, members] of current) {
      const scored = members.filter((m) => values.has(m)).map((m) => values.get(m)!.value)
      if (scored.length > 0) means.set(code, scored.reduce((a, b) => a + b, 0) / scored.length)
    }
    const { rank, decile } = rankDescending(means)
    // Stockton PCN (A81001's), and the first PCN that also lost a practice.
    const withEnded = [...current.keys()]
      .sort()
      .find((code) => (ended.get(code) ?? []).some((m) => values.has(m)))!
    expect(withEnded).toBeDefined()
    // Stockton PCN (through the CLI) has seven current members.
    expect(current.get('U89141')).toHaveLength(7)
    const r = await lookup('U89141', '--method', 'pcn-mean', '--edition', '2019')
    expect(Number(r['score'])).toBeCloseTo(means.get('U89141')!, 9)
    expect(r).toMatchObject({
      method: 'pcn-mean',
      unit: 'U89141',
      rank: String(rank.get('U89141')),
      decile: String(decile.get('U89141')),
    })
    const placed = placeArea(data, 'pcn-mean', withEnded, 2019)
    expect(placed.ok).toBe(true)
    if (placed.ok) {
      expect(placed.value.score).toBeCloseTo(means.get(withEnded)!, 9)
      expect(placed.value.rank).toBe(rank.get(withEnded))
      expect(placed.value.decile).toBe(decile.get(withEnded))
    }
    // A practice code with pcn-mean places the practice's PCN.
    const viaPractice = placeArea(data, 'pcn-mean', 'A81001', 2019)
    expect(viaPractice.ok && viaPractice.value.unit).toBe('U89141')
  })
})

describe('the official XLSX files give the same data as their CSV exports', () => {
  it('IoD2025 File 1 (.xlsx) and ePCN.xlsx', async () => {
    const xlsxEnv = { SPNET_DATA_DIR: tempDir('official-xlsx') }
    const result = await spnet(
      ['area', 'import', official.iod2025File1Xlsx(), official.epcnXlsx()],
      { env: xlsxEnv },
    )
    expect(result.status, result.stderr).toBe(0)
    const read = (dir: string, id: string) => {
      const entry = readManifest(dir).datasets.find((d) => d.id === id)!
      return JSON.parse(readFileSync(join(dir, 'area', entry.file), 'utf8')) as { rows: unknown[] }
    }
    for (const id of ['iod2025-file1', 'pcn-members', 'pcn-details']) {
      expect(read(xlsxEnv.SPNET_DATA_DIR, id).rows, id).toEqual(
        read(env['SPNET_DATA_DIR']!, id).rows,
      )
    }
  })
})

describe('ODS epraccur in both layouts', () => {
  it('the Data Search and Export layout: status words, and RO76 (alone or with other roles) is a GP practice', () => {
    const rows = readCsv(official.epraccur())
    const practices = data.practices!
    expect(practices.size).toBe(15_389)
    const words: Record<string, string> = {
      ACTIVE: 'active',
      INACTIVE: 'closed',
      DORMANT: 'dormant',
    }
    const wrong = rows.filter((r) => {
      const p = practices.get(r[0]!)
      const roles = r[25]!.split('|')
      return (
        p === undefined ||
        p.status !== words[r[12]!] ||
        p.gpPractice !== roles.includes('RO76') ||
        p.postcode !== (r[9] || null)
      )
    })
    // e.g. B81042 MANOR ROAD SURGERY has the roles "RO76|RO268" (a GP practice that also dispenses).
    expect(wrong.map((r) => `${r[0]!} ${r[12]!} ${r[25]!}`)).toEqual([])
  })

  it('the legacy layout (status letters, prescribing setting 4 = GP practice) gives the same practices', async () => {
    const letters: Record<string, string> = { ACTIVE: 'A', INACTIVE: 'C', DORMANT: 'D' }
    const legacy = readCsv(official.epraccur()).map((r) =>
      r.map((cell, i) =>
        i === 12
          ? letters[cell]!
          : i === 25
            ? cell.split('|').includes('RO76')
              ? '4'
              : '0'
            : cell,
      ),
    )
    const path = join(tempDir('epraccur-legacy'), 'epraccur.csv')
    writeFileSync(path, legacy.map((r) => r.map((c) => `"${c}"`).join(',')).join('\r\n') + '\r\n')
    const legacyEnv = { SPNET_DATA_DIR: tempDir('epraccur-legacy-data') }
    const result = await spnet(['area', 'import', path], { env: legacyEnv })
    expect(result.status, result.stderr).toBe(0)
    const status = await spnet(['area', 'status'], { env: legacyEnv })
    expect(status.stdout).toMatch(/ODS GP practices \(epraccur, legacy layout\) +\| +\| 15,389/)
    const loaded = (await new AreaStore(join(legacyEnv.SPNET_DATA_DIR, 'area')).load()).data
    const statuses: Record<string, string> = { A: 'active', C: 'closed', D: 'dormant' }
    const wrong = legacy.filter((r) => {
      const p = loaded.practices!.get(r[0]!)
      return (
        p === undefined ||
        p.status !== statuses[r[12]!] ||
        p.gpPractice !== (r[25] === '4') ||
        p.name !== r[1] ||
        p.postcode !== (r[9] || null) ||
        p.closeDate !== (r[11] || null)
      )
    })
    expect(wrong.map((r) => r[0])).toEqual([])
    expect(loaded.practices!.size).toBe(15_389)
  })
})
