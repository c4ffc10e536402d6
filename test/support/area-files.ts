import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { csvFormatRow, csvParseRows } from 'd3-dsv'
import { strToU8, zipSync } from 'fflate'
import { expect } from 'vitest'
import { main } from '../../src/cli/main.js'
import { sharedDir } from './shared-dir.js'

/**
 * Helpers for the area-deprivation tests (test/area): the official files in
 * ../shared/data (read in place, never copied into the repository), File 7
 * and other synthetic fixtures built from the published header names, and
 * ways to look at spnet's area store from the outside.
 */

export function dataFile(...parts: string[]): string {
  return join(sharedDir(), 'data', ...parts)
}

/** The official files in ../shared/data. */
export const official = {
  iod2019File1: () => dataFile('iod2019', 'File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv.gz'),
  iod2019File2: () => dataFile('iod2019', 'File_2_-_IoD2019_Domains_of_Deprivation.csv.gz'),
  iod2019File6: () => dataFile('iod2019', 'File_6_-_IoD2019_Population_Denominators.csv.gz'),
  iod2025File1: () => dataFile('iod2025', 'File_1_IoD2025_Index_of_Multiple_Deprivation.csv'),
  iod2025File1Xlsx: () => dataFile('iod2025', 'File_1_IoD2025_Index_of_Multiple_Deprivation.xlsx'),
  iod2025Scores: () => dataFile('iod2025', 'imd2025_lsoa21_scores_ranks_deciles.csv'),
  crosswalk: () => dataFile('lsoa_lookups', 'lsoa11_lsoa21_lad22.csv'),
  icb: () => dataFile('lsoa_lookups', 'lsoa21_sicbl24_icb24.csv.gz'),
  ward: () => dataFile('lsoa_lookups', 'lsoa21_ward24_lad24.csv'),
  epraccur: () => dataFile('gp_practices', 'epraccur.csv'),
  pcnDetails: () => dataFile('gp_practices', 'epcn_pcn_details.csv'),
  pcnMembers: () => dataFile('gp_practices', 'epcn_core_partner_details.csv'),
  epcnXlsx: () => dataFile('gp_practices', 'ePCN.xlsx'),
  fingertips: () => dataFile('gp_practices', 'gp_practice_imd_score_fingertips_93553.csv'),
}

export const areaCount = { 2019: 32_844, 2025: 33_755 } as const

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** A file's text: gunzipped when it is gzip, without a BOM. */
export function readText(path: string): string {
  let bytes: Buffer = readFileSync(path)
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes)
  const text = bytes.toString('utf8')
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

const csvCache = new Map<string, string[][]>()

/** All rows of a CSV (header first), blank lines dropped. Cached per path. */
export function readCsv(path: string): string[][] {
  let rows = csvCache.get(path)
  if (rows === undefined) {
    rows = csvParseRows(readText(path).replace(/\r\n/g, '\n')).filter(
      (r) => !(r.length === 1 && r[0]!.trim() === ''),
    )
    csvCache.set(path, rows)
  }
  return rows
}

/** A number as official CSVs write it ("29,199" or 29199). */
export function num(text: string | undefined): number {
  return Number((text ?? '').replace(/,/g, ''))
}

/** decile = ⌈10·rank/N⌉, as MHCLG defines it. */
export function decileOf(rank: number, total: number): number {
  return Math.ceil((10 * rank) / total)
}

export type Lsoa = {
  readonly code: string
  readonly name: string
  readonly ladCode: string
  readonly ladName: string
  readonly rank: number
  readonly decile: number
}

/** IoD File 1 of an edition as the official file gives it, in file order. */
export function officialFile1(edition: 2019 | 2025): Lsoa[] {
  const [, ...rows] = readCsv(edition === 2019 ? official.iod2019File1() : official.iod2025File1())
  return rows.map((r) => ({
    code: r[0]!,
    name: r[1]!,
    ladCode: r[2]!,
    ladName: r[3]!,
    rank: num(r[4]),
    decile: num(r[5]),
  }))
}

export type Scores2025 = {
  readonly score: string
  readonly rank: number
  readonly decile: number
  /** [score, rank, decile] of the seven domains, in File 7 order. */
  readonly domains: readonly (readonly [string, string, string])[]
}

const domainStems = [
  'Income',
  'Employment',
  'Education',
  'Health',
  'Crime',
  'Housing_and_Services',
  'Environment',
] as const

