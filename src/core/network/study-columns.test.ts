import { describe, expect, it } from 'vitest'
import { generateDemoStudy } from '../demo/generate-demo.js'
import { assembleStudy } from '../import/assemble-study.js'
import { network } from '../test-support/build-network.js'
import type { Study } from './ego-network.js'
import { columnValue, studyColumns } from './study-columns.js'

const small: Study = {
  codebook: {
    ego: { sector: { type: 'text' } },
    alter: { org_type: { type: 'text' }, frequency: { type: 'numeric' } },
  },
  generators: ['work_contact', 'refers_to'],
  networks: [
    network({
      id: 'E1',
      ego: { sector: 'vcse' },
      alters: { A: { org_type: 'vcse' }, B: { org_type: null }, C: { org_type: 'vcse' } },
      ties: 'A-B',
      frequency: { A: 3, B: null, C: 5 },
      generators: { A: ['work_contact', 'refers_to'], B: ['refers_to'] },
    }),
    network({ id: 'E2', ego: { sector: null }, alters: [] }),
  ],
}

describe('studyColumns', () => {
  it('lays out alters and ties ego by ego, with values coded in order of first appearance', () => {
    const c = studyColumns(small)
    expect(c.egoIds).toEqual(['E1', 'E2'])
    expect([...c.alterStart]).toEqual([0, 3, 3])
    expect([...c.tieStart]).toEqual([0, 1, 1])
    expect(c.alterIds).toEqual(['A', 'B', 'C'])
    const org = c.alterAttributes.find((a) => a.name === 'org_type')!
    expect([...org.codes]).toEqual([0, 1, 0])
    expect(org.values).toEqual(['vcse', null])
    expect([0, 1, 2].map((i) => columnValue(org, i))).toEqual(['vcse', null, 'vcse'])
    expect(c.alterAttributes.map((a) => a.name)).toEqual(['org_type'])
    expect([...c.frequency]).toEqual([3, Number.NaN, 5])
    expect([...c.generatorMasks]).toEqual([0b11, 0b10, 0])
    expect([...c.tieFrom, ...c.tieTo, ...c.tieState]).toEqual([0, 1, 0])
    expect(columnValue(c.egoAttributes[0]!, 1)).toBeNull()
  })

  it('gives back the same study when assembled again', () => {
    expect(assembleStudy(studyColumns(small))).toEqual(small)
    const demo = generateDemoStudy({ egos: 60, seed: 4 })
    expect(assembleStudy(studyColumns(demo))).toEqual(demo)
  })
})

describe('studyColumns limits', () => {
  it('refuses a study with more name generators than a generator mask holds', () => {
    const generators = Array.from({ length: 31 }, (_, g) => `g${g}`)
    expect(() => studyColumns({ ...small, generators })).toThrow(/up to 30/)
  })
})
