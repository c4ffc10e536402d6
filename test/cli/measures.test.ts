import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { formatMeasureList } from '../../src/cli/format-measure-list.js'
import { measureRegistry } from '../../src/core/measures/index.js'
import { sharedDir } from '../support/shared-dir.js'
import { parseSimpleCsv, spnet, tempDir } from './run-cli.js'

let demo: string
beforeAll(async () => {
  demo = join(tempDir('demo'), 'study')
  const result = await spnet(['demo', '--egos', '40', '--seed', '3', '--out', demo])
  expect(result.status).toBe(0)
})

describe('spnet measures', () => {
  it('writes one row per ego, in input order, with the exact columns of MEASURES.md', async () => {
    const result = await spnet(['measures', demo])
    expect(result.status).toBe(0)
    const rows = parseSimpleCsv(result.stdout)
    const egoIds = parseSimpleCsv(readFileSync(join(demo, 'egos.csv'), 'utf8')).map(
      (r) => r['ego_id'],
    )
    expect(rows.map((r) => r['ego_id'])).toEqual(egoIds)
    const header = result.stdout.split('\n')[0]!.split(',')
    expect(header.slice(0, 11)).toEqual([
      'ego_id',
      'size',
      'ties',
      'density',
      'components',
      'isolates',
      'effective_size',
      'efficiency',
      'constraint',
      'hierarchy',
      'ego_betweenness',
    ])
    expect(header).toContain('prop_org_type_vcse')
    expect(header).toContain('iqv_org_type')
    expect(header.slice(-11)).toEqual(
      [
        'brokerage_coordinator',
        'brokerage_itinerant',
        'brokerage_gatekeeper_representative',
        'brokerage_liaison',
        'brokerage_total',
        'bridging_pairs',
        'mean_frequency',
        'multiplexity',
        'size_work_contact',
        'size_refers_to',
        'size_advice_support',
        'size_capacity_building',
      ].slice(-11),
    )
    // The demo has an ego with no alters: NA where undefined, never NaN.
    const empty = rows.find((r) => r['size'] === '0')!
    expect(empty['density']).toBe('NA')
    expect(empty['constraint']).toBe('NA')
    expect(empty['components']).toBe('0')
    expect(result.stdout).not.toContain('NaN')
  })

  it('writes JSON with null for undefined values, equal to the CSV', async () => {
    const csv = parseSimpleCsv((await spnet(['measures', demo])).stdout)
    const json = JSON.parse((await spnet(['measures', demo, '--format', 'json'])).stdout) as Record<
      string,
      number | string | null
    >[]
    expect(json).toHaveLength(csv.length)
    json.forEach((record, i) => {
      for (const [column, value] of Object.entries(record)) {
        const text = csv[i]![column]
        expect(value === null ? 'NA' : String(value)).toBe(text)
      }
    })
  })

  it('writes --out files and says so on stderr', async () => {
    const out = join(tempDir(), 'm.csv')
    const result = await spnet(['measures', demo, '--out', out])
    expect(result.status).toBe(0)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/Wrote 40 egos/)
    expect(readFileSync(out, 'utf8').split('\n')[0]).toMatch(/^ego_id,size,/)
  })

  it('takes several attributes, an ego attribute and a bridge', async () => {
    const result = await spnet([
      'measures',
      demo,
      '--attr',
      'org_type,location',
      '--ego-attr',
      'implementation_model',
      '--bridge',
      'primary_care,other_nhs:vcse',
    ])
    expect(result.status).toBe(0)
    const header = result.stdout.split('\n')[0]!
    expect(header).toContain('prop_location_pcn_area')
    expect(header).toContain('ego_ei_location')
  })

  it('rejects unknown attributes and malformed flags with status 2 and a hint', async () => {
    const attr = await spnet(['measures', demo, '--attr', 'colour'])
    expect(attr.status).toBe(2)
    expect(attr.stderr).toMatch(/no attribute "colour"/)
    expect(attr.stderr).toMatch(/org_type/)
    const bridge = await spnet(['measures', demo, '--bridge', 'primary_care'])
    expect(bridge.status).toBe(2)
    expect(bridge.stderr).toMatch(/--bridge/)
    const format = await spnet(['measures', demo, '--format', 'xlsx'])
    expect(format.status).toBe(2)
    const flag = await spnet(['measures', demo, '--atr', 'x'])
    expect(flag.status).toBe(2)
    expect(flag.stderr).toMatch(/spnet measures --help/)
    const none = await spnet(['measures'])
    expect(none.status).toBe(2)
  })

  it('lists every measure of the registry with formula and citation', async () => {
    const result = await spnet(['measures', '--list'])
    expect(result.status).toBe(0)
    for (const spec of measureRegistry) {
      expect(result.stdout).toContain(spec.columnPattern)
      expect(result.stdout).toContain(spec.citation)
    }
  })

  it('keeps src/core/measures/README.md in step with the registry', () => {
    const readme = readFileSync(
      new URL('../../src/core/measures/README.md', import.meta.url),
      'utf8',
    )
    expect(readme).toBe(formatMeasureList(measureRegistry, 'md'))
  })

  it("reads egor's own semicolon-separated sample files with renamed columns", async () => {
    const result = await spnet([
      'measures',
      join(sharedDir(), 'fixtures/egor-formats/three-files-32'),
      '--egos-file',
      'egos_32.csv',
      '--alters-file',
      'alters_32.csv',
      '--ties-file',
      'edges_32.csv',
      '--ego-id-col',
      'egoID',
      '--alter-id-col',
      'alterID',
      '--from-col',
      'Source',
      '--to-col',
      'Target',
      '--attr',
      'alter.sex',
      '--ego-attr',
      'sex',
    ])
    expect(result.status).toBe(0)
    const rows = parseSimpleCsv(result.stdout)
    expect(rows).toHaveLength(32)
    // egor's sample networks: 508 alters over 32 egos, 4112 ties.
    expect(rows.reduce((s, r) => s + Number(r['size']), 0)).toBe(508)
    expect(rows.reduce((s, r) => s + Number(r['ties']), 0)).toBe(4112)
  })
})

