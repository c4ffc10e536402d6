import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync, strFromU8 } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NewInvitation } from '../../src/core/api/api.js'
import type {
  ImportedTranscriptResult,
  QualWorkspace,
  Review,
} from '../../src/core/api/qual-api.js'
import type { AgreementReport } from '../../src/core/qual/agreement/unit-agreement.js'
import type { FrameworkMatrix } from '../../src/core/qual/matrix/framework-matrix.js'
import { codePointLength } from '../../src/core/qual/text/code-points.js'
import { sharedDir } from '../support/shared-dir.js'
import { testServer, type Client, type TestServer } from '../support/test-server.js'

type Json = Record<string, unknown>
const b64 = (text: string | Uint8Array) => Buffer.from(text).toString('base64')

const transcript = `Interviewer: Thanks for joining. How did you build your contacts?
LW01: Mostly through the Food bank, and Zoë Clarke at the surgery introduced me to people. 👍
Interviewer: And in the more deprived wards?
LW01: There are fewer groups there. Transport is a real barrier for patients. The waiting lists are long.
Interviewer: Who do you go to for advice?
LW01: My supervisor, Dr Patel, and the other link workers in the PCN.
`

describe('qualitative analysis through the API', () => {
  let s: TestServer
  let studyId: string
  let q: string
  let researcher: Client
  let admin: Client
  let sourceId: string

  async function interview(label: string, imd: number, alters: [string, string, string][]) {
    const p = (await (
      await researcher.call('POST', `/api/studies/${studyId}/participants`, {
        label,
        attributes: { imd_quintile: imd },
      })
    ).json()) as { id: string }
    const inv = (await (
      await researcher.call('POST', `/api/participants/${p.id}/invitations`, {})
    ).json()) as NewInvitation
    const token = inv.url.split('/i/')[1]!
    const changes = [
      { kind: 'ego_answer', question: 'role', value: 'link_worker' },
      { kind: 'ego_answer', question: 'implementation_model', value: imd === 1 ? 'vcse' : 'pcn' },
      ...alters.map(([id, name, sector], i) => ({
        kind: 'add_alter',
        alter: id,
        generator: ['work_contact', 'refers_to', 'advice_support'][i % 3],
        answers: { name, sector },
      })),
      { kind: 'tie', a: alters[0]![0], b: alters[1]![0], state: 'yes' },
    ].map((change, i) => ({ id: `${label}-change-${i}`, change }))
    const saved = await s.clients.anonymous.call('POST', `/api/interview/${token}/changes`, {
      changes,
    })
    expect(((await saved.json()) as { rejected: unknown[] }).rejected).toEqual([])
    expect((await s.clients.anonymous.call('POST', `/api/interview/${token}/submit`)).status).toBe(
      200,
    )
  }

  beforeAll(async () => {
    s = await testServer()
    researcher = s.clients.researcher
    admin = s.clients.admin
    studyId = (
      (await (
        await researcher.call('POST', '/api/studies', {
          name: 'Qual study',
          protocolId: 'link_worker_networks',
          protocolVersion: 1,
        })
      ).json()) as { id: string }
    ).id
    q = `/api/studies/${studyId}/qual`
    await interview('LW01', 1, [
      ['f1', 'Food bank', 'vcse'],
      ['s1', 'Riverside Surgery', 'gp_own_pcn'],
      ['t1', 'Team lead', 'social_prescribing'],
    ])
    await interview('LW02', 5, [
      ['c1', 'Citizens Advice', 'vcse'],
      ['p1', 'Park Lane Medical Centre', 'gp_own_pcn'],
      ['m1', 'Mind', 'vcse'],
    ])
  }, 120_000)
  afterAll(() => s.close())

  it('makes a case for each participant, carrying IMD and the measures of their network', async () => {
    const ws = (await (await researcher.call('GET', q)).json()) as QualWorkspace
    expect(ws.project.cases.map((c) => c.name)).toEqual(['LW01', 'LW02'])
    const lw01 = ws.project.cases[0]!
    expect(lw01.attributes).toMatchObject({
      imd_quintile: 1,
      implementation_model: 'vcse',
      size: 3,
      ties: 1,
    })
    expect(ws.coderId).toEqual(expect.any(String))
  })

  it('imports a transcript for a case, proposing placeholders for the names in it, the case’s contacts included', async () => {
    const res = await researcher.call('POST', `${q}/sources`, {
      fileName: 'LW01 interview.txt',
      contentBase64: b64(transcript),
      names: ['Dr Patel'],
    })
    expect(res.status, await res.clone().text()).toBe(201)
    const r = (await res.json()) as ImportedTranscriptResult
    sourceId = r.sourceId
    expect(r.caseName).toBe('LW01')
    expect(r.units).toBeGreaterThan(6)
    const found = r.proposals.map((p) => [p.original, p.placeholder])
    expect(found).toEqual(
      expect.arrayContaining([
        ['Food bank', '[ALTER A01]'],
        ['Zoë Clarke', '[PERSON 1]'],
      ]),
    )
    expect(found.some(([o]) => o!.includes('Patel'))).toBe(true)
  })

  it('refuses coding a transcript whose names are not yet reviewed, and keeps it from viewers and exports', async () => {
    const ws = (await (await researcher.call('GET', q)).json()) as QualWorkspace
    expect(ws.pendingReview[sourceId]).toBeGreaterThan(0)
    const code = (await (
      await researcher.call('POST', `${q}/codes`, { name: 'Early' })
    ).json()) as { id: string }
    const res = await researcher.call('POST', `${q}/segments`, {
      sourceId,
      start: 0,
      end: 5,
      codeIds: [code.id],
    })
    expect(res.status).toBe(409)
    const viewer = (await (await s.clients.viewer.call('GET', q)).json()) as QualWorkspace
    expect(viewer.project.sources).toEqual([])
    const pseudonymise = await researcher.call('POST', `${q}/sources/${sourceId}/pseudonymise`)
    expect(pseudonymise.status).toBe(400)
    expect(((await pseudonymise.json()) as Json).message).toMatch(/pending|review|decid/i)
  })

  it('applies the reviewed replacements: the text changes, offsets stay in code points, the key is for admins', async () => {
    const review = (await (
      await researcher.call('GET', `${q}/sources/${sourceId}/review`)
    ).json()) as Review
    const decisions = Object.fromEntries(
      review.proposals.map((p) => [
        p.id,
        p.original.includes('Patel') ? { placeholder: '[SUPERVISOR]' } : 'accept',
      ]),
    )
    const decided = await researcher.call('POST', `${q}/sources/${sourceId}/review`, { decisions })
    expect(decided.status).toBe(200)
    expect((await researcher.call('POST', `${q}/sources/${sourceId}/pseudonymise`)).status).toBe(
      200,
    )
    const ws = (await (await researcher.call('GET', q)).json()) as QualWorkspace
    const source = ws.project.sources.find((x) => x.id === sourceId)!
    expect(source.pseudonymisation).toBe('reviewed')
    expect(source.text).toContain('[ALTER A01]')
    expect(source.text).toContain('[PERSON 1] at the surgery')
    expect(source.text).not.toMatch(/Zoë|Patel|Food bank/)
    expect(ws.pendingReview).toEqual({})
    expect((await researcher.call('GET', `${q}/key`)).status).toBe(403)
    const key = (await (await admin.call('GET', `${q}/key`)).json()) as {
      entries: { placeholder: string; originals: string[] }[]
    }
    expect(key.entries.find((e) => e.placeholder === '[PERSON 1]')?.originals).toEqual([
      'Zoë Clarke',
    ])
  })

  let codes: Record<string, string>
  it('builds a codebook: the starter codebook from the topic guide, and codes of one’s own', async () => {
    const added = (await (await researcher.call('POST', `${q}/codebook/starter`)).json()) as {
      added: number
    }
    expect(added.added).toBeGreaterThan(10)
    const barriers = (await (
      await researcher.call('POST', `${q}/codes`, {
        name: 'Barriers here',
        isCodable: false,
        color: '#d62728',
      })
    ).json()) as { id: string }
    const transport = (await (
      await researcher.call('POST', `${q}/codes`, {
        name: 'Transport',
        parentId: barriers.id,
        description: 'Getting to services',
      })
    ).json()) as { id: string }
    const capacity = (await (
      await researcher.call('POST', `${q}/codes`, { name: 'Capacity', parentId: barriers.id })
    ).json()) as { id: string }
    const bad = await researcher.call('POST', `${q}/codes`, { name: '', color: 'red' })
    expect(bad.status).toBe(400)
    expect(
      ((await bad.json()) as { issues: { path: string }[] }).issues.map((i) => i.path).sort(),
    ).toEqual(['color', 'name'])
    codes = { barriers: barriers.id, transport: transport.id, capacity: capacity.id }
  })

  it('codes text as two coders, kept apart, with a link to a contact', async () => {
    const ws = (await (await researcher.call('GET', q)).json()) as QualWorkspace
    const text = ws.project.sources.find((x) => x.id === sourceId)!.text
    const at = (phrase: string) => {
      // Offsets are code points: count those before the phrase (the 👍 is two JS units, one code point).
      const start = codePointLength(text.slice(0, text.indexOf(phrase)))
      return { start, end: start + codePointLength(phrase) }
    }
    const transportSpan = at('Transport is a real barrier for patients.')
    const waiting = at('The waiting lists are long.')
    const bank = at('[ALTER A01]')
    const seg = async (
      client: Client,
      span: { start: number; end: number },
      codeIds: string[],
      extra: Json = {},
    ) => {
      const res = await client.call('POST', `${q}/segments`, {
        sourceId,
        ...span,
        codeIds,
        ...extra,
      })
      expect(res.status, await res.clone().text()).toBe(201)
      return (await res.json()) as { id: string; coderId: string }
    }
    const mine = await seg(researcher, transportSpan, [codes.transport!], {
      memo: 'A theme across cases',
    })
    await seg(researcher, waiting, [codes.capacity!])
    await seg(researcher, bank, [codes.capacity!], { link: { kind: 'alter', alterId: 'f1' } })
    await seg(admin, transportSpan, [codes.transport!])
    await seg(admin, waiting, [codes.transport!])
    // Another coder's work cannot be changed.
    const theirs = await admin.call('DELETE', `${q}/segments/${mine.id}`)
    expect(theirs.status).toBe(409)
    // A grouping cannot be applied; a link must point into the case's network.
    expect(
      (
        await researcher.call('POST', `${q}/segments`, {
          sourceId,
          ...waiting,
          codeIds: [codes.barriers],
        })
      ).status,
    ).toBe(400)
    expect(
      (
        await researcher.call('POST', `${q}/segments`, {
          sourceId,
          ...waiting,
          codeIds: [codes.capacity],
          link: { kind: 'alter', alterId: 'c1' },
        })
      ).status,
    ).toBe(404)
    // Quotes about a contact.
    const about = (await (await researcher.call('GET', `${q}/segments?alter=f1`)).json()) as {
      text: string
    }[]
    expect(about.map((x) => x.text)).toEqual(['[ALTER A01]'])
  })

  it('retrieves segments for a code filtered by case attributes', async () => {
    const deprivedRes = await s.clients.viewer.call(
      'GET',
      `${q}/segments?code=${encodeURIComponent('Barriers here')}&where=imd_quintile%3D1`,
    )
    const deprived = (await deprivedRes.json()) as unknown[]
    expect(deprived, JSON.stringify(deprived)).toHaveLength(5)
    const affluent = (await (
      await s.clients.viewer.call(
        'GET',
        `${q}/segments?code=${codes.transport!}&where=imd_quintile%3D5`,
      )
    ).json()) as unknown[]
    expect(affluent).toHaveLength(0)
    const bySize = (await (
      await s.clients.viewer.call(
        'GET',
        `${q}/segments?code=${encodeURIComponent('Barriers here / Transport')}&where=size%3E%3D3`,
      )
    ).json()) as unknown[]
    expect(bySize).toHaveLength(3)
    const bad = await s.clients.viewer.call('GET', `${q}/segments?where=size%20is%20big`)
    expect(bad.status).toBe(400)
    // The starter codebook has a Transport code too: a name that fits two codes asks for the path.
    const twice = await s.clients.viewer.call('GET', `${q}/segments?code=transport`)
    expect(((await twice.json()) as Json).message).toBe('"transport" names 2 codes.')
  })

  it('reports inter-coder agreement per code and pooled, with intervals and the disagreeing units', async () => {
    const r = (await (
      await s.clients.viewer.call('GET', `${q}/agreement?unit=sentence&replicates=200`)
    ).json()) as AgreementReport
    expect(r.coderIds).toHaveLength(2)
    const transport = r.perCode.find((c) => c.code.endsWith('Transport'))!
    // Both coded the transport sentence; only the admin coded "waiting lists" as transport.
    expect(transport.disagreements).toHaveLength(1)
    expect(transport.cohenKappa).not.toBeNull()
    expect(transport.krippendorffAlpha).not.toBeNull()
    expect(r.pooled.ci?.cohenKappa).not.toBeNull()
    const csv = await (await s.clients.viewer.call('GET', `${q}/agreement?format=csv`)).text()
    expect(csv.split('\n')[0]).toMatch(/code/)
  })

  it('draws the framework matrix grouped by IMD quintile, as JSON, CSV, HTML and XLSX', async () => {
    await researcher.call('PUT', `${q}/summaries`, {
      caseId: ((await (await researcher.call('GET', q)).json()) as QualWorkspace).project.cases[0]!
        .id,
      codeId: codes.barriers,
      text: 'Transport and waiting lists',
    })
    const m = (await (
      await s.clients.viewer.call(
        'GET',
        `${q}/matrix?by=imd_quintile&sort=-size&themes=${codes.barriers}`,
      )
    ).json()) as FrameworkMatrix
    expect(m.rows.map((r) => [r.caseName, r.group])).toEqual([
      ['LW01', [1]],
      ['LW02', [5]],
    ])
    expect(m.rows[0]!.cells[0]).toMatchObject({ count: 5, summary: 'Transport and waiting lists' })
    expect(
      await (await s.clients.viewer.call('GET', `${q}/matrix?by=imd_quintile&format=csv`)).text(),
    ).toContain('LW01')
    expect(await (await s.clients.viewer.call('GET', `${q}/matrix?format=html`)).text()).toMatch(
      /^<!doctype html>/i,
    )
    const xlsx = new Uint8Array(
      await (await s.clients.viewer.call('GET', `${q}/matrix?format=xlsx`)).arrayBuffer(),
    )
    expect(Object.keys(unzipSync(xlsx))).toContain('xl/workbook.xml')
    const co = (await (
      await s.clients.viewer.call('GET', `${q}/cooccurrence?unit=sentence`)
    ).json()) as { codes: unknown[] }
    expect(co.codes.length).toBeGreaterThan(0)
  })

  it('exports a .qdpx that validates against the REFI-QDA schema and imports back whole', async () => {
    const res = await researcher.call('GET', `${q}/export?format=qdpx`)
    expect(res.status).toBe(200)
    const bytes = new Uint8Array(await res.arrayBuffer())
    const files = unzipSync(bytes)
    const qde = strFromU8(files['project.qde']!)
    // Cases carry IMD and the network measures as REFI-QDA variables.
    expect(qde).toMatch(/<Variable [^>]*name="imd_quintile"/)
    expect(qde).toMatch(/<Variable [^>]*name="constraint"/)
    const dir = mkdtempSync(join(tmpdir(), 'spnet-qdpx-'))
    writeFileSync(join(dir, 'project.qde'), qde)
    const xsd = join(sharedDir(), 'fixtures/refi-qda-schema/Project.xsd')
    const out = execFileSync('xmllint', ['--noout', '--schema', xsd, join(dir, 'project.qde')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    expect(out).toBe('')
    // Into a fresh study: everything arrives.
    const other = (
      (await (
        await researcher.call('POST', '/api/studies', {
          name: 'Copy',
          protocolId: 'link_worker_networks',
          protocolVersion: 1,
        })
      ).json()) as { id: string }
    ).id
    const imported = await researcher.call('POST', `/api/studies/${other}/qual/import`, {
      fileName: 'copy.qdpx',
      contentBase64: b64(bytes),
    })
    expect(imported.status, await imported.clone().text()).toBe(201)
    const copy = (await (
      await researcher.call('GET', `/api/studies/${other}/qual`)
    ).json()) as QualWorkspace
    const original = (await (await researcher.call('GET', q)).json()) as QualWorkspace
    expect(copy.project.segments).toHaveLength(original.project.segments.length)
    expect(copy.project.sources[0]!.text).toBe(original.project.sources[0]!.text)
    expect(copy.project.codebook.codes).toHaveLength(original.project.codebook.codes.length)
  })

  it('imports projects from other tools, and refuses a damaged one changing nothing', async () => {
    const fixture = readFileSync(join(sharedDir(), 'fixtures/refi-qda/qc-1.3.2_demo.qdpx'))
    const fresh = (
      (await (
        await researcher.call('POST', '/api/studies', {
          name: 'From qc',
          protocolId: 'link_worker_networks',
          protocolVersion: 1,
        })
      ).json()) as { id: string }
    ).id
    const r = (await (
      await researcher.call('POST', `/api/studies/${fresh}/qual/import`, {
        fileName: 'demo.qdpx',
        contentBase64: b64(fixture),
      })
    ).json()) as Json
    expect(r).toMatchObject({ kind: 'project', sources: 2, segments: 158 })
    const before = await (await researcher.call('GET', q)).text()
    const broken = await researcher.call('POST', `${q}/import`, {
      fileName: 'broken.qdpx',
      contentBase64: b64(fixture.subarray(0, 2000)),
    })
    expect(broken.status).toBe(400)
    expect(((await broken.json()) as Json).message).toMatch(/broken\.qdpx/)
    expect(await (await researcher.call('GET', q)).text()).toBe(before)
  })

  it('writes every qualitative change to the audit log', async () => {
    const entries = (await (await admin.call('GET', '/api/audit?limit=1000')).json()) as {
      entity: string
      action: string
    }[]
    const kinds = new Set(
      entries.filter((e) => e.entity.startsWith('qual_')).map((e) => `${e.entity}:${e.action}`),
    )
    for (const k of [
      'qual_source:import transcript',
      'qual_source:pseudonymise',
      'qual_code:create',
      'qual_segment:code',
      'qual_key:read key',
      'qual_project:import project',
    ]) {
      expect(kinds).toContain(k)
    }
  })
})
