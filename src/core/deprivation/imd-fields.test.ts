import { describe, expect, it } from 'vitest'
import type { Study } from '../network/ego-network.js'
import { egoId } from '../network/ids.js'
import { fullData } from '../test-support/deprivation-fixture.js'
import { classifyEgos } from './classify-egos.js'
import { imdFieldNames, imdFields, imdVariables, withImdFields } from './imd-fields.js'

const data = fullData()

describe('imdFields', () => {
  it('gives a placed ego every field enrich writes, and an unplaced one NA with the edition and method', () => {
    // IoD2025 ranks 200 (E01000001, decile 1) and 15,000 (E01035003, decile 5).
    const [a, b, none] = classifyEgos(data, ['E01000001', 'E01035003', null], 'lsoa', 2025)
    expect(imdFields(a!, 'lsoa', 2025)).toEqual({
      imd_score: 65.25,
      imd_rank: 200,
      imd_decile: 1,
      imd_quintile: 1,
      imd_tertile: 1,
      imd_group3: 1,
      core20: true,
      imd_edition: '2025',
      imd_method: 'lsoa',
    })
    expect(imdFields(b!, 'lsoa', 2025)).toMatchObject({
      imd_decile: 5,
      imd_quintile: 3,
      imd_tertile: 2,
      imd_group3: 2,
      core20: false,
    })
    expect(imdFields(none!, 'lsoa', 2025)).toEqual({
      imd_score: null,
      imd_rank: null,
      imd_decile: null,
      imd_quintile: null,
      imd_tertile: null,
      imd_group3: null,
      core20: null,
      imd_edition: '2025',
      imd_method: 'lsoa',
    })
    expect(Object.keys(imdVariables)).toEqual([...imdFieldNames])
  })
})

describe('withImdFields', () => {
  const study: Study = {
    codebook: {
      ego: {
        imd_quintile: { type: 'categorical', levels: ['1', '2'] },
        practice_code: { type: 'text' },
      },
      alter: {},
    },
    generators: [],
    networks: ['LW01', 'LW02'].map((id) => ({
      ego: { id: egoId(id), attributes: { imd_quintile: 4, practice_code: 'A81001' } },
      alters: [],
      ties: [],
    })),
  }

  it('replaces fields typed by hand, keeps the rest, and declares the fields in the codebook', () => {
    const [placed] = classifyEgos(data, ['E01000001'], 'lsoa', 2025)
    const out = withImdFields(
      study,
      new Map([['LW01', imdFields(placed!, 'lsoa', 2025)]]),
      'lsoa',
      2025,
    )
    const [one, two] = out.networks
    expect(one!.ego.attributes).toMatchObject({ practice_code: 'A81001', imd_quintile: 1 })
    // No entry: NA, never the value typed by hand.
    expect(two!.ego.attributes).toMatchObject({ imd_quintile: null, imd_method: 'lsoa' })
    expect(Object.keys(one!.ego.attributes)).toEqual(['practice_code', ...imdFieldNames])
    expect(out.codebook.ego['imd_quintile']).toEqual(imdVariables.imd_quintile)
    expect(out.codebook.ego['practice_code']).toEqual({ type: 'text' })
    // The input is not changed.
    expect(study.networks[0]!.ego.attributes['imd_quintile']).toBe(4)
  })
})
