import { describe, expect, it } from 'vitest'
import type { Cell } from './cells.js'
import {
  PostcodeIndexBuilder,
  postcodeColumns,
  postcodeIndex,
  postcodeKey,
  type PostcodeColumns,
} from './postcode-file.js'

/** NSPL-like header (a subset, in the NSPL's order). */
const nsplHeader = [
  'pcd',
  'pcd2',
  'pcds',
  'dointr',
  'doterm',
  'usertype',
  'oa21',
  'laua',
  'ctry',
  'rgn',
  'lsoa11',
  'msoa11',
  'lsoa21',
  'msoa21',
  'imd',
]

/** ONSPD-like header with year-coded names. */
const onspdHeader = [
  'PCD7',
  'PCD8',
  'PCDS',
  'DOINTR',
  'DOTERM',
  'USRTYPIND',
  'LAD25CD',
  'CTRY25CD',
  'LSOA11CD',
  'LSOA21CD',
]

/** PCD_OA21_LSOA21_MSOA21_LAD lookup header: no country, no LSOA 2011. */
const pcdOa21Header = [
  'pcd7',
  'pcd8',
  'pcds',
  'dointr',
  'doterm',
  'usertype',
  'oa21cd',
  'lsoa21cd',
  'msoa21cd',
  'ladcd',
  'lsoa21nm',
  'msoa21nm',
  'ladnm',
  'ladnmw',
]

describe('postcodeColumns', () => {
  it('NSPL-like: pcd, doterm, ctry, lsoa11, lsoa21', () => {
    expect(postcodeColumns(nsplHeader)).toEqual({
      postcode: 0,
      lsoa21: 12,
      lsoa11: 10,
      terminated: 4,
      country: 8,
    })
  })

  it('ONSPD-like, upper case: PCD7, DOTERM, CTRY25CD, LSOA11CD, LSOA21CD', () => {
    expect(postcodeColumns(onspdHeader)).toEqual({
      postcode: 0,
      lsoa21: 9,
      lsoa11: 8,
      terminated: 4,
      country: 7,
    })
  })

  it('PCD_OA21-like: pcd7, doterm, lsoa21cd; no country or LSOA 2011 column', () => {
    expect(postcodeColumns(pcdOa21Header)).toEqual({
      postcode: 0,
      lsoa21: 7,
      lsoa11: -1,
      terminated: 4,
      country: -1,
    })
  })

  it('pcds alone, or a "postcode" column, is the postcode', () => {
    expect(postcodeColumns(['lsoa11', 'pcds'])?.postcode).toBe(1)
    expect(postcodeColumns(['Postcode', 'LSOA21CD'])?.postcode).toBe(0)
  })

  it('null without a postcode column or without any LSOA column', () => {
    expect(postcodeColumns(['lsoa21', 'ctry'])).toBeNull()
    expect(postcodeColumns(['pcds', 'ctry', 'oa21', 'msoa21'])).toBeNull()
  })
})

describe('postcodeKey', () => {
  it('upper case, no spaces, padded to 7', () => {
    expect(postcodeKey('sw1a 1aa')).toBe('SW1A1AA')
    expect(postcodeKey('N1  0AA')).toBe('N10AA  ')
    expect(postcodeKey(' m1 1ae ')).toBe('M11AE  ')
  })
})

function buildIndex(header: readonly Cell[], rows: readonly (readonly Cell[])[]) {
  const cols = postcodeColumns(header)
  if (cols === null) throw new Error('no postcode columns')
  const builder = new PostcodeIndexBuilder()
  const problems = rows.map((r) => builder.add(r, cols))
  const built = builder.finish()
  return { builder, problems, built, index: postcodeIndex(built.bytes, built.lsoas) }
}

