import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
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
    // A misspelt attribute is refused, with the ones there are.
    const typo = await run(['matrix', '--by', 'imd_quintle', '--out', 'typo.csv'])
    expect(typo.status).toBe(2)
    expect(typo.stderr).toMatch(
      /No case has the attribute "imd_quintle"\. Case attributes: .*imd_quintile/,
    )
    expect(existsSync(join(dir, 'typo.csv'))).toBe(false)
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
    // FILE.csv is the coded segments, one row each; FILE.zip adds the framework matrix.
    expect((await run(['export', '--format', 'csv', '--out', 'coded.csv'])).status).toBe(0)
    const segments = readFileSync(join(dir, 'coded.csv'), 'utf8').trim().split('\n')
    expect(segments).toHaveLength(1 + reviewed.segments.length)
    expect((await run(['export', '--format', 'csv', '--out', 'coded.zip'])).status).toBe(0)
    expect(Object.keys(unzipSync(readFileSync(join(dir, 'coded.zip'))))).toEqual([
      'coded-segments.csv',
      'coded-framework-matrix.csv',
    ])
  }, 60_000)

  it('bulk-imports a folder of transcripts told by their content, to be reviewed before coding', async () => {
    mkdirSync(join(dir, 'transcripts/old'))
    const r = await run(['import', 'transcripts'])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stderr).toContain('transcripts: 1 subfolder not imported (old)')
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

describe('spnet qual with a coded project from another tool', () => {
  let env: Record<string, string>
  let dir: string
  const run = (argv: string[]) => spnet(['qual', ...argv], { env, cwd: dir })

  beforeAll(() => {
    dir = tempDir('qual-cli-qc')
    env = { SPNET_DATA_DIR: join(dir, 'data') }
  })

  it('proposes names in its transcripts, keeps the coding through the review, then counts it', async () => {
    const qc = join(fixtures, 'refi-qda/qc-1.3.2_demo.qdpx')
    const imported = await run(['import', qc])
    expect(imported.status, imported.stderr).toBe(0)
    expect(imported.stdout).toMatch(/coded segments, [1-9]\d* names? to review/)
    expect(imported.stdout).toMatch(/awaits? (its|their) names review/)
    // Before the review: left out, and said so.
    const early = await run(['agreement', '--format', 'json'])
    expect(early.stderr).toMatch(/Left out: \d+ of \d+ transcripts whose names are not reviewed/)
    const all = await spnet(
      ['qual', 'export', '--format', 'csv', '--include-unreviewed', '--out', 'before.csv'],
      { env, cwd: dir },
    )
    expect(all.status, all.stderr).toBe(0)
    const segmentsBefore = readFileSync(join(dir, 'before.csv'), 'utf8').trim().split('\n').length
    const review = await run(['review'])
    const pending = [...review.stdout.matchAll(/^(.+?): \d+ of \d+ proposals undecided/gm)].map(
      (m) => m[1]!,
    )
    expect(pending).toEqual(['board_2017', 'admin-1'])
    for (const name of pending) {
      const done = await run(['review', name, '--accept-all', '--apply'])
      expect(done.status, done.stderr).toBe(0)
    }
    const after = await run(['export', '--format', 'csv', '--out', 'after.csv'])
    expect(after.status, after.stderr).toBe(0)
    expect(after.stderr).not.toContain('Left out')
    // Every coded segment came through the review.
    expect(readFileSync(join(dir, 'after.csv'), 'utf8').trim().split('\n')).toHaveLength(
      segmentsBefore,
    )
    const agreement = await run(['agreement', '--format', 'json'])
    expect(agreement.status, agreement.stderr).toBe(0)
    // One coder in QualCoder's demo: the units are counted, agreement has no second coder.
    const report = JSON.parse(agreement.stdout) as { declaredUnits: number; coderIds: string[] }
    expect(report.declaredUnits).toBeGreaterThan(0)
    expect(report.coderIds).toHaveLength(1)
  }, 120_000)
})
