import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseSimpleCsv, spnet, tempDir } from './run-cli.js'

let demo: string
beforeAll(async () => {
  demo = join(tempDir('demo'), 'study')
  expect((await spnet(['demo', '--egos', '60', '--seed', '11', '--out', demo])).status).toBe(0)
})

describe('spnet (no command), --help, --version', () => {
  it('prints the commands', async () => {
    const result = await spnet([])
    expect(result.status).toBe(0)
    for (const command of ['quickstart', 'measures', 'compare', 'demo', 'convert', 'paths']) {
      expect(result.stdout).toContain(command)
    }
  })
  it('prints the version from package.json', async () => {
    const pkg = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as {
      version: string
    }
    expect((await spnet(['--version'])).stdout.trim()).toBe(pkg.version)
  })
  it('rejects an unknown command with status 2', async () => {
    const result = await spnet(['measure'])
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/"measure" is not an spnet command/)
  })
  it('every command has --help', async () => {
    for (const command of ['quickstart', 'measures', 'compare', 'demo', 'convert', 'paths']) {
      const result = await spnet([command, '--help'])
      expect(result.status).toBe(0)
      expect(result.stdout).toMatch(new RegExp(`^spnet ${command}`))
    }
  })
})

describe('spnet demo', () => {
  it('is deterministic per seed and different across seeds', async () => {
    const a = join(tempDir(), 'a')
    const b = join(tempDir(), 'b')
    const c = join(tempDir(), 'c')
    await spnet(['demo', '--egos', '25', '--seed', '5', '--out', a])
    await spnet(['demo', '--egos', '25', '--seed', '5', '--out', b])
    await spnet(['demo', '--egos', '25', '--seed', '6', '--out', c])
    for (const file of ['egos.csv', 'alters.csv', 'ties.csv', 'codebook.json']) {
      expect(readFileSync(join(a, file), 'utf8')).toBe(readFileSync(join(b, file), 'utf8'))
    }
    expect(readFileSync(join(a, 'alters.csv'), 'utf8')).not.toBe(
      readFileSync(join(c, 'alters.csv'), 'utf8'),
    )
  })

  it('writes a realistic link-worker study with edge cases', () => {
    const egos = parseSimpleCsv(readFileSync(join(demo, 'egos.csv'), 'utf8'))
    expect(egos).toHaveLength(60)
    expect(new Set(egos.map((e) => e['imd_quintile']))).toEqual(new Set(['1', '2', '3', '4', '5']))
    expect(new Set(egos.map((e) => e['implementation_model'])).size).toBeGreaterThanOrEqual(3)
    const alters = parseSimpleCsv(readFileSync(join(demo, 'alters.csv'), 'utf8'))
    const sizes = new Map<string, number>()
    for (const a of alters) sizes.set(a['ego_id']!, (sizes.get(a['ego_id']!) ?? 0) + 1)
    const sizeOf = (id: string) => sizes.get(id) ?? 0
    for (const n of [0, 1, 2]) expect(egos.some((e) => sizeOf(e['ego_id']!) === n)).toBe(true)
    const ties = parseSimpleCsv(readFileSync(join(demo, 'ties.csv'), 'utf8'))
    expect(new Set(ties.map((t) => t['state']))).toEqual(new Set(['yes', 'no', 'dont_know']))
    expect(alters.some((a) => a['frequency'] === '')).toBe(true)
  })

  it('makes fewer VCSE contacts and sparser networks in more deprived areas', async () => {
    const dir = join(tempDir(), 'big')
    await spnet(['demo', '--egos', '1000', '--seed', '2', '--out', dir])
    const result = await spnet([
      'compare',
      dir,
      '--by',
      'imd_quintile',
      '--format',
      'json',
      '--measures',
      'size,density,prop_org_type_vcse',
    ])
    const comparison = JSON.parse(result.stdout) as {
      measures: { measure: string; groups: { group: string; median: number }[] }[]
    }
    for (const m of comparison.measures) {
      const q1 = m.groups.find((g) => g.group === '1')!.median
      const q5 = m.groups.find((g) => g.group === '5')!.median
      expect(q1, m.measure).toBeLessThan(q5)
    }
  })

  it('refuses to overwrite a study without --force', async () => {
    const result = await spnet(['demo', '--out', demo])
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/--force/)
  })

  it('checks its numbers', async () => {
    expect((await spnet(['demo', '--out', tempDir(), '--egos', 'many'])).status).toBe(2)
    expect((await spnet(['demo', '--out', tempDir(), '--egos', '0'])).status).toBe(2)
    expect((await spnet(['demo', '--out', tempDir(), '--seed', '-1'])).status).toBe(2)
    expect((await spnet(['demo'])).stderr).toMatch(/--out/)
  })
})

