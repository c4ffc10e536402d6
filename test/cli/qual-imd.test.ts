import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { csvParseRows } from 'd3-dsv'
import { beforeAll, describe, expect, it } from 'vitest'
import { AreaStore } from '../../src/cli/area/area-store.js'
import { placeArea } from '../../src/core/deprivation/place-area.js'
import { ensureBuiltInProtocol, ensureDemoStudy } from '../../src/server/bootstrap.js'
import { openStore } from '../../src/store/store.js'
import { official } from '../support/area-files.js'
import { spnet, tempDir } from './run-cli.js'

/**
 * `spnet qual matrix --by imd_quintile` on the embedded database reads the
 * cases through the server's code, so a study that places its participants
 * groups them by the computed quintile: here by each link worker's own
 * answer to the protocol's PCN question, as a PCN mean of practice scores.
 */
describe('spnet qual matrix on a study that places its participants', () => {
  let dir: string
  let env: Record<string, string>
  const pcnOf = new Map<string, string>()
  beforeAll(async () => {
    dir = tempDir('qual-imd')
    env = { SPNET_DATA_DIR: join(dir, 'data') }
    const store = await openStore({ dataDir: join(dir, 'data', 'db') })
    await ensureBuiltInProtocol(store)
    const id = (await ensureDemoStudy(store, 6))!
    await store.studies.setDeprivation({ kind: 'system' }, id, {
      by: 'pcn_code',
      method: 'pcn-mean',
      edition: 2019,
    })
    for (const i of await store.interviews.ofStudy(id, false))
      pcnOf.set(i.label, String(i.state.ego['pcn_code']))
    await store.close()
    const imported = await spnet(
      ['area', 'import', official.fingertips(), official.pcnDetails(), official.pcnMembers()],
      { env },
    )
    expect(imported.status, imported.stderr).toBe(0)
  }, 120_000)

  it('groups the cases by the quintile of their PCN', async () => {
    const r = await spnet(['qual', 'matrix', '--by', 'imd_quintile', '--out', 'm.csv'], {
      env,
      cwd: dir,
    })
    expect(r.status, r.stderr).toBe(0)
    const [head, ...rows] = csvParseRows(readFileSync(join(dir, 'm.csv'), 'utf8').trim())
    expect(head!.slice(0, 2)).toEqual(['imd_quintile', 'case'])
    const { data } = await new AreaStore(join(dir, 'data', 'area')).load()
    // Participants who have started their interview answered the PCN question.
    expect(pcnOf.size).toBeGreaterThanOrEqual(4)
    for (const [label, pcn] of pcnOf) {
      const placed = placeArea(data, 'pcn-mean', pcn, 2019)
      expect(placed.ok, `${label} ${pcn}`).toBe(true)
      const row = rows.find((x) => x[1] === label)!
      expect(row[0], label).toBe(placed.ok ? String(placed.value.quintile) : '')
    }
  }, 120_000)
})