describe('PostcodeIndexBuilder and postcodeIndex: NSPL-like rows', () => {
  // Unsorted; SW1A 1AA appears twice (the later row wins); one terminated row.
  const rows: Cell[][] = [
    [
      'SW1A1AA',
      'SW1A 1AA',
      'SW1A 1AA',
      '198001',
      '',
      '0',
      'E00023938',
      'E09000033',
      'E92000001',
      'E12000007',
      'E01004736',
      'E02000977',
      'E01004736',
      'E02000977',
      29_000,
    ],
    [
      'CF101AA',
      'CF10 1AA',
      'CF10 1AA',
      '198001',
      '',
      '0',
      'W00009000',
      'W06000015',
      'W92000004',
      'W99999999',
      'W01001870',
      'W02000400',
      'W01001870',
      'W02000400',
      '',
    ],
    [
      'N1  0AA',
      'N1  0AA',
      'N1 0AA',
      '198001',
      202005,
      '0',
      'E00000001',
      'E09000019',
      'E92000001',
      'E12000007',
      'E01002700',
      'E02000550',
      'E01033500',
      'E02000550',
      '',
    ],
    [
      'EH1 1AA',
      'EH1  1AA',
      'EH1 1AA',
      '198001',
      '',
      '0',
      'S00000001',
      'S12000036',
      'S92000003',
      'S99999999',
      'S01008677',
      'S02001600',
      '',
      '',
      '',
    ],
    [
      'BT1 1AA',
      'BT1  1AA',
      'BT1 1AA',
      '198001',
      '',
      '0',
      'N00000001',
      'N09000003',
      'N92000002',
      'N99999999',
      '95AA01S1',
      '',
      '',
      '',
      '',
    ],
    [
      'SW1A1AA',
      'SW1A 1AA',
      'SW1A 1AA',
      '198001',
      '',
      '0',
      'E00023938',
      'E09000033',
      'E92000001',
      'E12000007',
      'E01004736',
      'E02000977',
      'E01035001',
      'E02000977',
      29_000,
    ],
    [
      'JE2 3AB',
      'JE2  3AB',
      'JE2 3AB',
      '198001',
      '',
      '0',
      'L99999999',
      'L99999999',
      'L93000001',
      'L99999999',
      'L99999999',
      '',
      '',
      '',
      '',
    ],
    [
      'M1  1AE',
      'M1  1AE',
      'M1 1AE',
      '199001',
      '',
      '0',
      'E00025000',
      'E08000003',
      'E92000001',
      'E12000002',
      'E01005000',
      'E02001000',
      'E01005001',
      'E02001000',
      '',
    ],
  ]
  const { problems, built, index, builder } = buildIndex(nsplHeader, rows)

  it('accepts every row; eight rows, seven postcodes after the duplicate is dropped', () => {
    expect(problems).toEqual([null, null, null, null, null, null, null, null])
    expect(builder.count).toBe(8)
    expect(built.count).toBe(7)
    expect(built.bytes.length).toBe(7 * 20)
  })

  it('a repeated postcode: the last row wins', () => {
    expect(index.find('SW1A 1AA')).toEqual({
      postcode: 'SW1A 1AA',
      nation: 'england',
      lsoa21: 'E01035001',
      lsoa11: 'E01004736',
      terminated: null,
    })
  })

  it('finds a postcode whatever its spacing and case', () => {
    for (const q of ['sw1a1aa', 'SW1A  1AA', ' sw1a 1aa ', 'Sw1A1aA']) {
      expect(index.find(q)?.lsoa21).toBe('E01035001')
    }
    expect(index.find('m11ae')?.lsoa11).toBe('E01005000')
  })

  it('null for postcodes not in the index', () => {
    expect(index.find('SW1A 2AA')).toBeNull()
    expect(index.find('A1 1AA')).toBeNull() // before the first key
    expect(index.find('ZE1 0AA')).toBeNull() // after the last key
    expect(index.find('')).toBeNull()
  })

  it('terminated postcodes keep their yyyymm date and LSOAs', () => {
    expect(index.find('N1 0AA')).toEqual({
      postcode: 'N1 0AA',
      nation: 'england',
      lsoa21: 'E01033500',
      lsoa11: 'E01002700',
      terminated: '202005',
    })
  })

  it('nation from ctry: E92000001, W92000004, S92000003, N92000002, L93000001 (Channel Islands), other → unknown', () => {
    expect(index.find('SW1A 1AA')?.nation).toBe('england')
    expect(index.find('CF10 1AA')?.nation).toBe('wales')
    expect(index.find('EH1 1AA')?.nation).toBe('scotland')
    expect(index.find('BT1 1AA')?.nation).toBe('northern_ireland')
    expect(index.find('JE2 3AB')?.nation).toBe('channel_islands')
  })

  it('empty LSOA cells are null', () => {
    expect(index.find('EH1 1AA')).toEqual({
      postcode: 'EH1 1AA',
      nation: 'scotland',
      lsoa21: null,
      lsoa11: 'S01008677',
      terminated: null,
    })
  })
})

