import { describe, expect, it } from 'vitest'
import { egoId } from '../../network/ids.js'
import { sampleProject } from '../test-support/sample-project.js'
import { ensureCasesForEgos, measureAttributes, syncCaseAttributes } from './case-attributes.js'

describe('case attributes from the network', () => {
  it('joins measures on ego id, keeps typed attributes, and adds missing cases', () => {
    const s = sampleProject()
    const table = {
      columns: ['ego_id', 'network_size', 'constraint'],
      egoIds: [egoId('LW01'), egoId('LW09')],
      rows: [
        [12, 0.25],
        [3, null],
      ],
    }
    const byEgo = measureAttributes(table)
    expect(byEgo.get('LW09')).toEqual({ network_size: 3, constraint: null })
    const p = syncCaseAttributes(s.project, byEgo)
    expect(p.cases[0]!.attributes).toEqual({
      imd_quintile: 1,
      constraint: 0.25,
      hosting: 'PCN',
      network_size: 12,
    })
    expect(p.cases[1]!.attributes).toEqual(s.project.cases[1]!.attributes)
    const more = ensureCasesForEgos(p, ['LW01', 'LW09', 'LW09'], { newId: s.ids })
    expect(more.cases.map((c) => c.egoId)).toEqual(['LW01', 'LW02', 'LW09'])
    expect(syncCaseAttributes(more, byEgo).cases[2]!.attributes).toEqual({
      network_size: 3,
      constraint: null,
    })
  })
})