/** The reworked IoD2025 scores table, by LSOA 2021 code. */
export function scores2025(): Map<string, Scores2025> {
  const [header, ...rows] = readCsv(official.iod2025Scores())
  const at = (name: string) => header!.indexOf(name)
  const out = new Map<string, Scores2025>()
  for (const r of rows) {
    out.set(r[at('lsoa21_code')]!, {
      score: r[at('IMD_score')]!,
      rank: num(r[at('IMD_rank')]),
      decile: num(r[at('IMD_decile')]),
      domains: domainStems.map(
        (d) => [r[at(`${d}_score`)]!, r[at(`${d}_rank`)]!, r[at(`${d}_decile`)]!] as const,
      ),
    })
  }
  return out
}

/** The synthetic IMD 2019 score of a rank: strictly falling with rank, equal for tied ranks. */
export function synthetic2019Score(rank: number): number {
  return (90_000 - 2 * rank) / 1000
}

/** The synthetic total population of the i-th LSOA of a synthetic File 7. */
export function syntheticPopulation(i: number): number {
  return 900 + ((i * 37) % 2400)
}

const RANK = 'Rank (where 1 is most deprived)'
const DECILE = 'Decile (where 1 is most deprived 10% of LSOAs)'

/** The seven domains' score headers and stems, as published in File 7. */
const domains: readonly (readonly [string, string])[] = [
  ['Income Score (rate)', 'Income'],
  ['Employment Score (rate)', 'Employment'],
  ['Education, Skills and Training Score', 'Education, Skills and Training'],
  ['Health Deprivation and Disability Score', 'Health Deprivation and Disability'],
  ['Crime Score', 'Crime'],
  ['Barriers to Housing and Services Score', 'Barriers to Housing and Services'],
  ['Living Environment Score', 'Living Environment'],
]

/** Supplementary indices and sub-domains of File 7 (synthetic values). */
const supplementary: readonly (readonly [string, string])[] = [
  [
    'Income Deprivation Affecting Children Index (IDACI) Score (rate)',
    'Income Deprivation Affecting Children Index (IDACI)',
  ],
  [
    'Income Deprivation Affecting Older People (IDAOPI) Score (rate)',
    'Income Deprivation Affecting Older People (IDAOPI)',
  ],
  ['Children and Young People Sub-domain Score', 'Children and Young People Sub-domain'],
  ['Adult Skills Sub-domain Score', 'Adult Skills Sub-domain'],
  ['Geographical Barriers Sub-domain Score', 'Geographical Barriers Sub-domain'],
  ['Wider Barriers Sub-domain Score', 'Wider Barriers Sub-domain'],
  ['Indoors Sub-domain Score', 'Indoors Sub-domain'],
  ['Outdoors Sub-domain Score', 'Outdoors Sub-domain'],
]

const populationHeaders = {
  2025: [
    'Total population: mid 2022',
    'Dependent Children aged 0-15: mid 2022',
    'Population aged 16-59: mid 2022',
    'Older population aged 60 and over: mid 2022',
    'Working age population 18-66 (for use with Employment Deprivation Domain): mid 2022',
  ],
  2019: [
    'Total population: mid 2015 (excluding prisoners)',
    'Dependent Children aged 0-15: mid 2015 (excluding prisoners)',
    'Population aged 16-59: mid 2015 (excluding prisoners)',
    'Older population aged 60 and over: mid 2015 (excluding prisoners)',
    'Working age population 18-59/64: for use with Employment Deprivation Domain (excluding prisoners)',
  ],
} as const

/** The full File 7 header of an edition, with the truncations the published files have. */
export function file7Header(edition: 2019 | 2025): string[] {
  const years = edition === 2025 ? ['2021', '2024'] : ['2011', '2019']
  return [
    `LSOA code (${years[0]})`,
    `LSOA name (${years[0]})`,
    `Local Authority District code (${years[1]})`,
    `Local Authority District name (${years[1]})`,
    'Index of Multiple Deprivation (IMD) Score',
    `Index of Multiple Deprivation (IMD) ${RANK}`,
    // Cut off, as Excel exports of the official workbooks cut long headers.
    edition === 2025
      ? 'Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSO'
      : `Index of Multiple Deprivation (IMD) ${DECILE}`,
    ...domains.flatMap(([score, stem]) => [score, `${stem} ${RANK}`, `${stem} ${DECILE}`]),
    ...supplementary.flatMap(([score, stem]) => [
      score,
      `${stem} ${RANK}`,
      stem === 'Children and Young People Sub-domain'
        ? `${stem} Decile (where 1 is most deprived 10% of LSO`
        : `${stem} ${DECILE}`,
    ]),
    ...populationHeaders[edition],
  ]
}