describe('spnet measures on bad input', () => {
  function brokenStudy(alters: string): string {
    const dir = tempDir('bad')
    writeFileSync(join(dir, 'egos.csv'), 'ego_id,sector\nE1,vcse\n')
    writeFileSync(join(dir, 'alters.csv'), alters)
    writeFileSync(join(dir, 'ties.csv'), 'ego_id,from,to\nE1,A,B\n')
    return dir
  }

  it('names the file, line and column, exits 2, writes nothing and leaves an existing --out file alone', async () => {
    const dir = brokenStudy('ego_id,alter_id,frequency\nE1,A,3\nE1,B,weekly\n')
    const out = join(dir, 'measures.csv')
    writeFileSync(out, 'previous results\n')
    const result = await spnet(['measures', dir, '--out', out])
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('alters.csv line 3, column 3 (frequency)')
    expect(result.stderr).toContain('nothing was imported')
    expect(result.stderr).not.toMatch(/\n\s+at /) // no stack trace
    expect(readFileSync(out, 'utf8')).toBe('previous results\n')
  })

  it('reports a file that is not UTF-8 with its line', async () => {
    const dir = brokenStudy('ego_id,alter_id,name\nE1,A,ok\nE1,B,')
    writeFileSync(
      join(dir, 'alters.csv'),
      Buffer.concat([
        readFileSync(join(dir, 'alters.csv')),
        Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]),
      ]),
    )
    const result = await spnet(['measures', dir])
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/alters\.csv line 3, character 9/)
    expect(result.stderr).toMatch(/UTF-8/)
  })

  it('reports a file saved as UTF-16, with or without a byte-order mark', async () => {
    for (const bom of [true, false]) {
      const dir = brokenStudy('ego_id,alter_id\nE1,A\n')
      const text = Buffer.from('ego_id\nE1\n', 'utf16le')
      writeFileSync(
        join(dir, 'egos.csv'),
        bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), text]) : text,
      )
      const result = await spnet(['measures', dir])
      expect(result.status).toBe(2)
      expect(result.stderr).toMatch(/egos\.csv is not UTF-8/)
      expect(result.stderr).toMatch(/UTF-16/)
      expect(result.stderr).not.toMatch(/ at /)
    }
  })

  it('names the unknown option plainly', async () => {
    const result = await spnet(['measures', demo, '--atr', 'x'])
    expect(result.stderr.split('\n')[0]).toBe('✖ spnet measures has no option --atr.')
  })

  it('says which files a folder lacks and what it holds', async () => {
    const dir = tempDir('empty')
    writeFileSync(join(dir, 'people.csv'), 'x\n')
    const result = await spnet(['measures', dir])
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/has no egos\.csv, alters\.csv, ties\.csv/)
    expect(result.stderr).toMatch(/people\.csv/)
    expect(existsSync(join(dir, 'egos.csv'))).toBe(false)
  })

  it('says when a path does not exist', async () => {
    const result = await spnet(['measures', '/no/such/study'])
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/does not exist/)
  })
})

describe('spnet on awkward paths and codebooks', () => {
  it('says which part of a codebook.json is wrong, with its line', async () => {
    const dir = join(tempDir('codebook'), 's')
    await spnet(['demo', '--egos', '3', '--out', dir])
    writeFileSync(
      join(dir, 'codebook.json'),
      '{\n  "ego": {},\n  "alter": {\n    "org_type": { "type": "category" }\n  }\n}\n',
    )
    const result = await spnet(['measures', dir])
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/codebook\.json line 4/)
    expect(result.stderr).toMatch(/categorical, numeric, boolean or text/)
    writeFileSync(join(dir, 'codebook.json'), '{ "ego": {}, }')
    expect((await spnet(['measures', dir])).stderr).toMatch(/codebook\.json line 1, character 14/)
  })

  it('refuses a single CSV file and an --out that is a folder, without a stack trace or leftovers', async () => {
    const dir = join(tempDir('paths'), 's')
    await spnet(['demo', '--egos', '3', '--out', dir])
    const csv = await spnet(['measures', join(dir, 'egos.csv')])
    expect(csv.status).toBe(2)
    expect(csv.stderr).toMatch(/reads the whole folder/)
    const folder = await spnet(['measures', dir, '--out', dir])
    expect(folder.status).toBe(2)
    expect(folder.stderr).toMatch(/That is a folder/)
    expect(folder.stderr).not.toMatch(/internal error|\n\s+at /)
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('convert --to json does not overwrite a file without --force', async () => {
    const dir = join(tempDir('convert'), 's')
    await spnet(['demo', '--egos', '3', '--out', dir])
    const json = join(dir, 'study.json')
    expect((await spnet(['convert', dir, '--to', 'json', '--out', json])).status).toBe(0)
    expect((await spnet(['convert', dir, '--to', 'json', '--out', json])).status).toBe(2)
    expect((await spnet(['convert', dir, '--to', 'json', '--out', json, '--force'])).status).toBe(0)
  })
})
