import { describe, expect, it } from 'vitest'
import { dsvFormat } from 'd3-dsv'
import {
  detectDelimiter,
  findQuoteProblem,
  lineAndChar,
  CsvRow,
  readCsv,
  scanUnquoted,
} from './csv-table.js'

function rows(text: string, delimiter?: string) {
  const out: [string[], number][] = []
  const result = readCsv(
    { name: 't.csv', text },
    () => (row, line) => {
      out.push([row.toArray(), line])
    },
    { delimiter },
  )
  return { result, out }
}

describe('readCsv', () => {
  it('gives each row the line it starts on, across quoted line breaks and blank lines', () => {
    const { out } = rows('a,b\n1,"x\ny"\n\n2,z\r\n3,"p\r\nq\r\nr"\n4,w')
    expect(out.map(([f, line]) => [f[0], line])).toEqual([
      ['1', 2],
      ['2', 5],
      ['3', 6],
      ['4', 9],
    ])
  })
  it('reports the header line after leading blank lines', () => {
    const { result } = rows('\n\nego_id\nE1\n')
    expect(result.ok && result.value.header).toEqual({
      columns: ['ego_id'],
      delimiter: ',',
      line: 3,
    })
  })
  it('trims header names and strips a BOM', () => {
    const { result } = rows('\uFEFF ego_id , alter_id\n')
    expect(result.ok && result.value.header.columns).toEqual(['ego_id', 'alter_id'])
  })
  it('rejects an empty file', () => {
    expect(rows('').result.ok).toBe(false)
    expect(rows(' \r\n\t\n').result.ok).toBe(false)
  })
})

describe('detectDelimiter', () => {
  it('prefers a comma, then semicolon, then tab', () => {
    expect(detectDelimiter('a,b;c\n')).toBe(',')
    expect(detectDelimiter('"a";"b"\n1,5;2')).toBe(';')
    expect(detectDelimiter('a\tb\n')).toBe('\t')
    expect(detectDelimiter('a\n')).toBe(',')
  })
})

describe('findQuoteProblem', () => {
  it('accepts valid quoting, doubled quotes and literal quotes inside unquoted fields', () => {
    expect(findQuoteProblem('a,"b,""c"""\n"x\ny",z\n5" tall,w', ',')).toBeNull()
  })
  it('finds an unclosed quote and text after a closing quote', () => {
    expect(findQuoteProblem('a,"b\nc,d', ',')).toEqual({ kind: 'unclosed', offset: 2 })
    expect(findQuoteProblem('a,"b"c,d', ',')).toEqual({ kind: 'after-closing', offset: 5 })
    expect(findQuoteProblem('"a";"b"x', ';')).toEqual({ kind: 'after-closing', offset: 7 })
  })
})

describe('lineAndChar', () => {
  it('is 1-based', () => {
    expect(lineAndChar('ab\ncd', 0)).toEqual({ line: 1, char: 1 })
    expect(lineAndChar('ab\ncd', 4)).toEqual({ line: 2, char: 2 })
  })
})

describe('scanUnquoted', () => {
  const rows = (text: string, delimiter = ',') => {
    const out: string[][] = []
    scanUnquoted(text, delimiter, new CsvRow(), (row) => out.push(row.toArray()))
    return out
  }
  it('gives the rows d3-dsv gives a text without quotes, whatever its line ends', () => {
    for (const text of [
      'a,b\n1,2\n',
      'a,b\r\n1,2\r\n',
      'a,b\r1,2',
      'a,b\n\n1,,2\n,\n',
      'x\n',
      'a;b,c\n1;2,3',
      'a,b\n1,2\r\n3,4\r5,6',
      '',
      ',\n',
      'a,b\n1,',
      'a\n\n',
      '\r\n\r\n,,',
      Array.from({ length: 100 }, (_, i) => i).join(',') + '\nx',
    ]) {
      expect(rows(text), JSON.stringify(text)).toEqual(dsvFormat(',').parseRows(text))
    }
  })
  it('splits by the given delimiter', () => {
    expect(rows('a;b\tc\n1;2\t3', '\t')).toEqual([
      ['a;b', 'c'],
      ['1;2', '3'],
    ])
  })
})

describe('CsvRow', () => {
  const only = (text: string) => {
    let seen: { fields: string[]; cells: string[]; checks: boolean[]; firsts: number[] } | null =
      null
    scanUnquoted(text, ',', new CsvRow(), (row) => {
      seen = {
        fields: row.toArray(),
        cells: [0, 1, 2, 3].map((i) => row.cell(i)),
        checks: [
          row.fieldIs(0, 'yes'),
          row.cellIs(1, 'B'),
          row.fieldIsEmpty(2),
          row.fieldIs(9, ''),
          row.cellIs(9, 'x'),
        ],
        firsts: [0, 1, 2, 9].map((i) => row.firstCharCode(i)),
      }
    })
    return seen
  }
  it('answers for fields and trimmed cells without making strings, past the end too', () => {
    expect(only('yes, B ,')).toEqual({
      fields: ['yes', ' B ', ''],
      cells: ['yes', 'B', '', ''],
      checks: [true, true, true, true, false],
      firsts: [121, 32, Number.NaN, Number.NaN],
    })
    expect(only('ye,B\u00a0,x')).toMatchObject({
      cells: ['ye', 'B\u00a0', 'x', ''],
      checks: [false, false, false, true, false],
    })
  })
})
