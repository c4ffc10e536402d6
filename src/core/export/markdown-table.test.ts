import { describe, expect, it } from 'vitest'
import { displayNumber, displayP, markdownTable } from './markdown-table.js'

describe('markdownTable', () => {
  it('pads columns by characters, not bytes, and aligns numbers right', () => {
    expect(
      markdownTable(
        ['a', 'n'],
        [
          ['café', '1'],
          ['x', '−12'],
        ],
        ['l', 'r'],
      ),
    ).toBe('| a    |   n |\n|------|----:|\n| café |   1 |\n| x    | −12 |\n')
  })
})

describe('displayNumber and displayP', () => {
  it('show three significant digits, NA for missing, and small p-values as < 0.001', () => {
    expect([
      displayNumber(24),
      displayNumber(20.75),
      displayNumber(1.5666),
      displayNumber(0.13579),
      displayNumber(-0.045),
      displayNumber(null),
    ]).toEqual(['24', '20.8', '1.57', '0.136', '−0.045', 'NA'])
    expect([displayP(0.0456), displayP(0.0004), displayP(undefined)]).toEqual([
      '0.046',
      '< 0.001',
      'NA',
    ])
  })
})
