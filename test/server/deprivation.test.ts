import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { csvParse } from 'd3-dsv'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MeasureTableJson, ParticipantDetail, StudyPage } from '../../src/core/api/api.js'
import type { QualWorkspace } from '../../src/core/api/qual-api.js'
import type { Comparison } from '../../src/core/compare/compare-groups.js'
import { imdFieldNames } from '../../src/core/deprivation/imd-fields.js'
import { checkReferenceData, placeArea } from '../../src/core/deprivation/place-area.js'
import { DbAreaStore } from '../../src/cli/area/db-area-store.js'
import { importAreaFiles } from '../../src/cli/area/import-area-files.js'
import type { Io } from '../../src/cli/io.js'
import { areaCache, type AreaCache } from '../../src/server/area-cache.js'
import { ensureDemoStudy } from '../../src/server/bootstrap.js'
import { spnet, tempDir } from '../cli/run-cli.js'
import { official, readCsv } from '../support/area-files.js'
import { testServer, type TestServer } from '../support/test-server.js'

/**
 * A study's deprivation setting on the server: the demo study (whose
 * participants carry their practice code, and an IMD decile typed by hand
 * from the same OHID scores) placed by practice-weighted IMD 2019 with the
 * official files in ../shared/data, imported into the server's own
 * area_datasets table as `spnet area import` does with DATABASE_URL.
 */
