import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { createRandom } from '../../src/core/demo/random.js'
import { formatAgreementCsv } from '../../src/core/qual/agreement/format-agreement.js'
import { unitAgreement } from '../../src/core/qual/agreement/unit-agreement.js'
import { sampleProject } from '../../src/core/qual/test-support/sample-project.js'
import { qdpxBytes } from '../../src/qual-io/qdpx-file.js'
import { sharedDir } from '../support/shared-dir.js'
import { spnet, tempDir } from './run-cli.js'

const fixtures = join(sharedDir(), 'fixtures')

describe('spnet qual on the data directory', () => {
  let env: Record<string, string>
  let dir: string
  const run = (argv: string[]) => spnet(['qual', ...argv], { env, cwd: dir })
  // Two coders' work on two transcripts, as another tool would export it.
  const sample = sampleProject().project
  const reviewed = {
    ...sample,
    sources: sample.sources.map((s) => ({ ...s, pseudonymisation: 'reviewed' as const })),
  }

  beforeAll(() => {
    dir = tempDir('qual-cli')
    env = { SPNET_DATA_DIR: join(dir, 'data') }
    const bytes = qdpxBytes(reviewed, { now: '2026-01-01T00:00:00Z', includeUnreviewed: true })
    if (!bytes.ok) throw bytes.error
    writeFileSync(join(dir, 'two-coders.qdpx'), bytes.value)
    mkdirSync(join(dir, 'transcripts'))
    copyFileSync(
      join(fixtures, 'transcripts/qualcoder_transcript.txt'),
      join(dir, 'transcripts/focus group.txt'),
    )
    copyFileSync(
      join(fixtures, 'transcripts/qualcoder_ID1.docx'),
      join(dir, 'transcripts/ID1.docx'),
    )
    copyFileSync(
      join(fixtures, 'transcripts/Example_subtitles_1.vtt'),
      join(dir, 'transcripts/call.vtt'),
    )
  })

  it('imports a REFI-QDA project into a new study', async () => {
    const r = await run(['import', 'two-coders.qdpx'])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toMatch(
      /two-coders\.qdpx: REFI-QDA project, 2 transcripts, \d+ codes, \d+ coded segments/,
    )
  }, 60_000)

  it('reports agreement as the core computes it, in text, CSV and JSON', async () => {
    const expected = unitAgreement(reviewed, {
      unitKind: 'sentence',
      bootstrap: { random: createRandom(1), replicates: 1000 },
    })
    const csv = await run(['agreement', '--format', 'csv'])
    expect(csv.status, csv.stderr).toBe(0)
    expect(csv.stdout).toBe(formatAgreementCsv(expected))
    const text = await run(['agreement'])
    expect(text.stdout).toContain('coders: Ann, Bob')
    expect(text.stdout).toMatch(/\(pooled\)/)
    const one = await run([
      'agreement',
      '--code',
      'Barriers / Transport',
      '--format',
      'json',
      '--disagreements',
      'why.csv',
    ])
    const report = JSON.parse(one.stdout) as { perCode: { code: string }[] }
    expect(report.perCode.map((c) => c.code)).toEqual(['Barriers / Transport'])
    expect(readFileSync(join(dir, 'why.csv'), 'utf8').split('\n')[0]).toMatch(/unit/)
    const bad = await run(['agreement', '--code', 'Nothing like it'])
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('There is no code "Nothing like it"')
  }, 60_000)

  it('writes the framework matrix grouped and sorted by case attributes, as CSV, XLSX and HTML', async () => {
    const csv = await run([
      'matrix',
      '--by',
      'imd_quintile',
      '--sort',
      'constraint:desc',
      '--out',
      'matrix.csv',
    ])
    expect(csv.status, csv.stderr).toBe(0)
    const text = readFileSync(join(dir, 'matrix.csv'), 'utf8')
    expect(text.indexOf('LW01')).toBeLessThan(text.indexOf('LW02'))
    expect((await run(['matrix', '--by', 'hosting', '--out', 'matrix.xlsx'])).status).toBe(0)
    expect(Object.keys(unzipSync(readFileSync(join(dir, 'matrix.xlsx'))))).toContain(
      'xl/workbook.xml',
    )
    expect(
      (
        await run([
          'matrix',
          '--by',
          'imd_quintile',
          '--where',
          'imd_quintile=1',
          '--out',
          'matrix.html',
        ])
      ).status,
    ).toBe(0)
    expect(readFileSync(join(dir, 'matrix.html'), 'utf8')).not.toContain('LW02')
    expect((await run(['matrix', '--out', 'x.csv'])).status).toBe(2)
  }, 60_000)

  it('exports a .qdpx that validates against the REFI-QDA schema, a .qdc and CSV', async () => {
    const r = await run(['export', '--format', 'qdpx', '--out', 'out.qdpx'])
    expect(r.status, r.stderr).toBe(0)
    const files = unzipSync(readFileSync(join(dir, 'out.qdpx')))
    writeFileSync(join(dir, 'project.qde'), strFromU8(files['project.qde']!))
    const xsd = join(fixtures, 'refi-qda-schema/Project.xsd')
    expect(
      execFileSync('xmllint', ['--noout', '--schema', xsd, join(dir, 'project.qde')], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    ).toBe('')
    expect((await run(['export', '--out', 'codes.qdc'])).status).toBe(0)
    expect(readFileSync(join(dir, 'codes.qdc'), 'utf8')).toContain('<CodeBook')
    expect((await run(['export', '--format', 'csv', '--out', 'coded.csv'])).status).toBe(0)
    expect(Object.keys(unzipSync(readFileSync(join(dir, 'coded.zip'))))).toEqual([
      'coded-segments.csv',
      'coded-framework-matrix.csv',
    ])
  }, 60_000)

  it('bulk-imports a folder of transcripts told by their content, to be reviewed before coding', async () => {
    const r = await run(['import', 'transcripts'])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/call\.vtt: transcript .*units/)
    expect(r.stdout).toMatch(/ID1\.docx: transcript/)
    expect(r.stdout).toMatch(/focus group\.txt: transcript/)
    const status = await run(['status'])
    expect(status.stdout).toMatch(/5 transcripts/)
    expect(status.stdout).toMatch(/focus group .*to review/)
    // Not yet reviewed: kept out of exports.
    const exported = await run(['export', '--format', 'qdpx', '--out', 'after.qdpx'])
    expect(exported.stdout).toContain('2 transcripts')
    const review = await run(['review', 'call', '--accept-all', '--apply'])
    expect(review.status, review.stderr).toBe(0)
    expect(review.stdout).toContain('call is pseudonymised')
  }, 60_000)

  it('refuses damaged files, naming them and what to do, and imports nothing from that run', async () => {
    const before = (await run(['status'])).stdout
    writeFileSync(join(dir, 'broken.vtt'), 'WEBVTT\n\n00:00:01.000 --> 00:00:0x.500\nHello\n')
    writeFileSync(join(dir, 'fake.docx'), Buffer.from('PK\u0003\u0004 not really a word document'))
    writeFileSync(
      join(dir, 'broken.qdpx'),
      readFileSync(join(dir, 'two-coders.qdpx')).subarray(0, 1500),
    )
    const vtt = await run(['import', 'broken.vtt'])
    expect(vtt.status).toBe(2)
    expect(vtt.stderr).toMatch(/broken\.vtt line 3/)
    const docx = await run(['import', 'fake.docx'])
    expect(docx.status).toBe(1) // a kind of file spnet cannot read
    expect(docx.stderr).toMatch(/fake\.docx is a zip archive but not a Word document/)
    const qdpx = await run(['import', 'broken.qdpx'])
    expect(qdpx.status, qdpx.stderr).toBe(2)
    // A folder with one bad file among good ones: none is imported.
    mkdirSync(join(dir, 'mixed'))
    copyFileSync(
      join(fixtures, 'transcripts/qualcoder_transcript.txt'),
      join(dir, 'mixed/LW09.txt'),
    )
    copyFileSync(join(dir, 'broken.vtt'), join(dir, 'mixed/LW10.vtt'))
    const mixed = await run(['import', 'mixed'])
    expect(mixed.status).toBe(2)
    expect(mixed.stderr).toMatch(/LW10\.vtt line 3/)
    expect((await run(['status'])).stdout).toBe(before)
  }, 60_000)
})
