import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strToU8, unzipSync, zipSync } from 'fflate'
import { afterAll, describe, expect, it } from 'vitest'
import { alterId } from '../../src/core/network/ids.js'
import { addMemo, addSource, setSummary } from '../../src/core/qual/coding/edit-project.js'
import { setId } from '../../src/core/qual/ids.js'
import type { QualProject } from '../../src/core/qual/project.js'
import { retrieveSegments } from '../../src/core/qual/coding/retrieve-segments.js'
import { exportQdpx, formatDecimal } from '../../src/core/qual/refi/export-project.js'
import { formatQdc } from '../../src/core/qual/refi/codebook-qdc.js'
import { starterCodebook } from '../../src/core/qual/codebook/starter-codebook.js'
import { readQdcFile, writeQdcFile } from '../../src/qual-io/qdc-file.js'
import { parseCaptions } from '../../src/core/qual/transcripts/parse-captions.js'
import { now, sampleProject, unwrap } from '../../src/core/qual/test-support/sample-project.js'
import { qdpxBytes, readQdpxBytes, readQdpxFile } from '../../src/qual-io/qdpx-file.js'
import { sharedDir } from '../support/shared-dir.js'

const refi = join(sharedDir(), 'fixtures', 'refi-qda')
const xsd = join(sharedDir(), 'fixtures', 'refi-qda-schema', 'Project.xsd')
const tmp = mkdtempSync(join(tmpdir(), 'spnet-refi-'))
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true })
})