/** A permutation of 1..n (n not divisible by 7919) for synthetic ranks. */
function permutedRank(rank: number, n: number, salt: number): number {
  return (((rank - 1) * 7919 + salt * 104_729) % n) + 1
}

export type File7Row = {
  readonly code: string
  readonly score: number
  readonly rank: number
  readonly decile: number
  readonly population: number
}

export type File7 = {
  readonly path: string
  readonly header: readonly string[]
  /** What the file says of each LSOA, by code. */
  readonly rows: ReadonlyMap<string, File7Row>
}

/**
 * Writes a full-size synthetic IoD File 7 with the published header names.
 * 2025: the real LSOA codes, names, LADs, IMD ranks and deciles of File 1
 * and the scores and domains of the reworked scores table, LF line ends, no
 * BOM. 2019: the real codes, names, LADs, ranks and deciles of File 2, with
 * synthetic scores falling with rank, thousands separators in the population
 * columns, a BOM and CRLF line ends, as Excel writes them.
 */
export function writeFile7(
  path: string,
  edition: 2019 | 2025,
  options: { readonly drop?: number } = {},
): File7 {
  const header = file7Header(edition)
  const n = areaCount[edition]
  const lines: string[][] = [header]
  const rows = new Map<string, File7Row>()
  const extra = (rank: number): string[] =>
    supplementary.flatMap((_, s) => {
      const r = permutedRank(rank, n, s + 1)
      return [((n - r) / n / 2).toFixed(3), String(r), String(decileOf(r, n))]
    })
  const population = (i: number, thousands: boolean): string[] => {
    const total = syntheticPopulation(i)
    const children = Math.floor(total * 0.19)
    const middle = Math.floor(total * 0.58)
    const parts = [total, children, middle, total - children - middle, Math.floor(total * 0.62)]
    return parts.map((p) => (thousands ? p.toLocaleString('en-GB') : String(p)))
  }
  if (edition === 2025) {
    const scores = scores2025()
    officialFile1(2025).forEach((a, i) => {
      const s = scores.get(a.code)!
      lines.push([
        a.code,
        a.name,
        a.ladCode,
        a.ladName,
        s.score,
        String(a.rank),
        String(a.decile),
        ...s.domains.flat(),
        ...extra(a.rank),
        ...population(i, false),
      ])
      rows.set(a.code, {
        code: a.code,
        score: Number(s.score),
        rank: a.rank,
        decile: a.decile,
        population: syntheticPopulation(i),
      })
    })
  } else {
    const [, ...file2] = readCsv(official.iod2019File2())
    file2.forEach((r, i) => {
      const rank = num(r[4])
      const score = synthetic2019Score(rank)
      const domainCells = domains.flatMap((_, d) => {
        const dRank = num(r[6 + 2 * d])
        return [((n - dRank) / n).toFixed(4), r[6 + 2 * d]!, r[7 + 2 * d]!]
      })
      lines.push([
        r[0]!,
        r[1]!,
        r[2]!,
        r[3]!,
        score.toFixed(3),
        rank.toLocaleString('en-GB'),
        r[5]!,
        ...domainCells,
        ...extra(rank),
        ...population(i, true),
      ])
      rows.set(r[0]!, {
        code: r[0]!,
        score,
        rank,
        decile: num(r[5]),
        population: syntheticPopulation(i),
      })
    })
  }
  const kept = lines.slice(0, lines.length - (options.drop ?? 0))
  const text =
    edition === 2019
      ? '\uFEFF' + kept.map((l) => csvFormatRow(l)).join('\r\n') + '\r\n'
      : kept.map((l) => csvFormatRow(l)).join('\n') + '\n'
  writeFileSync(path, text)
  return { path, header, rows }
}

/** NHS England "Patients registered at a GP practice" by LSOA, as published (one row per practice, LSOA and sex). */
export function writePatients(
  path: string,
  rows: readonly (readonly [practice: string, lsoa: string, sex: string, patients: number])[],
): void {
  const lines = [
    'PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,LSOA_CODE,SEX,NUMBER_OF_PATIENTS',
    ...rows.map(([practice, lsoa, sex, n]) =>
      csvFormatRow([
        'GP_PRAC_PAT_LIST',
        '01-Oct-2025',
        practice,
        `PRACTICE ${practice}`,
        lsoa,
        sex,
        String(n),
      ]),
    ),
  ]
  writeFileSync(path, lines.join('\n') + '\n')
}

export type SyntheticPostcode = {
  /** The postcode as ONS writes it in pcds, e.g. "SW1A 1AA". */
  readonly pcds: string
  readonly lsoa11?: string
  readonly lsoa21?: string
  /** ONS country code (E92000001, W92000004, S92000003, N92000002, …). */
  readonly ctry: string
  /** yyyymm when the postcode was terminated. */
  readonly doterm?: string
}

