import { describe, expect, it } from 'vitest'
import { detectDelimiter } from '../../core/import/csv-table.js'
import { completeUtf8End, CsvRowSplitter } from './csv-rows.js'

/** Splits `text` fed in chunks of `size` bytes; returns [line, fields] of each row. */
function split(input: string | Buffer, size = Number.POSITIVE_INFINITY) {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input
  const splitter = new CsvRowSplitter(detectDelimiter)
  const rows: [number, string[]][] = []
  const onRow = (row: { line: number; fields: () => string[] }) => {
    rows.push([row.line, row.fields()])
  }
  const step = Math.min(size, bytes.length || 1)
  for (let i = 0; i < bytes.length; i += step) splitter.push(bytes.subarray(i, i + step), onRow)
  splitter.end(onRow)
  return { rows, notUtf8: splitter.notUtf8 }
}

const tricky =
  '\uFEFFcode,"name, long","note"\r\n' +
  'E01000001,"City of London 001A","said ""hi"""\r\n' +
  'E01000002,"two\nlines",\r\n' +
  '\r\n' +
  'E01000003,Ynys Môn,"€"\r\n' +
  'E01000004,"",last'

const expected: [number, string[]][] = [
  [1, ['code', 'name, long', 'note']],
  [2, ['E01000001', 'City of London 001A', 'said "hi"']],
  [3, ['E01000002', 'two\nlines', '']],
  [5, ['']],
  [6, ['E01000003', 'Ynys Môn', '€']],
  [7, ['E01000004', '', 'last']],
]

describe('CsvRowSplitter', () => {
  it('quotes, doubled quotes, delimiters and line breaks in fields, CRLF, a BOM, no final line end', () => {
    expect(split(tricky)).toEqual({ rows: expected, notUtf8: false })
  })

  it('gives the same rows whatever the chunk size, down to one byte', () => {
    for (const size of [1, 2, 3, 5, 7, 16, 64])
      expect(split(tricky, size).rows, String(size)).toEqual(expected)
  })

  it('a quote closing a field at a chunk end waits to see whether it is doubled', () => {
    const text = 'a,b\n"x""",y\n'
    const at = text.indexOf('""",') + 1
    const splitter = new CsvRowSplitter(detectDelimiter)
    const rows: string[][] = []
    splitter.push(Buffer.from(text.slice(0, at)), (r) => rows.push(r.fields()))
    splitter.push(Buffer.from(text.slice(at)), (r) => rows.push(r.fields()))
    splitter.end((r) => rows.push(r.fields()))
    expect(rows).toEqual([
      ['a', 'b'],
      ['x"', 'y'],
    ])
  })

  it('semicolons and tabs, told from the header', () => {
    expect(split('a;b\n1;2\n').rows).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
    ])
    expect(split('a\tb\n1\t2,5\n').rows).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2,5']],
    ])
  })

  it('a trailing delimiter is an empty last field; an unclosed quote runs to the end', () => {
    expect(split('a,b,\n1,').rows).toEqual([
      [1, ['a', 'b', '']],
      [2, ['1', '']],
    ])
    expect(split('a,b\n1,"open\nstill').rows).toEqual([
      [1, ['a', 'b']],
      [2, ['1', 'open\nstill']],
    ])
  })

  it('text after a closing quote is dropped, as d3-dsv does', () => {
    expect(split('a,b\n"x"junk,y\n').rows[1]).toEqual([2, ['x', 'y']])
  })

  it('a file that is not UTF-8 is flagged and read as Latin-1, wherever the first bad byte is', () => {
    const latin1 = Buffer.from('name\nYnys Môn\n', 'latin1')
    for (const size of [1, 4, 100]) {
      expect(split(latin1, size), String(size)).toEqual({
        rows: [
          [1, ['name']],
          [2, ['Ynys Môn']],
        ],
        notUtf8: true,
      })
    }
    // A UTF-8 character split across chunks is still UTF-8.
    expect(split('name\nYnys Môn 😀\n', 1).notUtf8).toBe(false)
    // An incomplete sequence at the very end is not.
    expect(split(Buffer.from([0x61, 0x0a, 0x62, 0xc3])).notUtf8).toBe(true)
  })
})

describe('completeUtf8End', () => {
  it('leaves out only an incomplete sequence at the end', () => {
    expect(completeUtf8End(Buffer.from('abc'))).toBe(3)
    expect(completeUtf8End(Buffer.from('aô'))).toBe(3)
    expect(completeUtf8End(Buffer.from('aô').subarray(0, 2))).toBe(1)
    expect(completeUtf8End(Buffer.from('a😀').subarray(0, 4))).toBe(1)
    expect(completeUtf8End(Buffer.from('a😀'))).toBe(5)
    expect(completeUtf8End(Buffer.alloc(0))).toBe(0)
  })
})
