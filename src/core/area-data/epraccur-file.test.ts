import { describe, expect, it } from 'vitest'
import { IssueCollector } from '../import/issue-collector.js'
import { epraccurReader, isGpPractice } from './epraccur-file.js'

/** An epraccur row of 27 cells: code, name, postcode (col 10), close date (12), status (13), role (26). */
function row(code: string, status: string, role: string, close = ''): string[] {
  const cells = Array.from({ length: 27 }, () => '')
  cells[0] = code
  cells[1] = `Practice ${code}`
  cells[9] = 'CO15 2ND'
  cells[11] = close
  cells[12] = status
  cells[25] = role
  return cells
}

describe('isGpPractice', () => {
  it('the legacy prescribing setting 4, or the ODS role RO76 alone or among others', () => {
    expect(isGpPractice('4')).toBe(true)
    expect(isGpPractice('RO76')).toBe(true)
    expect(isGpPractice('RO76|RO268')).toBe(true)
    expect(isGpPractice('RO268|RO76')).toBe(true)
    expect(isGpPractice(' ro76 ')).toBe(true)
    expect(isGpPractice('RO268')).toBe(false)
    expect(isGpPractice('RO760')).toBe(false)
    expect(isGpPractice('14')).toBe(false)
    expect(isGpPractice('')).toBe(false)
  })
})

describe('epraccurReader', () => {
  it('the Data Search and Export layout: status words, roles joined by "|"', () => {
    const issues = new IssueCollector()
    const reader = epraccurReader('epraccur.csv', issues)
    reader.row(row('B81042', 'ACTIVE', 'RO76|RO268'), 1)
    reader.row(row('Y00001', 'INACTIVE', 'RO177', '20200101'), 2)
    reader.row(row('D83064', 'DORMANT', 'RO76|RO268'), 3)
    expect(reader.finish()).toEqual({
      kind: 'practices',
      layout: 'data-search-and-export',
      rows: [
        ['B81042', 'Practice B81042', 'CO15 2ND', 'active', true, null],
        ['Y00001', 'Practice Y00001', 'CO15 2ND', 'closed', false, '20200101'],
        ['D83064', 'Practice D83064', 'CO15 2ND', 'dormant', true, null],
      ],
    })
    expect(issues.isEmpty()).toBe(true)
  })

  it('the layout is told from the first row even when it has several roles', () => {
    const reader = epraccurReader('epraccur.csv', new IssueCollector())
    // A one-letter status word cannot tell; the role codes do.
    reader.row(row('B81042', 'A', 'RO76|RO268'), 1)
    expect(reader.finish()).toMatchObject({ layout: 'data-search-and-export' })
  })

  it('the legacy layout: status letters, prescribing setting 4', () => {
    const reader = epraccurReader('epraccur.csv', new IssueCollector())
    reader.row(row('A81001', 'A', '4'), 1)
    reader.row(row('A81002', 'C', '0', '20190331'), 2)
    reader.row(row('A81003', 'P', '4'), 3)
    expect(reader.finish()).toEqual({
      kind: 'practices',
      layout: 'legacy',
      rows: [
        ['A81001', 'Practice A81001', 'CO15 2ND', 'active', true, null],
        ['A81002', 'Practice A81002', 'CO15 2ND', 'closed', false, '20190331'],
        ['A81003', 'Practice A81003', 'CO15 2ND', 'proposed', true, null],
      ],
    })
  })
})