export type PostcodeLayout = 'nspl' | 'onspd' | 'pcd-lookup'

/** The 7-character form (pcd7 / NSPL pcd): outward code padded to 4, then the inward code. */
export function pcd7(pcds: string): string {
  const [outward, inward] = pcds.split(' ') as [string, string]
  return outward.padEnd(4, ' ') + inward
}

/** The 8-character form (pcd8 / pcd2): outward code padded to 4, a space, the inward code. */
export function pcd8(pcds: string): string {
  const [outward, inward] = pcds.split(' ') as [string, string]
  return outward.padEnd(4, ' ') + ' ' + inward
}

const layouts: Record<PostcodeLayout, readonly string[]> = {
  // NSPL (2021 geographies, with the 2011 LSOA kept for older analyses).
  nspl: [
    'pcd',
    'pcd2',
    'pcds',
    'dointr',
    'doterm',
    'usertype',
    'oseast1m',
    'osnrth1m',
    'osgrdind',
    'oa21',
    'cty',
    'ced',
    'laua',
    'ward',
    'nhser',
    'ctry',
    'rgn',
    'pcon',
    'ttwa',
    'itl',
    'npark',
    'lsoa11',
    'msoa11',
    'lsoa21',
    'msoa21',
    'wz11',
    'sicbl',
    'bua22',
    'ru11ind',
    'oac11',
    'lat',
    'long',
    'lep1',
    'lep2',
    'pfa',
    'imd',
    'icb',
  ],
  // ONSPD: every field quoted, CRLF.
  onspd: [
    'pcd',
    'pcd2',
    'pcds',
    'dointr',
    'doterm',
    'oscty',
    'ced',
    'oslaua',
    'osward',
    'parish',
    'usertype',
    'oseast1m',
    'osnrth1m',
    'osgrdind',
    'oshlthau',
    'nhser',
    'ctry',
    'rgn',
    'streg',
    'pcon',
    'eer',
    'teclec',
    'ttwa',
    'pct',
    'itl',
    'statsward',
    'oa01',
    'casward',
    'npark',
    'lsoa01',
    'msoa01',
    'ur01ind',
    'oac01',
    'oa11',
    'lsoa11',
    'msoa11',
    'wz11',
    'sicbl',
    'bua24',
    'ru11ind',
    'oac11',
    'lat',
    'long',
    'lep1',
    'lep2',
    'pfa',
    'imd',
    'calncv',
    'icb',
    'oa21',
    'lsoa21',
    'msoa21',
  ],
  // PCD_OA21_LSOA21_MSOA21_LAD_<MMMYY>_UK_LU (best fit; no country, no 2011 LSOA).
  'pcd-lookup': [
    'pcd7',
    'pcd8',
    'pcds',
    'dointr',
    'doterm',
    'usertype',
    'oa21cd',
    'lsoa21cd',
    'msoa21cd',
    'ladcd',
    'lsoa21nm',
    'msoa21nm',
    'ladnm',
    'ladnmw',
  ],
}

/** One row of a postcode product in a layout. */
export function postcodeRow(layout: PostcodeLayout, p: SyntheticPostcode): string[] {
  const values: Record<string, string> = {
    pcd: pcd7(p.pcds),
    pcd7: pcd7(p.pcds),
    pcd2: pcd8(p.pcds),
    pcd8: pcd8(p.pcds),
    pcds: p.pcds,
    dointr: '198001',
    doterm: p.doterm ?? '',
    usertype: '0',
    ctry: p.ctry,
    lsoa11: p.lsoa11 ?? '',
    lsoa21: p.lsoa21 ?? '',
    lsoa21cd: p.lsoa21 ?? '',
    oa21: '',
    oa21cd: '',
    lsoa01: '',
    ladnm: 'Somewhere',
    ladnmw: p.ctry === 'W92000004' ? 'Ynys Môn' : '',
    lat: '51.501009',
    long: '-0.141588',
    imd: '12345',
  }
  return layouts[layout].map((column) => values[column] ?? '')
}

/** The text of a postcode product in one of the three layouts. */
export function postcodeFileText(
  layout: PostcodeLayout,
  postcodes: readonly SyntheticPostcode[],
): string {
  const rows = [layouts[layout], ...postcodes.map((p) => postcodeRow(layout, p))]
  if (layout === 'onspd') {
    return (
      rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n'
    )
  }
  return rows.map((r) => csvFormatRow(r)).join('\n') + '\n'
}

