import { describe, expect, it } from 'vitest'
import { generateDemoStudy } from '../demo/generate-demo.js'
import { formatStudyJson, importStudyJson } from './study-json.js'

const valid = {
  format: 'spnet-study',
  version: 1,
  generators: ['work_contact', 'refers_to'],
  egos: [
    {
      id: 'E1',
      attributes: { sector: 'vcse', imd_quintile: 2 },
      alters: [
        { id: 'A', attributes: { org_type: 'vcse' }, frequency: 4, generators: ['refers_to'] },
        {
          id: 'B',
          attributes: { org_type: 'primary_care' },
          generators: ['work_contact', 'refers_to'],
        },
        { id: 'C' },
      ],
      ties: [
        { from: 'A', to: 'B' },
        { from: 'C', to: 'A', state: 'dont_know', weight: 2 },
      ],
    },
    { id: 'E2' },
  ],
}

function load(value: unknown, text = JSON.stringify(value, null, 2)) {
  return importStudyJson({ name: 'study.json', text })
}

describe('importStudyJson', () => {
  it('reads a study: ids, attributes, frequency, generators in study order, tie states', () => {
    const result = load(valid)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const [e1, e2] = result.value.networks
    expect(e1!.alters.map((a) => a.generators)).toEqual([
      ['refers_to'],
      ['work_contact', 'refers_to'],
      [],
    ])
    expect(e1!.alters[1]!.frequency).toBeNull()
    expect(e1!.ties).toEqual([
      { from: 0, to: 1, state: 'yes', weight: null },
      { from: 2, to: 0, state: 'dont_know', weight: 2 },
    ])
    expect(e2!.alters).toEqual([])
    expect(result.value.codebook.ego['imd_quintile']?.type).toBe('numeric')
    expect(result.value.codebook.alter['frequency']?.type).toBe('numeric')
  })

  it('round-trips the demo study exactly', () => {
    const study = generateDemoStudy({ egos: 15, seed: 4 })
    const text = formatStudyJson(study)
    const back = importStudyJson({ name: 'demo.json', text })
    expect(back.ok).toBe(true)
    if (!back.ok) return
    expect(back.value.networks).toEqual(study.networks)
    expect(formatStudyJson(back.value)).toBe(text)
  })

  it('reports a syntax error with its line and character', () => {
    const result = load(null, '{\n  "format": "spnet-study",\n  "egos": [1, 2,]\n}')
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.issues[0]).toMatchObject({ file: 'study.json', line: 3, char: 17 })
  })

  it('reports schema problems with their path and line', () => {
    const bad = structuredClone(valid) as unknown as {
      egos: { alters: { frequency: unknown }[] }[]
    }
    bad.egos[0]!.alters[0]!.frequency = 'often'
    const result = load(bad)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.issues[0]).toMatchObject({ path: 'egos[0].alters[0].frequency', line: 21 })
  })

  it('rejects a file that is not an spnet study, or a later version', () => {
    for (const value of [{ ...valid, format: 'other' }, { ...valid, version: 2 }, [], 'x']) {
      const result = load(value)
      expect(result.ok).toBe(false)
    }
  })

  it('refuses more name generators than a generator mask holds', () => {
    const many = Array.from({ length: 31 }, (_, g) => `g${g}`)
    const result = load({ ...valid, generators: many })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.issues).toContainEqual(
      expect.objectContaining({
        path: 'generators',
        message: '31 name generators are listed; spnet handles up to 30.',
      }),
    )
  })

  it('checks the links: duplicate ids, unknown alters, self-ties, repeated pairs, unknown generators, codebook values', () => {
    const bad = structuredClone(valid) as typeof valid & { codebook: unknown }
    bad.codebook = { ego: { sector: { type: 'categorical', levels: ['primary_care'] } }, alter: {} }
    const e1 = bad.egos[0]!
    e1.alters!.push({ id: 'A' })
    e1.alters![0]!.generators = ['advice']
    e1.ties!.push({ from: 'A', to: 'Z' }, { from: 'B', to: 'B' }, { from: 'B', to: 'A' })
    bad.egos.push({ id: 'E2' })
    const result = load(bad)
    expect(result.ok).toBe(false)
    if (result.ok) return
    const paths = result.error.issues.map((i) => i.path)
    expect(paths).toEqual([
      'egos[0].attributes.sector',
      'egos[0].alters[0].generators[0]',
      'egos[0].alters[3].id',
      'egos[0].ties[2].to',
      'egos[0].ties[3]',
      'egos[0].ties[4]',
      'egos[2].id',
    ])
    expect(result.error.issues.every((i) => typeof i.line === 'number')).toBe(true)
  })
})