describe('PostcodeIndexBuilder and postcodeIndex: PCD_OA21-like rows (no ctry)', () => {
  const rows: Cell[][] = [
    [
      'SW1A1AA',
      'SW1A 1AA',
      'SW1A 1AA',
      198001,
      null,
      0,
      'E00023938',
      'E01035001',
      'E02000977',
      'E09000033',
    ],
    [
      'CF101AA',
      'CF10 1AA',
      'CF10 1AA',
      198001,
      null,
      0,
      'W00009000',
      'W01001870',
      'W02000400',
      'W06000015',
    ],
    ['AB101AA', 'AB10 1AA', 'AB10 1AA', 198001, 200001, 1, '', '', '', ''],
    ['BT1 1AA', 'BT1  1AA', 'BT1 1AA', 198001, null, 0, '', '', '', ''],
    [
      'N1  9GU',
      'N1  9GU',
      'N1 9GU',
      198001,
      201812,
      0,
      'E00000002',
      'E01000007',
      'E02000001',
      'E09000019',
    ],
    ['XY1 1XY', 'XY1  1XY', 'XY1 1XY', 198001, 'unknown', 0, 'E00000003', 'E01000008', '', ''],
  ]
  const { problems, index } = buildIndex(pcdOa21Header, rows)

  it('accepts every row', () => {
    expect(problems).toEqual([null, null, null, null, null, null])
  })

  it('nation from the LSOA prefix when there is no ctry column; BT → Northern Ireland', () => {
    expect(index.find('SW1A 1AA')?.nation).toBe('england')
    expect(index.find('CF10 1AA')?.nation).toBe('wales')
    expect(index.find('BT1 1AA')?.nation).toBe('northern_ireland')
    // No LSOA and not BT: unknown.
    expect(index.find('AB10 1AA')?.nation).toBe('unknown')
  })

  it('terminated dates: yyyymm numbers kept, live → null, anything else → "unknown date"', () => {
    expect(index.find('N1 9GU')).toEqual({
      postcode: 'N1 9GU',
      nation: 'england',
      lsoa21: 'E01000007',
      lsoa11: null,
      terminated: '201812',
    })
    expect(index.find('AB10 1AA')?.terminated).toBe('200001')
    expect(index.find('SW1A 1AA')?.terminated).toBeNull()
    expect(index.find('XY1 1XY')?.terminated).toBe('unknown date')
  })
})