/** Validates a .qde against the REFI-QDA Project.xsd with xmllint; throws (fails the test) if xmllint is missing. */
function xmllint(qde: string): string {
  const file = join(tmp, `check-${Math.random().toString(36).slice(2)}.qde`)
  writeFileSync(file, qde)
  try {
    return execFileSync('xmllint', ['--noout', '--schema', xsd, file], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
  } catch (e) {
    const error = e as { code?: string; stderr?: string }
    if (error.code === 'ENOENT')
      throw new Error('xmllint is not installed: apt-get install -y libxml2-utils', { cause: e })
    throw new Error(`xmllint rejected the export:\n${error.stderr ?? String(e)}`, { cause: e })
  }
}

/** A richer project: every kind of memo, a summary, a set, a caption source with timings, links. */
function richProject(): QualProject {
  const s = sampleProject()
  let p = s.project
  const ids = { newId: s.ids, now }
  const vtt = unwrap(
    parseCaptions(
      'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Zoë>Hello 👍 José.\n\n00:00:03.000 --> 00:00:05.000\n<v LW>Hi & welcome.',
      'vtt',
      'x.vtt',
    ),
  )
  p = unwrap(
    addSource(
      p,
      { name: 'Call recording', transcript: vtt, caseId: s.cases.b, creatorId: s.coders.ann },
      ids,
    ),
  )
  p = unwrap(
    addMemo(
      p,
      {
        target: { kind: 'project' },
        title: 'Journal',
        text: 'Started coding.\nSecond line.',
        coderId: s.coders.ann,
      },
      ids,
    ),
  )
  p = unwrap(
    addMemo(
      p,
      {
        target: { kind: 'code', id: s.codes.transport },
        title: 'Scope',
        text: 'Includes fares.',
        coderId: null,
      },
      ids,
    ),
  )
  p = unwrap(
    addMemo(
      p,
      {
        target: { kind: 'segment', id: p.segments[0]!.id },
        title: 'Check',
        text: 'Ask <LW> & PI',
        coderId: s.coders.bob,
      },
      ids,
    ),
  )
  p = unwrap(
    addMemo(
      p,
      {
        target: { kind: 'case', id: s.cases.a },
        title: 'Case memo',
        text: 'Rural PCN.',
        coderId: s.coders.ann,
      },
      ids,
    ),
  )
  p = unwrap(
    addMemo(
      p,
      {
        target: { kind: 'source', id: s.sources.b },
        title: 'Source memo',
        text: 'Noisy audio.',
        coderId: null,
      },
      ids,
    ),
  )
  p = unwrap(
    addMemo(
      p,
      {
        target: { kind: 'range', sourceId: s.sources.a, start: 0, end: 11 },
        title: 'Annotation',
        text: 'Interviewer label',
        coderId: s.coders.ann,
      },
      ids,
    ),
  )
  p = unwrap(
    setSummary(
      p,
      {
        caseId: s.cases.a,
        codeId: s.codes.feedback,
        text: 'No feedback from the food bank.',
        coderId: s.coders.ann,
      },
      { now },
    ),
  )
  p = {
    ...p,
    description: 'Study of link worker networks',
    variables: [
      {
        name: 'imd_quintile',
        type: 'integer',
        description: 'IMD 2019 quintile, 1 = most deprived',
      },
    ],
    cases: p.cases.map((c, i) => ({
      ...c,
      attributes: {
        ...c.attributes,
        core20: i === 0,
        tiny: 1e-7 * (i + 1),
        region: i === 0 ? 'North East' : null,
      },
    })),
    sources: p.sources.map((src, i) => ({
      ...src,
      pseudonymisation: 'reviewed' as const,
      attributes: i === 0 ? { interviewer: 'KM' } : {},
    })),
    segments: p.segments.map((g, i) =>
      i === 2
        ? { ...g, link: { kind: 'tie' as const, from: alterId('A01'), to: alterId('A03') } }
        : g,
    ),
    sets: [
      {
        id: setId('00000000-0000-4000-8000-0000000005e7'),
        name: 'Deprived areas',
        description: 'IMD 1–2',
        codeIds: [s.codes.funding],
        sourceIds: [s.sources.a],
      },
    ],
  }
  return p
}

describe('REFI-QDA export', () => {
  it('validates against Project.xsd with xmllint', () => {
    const entries = unwrap(exportQdpx(richProject(), { now }))
    const qde = entries.find((e) => e.path === 'project.qde')!.text
    expect(xmllint(qde)).toBe('')
    expect(entries.map((e) => e.path).filter((p) => p.startsWith('sources/'))).toHaveLength(3)
    // Element order per the XSD's sequence.
    const order = [
      '<Users>',
      '<CodeBook>',
      '<Variables>',
      '<Cases>',
      '<Sources>',
      '<Notes>',
      '<Links>',
      '<Sets>',
      '<Description>Study',
    ]
    const at = order.map((tag) => qde.indexOf(tag))
    expect(at.every((x) => x > 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    expect(qde).toContain('<FloatValue>0.0000001</FloatValue>')
  })

  it('writes offsets as code points of the exported plain text (Python str indices)', () => {
    const p = richProject()
    const entries = unwrap(exportQdpx(p, { now }))
    const qde = entries[0]!.text
    // Ann's feedback segment comes after "👍" in LW01's transcript.
    const seg = p.segments[0]!
    const m = new RegExp(
      `<PlainTextSelection guid="${seg.id}" startPosition="(\\d+)" endPosition="(\\d+)"`,
    ).exec(qde)!
    const text = entries.find((e) => e.path === `sources/${seg.sourceId}.txt`)!.text
    const codePoints = Array.from(text)
    expect(codePoints.slice(Number(m[1]), Number(m[2])).join('')).toBe(
      'They never get back to me though.',
    )
    expect(text.slice(Number(m[1]), Number(m[2]))).not.toBe('They never get back to me though.')
  })

  it('refuses unreviewed transcripts unless an admin includes them', () => {
    const { project } = sampleProject()
    const r = exportQdpx(project, { now })
    expect(!r.ok && r.error.code).toBe('conflict')
    expect(!r.ok && r.error.issues).toHaveLength(2)
    expect(exportQdpx(project, { now, includeUnreviewed: true }).ok).toBe(true)
  })

  it('writes decimals without exponents', () => {
    expect(formatDecimal(1e-7)).toBe('0.0000001')
    expect(formatDecimal(-2.5e-8)).toBe('-0.000000025')
    expect(formatDecimal(1.5e21)).toBe('1500000000000000000000')
    expect(formatDecimal(0.42)).toBe('0.42')
  })
})

describe('.qdc codebook files', () => {
  it('the starter codebook as .qdc: its Code elements validate against Project.xsd and read back', async () => {
    // Codebook.xsd is not available (PROVENANCE.md); the Code type is the same in both schemas.
    const qdc = formatQdc(starterCodebook())
    const asProject = qdc
      .replace(
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="spnet">',
        '<Project xmlns="urn:QDA-XML:project:1.0" name="qdc check"><CodeBook>',
      )
      .replace('</CodeBook>', '</CodeBook></Project>')
    expect(asProject).toContain('<Project')
    expect(xmllint(asProject)).toBe('')
    const file = join(tmp, 'starter.qdc')
    unwrap(await writeQdcFile(file, starterCodebook()))
    expect(unwrap(await readQdcFile(file))).toEqual(starterCodebook())
  })
})

describe('REFI-QDA round trip', () => {
  it('export → import loses nothing', () => {
    const p = richProject()
    const bytes = unwrap(qdpxBytes(p, { now }))
    const back = unwrap(readQdpxBytes(bytes, 'rich.qdpx'))
    expect(back.project).toEqual({ ...p, origin: 'spnet' })
  })

  it('every fixture from another tool exports again as a valid .qdpx and re-imports the same', async () => {
    for (const name of [
      'qc-1.3.2_demo.qdpx',
      'nvivo-mac-15.0.0_qc-project.qdpx',
      'atlasti-win-23.2.3_target-atlas-project.qdpx',
      'atlasti-win-23.2.3_blank-atlas-project.qdpx',
    ]) {
      const p = unwrap(await readQdpxFile(join(refi, name))).project
      const entries = unwrap(exportQdpx(p, { now, includeUnreviewed: true }))
      expect(xmllint(entries[0]!.text), name).toBe('')
      const back = unwrap(
        readQdpxBytes(unwrap(qdpxBytes(p, { now, includeUnreviewed: true })), name),
      ).project
      expect(back, name).toEqual({ ...p, origin: 'spnet' })
    }
  })

  it('the imported fixtures export again and validate', async () => {
    const qc = unwrap(await readQdpxFile(join(refi, 'qc-1.3.2_demo.qdpx'))).project
    const entries = unwrap(exportQdpx(qc, { now, includeUnreviewed: true }))
    expect(xmllint(entries[0]!.text)).toBe('')
    const again = unwrap(
      readQdpxBytes(unwrap(qdpxBytes(qc, { now, includeUnreviewed: true })), 'again.qdpx'),
    ).project
    expect(again.segments).toEqual(qc.segments)
    expect(again.codebook).toEqual(qc.codebook)
    expect(again.sources.map((s) => s.text)).toEqual(qc.sources.map((s) => s.text))
  })
})

describe('REFI-QDA import of other tools’ files', () => {
  it('qc 1.3.2 demo: bare plainTextPath, no XML declaration, several codings per selection', async () => {
    const r = unwrap(await readQdpxFile(join(refi, 'qc-1.3.2_demo.qdpx')))
    const p = r.project
    expect(p.origin).toBe('qc 1.3.2')
    expect(p.sources.map((s) => s.name)).toEqual(['board_2017', 'admin-1'])
    expect(p.codebook.codes).toHaveLength(262)
    expect(p.coders.map((c) => c.name)).toEqual(['cp'])
    expect(p.segments).toHaveLength(158)
    expect(p.segments.reduce((n, s) => n + s.codeIds.length, 0)).toBe(205)
    // The admin-1 text is the shared transcript fixture, byte for byte.
    const admin = readFileSync(
      join(sharedDir(), 'fixtures', 'transcripts', 'qc-demo_admin-1_interview.txt'),
      'utf8',
    )
    expect(p.sources[1]!.text).toBe(admin)
    // Turns and units are derived from the text when there is no spnet.json.
    expect(p.sources[1]!.turns.filter((t) => t.speaker === 'Max Bigman')).toHaveLength(30)
    const first = retrieveSegments(p)[0]!
    expect(first.segment.start).toBe(320)
    expect(first.text).toHaveLength(80)
  })

  it('NVivo for Mac 15: lower-case sources/, GUID-like names, 1-byte texts, nested codes, two users', async () => {
    const p = unwrap(await readQdpxFile(join(refi, 'nvivo-mac-15.0.0_qc-project.qdpx'))).project
    expect(p.origin).toBe('NVivo for Mac 15.0.0')
    expect(p.coders.map((c) => c.name)).toEqual(['chrisp', 'cp'])
    expect(p.sources).toHaveLength(2)
    expect(p.sources.every((s) => s.text === '\n')).toBe(true)
    expect(p.codebook.codes).toHaveLength(262)
    expect(p.codebook.codes.filter((c) => c.parentId === null).length).toBeLessThan(262)
    expect(p.segments).toHaveLength(0)
  })

  it('ATLAS.ti 23: codes only, the pseudo-user, and an empty project', async () => {
    const t = unwrap(
      await readQdpxFile(join(refi, 'atlasti-win-23.2.3_target-atlas-project.qdpx')),
    ).project
    expect(t.coders.map((c) => c.name)).toEqual(['Enric Llagostera', 'ATLAS.ti'])
    expect(t.codebook.codes.map((c) => [c.name, c.parentId === null])).toEqual([
      ['Commits', true],
      ['2022-05-10T02:05:59Z 19e4dce', false],
      ['2022-02-11T10:39:25Z cdbfd92', false],
    ])
    expect(t.codebook.codes[0]!.id).toBe('a182cd3a-d83c-4d8c-bc80-26d9103ec6d6')
    const blank = unwrap(
      await readQdpxFile(join(refi, 'atlasti-win-23.2.3_blank-atlas-project.qdpx')),
    ).project
    expect(blank.name).toBe('blank-atlas-project')
    expect(blank.sources).toHaveLength(0)
    expect(blank.coders).toHaveLength(2)
  })
})

const G = (n: number): string => `10000000-0000-4000-8000-${n.toString().padStart(12, '0')}`

function qdpx(
  qde: string,
  files: Record<string, string> = {},
  qdeName = 'project.qde',
): Uint8Array {
  const zip: Record<string, Uint8Array> = { [qdeName]: strToU8(qde) }
  for (const [k, v] of Object.entries(files)) zip[k] = strToU8(v)
  return zipSync(zip)
}

const head = (origin: string, body: string): string =>
  `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="t" origin="${origin}">${body}</Project>`

const codebook = `<Users><User guid="${G(1)}" name="Ann"/><User guid="${G(2)}" name="Bob"/></Users><CodeBook><Codes><Code guid="${G(10)}" name="Transport" isCodable="true"/><Code guid="${G(50)}" name="LW07" isCodable="true"/></Codes></CodeBook>`

describe('vendor conventions (QDPX.md §2.3)', () => {
  it('CRLF offsets: two characters for MAXQDA-style, one for ATLAS.ti', () => {
    const text = 'Line one\r\nBuses are bad\r\nEnd'
    const sel = (s: number, e: number) =>
      `<PlainTextSelection guid="${G(20)}" startPosition="${s}" endPosition="${e}" creatingUser="${G(1)}"><Coding guid="${G(21)}"><CodeRef targetGUID="${G(10)}"/></Coding></PlainTextSelection>`
    const xml = (origin: string, s: number, e: number) =>
      head(
        origin,
        `${codebook}<Sources><TextSource guid="${G(30)}" name="T" plainTextPath="internal://${G(30)}.txt">${sel(s, e)}</TextSource></Sources>`,
      )
    // "Buses are bad" starts at 10 counting CRLF as two, at 9 counting it as one.
    const maxqda = unwrap(
      readQdpxBytes(qdpx(xml('MAXQDA 2022', 10, 23), { [`Sources/${G(30)}.txt`]: text }), 'm.qdpx'),
    )
    expect(retrieveSegments(maxqda.project)[0]!.text).toBe('Buses are bad')
    expect(maxqda.project.sources[0]!.text).toBe('Line one\nBuses are bad\nEnd')
    expect(maxqda.notes.join(' ')).toMatch(/two characters/)
    const atlas = unwrap(
      readQdpxBytes(qdpx(xml('ATLAS.ti 23', 9, 22), { [`sources/${G(30)}.txt`]: text }), 'a.qdpx'),
    )
    expect(retrieveSegments(atlas.project)[0]!.text).toBe('Buses are bad')
  })

  it('nameless case with one SourceRef = document variables; a case emitted as a code = case span', () => {
    const body = `${codebook}<Variables><Variable guid="${G(40)}" name="IMD quintile" typeOfVariable="Integer"/><Variable guid="${G(41)}" name="Core20" typeOfVariable="Boolean"/></Variables>
<Cases><Case guid="${G(42)}"><VariableValue><VariableRef targetGUID="${G(40)}"/><IntegerValue>2</IntegerValue></VariableValue><SourceRef targetGUID="${G(30)}"/></Case>
<Case guid="${G(50)}" name="LW07"><VariableValue><VariableRef targetGUID="${G(41)}"/><BooleanValue>true</BooleanValue></VariableValue></Case></Cases>
<Sources><TextSource guid="${G(30)}" name="T"><PlainTextContent>Zoë said 👍 yes.</PlainTextContent>
<PlainTextSelection guid="${G(20)}" startPosition="0" endPosition="15" creatingUser="${G(1)}"><Coding guid="${G(21)}" creatingUser="${G(1)}"><CodeRef targetGUID="${G(50)}"/></Coding><Coding guid="${G(22)}" creatingUser="${G(2)}"><CodeRef targetGUID="${G(10)}"/></Coding></PlainTextSelection>
</TextSource></Sources>`
    const p = unwrap(readQdpxBytes(qdpx(head('NVivo 14', body)), 'v.qdpx')).project
    expect(p.sources[0]!.attributes).toEqual({ 'IMD quintile': 2 })
    expect(p.cases).toHaveLength(1)
    expect(p.cases[0]).toMatchObject({
      name: 'LW07',
      attributes: { Core20: true },
      sourceIds: [G(30)],
      selections: [{ sourceId: G(30), start: 0, end: 15 }],
    })
    expect(p.codebook.codes.map((c) => c.name)).toEqual(['Transport'])
    // The selection's two codings were by two coders: Bob's Transport is a segment, Ann's was the case.
    expect(p.segments.map((s) => [s.coderId, s.codeIds])).toEqual([[G(2), [G(10)]]])
  })

  it('annotations: NVivo Note + Link, MAXQDA uncoded selection; first *.qde wins', () => {
    const body = `${codebook}<Sources><TextSource guid="${G(30)}" name="T"><PlainTextContent>Hello there</PlainTextContent>
<PlainTextSelection guid="${G(20)}" startPosition="0" endPosition="5"/>
<PlainTextSelection guid="${G(23)}" startPosition="6" endPosition="11" name="m"><Description>MAXQDA comment</Description></PlainTextSelection></TextSource></Sources>
<Notes><Note guid="${G(60)}" name="Annotation" plainTextPath="internal://${G(60)}.txt"/></Notes><Links><Link guid="${G(61)}" originGUID="${G(60)}" targetGUID="${G(20)}"/></Links>`
    const p = unwrap(
      readQdpxBytes(
        qdpx(
          head('NVivo 14', body),
          { [`Sources/${G(60)}.txt`]: 'NVivo annotation' },
          'export.qde',
        ),
        'n.qdpx',
      ),
    ).project
    expect(p.memos.map((m) => [m.text, m.target])).toEqual([
      ['NVivo annotation', { kind: 'range', sourceId: G(30), start: 0, end: 5 }],
      ['MAXQDA comment', { kind: 'range', sourceId: G(30), start: 6, end: 11 }],
    ])
  })
})

describe('more conventions', () => {
  it('QualCoder annotations (a Note holding the selection, NoteRef from the source); the first stored .qde', () => {
    const body = `${codebook}<Sources><TextSource guid="${G(30)}" name="T"><PlainTextContent>Zoë 👍 said hello</PlainTextContent><NoteRef targetGUID="${G(60)}"/></TextSource></Sources>
<Notes><Note guid="${G(60)}" name="Annotation"><PlainTextContent>Greeting</PlainTextContent><PlainTextSelection guid="${G(61)}" startPosition="6" endPosition="10"/></Note></Notes>`
    const zip = zipSync({
      'b.qde': strToU8(head('QualCoder 3.5', body)),
      'a.qde': strToU8('<Project name="wrong"/>'),
    })
    const p = unwrap(readQdpxBytes(zip, 'q.qdpx')).project
    expect(p.name).toBe('t')
    expect(p.memos).toEqual([
      {
        id: G(60),
        target: { kind: 'range', sourceId: G(30), start: 6, end: 10 },
        title: 'Annotation',
        text: 'Greeting',
        coderId: null,
        createdAt: null,
      },
    ])
  })
})

describe('invalid .qdpx files: a clear error and nothing imported', () => {
  const good = (
    sel: string,
    files: Record<string, string> = { [`sources/${G(30)}.txt`]: 'Short text' },
  ) =>
    qdpx(
      head(
        'x',
        `${codebook}<Sources><TextSource guid="${G(30)}" plainTextPath="internal://${G(30)}.txt">${sel}</TextSource></Sources>`,
      ),
      files,
    )

  it('not a zip, no .qde, bad XML', () => {
    const notZip = readQdpxBytes(strToU8('hello'), 'a.qdpx')
    expect(!notZip.ok && notZip.error.message).toMatch(/not a zip/)
    const noQde = readQdpxBytes(zipSync({ 'readme.txt': strToU8('x') }), 'b.qdpx')
    expect(!noQde.ok && noQde.error.message).toMatch(/no \.qde/)
    const bad = readQdpxBytes(qdpx('<Project name="x">\n<Users>\n</Project>'), 'c.qdpx')
    expect(!bad.ok && bad.error.code).toBe('validation')
    expect(!bad.ok && bad.error.issues[0]!.line).toBe(3)
  })

  it('dangling GUID references', () => {
    const r = readQdpxBytes(
      good(
        `<PlainTextSelection guid="${G(20)}" startPosition="0" endPosition="5"><Coding guid="${G(21)}"><CodeRef targetGUID="${G(99)}"/></Coding></PlainTextSelection>`,
      ),
      'd.qdpx',
    )
    expect(!r.ok && r.error.issues.map((i) => i.message).join()).toMatch(
      new RegExp(`CodeRef ${G(99)}`),
    )
  })

  it('offsets beyond the text, and a missing source file', () => {
    const r = readQdpxBytes(
      good(
        `<PlainTextSelection guid="${G(20)}" startPosition="0" endPosition="50"><Coding guid="${G(21)}"><CodeRef targetGUID="${G(10)}"/></Coding></PlainTextSelection>`,
      ),
      'e.qdpx',
    )
    expect(!r.ok && r.error.issues[0]).toMatchObject({
      path: 'Sources/TextSource[0]/PlainTextSelection[0]',
    })
    const missing = readQdpxBytes(good('', {}), 'f.qdpx')
    expect(!missing.ok && missing.error.issues[0]!.message).toMatch(/not in the package/)
  })

  it('an export’s zip really contains project.qde, sources and spnet.json', () => {
    const files = Object.keys(unzipSync(unwrap(qdpxBytes(richProject(), { now }))))
    expect(files[0]).toBe('project.qde')
    expect(files).toContain('spnet.json')
  })
})
