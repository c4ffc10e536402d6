import { describe, expect, it } from 'vitest'
import type { MeasureTable } from '../measures/compute-measures.js'
import { egoId } from '../network/ids.js'
import { formatMeasuresCsv, formatMeasuresJson, formatNumber } from './format-measure-table.js'

const table: MeasureTable = {
  columns: ['ego_id', 'size', 'density'],
  egoIds: [egoId('E1'), egoId('E, "two"')],
  rows: [
    [3, 1 / 3],
    [0, null],
  ],
}

describe('measure output', () => {
  it('writes CSV with NA and full precision, quoting ids when needed', () => {
    expect(formatMeasuresCsv(table)).toBe(
      'ego_id,size,density\nE1,3,0.3333333333333333\n"E, ""two""",0,NA\n',
    )
  })
  it('writes JSON with null', () => {
    expect(JSON.parse(formatMeasuresJson(table))).toEqual([
      { ego_id: 'E1', size: 3, density: 1 / 3 },
      { ego_id: 'E, "two"', size: 0, density: null },
    ])
  })
  it('never writes NaN or -0', () => {
    expect(formatNumber(-0)).toBe('0')
    expect(() => formatNumber(Number.NaN)).toThrow(/NaN/)
  })
})
