import { describe, expect, it } from 'vitest'
import { dsvFormat } from 'd3-dsv'
import {
  detectDelimiter,
  findQuoteProblem,
  lineAndChar,
  openCsv,
  trimmed,
  wholeRowsEnd,
  CsvRows,
} from './csv-table.js'

function rows(text: string, delimiter?: string) {
  const out: [string[], number][] = []
  const result = openCsv({ name: 't.csv', text }, { delimiter })
  if (result.ok) while (result.value.next()) out.push([result.value.toArray(), result.value.line])
  return { result, out }
}

/** The header and data rows CsvRows gives, and those d3-dsv gives (blank rows dropped). */
function both(text: string, delimiter = ',') {
  const reader = new CsvRows(text, delimiter, text.includes('"'))
  const got = [reader.header.columns]
  while (reader.next()) got.push(reader.toArray())
  const rows = dsvFormat(delimiter)
    .parseRows(text)
    .filter((r) => r.some((f) => f.trim() !== ''))
  const want = [rows[0]?.map((f) => f.trim()) ?? [], ...rows.slice(1)]
  return { got, want }
}

describe('openCsv', () => {
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

describe('CsvRows', () => {
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
      const { got, want } = both(text)
      expect(got, JSON.stringify(text)).toEqual(want)
    }
  })
  it('splits by the given delimiter', () => {
    expect(both('a;b\tc\n1;2\t3', '\t').got).toEqual([
      ['a;b', 'c'],
      ['1;2', '3'],
    ])
  })
  it('gives the rows d3-dsv gives a quoted text longer than one chunk', () => {
    // Quoted fields holding delimiters, quotes and line breaks of every kind,
    // so that some chunk ends fall inside a quoted field.
    const cells = ['plain', '"a,b"', '"x\ny"', '"say ""hi"""', '"p\r\nq\rr"', '5" tall', '""']
    const lines: string[] = ['id,v,w']
    for (let i = 0; i < 12000; i++) {
      lines.push(`${i},${cells[i % cells.length]!},${cells[(i * 3) % cells.length]!}`)
    }
    const text = lines.map((l, i) => l + (i % 2 === 0 ? '\r\n' : '\n')).join('')
    expect(text.length).toBeGreaterThan(3 * (1 << 16))
    const { got, want } = both(text)
    expect(got.length).toBe(12001)
    expect(got).toEqual(want)
  })
})

describe('wholeRowsEnd', () => {
  it('stops looking for quotes once none is left', () => {
    const text = '"id",v\n' + 'x,1\n'.repeat(1000)
    const quotes = { next: -2 }
    expect(wholeRowsEnd(text, 0, 44, 3, quotes)).toBe(7)
    expect(quotes.next).toBe(-1)
    expect(wholeRowsEnd(text, 7, 44, 10, quotes)).toBe(19)
  })
  it('cuts a quoted text into runs of whole rows that d3-dsv parses as it parses the whole', () => {
    const text = 'a,"b\nc",d\r\n"e""\n",f\n\ng,5"\n"h\r",i\r"j"\n'
    const whole = dsvFormat(',').parseRows(text)
    for (let size = 1; size <= text.length + 1; size++) {
      const parts: string[][] = []
      const quotes = { next: -2 }
      for (let start = 0; start < text.length;) {
        const end = wholeRowsEnd(text, start, 44, size, quotes)
        expect(end).toBeGreaterThan(start)
        // The next opening quote is carried on, never behind the run's end.
        expect(end === text.length || quotes.next === -1 || quotes.next >= end).toBe(true)
        parts.push(...dsvFormat(',').parseRows(text.slice(start, end)))
        start = end
      }
      expect(parts, `size ${size}`).toEqual(whole)
    }
  })
})

describe('trimmed', () => {
  it('trims as String.prototype.trim does, for every character at either end', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c)
      for (const s of [`${ch}x`, `x${ch}`, ch]) {
        if (trimmed(s) !== s.trim()) expect(trimmed(s), `U+${c.toString(16)}`).toBe(s.trim())
      }
    }
  })
  it("agrees with CsvRows' checks that make no string, for every character at either end", () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c)
      // Characters that end a field or a row are not cell text.
      if (ch === ',' || ch === '\n' || ch === '\r' || ch === '"') continue
      const row = new CsvRows(`h\n${ch}B,B${ch}\n`, ',', false)
      if (!row.next()) continue // a row that is only spaces is blank
      const first = `${ch}B`.trim()
      const second = `B${ch}`.trim()
      const agree = row.cellIs(0, first) && row.cellIndex(1, ['x', second]) === 1
      if (!agree) expect([row.cell(0), row.cell(1)], `U+${c.toString(16)}`).toEqual([first, second])
    }
  })
})

describe('CsvRows.flag', () => {
  it('reads 1 and 0 written plainly, and leaves anything else (-1) to the caller, quoted or not', () => {
    for (const quoted of [false, true]) {
      const row = new CsvRows('h\n1,0, 1,10,,yes,0\n', ',', quoted)
      expect(row.next()).toBe(true)
      expect(
        [0, 1, 2, 3, 4, 5, 6, 7].map((i) => row.flag(i)),
        `quoted ${quoted}`,
      ).toEqual([1, 0, -1, -1, -1, -1, 0, -1])
    }
  })
})

describe('CsvRows accessors', () => {
  const only = (text: string) => {
    let seen: { fields: string[]; cells: string[]; checks: boolean[]; firsts: number[] } | null =
      null
    const row = new CsvRows(`h\n${text}`, ',', false)
    while (row.next()) {
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
    }
    return seen
  }
  it('answers for fields and trimmed cells without making strings, past the end too', () => {
    expect(only('yes, B ,')).toEqual({
      fields: ['yes', ' B ', ''],
      cells: ['yes', 'B', '', ''],
      checks: [true, true, true, true, false],
      firsts: [121, 32, Number.NaN, Number.NaN],
    })
    // Unicode spaces are trimmed as String.prototype.trim trims them: a
    // no-break space around an id (left by a spreadsheet) does not make another id.
    expect(only('ye,B\u00a0,x')).toMatchObject({
      cells: ['ye', 'B', 'x', ''],
      checks: [false, true, false, true, false],
    })
    expect(only('ye,\u2007B\u3000,x')).toMatchObject({ cells: ['ye', 'B', 'x', ''] })
    // Letters beyond ASCII are kept, at either end.
    expect(only('ye,\u00c9B\u00e9,x')).toMatchObject({
      cells: ['ye', '\u00c9B\u00e9', 'x', ''],
      checks: [false, false, false, true, false],
    })
  })
})