describe('spnet compare', () => {
  it('prints readable tables by default, with the Kruskal–Wallis test and composition', async () => {
    const result = await spnet(['compare', demo, '--by', 'imd_quintile', '--pair', '1,5'])
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/## Comparison of egos by imd_quintile/)
    expect(result.stdout).toMatch(/\| density /)
    expect(result.stdout).toMatch(/Wilcoxon rank-sum/)
    expect(result.stdout).toMatch(/Pearson chi-square = [\d.]+, df = 28/)
  })

  it('writes tidy CSV and complete JSON', async () => {
    const csv = await spnet(['compare', demo, '--by', 'implementation_model', '--format', 'csv'])
    expect(csv.status).toBe(0)
    expect(csv.stdout.split('\n')[0]).toBe('analysis,measure,group,statistic,value')
    expect(csv.stdout).toMatch(/^kruskal_wallis,density,all,p,0\.\d+/m)
    expect(csv.stdout).toMatch(/^chi_square,org_type,all,X2,/m)
    const json = JSON.parse(
      (await spnet(['compare', demo, '--by', 'implementation_model', '--format', 'json'])).stdout,
    ) as {
      by: string
      groups: { group: string }[]
    }
    expect(json.by).toBe('implementation_model')
    // Declared codebook order, not alphabetical.
    expect(json.groups.map((g) => g.group)[0]).toBe('pcn')
  })

  it('withholds the summaries of groups with fewer than 3 egos unless asked', async () => {
    const withheld = await spnet([
      'compare',
      demo,
      '--by',
      'implementation_model',
      '--format',
      'json',
      '--min-group-size',
      '10',
    ])
    const c = JSON.parse(withheld.stdout) as {
      groups: { group: string; egos: number; small: boolean }[]
      measures: { groups: { group: string; suppressed: boolean; median: number | null }[] }[]
    }
    const small = c.groups.filter((g) => g.small)
    expect(small.length).toBeGreaterThan(0)
    for (const g of c.measures[0]!.groups) {
      const isSmall = small.some((s) => s.group === g.group)
      expect(g.suppressed).toBe(isSmall)
      if (isSmall) expect(g.median).toBeNull()
    }
    const shown = JSON.parse(
      (
        await spnet([
          'compare',
          demo,
          '--by',
          'implementation_model',
          '--format',
          'json',
          '--min-group-size',
          '10',
          '--show-small-groups',
        ])
      ).stdout,
    ) as typeof c
    expect(shown.measures[0]!.groups.every((g) => !g.suppressed)).toBe(true)
  })

  it('rejects a grouping that does not exist, an unknown pair and an unknown measure', async () => {
    const by = await spnet(['compare', demo, '--by', 'region'])
    expect(by.status).toBe(2)
    expect(by.stderr).toMatch(/imd_quintile/)
    expect((await spnet(['compare', demo, '--by', 'imd_quintile', '--pair', '1,9'])).status).toBe(2)
    expect((await spnet(['compare', demo, '--by', 'imd_quintile', '--pair', '1'])).status).toBe(2)
    const measure = await spnet([
      'compare',
      demo,
      '--by',
      'imd_quintile',
      '--measures',
      'closeness',
    ])
    expect(measure.status).toBe(2)
    expect(measure.stderr).toMatch(/effective_size/)
    expect((await spnet(['compare', demo])).status).toBe(2)
  })
})

describe('spnet convert', () => {
  it('round-trips three files → JSON → three files with identical measures and every tie state', async () => {
    const json = join(tempDir(), 'study.json')
    const back = join(tempDir(), 'back')
    expect((await spnet(['convert', demo, '--to', 'json', '--out', json])).status).toBe(0)
    expect((await spnet(['convert', json, '--to', 'csv', '--out', back])).status).toBe(0)
    const original = await spnet(['measures', demo])
    expect((await spnet(['measures', json])).stdout).toBe(original.stdout)
    expect((await spnet(['measures', back])).stdout).toBe(original.stdout)
    expect(readFileSync(join(back, 'ties.csv'), 'utf8')).toBe(
      readFileSync(join(demo, 'ties.csv'), 'utf8'),
    )
  })

  it('reports problems in a JSON study by path', async () => {
    const bad = join(tempDir(), 'bad.json')
    const { writeFileSync } = await import('node:fs')
    writeFileSync(
      bad,
      JSON.stringify({
        format: 'spnet-study',
        version: 1,
        egos: [{ id: 'E1', alters: [{ id: 'A' }], ties: [{ from: 'A', to: 'Z', state: 'maybe' }] }],
      }),
    )
    const result = await spnet(['measures', bad])
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/at egos\[0\]\.ties\[0\]\.state/)
    writeFileSync(bad, '{"format": "spnet-study",\n "version": 1,\n "egos": [}')
    const syntax = await spnet(['measures', bad])
    expect(syntax.status).toBe(2)
    expect(syntax.stderr).toMatch(/line 3/)
  })
})

describe('spnet quickstart (npm run quickstart)', () => {
  it('writes the demo study to the data directory and prints the summary and comparison', async () => {
    const data = tempDir('data')
    const result = await spnet(['quickstart'], { env: { SPNET_DATA_DIR: data } })
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/20 link workers/)
    expect(result.stdout).toMatch(/## Ego-network measures across the 20 link workers/)
    expect(result.stdout).toMatch(/## Comparison of egos by imd_quintile/)
    expect(readdirSync(join(data, 'demo-study')).sort()).toEqual([
      'alters.csv',
      'codebook.json',
      'egos.csv',
      'measures.csv',
      'ties.csv',
    ])
  })

  it('spnet paths shows SPNET_DATA_DIR', async () => {
    expect((await spnet(['paths'], { env: { SPNET_DATA_DIR: '/srv/spnet' } })).stdout).toContain(
      '/srv/spnet',
    )
  })
})

describe('the built command (dist/spnet.js)', () => {
  const bin = new URL('../../dist/spnet.js', import.meta.url).pathname
  it('runs as a program, with exit status 2 for bad input', () => {
    expect(existsSync(bin)).toBe(true)
    expect(execFileSync(process.execPath, [bin, 'measures', demo]).toString()).toMatch(
      /^ego_id,size/,
    )
    let status = 0
    try {
      execFileSync(process.execPath, [bin, 'measures', demo, '--attr', 'nope'], { stdio: 'pipe' })
    } catch (error) {
      status = (error as { status: number }).status
    }
    expect(status).toBe(2)
  })
})