describe('placing a study’s participants on the IMD', () => {
  let s: TestServer
  let areas: AreaCache
  let studyId: string
  let page: StudyPage
  const io: Io = {
    stdout: { write: () => undefined },
    stderr: { write: () => undefined },
    env: {},
    cwd: process.cwd(),
  }
  const importFiles = (...paths: string[]) =>
    importAreaFiles(
      paths.map((path) => ({ path })),
      io,
      new DbAreaStore(s.store, 'the test database'),
    )
  const setting = { by: 'practice_code', method: 'practice-weighted', edition: 2019 } as const
  const get = async <T>(path: string, who: 'viewer' | 'researcher' | 'admin' = 'viewer') => {
    const res = await s.clients[who].call('GET', path)
    expect(res.status, path).toBe(200)
    return (await res.json()) as T
  }
  const byLabel = (p: StudyPage) => new Map(p.participantList.map((x) => [x.label, x]))

  beforeAll(async () => {
    s = await testServer(
      {},
      {
        areas: (store) => (areas = areaCache(areaSourceOf(new DbAreaStore(store, 'the test db')))),
      },
    )
    studyId = (await ensureDemoStudy(s.store, 12))!
    const list = (await get<StudyPage>(`/api/studies/${studyId}`)).participantList
    // One practice no list has, one participant with none, one decile typed wrongly by hand.
    const attrs = (label: string) => list.find((p) => p.label === label)!
    const patch = (label: string, attributes: Record<string, unknown>) =>
      s.clients.researcher.call('PATCH', `/api/participants/${attrs(label).id}`, { attributes })
    await patch('LW002', { ...attrs('LW002').attributes, practice_code: 'Z99999' })
    await patch('LW003', { imd_decile: 4 })
    await patch('LW001', { ...attrs('LW001').attributes, imd_quintile: 5, imd_decile: 10 })
  }, 120_000)
  afterAll(() => s.close())

  it('takes a setting from researchers only, and puts each problem on its field', async () => {
    const url = `/api/studies/${studyId}/deprivation`
    expect((await s.clients.viewer.call('PUT', url, setting)).status).toBe(403)
    const bad = await s.clients.researcher.call('PUT', url, {
      by: 'Practice code',
      method: 'wards',
      edition: 2020,
    })
    expect(bad.status).toBe(400)
    const body = (await bad.json()) as { issues: { path: string }[] }
    expect(body.issues.map((i) => i.path).sort()).toEqual(['by', 'edition', 'method'])
    const circular = await s.clients.researcher.call('PUT', url, { ...setting, by: 'imd_decile' })
    expect(((await circular.json()) as { issues: { path: string }[] }).issues[0]?.path).toBe('by')
    expect((await get<StudyPage>(`/api/studies/${studyId}`)).deprivationSetting).toBeNull()
    const ok = await s.clients.researcher.call('PUT', url, setting)
    expect(ok.status).toBe(200)
    const [audit] = await s.store.audit.list({ entity: 'study', entityId: studyId })
    expect(audit).toMatchObject({ action: 'update', after: { deprivation: setting } })
  })

  it('with no reference data, says what to load on the study page, not an error', async () => {
    page = await get<StudyPage>(`/api/studies/${studyId}`)
    expect(page.deprivation?.problem).toEqual({
      message: 'No area reference data is loaded.',
      // Researchers read it: the commands are said to be for whoever runs the server.
      fix: expect.stringMatching(
        /^Whoever runs this spnet server can load it with spnet area download, or spnet area import FILE\.\.\./,
      ),
    })
    expect(page.deprivation?.placed).toBe(0)
    for (const p of page.participantList)
      expect(page.deprivation?.participants[p.id]).toMatchObject({ placed: false })
  })

  it('names the missing file as enrich does when another is loaded', async () => {
    await importFiles(official.epraccur(), official.iod2019File1())
    page = await get<StudyPage>(`/api/studies/${studyId}`)
    const loaded = await areas.current()
    const ready = checkReferenceData(loaded.data, setting.method, setting.edition)
    expect(ready.ok).toBe(false)
    if (ready.ok) return
    expect(page.deprivation?.problem?.message).toBe(ready.error.message)
    expect(page.deprivation?.problem?.message).toBe('No practice-level IMD 2019 scores are loaded.')
    expect(page.deprivation?.problem?.fix).toContain(
      `For whoever runs this spnet server: ${ready.error.issues[0]!.fix!}`,
    )
    expect(page.deprivation?.reference.map((r) => r.source).sort()).toEqual([
      'File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv.gz',
      'epraccur.csv',
    ])
  }, 60_000)

  it('places every participant once the scores are loaded, loading the tables once', async () => {
    const before = areas.loads()
    await importFiles(official.fingertips())
    page = await get<StudyPage>(`/api/studies/${studyId}`)
    await get<StudyPage>(`/api/studies/${studyId}`)
    expect(areas.loads()).toBe(before + 1)
    const d = page.deprivation!
    expect(d.problem).toBeNull()
    const participants = byLabel(page)
    // The demo's deciles were typed from the same OHID scores, ranked as enrich ranks them.
    for (const [label, p] of participants) {
      const placed = d.participants[p.id]!
      if (label === 'LW002') {
        expect(placed).toMatchObject({ placed: false, value: 'Z99999' })
        continue
      }
      if (label === 'LW003') {
        expect(placed).toEqual({
          placed: false,
          value: null,
          reason: 'No value to place.',
          fix: null,
        })
        continue
      }
      expect(placed.placed, label).toBe(true)
      if (!placed.placed) continue
      // LW001's were typed wrongly on purpose.
      if (label !== 'LW001')
        expect(placed.fields.imd_decile, label).toBe(p.attributes['imd_decile'])
      expect(placed.fields).toMatchObject({
        imd_quintile: Math.ceil((placed.fields.imd_decile as number) / 2),
        imd_edition: '2019',
        imd_method: 'practice-weighted',
      })
      expect(placed.fields.imd_score).toBe(
        fingertips2019().get(String(p.attributes['practice_code'])),
      )
    }
    expect(d.placed).toBe(participants.size - 2)
    // The reason enrich and spnet area lookup give, from the same tables.
    const z = d.participants[participants.get('LW002')!.id]!
    const lookup = placeArea((await areas.current()).data, setting.method, 'Z99999', 2019)
    expect(lookup.ok).toBe(false)
    expect(!z.placed && z.reason).toBe(!lookup.ok && lookup.error.message)
    expect(!z.placed && z.reason).toBe(
      'Z99999 is not a GP practice in the loaded ODS list or the practice scores.',
    )
  }, 60_000)

  it('shows the computed fields on the participant page, and keeps what was typed by hand', async () => {
    const lw001 = byLabel(page).get('LW001')!
    const detail = await get<ParticipantDetail>(`/api/participants/${lw001.id}`)
    expect(detail.attributes).toMatchObject({ imd_quintile: 5, imd_decile: 10 })
    expect(detail.deprivation?.setting).toEqual(setting)
    expect(detail.deprivation?.placement).toEqual(page.deprivation!.participants[lw001.id])
  })

  it('uses the computed fields, not the typed ones, in comparisons and every export', async () => {
    const placedOf = (label: string) => {
      const p = page.deprivation!.participants[byLabel(page).get(label)!.id]!
      return p.placed ? p.fields : null
    }
    const zip = unzipSync(
      new Uint8Array(
        await (
          await s.clients.researcher.call('GET', `/api/studies/${studyId}/export?format=csv`)
        ).arrayBuffer(),
      ),
    )
    const file = (name: string) =>
      strFromU8(Object.entries(zip).find(([n]) => n.endsWith(name))![1])
    const egos = csvParse(file('/egos.csv'))
    expect(egos.columns.slice(-imdFieldNames.length)).toEqual([...imdFieldNames])
    expect(egos.length).toBeGreaterThan(3)
    for (const row of egos) {
      const fields = placedOf(row['ego_id']!)
      expect(row['imd_quintile'], row['ego_id']).toBe(
        fields === null ? '' : String(fields.imd_quintile),
      )
      expect(row['imd_method']).toBe('practice-weighted')
    }
    const codebook = JSON.parse(file('/codebook.json')) as { ego: Record<string, unknown> }
    expect(codebook.ego['core20']).toMatchObject({ type: 'boolean' })

    const json = (await (
      await s.clients.researcher.call('GET', `/api/studies/${studyId}/export?format=json`)
    ).json()) as { egos: { ego_id: string; attributes?: Record<string, unknown> }[] }
    expect(JSON.stringify(json)).toContain('"imd_method":"practice-weighted"')
    const graphml = await (
      await s.clients.researcher.call('GET', `/api/studies/${studyId}/export?format=graphml`)
    ).text()
    expect(graphml).toMatch(/attr\.name="imd_quintile"/)

    const compare = await get<Comparison>(`/api/studies/${studyId}/compare?by=imd_quintile`)
    const expected = new Map<string, number>()
    for (const row of egos) {
      const q = placedOf(row['ego_id']!)?.imd_quintile
      if (q !== undefined && q !== null) expected.set(String(q), (expected.get(String(q)) ?? 0) + 1)
    }
    expect(new Map(compare.groups.map((g) => [g.group, g.egos]))).toEqual(expected)
    // The analysis page says how the imd_* fields are computed from the study (StudyPage), so
    // the measures' notes do not say it again.
    const measures = await get<MeasureTableJson>(`/api/studies/${studyId}/measures`)
    expect(measures.notes).toEqual([])
  })

  it('gives the cases of the interviews the computed fields', async () => {
    const ws = await get<QualWorkspace>(`/api/studies/${studyId}/qual`)
    for (const p of page.participantList) {
      const kase = ws.project.cases.find((c) => c.egoId === p.label)!
      const placed = page.deprivation!.participants[p.id]!
      expect(kase.attributes['imd_quintile'], p.label).toBe(
        placed.placed ? placed.fields.imd_quintile : null,
      )
      expect(kase.attributes['imd_edition']).toBe('2019')
    }
  })

  it('agrees with spnet enrich on the exported study (all but the sample tertile)', async () => {
    const dir = tempDir('deprivation-enrich')
    const zip = unzipSync(
      new Uint8Array(
        await (
          await s.clients.researcher.call('GET', `/api/studies/${studyId}/export?format=csv`)
        ).arrayBuffer(),
      ),
    )
    mkdirSync(join(dir, 'study'))
    for (const [name, bytes] of Object.entries(zip))
      writeFileSync(join(dir, 'study', name.split('/').pop()!), bytes)
    const env = { SPNET_DATA_DIR: join(dir, 'data') }
    expect((await spnet(['area', 'import', official.fingertips()], { env })).status).toBe(0)
    const enriched = await spnet(
      [
        'enrich',
        join(dir, 'study'),
        '--by',
        'practice_code',
        '--method',
        'practice-weighted',
        '--edition',
        '2019',
        '--out',
        join(dir, 'out'),
      ],
      { env },
    )
    expect(enriched.status, enriched.stderr).toBe(0)
    const ours = csvParse(readFileSync(join(dir, 'study', 'egos.csv'), 'utf8'))
    const theirs = csvParse(readFileSync(join(dir, 'out', 'egos.csv'), 'utf8'))
    const compared = imdFieldNames.filter((f) => f !== 'imd_tertile')
    const pick = (rows: typeof ours) =>
      rows.map((r) =>
        Object.fromEntries(
          compared.map((f) => [
            f,
            // The export leaves a missing value empty, enrich writes NA: both read as missing.
            r[f] === 'NA' ? '' : f === 'core20' ? r[f]!.toLowerCase() : r[f],
          ]),
        ),
      )
    expect(pick(ours)).toEqual(pick(theirs))
  }, 60_000)

  it('loads the tables again when an import changes them, and uses typed values once the setting is off', async () => {
    const before = areas.loads()
    await importFiles(official.fingertips())
    // Requests at the same time share one load.
    await Promise.all([1, 2, 3].map(() => get<StudyPage>(`/api/studies/${studyId}`)))
    expect(areas.loads()).toBe(before + 1)

    expect(
      (await s.clients.admin.call('DELETE', `/api/studies/${studyId}/deprivation`)).status,
    ).toBe(200)
    const off = await get<StudyPage>(`/api/studies/${studyId}`)
    expect(off.deprivation).toBeNull()
    const lw001 = byLabel(off).get('LW001')!
    const ws = await get<QualWorkspace>(`/api/studies/${studyId}/qual`)
    expect(ws.project.cases.find((c) => c.egoId === 'LW001')?.attributes['imd_quintile']).toBe(5)
    expect((await get<ParticipantDetail>(`/api/participants/${lw001.id}`)).deprivation).toBeNull()
  })
})

/** The area store as the server reads it (what serve passes for DATABASE_URL). */
function areaSourceOf(db: DbAreaStore) {
  return { where: 'the test database', manifest: () => db.manifest(), load: () => db.load() }
}

/** OHID Fingertips 93553 practice scores for IMD 2019, read from the file. */
function fingertips2019(): Map<string, number> {
  const [header, ...rows] = readCsv(official.fingertips())
  const at = (name: string) => header!.indexOf(name)
  return new Map(
    rows
      .filter((r) => r[at('Year')] === '2019' && r[at('Value')] !== '')
      .map((r) => [r[at('AreaCode')]!, Number(r[at('Value')])]),
  )
}
