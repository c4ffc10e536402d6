import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spnet, tempDir } from '../cli/run-cli.js'
import { freshDatabase } from '../support/databases.js'
import { sharedDir } from '../support/shared-dir.js'

/**
 * Server mode: with DATABASE_URL set, `spnet area import` stores the
 * reference data in PostgreSQL (every spnet server sharing the database sees
 * it), and lookups and enrich read it from there.
 */
describe('area reference data in the database (DATABASE_URL)', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>
  let env: Record<string, string>
  const data = join(sharedDir(), 'data')
  beforeAll(async () => {
    db = await freshDatabase()
    env = { DATABASE_URL: db.url, SPNET_DATA_DIR: tempDir('area-db') }
  })
  afterAll(() => db.drop())

  it('imports the official files into the database, lists them, and looks up from them', async () => {
    const imported = await spnet(
      [
        'area',
        'import',
        join(data, 'iod2019/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv.gz'),
        join(data, 'iod2025/File_1_IoD2025_Index_of_Multiple_Deprivation.csv'),
        join(data, 'gp_practices/epraccur.csv'),
        join(data, 'gp_practices/gp_practice_imd_score_fingertips_93553.csv'),
      ],
      { env },
    )
    expect(imported.status, imported.stderr).toBe(0)
    const status = await spnet(['area', 'status'], { env })
    expect(status.stdout).toContain('Area reference data in PostgreSQL at postgres://')
    expect(status.stdout).toMatch(/32,844/)
    expect(status.stdout).toMatch(/33,755/)
    expect(status.stdout).not.toContain(env['SPNET_DATA_DIR'])
    for (const edition of ['2019', '2025']) {
      const jaywick = await spnet(['area', 'lookup', 'E01021988', '--edition', edition], { env })
      expect(jaywick.status, jaywick.stderr).toBe(0)
      expect(jaywick.stdout).toMatch(/E01021988.*\| *1 *\| *1 *\| *1 *\|/)
    }
  }, 120_000)

  it('changes nothing when a file is not what it should be', async () => {
    const before = (await spnet(['area', 'status'], { env })).stdout
    const bad = await spnet(['area', 'import', join(data, 'iod2025/PROVENANCE.md')], { env })
    expect(bad.status).toBe(2)
    expect((await spnet(['area', 'status'], { env })).stdout).toBe(before)
  }, 60_000)

  it('places demo link workers by practice from the database', async () => {
    const dir = tempDir('area-db-demo')
    expect(
      (await spnet(['demo', '--egos', '20', '--seed', '1', '--out', join(dir, 'study')], { env }))
        .status,
    ).toBe(0)
    const r = await spnet(
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
        join(dir, 'placed'),
      ],
      { env },
    )
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout + r.stderr).toMatch(/20 of 20|placed 20/i)
  }, 120_000)
})