describe('PostcodeIndexBuilder: ONSPD-like rows and edge cases', () => {
  const cols = postcodeColumns(onspdHeader)!

  it('reads CTRY25CD and both LSOA columns; lower-case LSOAs are upper-cased', () => {
    const builder = new PostcodeIndexBuilder()
    builder.add(
      [
        'B1  1AA',
        'B1   1AA',
        'B1 1AA',
        '198001',
        '',
        '0',
        'E08000025',
        'e92000001',
        'e01009000',
        'e01033600',
      ],
      cols,
    )
    const built = builder.finish()
    expect(postcodeIndex(built.bytes, built.lsoas).find('B1 1AA')).toEqual({
      postcode: 'B1 1AA',
      nation: 'england',
      lsoa21: 'E01033600',
      lsoa11: 'E01009000',
      terminated: null,
    })
  })

  it('a blank postcode cell is skipped; a non-postcode is reported and not added', () => {
    const builder = new PostcodeIndexBuilder()
    expect(builder.add(['', '', '', '', '', '', '', 'E92000001', 'E01000001', ''], cols)).toBeNull()
    expect(builder.add(['A1', '', '', '', '', '', '', 'E92000001', 'E01000001', ''], cols)).toBe(
      '"A1" is not a postcode.',
    )
    expect(builder.count).toBe(0)
    expect(builder.finish().count).toBe(0)
  })

  it('an empty index finds nothing', () => {
    const built = new PostcodeIndexBuilder().finish()
    expect(postcodeIndex(built.bytes, built.lsoas).find('SW1A 1AA')).toBeNull()
  })

  it('shares LSOA codes between postcodes', () => {
    const builder = new PostcodeIndexBuilder()
    builder.add(['M1  1AE', '', '', '', '', '', '', 'E92000001', 'E01005000', 'E01005000'], cols)
    builder.add(['M1  1AF', '', '', '', '', '', '', 'E92000001', 'E01005000', 'E01005000'], cols)
    expect(builder.finish().lsoas).toEqual(['E01005000'])
  })

  it('duplicates in sorted input: the last row wins too', () => {
    const builder = new PostcodeIndexBuilder()
    builder.add(['M1  1AE', '', '', '', '', '', '', 'E92000001', 'E01000001', ''], cols)
    builder.add(['M1  1AE', '', '', '', '', '', '', 'E92000001', 'E01000002', ''], cols)
    builder.add(['M1  1AF', '', '', '', '', '', '', 'E92000001', 'E01000003', ''], cols)
    const built = builder.finish()
    expect(built.count).toBe(2)
    const index = postcodeIndex(built.bytes, built.lsoas)
    expect(index.find('M1 1AE')?.lsoa11).toBe('E01000002')
    expect(index.find('M1 1AF')?.lsoa11).toBe('E01000003')
  })

  // 70,000 postcodes Z00 0AA … Z99 9HJ (100 districts × 10 sectors × 72 units, the
  // first 70,000): more than one 65,536-record block. The LSOA encodes the position.
  const many: string[] = []
  for (let d = 0; d < 100; d++)
    for (let s = 0; s < 10; s++)
      for (const a of 'ABCDEFGH')
        for (const b of 'ABCDEFGHJ') many.push(`Z${String(d).padStart(2, '0')} ${s}${a}${b}`)
  many.length = 70_000
  const lsoaOf = (i: number) => `E01${String(i).padStart(6, '0')}`
  const columns: PostcodeColumns = {
    postcode: 0,
    lsoa21: 1,
    lsoa11: -1,
    terminated: -1,
    country: -1,
  }
  const wrongIn = (order: 'forward' | 'reverse') => {
    const builder = new PostcodeIndexBuilder()
    const positions = many.map((_, i) => (order === 'forward' ? i : many.length - 1 - i))
    for (const i of positions) builder.add([many[i]!, lsoaOf(i)], columns)
    const built = builder.finish()
    const index = postcodeIndex(built.bytes, built.lsoas)
    return {
      count: built.count,
      wrong: many.filter((p, i) => index.find(p)?.lsoa21 !== lsoaOf(i)),
      sample: index.find('Z42 3CD'),
    }
  }

  it.each(['forward', 'reverse'] as const)(
    '70,000 postcodes in %s order, across two blocks, are all found',
    (order) => {
      const { count, wrong, sample } = wrongIn(order)
      expect(count).toBe(70_000)
      expect(wrong).toEqual([])
      // Z42 3CD: position 42·720 + 3·72 + 2·9 + 3 = 30,240 + 216 + 18 + 3 = 30,477.
      expect(sample).toEqual({
        postcode: 'Z42 3CD',
        nation: 'england',
        lsoa21: 'E01030477',
        lsoa11: null,
        terminated: null,
      })
    },
  )
})