/** A minimal XLSX workbook (inline strings, numbers as numbers), one table per sheet. */
export function xlsxBytes(
  sheets: readonly {
    readonly name: string
    readonly rows: readonly (readonly (string | number)[])[]
  }[],
): Uint8Array {
  const escape = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
  const column = (i: number): string => {
    let s = ''
    for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26))
      s = String.fromCharCode(65 + ((n - 1) % 26)) + s
    return s
  }
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        sheets
          .map(
            (_, i) =>
              `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join('') +
        '</Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '</Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
        sheets
          .map((s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
          .join('') +
        '</sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        sheets
          .map(
            (_, i) =>
              `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
          )
          .join('') +
        '</Relationships>',
    ),
  }
  sheets.forEach((sheet, s) => {
    const rows = sheet.rows.map(
      (row, r) =>
        `<row r="${r + 1}">` +
        row
          .map((cell, c) =>
            typeof cell === 'number'
              ? `<c r="${column(c)}${r + 1}"><v>${cell}</v></c>`
              : `<c r="${column(c)}${r + 1}" t="inlineStr"><is><t>${escape(cell)}</t></is></c>`,
          )
          .join('') +
        '</row>',
    )
    files[`xl/worksheets/sheet${s + 1}.xml`] = strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
        rows.join('') +
        '</sheetData></worksheet>',
    )
  })
  return zipSync(files)
}

/** A ZIP holding the given files (names → bytes or text). */
export function zipBytes(files: Readonly<Record<string, Uint8Array | string>>): Uint8Array {
  return zipSync(
    Object.fromEntries(
      Object.entries(files).map(([name, v]) => [name, typeof v === 'string' ? strToU8(v) : v]),
    ),
  )
}

export type Bar = {
  readonly label: string
  readonly total: number
  readonly unit: string | undefined
  last: number
  updates: number
  stopped: boolean
}

/** Runs spnet in-process like test/cli/run-cli.ts, also recording the progress bars it draws. */
export async function spnetWithProgress(
  argv: readonly string[],
  env: Record<string, string>,
  cwd = process.cwd(),
): Promise<{ status: number; stdout: string; stderr: string; bars: Bar[] }> {
  let stdout = ''
  let stderr = ''
  const bars: Bar[] = []
  const status = await main(argv, {
    stdout: { write: (text) => void (stdout += text) },
    stderr: { write: (text) => void (stderr += text) },
    env,
    cwd,
    progress: (label, total, unit) => {
      const bar: Bar = { label, total, unit, last: 0, updates: 0, stopped: false }
      bars.push(bar)
      return {
        update: (done) => {
          bar.last = done
          bar.updates++
        },
        stop: () => {
          bar.stopped = true
        },
      }
    },
  })
  return { status, stdout, stderr, bars }
}

/** Rows of the first markdown table in spnet's output, as records keyed by the header. */
export function markdownRecords(text: string): Record<string, string>[] {
  const lines = text.split('\n').filter((l) => l.startsWith('|'))
  const cells = (line: string) =>
    line
      .slice(1, -1)
      .split('|')
      .map((c) => c.trim())
  const [head, , ...body] = lines
  if (head === undefined) return []
  const columns = cells(head)
  return body.map((l) => Object.fromEntries(cells(l).map((v, i) => [columns[i]!, v])))
}

export type ManifestEntry = {
  readonly id: string
  readonly title: string
  readonly kind: string
  readonly edition: number | null
  readonly rows: number
  readonly sha256: string
  readonly source: string
  readonly file: string
}

/** The area store's manifest.json, read from the outside. */
export function readManifest(dataDir: string): { datasets: ManifestEntry[] } {
  const path = join(dataDir, 'area', 'manifest.json')
  if (!existsSync(path)) return { datasets: [] }
  return JSON.parse(readFileSync(path, 'utf8')) as { datasets: ManifestEntry[] }
}

/** Every file of the area store with its checksum: equal snapshots mean nothing changed. */
export function storeSnapshot(dataDir: string): Record<string, string> {
  const dir = join(dataDir, 'area')
  if (!existsSync(dir)) return {}
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, sha256(readFileSync(join(dir, name)))]),
  )
}

/** A command that refused its input: status 1 or 2, a ✖ message, no stack trace. */
export function expectRefused(
  result: { readonly status: number; readonly stderr: string },
  ...patterns: readonly RegExp[]
): void {
  expect([1, 2], result.stderr).toContain(result.status)
  expect(result.stderr).toMatch(/^✖ /m)
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /)
  for (const pattern of patterns) expect(result.stderr).toMatch(pattern)
}

/** A pattern matching `text` literally (file paths in messages). */
export function literal(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
}
