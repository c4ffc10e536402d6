import { describe, expect, it } from 'vitest'
import type { Issue } from '../errors.js'
import type { Study } from '../network/ego-network.js'
import { computeMeasures, measureContext } from '../measures/compute-measures.js'
import { assembleStudy } from './assemble-study.js'
import { importThreeFiles, readThreeFiles, type ThreeFileOptions } from './three-files.js'

type Texts = { egos?: string; alters?: string; ties?: string }

const EGOS = 'ego_id,sector,imd_quintile\nE1,vcse,1\nE2,primary_care,5\n'
const ALTERS =
  'ego_id,alter_id,org_type,frequency,work_contact,refers_to\n' +
  'E1,A,vcse,3,1,0\nE1,B,primary_care,5,1,1\nE1,C,vcse,,0,1\nE2,A,local_authority,2,1,0\n'
const TIES = 'ego_id,from,to,state\nE1,A,B,yes\nE1,B,C,dont_know\n'

function run(texts: Texts, options: ThreeFileOptions = {}) {
  return importThreeFiles(
    {
      egos: { name: 'egos.csv', text: texts.egos ?? EGOS },
      alters: { name: 'alters.csv', text: texts.alters ?? ALTERS },
      ties: { name: 'ties.csv', text: texts.ties ?? TIES },
    },
    options,
  )
}

function study(texts: Texts, options: ThreeFileOptions = {}): Study {
  const result = run(texts, options)
  if (!result.ok) throw new Error(JSON.stringify(result.error.issues, null, 2))
  return result.value
}

/** The issues of a failed import; fails the test if the import succeeded. */
function issues(texts: Texts, options: ThreeFileOptions = {}): readonly Issue[] {
  const result = run(texts, options)
  expect(result.ok).toBe(false)
  if (result.ok) return []
  expect(result.error.code).toBe('validation')
  for (const issue of result.error.issues) {
    expect(issue.message.length).toBeGreaterThan(5)
  }
  return result.error.issues
}

function only(texts: Texts, options: ThreeFileOptions = {}): Issue {
  const found = issues(texts, options)
  expect(found).toHaveLength(1)
  return found[0]!
}

describe('importThreeFiles: valid input', () => {
  it('reads egos, alters with tie attributes and generators, and ties with states', () => {
    const s = study({})
    expect(s.networks.map((n) => n.ego.id)).toEqual(['E1', 'E2'])
    const e1 = s.networks[0]!
    expect(e1.ego.attributes).toEqual({ sector: 'vcse', imd_quintile: 1 })
    expect(e1.alters.map((a) => a.id)).toEqual(['A', 'B', 'C'])
    expect(e1.alters[1]).toEqual({
      id: 'B',
      attributes: { org_type: 'primary_care' },
      frequency: 5,
      generators: ['work_contact', 'refers_to'],
    })
    expect(e1.alters[2]!.frequency).toBeNull()
    expect(e1.ties).toEqual([
      { from: 0, to: 1, state: 'yes', weight: null },
      { from: 1, to: 2, state: 'dont_know', weight: null },
    ])
    expect(s.generators).toEqual(['work_contact', 'refers_to'])
    expect(s.codebook.ego['imd_quintile']?.type).toBe('numeric')
    expect(s.codebook.alter['org_type']).toEqual({ type: 'text' })
  })

  it('keeps egos with no alters and alters whose rows are not grouped by ego', () => {
    const s = study({
      egos: 'ego_id\nE1\nE2\nE3\n',
      alters: 'ego_id,alter_id\nE2,X\nE1,A\nE2,Y\nE1,B\n',
      ties: 'ego_id,from,to\nE2,Y,X\nE1,A,B\n',
    })
    expect(s.networks.map((n) => n.alters.map((a) => a.id))).toEqual([['A', 'B'], ['X', 'Y'], []])
    expect(s.networks[1]!.ties).toEqual([{ from: 1, to: 0, state: 'yes', weight: null }])
  })

  it('reads the same study as columns, regrouping rows that are not grouped by ego', () => {
    const files = {
      egos: { name: 'egos.csv', text: 'ego_id\nE1\nE2\nE3\n' },
      alters: {
        name: 'alters.csv',
        text: 'ego_id,alter_id,org_type\nE2,X,a\nE1,A,b\nE2,Y,b\nE1,B,a\n',
      },
      ties: { name: 'ties.csv', text: 'ego_id,from,to\nE2,Y,X\nE1,A,B\n' },
    }
    const columns = readThreeFiles(files)
    if (!columns.ok) throw columns.error
    const c = columns.value
    expect(c.alterIds).toEqual(['A', 'B', 'X', 'Y'])
    expect([...c.alterStart]).toEqual([0, 2, 4, 4])
    expect([...c.alterAttributes[0]!.codes].map((k) => c.alterAttributes[0]!.values[k])).toEqual([
      'b',
      'a',
      'a',
      'b',
    ])
    expect([...c.tieStart]).toEqual([0, 1, 2, 2])
    expect([...c.tieFrom, ...c.tieTo]).toEqual([0, 1, 1, 0])
    const objects = importThreeFiles(files)
    if (!objects.ok) throw objects.error
    expect(assembleStudy(c)).toEqual(objects.value)
    const context = measureContext(c, { attributes: ['org_type'] })
    if (!context.ok) throw context.error
    expect(computeMeasures(c, context.value.context)).toEqual(
      computeMeasures(objects.value, context.value.context),
    )
  })

  it('strips a byte-order mark and reads CRLF line endings', () => {
    const crlf = (t: string) => '\uFEFF' + t.replaceAll('\n', '\r\n')
    const s = study({ egos: crlf(EGOS), alters: crlf(ALTERS), ties: crlf(TIES) })
    expect(s.networks[0]!.alters).toHaveLength(3)
    expect(s.networks[0]!.ego.id).toBe('E1')
    expect(s.networks[1]!.ego.attributes['imd_quintile']).toBe(5)
  })

  it('reads quoted commas, quotes and line breaks inside values', () => {
    const s = study({
      alters:
        'ego_id,alter_id,org_type,note\n' +
        'E1,A,vcse,"Food bank, St Mary\'s"\n' +
        'E1,B,vcse,"Says ""call first""\nthen email"\n' +
        'E1,C,vcse,plain\n',
    })
    const alters = s.networks[0]!.alters
    expect(alters[0]!.attributes['note']).toBe("Food bank, St Mary's")
    expect(alters[1]!.attributes['note']).toBe('Says "call first"\nthen email')
  })

  it('counts lines correctly after a value that spans lines', () => {
    const issue = only({
      alters: 'ego_id,alter_id,org_type,note\nE1,A,vcse,"two\nlines"\nE1,B,vcse,x\nE9,C,vcse,y\n',
      ties: 'ego_id,from,to\nE1,A,B\n',
    })
    expect(issue).toMatchObject({ file: 'alters.csv', line: 5, column: 1, columnName: 'ego_id' })
  })

  it('accepts the tie-state spellings, in any case, and an empty state as yes', () => {
    const s = study({
      alters: 'ego_id,alter_id\nE1,A\nE1,B\nE1,C\nE1,D\nE1,E\n',
      ties: "ego_id,from,to,state\nE1,A,B,YES\nE1,A,C,Don't know\nE1,A,D,dont know\nE1,A,E,not_asked\nE1,B,C,No\nE1,B,D,\n",
    })
    expect(s.networks[0]!.ties.map((t) => t.state)).toEqual([
      'yes',
      'dont_know',
      'dont_know',
      'not_asked',
      'no',
      'yes',
    ])
  })

  it('detects semicolon and tab delimiters from the header', () => {
    const semi = study({
      egos: EGOS.replaceAll(',', ';'),
      alters: ALTERS.replaceAll(',', ';'),
      ties: TIES.replaceAll(',', ';'),
    })
    expect(semi.networks[0]!.alters).toHaveLength(3)
    const tab = study({
      egos: EGOS.replaceAll(',', '\t'),
      alters: ALTERS.replaceAll(',', '\t'),
      ties: TIES.replaceAll(',', '\t'),
    })
    expect(tab.networks[0]!.ties).toHaveLength(2)
  })

  it('uses configured column names', () => {
    const s = study(
      {
        egos: 'egoID,sector\nE1,vcse\n',
        alters: 'egoID,alterID,freq,ng_a\nE1,1,2,1\nE1,2,4,0\n',
        ties: 'egoID,Source,Target,kind\nE1,1,2,no\n',
      },
      {
        columns: {
          egoId: 'egoID',
          alterId: 'alterID',
          from: 'Source',
          to: 'Target',
          state: 'kind',
          frequency: 'freq',
          generators: ['ng_a'],
        },
      },
    )
    expect(s.networks[0]!.alters.map((a) => [a.frequency, a.generators])).toEqual([
      [2, ['ng_a']],
      [4, []],
    ])
    expect(s.networks[0]!.ties[0]!.state).toBe('no')
  })

  it('skips blank lines and tolerates trailing empty fields', () => {
    const s = study({ egos: 'ego_id,sector\n\nE1,vcse,,\n\nE2,vcse\n\n\n' })
    expect(s.networks.map((n) => n.ego.id)).toEqual(['E1', 'E2'])
  })

  it('treats NA and empty cells as missing, and keeps very large and tiny numbers', () => {
    const s = study({
      alters:
        'ego_id,alter_id,frequency,weight_kg\nE1,A,NA,1e300\nE1,B,,-2.5e-300\nE1,C,4,123456789012345\n',
      ties: 'ego_id,from,to,weight\nE1,A,B,1e308\n',
    })
    const alters = s.networks[0]!.alters
    expect(alters.map((a) => a.frequency)).toEqual([null, null, 4])
    expect(alters.map((a) => a.attributes['weight_kg'])).toEqual([
      1e300, -2.5e-300, 123456789012345,
    ])
    expect(s.networks[0]!.ties[0]!.weight).toBe(1e308)
  })

  it('keeps codes that look like numbers as written: leading zeros, ids too long for a number', () => {
    const s = study({
      egos: 'ego_id,code,ods\nE1,00123,12345678901234567890\nE2,01,12345678901234567891\n',
      alters: 'ego_id,alter_id\n',
      ties: 'ego_id,from,to\n',
    })
    expect(s.codebook.ego).toMatchObject({ code: { type: 'text' }, ods: { type: 'text' } })
    expect(s.networks.map((n) => n.ego.attributes)).toEqual([
      { code: '00123', ods: '12345678901234567890' },
      { code: '01', ods: '12345678901234567891' },
    ])
  })

  it('keeps accented names, emoji and long ids as they are', () => {
    const long = 'x'.repeat(5000)
    const s = study({
      egos: `ego_id,sector\n${long},vcse\n`,
      alters: `ego_id,alter_id,org_name\n${long},A,Café Zoë 🌱\n`,
      ties: 'ego_id,from,to\n',
    })
    expect(s.networks[0]!.ego.id).toBe(long)
    expect(s.networks[0]!.alters[0]!.attributes['org_name']).toBe('Café Zoë 🌱')
  })

  it('trims no-break and other Unicode spaces around cells, as around ASCII spaces', () => {
    const s = study({
      egos: 'ego_id,sector\nE1\u00a0,vcse\n',
      alters: 'ego_id,alter_id,org_type\nE1,\u00a0A,vcse\u00a0\nE1,B\u2009,vcse\n',
      ties: 'ego_id,from,to\n\u00a0E1,A\u00a0,\u3000B\n',
    })
    const net = s.networks[0]!
    expect(net.ego.id).toBe('E1')
    expect(net.alters.map((a) => a.id)).toEqual(['A', 'B'])
    expect(net.alters[0]!.attributes['org_type']).toBe('vcse')
    expect(net.ties).toEqual([expect.objectContaining({ from: 0, to: 1, state: 'yes' })])
  })

  it('types undeclared columns: numeric when every value is a number, else text', () => {
    const s = study({ egos: 'ego_id,years,model\nE1,2.5,pcn\nE2,NA,vcse\n' })
    expect(s.codebook.ego).toMatchObject({ years: { type: 'numeric' }, model: { type: 'text' } })
    expect(s.networks[1]!.ego.attributes).toEqual({ years: null, model: 'vcse' })
  })

  it('follows a codebook: categorical levels, booleans, text that looks numeric', () => {
    const s = study(
      { egos: 'ego_id,code,core20\nE1,007,TRUE\nE2,12,false\n' },
      {
        codebook: {
          ego: { code: { type: 'text' }, core20: { type: 'boolean' } },
          alter: {
            org_type: { type: 'categorical', levels: ['vcse', 'primary_care', 'local_authority'] },
          },
        },
      },
    )
    expect(s.networks[0]!.ego.attributes).toEqual({ code: '007', core20: true })
    expect(s.codebook.alter['org_type']).toMatchObject({ type: 'categorical' })
  })
})

describe('importThreeFiles: every problem is reported with file, line, column and a fix', () => {
  it('1. an empty egos file', () => {
    expect(only({ egos: '' })).toMatchObject({
      file: 'egos.csv',
      fix: expect.stringContaining('header'),
    })
  })
  it('2. a file of blank lines and spaces', () => {
    expect(only({ alters: ' \n\n  \n' })).toMatchObject({ file: 'alters.csv' })
  })
  it('3. an empty ties file', () => {
    expect(only({ ties: '' })).toMatchObject({ file: 'ties.csv' })
  })
  it('4. egos with a header and no rows', () => {
    expect(only({ egos: 'ego_id,sector\n' })).toMatchObject({ file: 'egos.csv', line: 2 })
  })
  it('5. a wrong header: no ego_id column', () => {
    const issue = only({ egos: 'id,sector\nE1,vcse\n' })
    expect(issue).toMatchObject({ file: 'egos.csv', line: 1 })
    expect(issue.message).toContain('id, sector')
    expect(issue.fix).toContain('--ego-id-col')
  })
  it('6. no alter_id column', () => {
    expect(only({ alters: 'ego_id,alter\nE1,A\n' })).toMatchObject({
      file: 'alters.csv',
      line: 1,
      fix: expect.stringContaining('--alter-id-col'),
    })
  })
  it('7. no "to" column in ties', () => {
    expect(only({ ties: 'ego_id,from,target\nE1,A,B\n' })).toMatchObject({
      file: 'ties.csv',
      line: 1,
      fix: expect.stringContaining('--to-col'),
    })
  })
  it('8. a column named twice', () => {
    expect(only({ egos: 'ego_id,sector,sector\nE1,a,b\n' })).toMatchObject({
      file: 'egos.csv',
      line: 1,
      column: 3,
      columnName: 'sector',
    })
  })
  it('9. a duplicate ego id names both lines', () => {
    const issue = only({
      egos: 'ego_id\nE1\nE2\nE1\n',
      alters: 'ego_id,alter_id\n',
      ties: 'ego_id,from,to\n',
    })
    expect(issue).toMatchObject({ file: 'egos.csv', line: 4, column: 1 })
    expect(issue.message).toContain('line 2')
  })
  it('10. an empty ego id', () => {
    expect(
      only({
        egos: 'ego_id,sector\n,vcse\nE1,x\n',
        alters: 'ego_id,alter_id\n',
        ties: 'ego_id,from,to\n',
      }),
    ).toMatchObject({ line: 2, column: 1 })
  })
  it('11. an alter of an unknown ego', () => {
    const issue = only({ alters: ALTERS + 'E7,Z,vcse,1,1,0\n' })
    expect(issue).toMatchObject({ file: 'alters.csv', line: 6, column: 1, columnName: 'ego_id' })
    expect(issue.message).toContain('E7')
  })
  it('12. a duplicate alter id within an ego names both lines', () => {
    const issue = only({ alters: ALTERS + 'E1,B,vcse,1,1,0\n' })
    expect(issue).toMatchObject({ file: 'alters.csv', line: 6, column: 2, columnName: 'alter_id' })
    expect(issue.message).toContain('line 3')
  })
  it('13. the same alter id under two egos is fine, an empty one is not', () => {
    expect(only({ alters: ALTERS + 'E2,,vcse,1,1,0\n' })).toMatchObject({ line: 6, column: 2 })
  })
  it('14. a tie from an unknown alter', () => {
    const issue = only({ ties: TIES + 'E1,Q,A,yes\n' })
    expect(issue).toMatchObject({ file: 'ties.csv', line: 4, column: 2, columnName: 'from' })
    expect(issue.message).toContain('"Q"')
  })
  it('15. a tie to an unknown alter (an alter of another ego)', () => {
    expect(only({ ties: 'ego_id,from,to\nE2,A,B\n' })).toMatchObject({
      line: 2,
      column: 3,
      columnName: 'to',
    })
  })
  it('16. a tie of an unknown ego', () => {
    expect(only({ ties: TIES + 'E9,A,B,yes\n' })).toMatchObject({ line: 4, column: 1 })
  })
  it('17. a self-tie', () => {
    const issue = only({ ties: TIES + 'E1,C,C,yes\n' })
    expect(issue).toMatchObject({ line: 4, file: 'ties.csv' })
    expect(issue.message).toContain('itself')
  })
  it('18. a pair listed twice', () => {
    const issue = only({ ties: TIES + 'E1,A,B,yes\n' })
    expect(issue).toMatchObject({ line: 4 })
    expect(issue.message).toContain('line 2')
  })
  it('19. a reversed duplicate pair', () => {
    const issue = only({ ties: TIES + 'E1,B,A,yes\n' })
    expect(issue.line).toBe(4)
    expect(issue.message).toContain('reversed')
  })
  it('20. one pair with two different states names both lines and both states', () => {
    const issue = only({ ties: TIES + 'E1,C,B,no\n' })
    expect(issue.line).toBe(4)
    expect(issue.message).toMatch(/dont_know on line 3 and no here/)
  })
  it('21. an unknown tie state', () => {
    const issue = only({ ties: 'ego_id,from,to,state\nE1,A,B,maybe\n' })
    expect(issue).toMatchObject({
      line: 2,
      column: 4,
      columnName: 'state',
      fix: expect.stringContaining('dont_know'),
    })
  })
  it('22. a frequency that is not a number', () => {
    expect(only({ alters: ALTERS.replace('E1,A,vcse,3', 'E1,A,vcse,weekly') })).toMatchObject({
      file: 'alters.csv',
      line: 2,
      column: 4,
      columnName: 'frequency',
    })
  })
  it('23. a number with thousands separators', () => {
    const issue = only({ egos: 'ego_id,list_size\nE1,"12,345"\nE2,3\n' })
    expect(issue).toMatchObject({ line: 2, column: 2 })
    expect(issue.fix).toContain('thousands')
  })
  it('24. a weight that is not a number', () => {
    expect(only({ ties: 'ego_id,from,to,weight\nE1,A,B,heavy\n' })).toMatchObject({
      line: 2,
      column: 4,
      columnName: 'weight',
    })
  })
  it('25. a number too large to store', () => {
    expect(
      only({ alters: ALTERS.replace('E1,B,primary_care,5', 'E1,B,primary_care,1e400') }).message,
    ).toContain('too large')
  })
  it('26. a name-generator flag that is not 0 or 1', () => {
    expect(
      only({ alters: ALTERS.replace('E1,A,vcse,3,1,0', 'E1,A,vcse,3,maybe,0') }),
    ).toMatchObject({
      line: 2,
      column: 5,
      columnName: 'work_contact',
    })
  })
  it('27. a row with too few values', () => {
    const issue = only({ alters: ALTERS + 'E2,B,vcse\n' })
    expect(issue).toMatchObject({ line: 6 })
    expect(issue.message).toContain('3 values')
  })
  it('28. a row with too many values', () => {
    expect(only({ egos: 'ego_id,sector\nE1,vcse,extra\nE2,x\n' })).toMatchObject({ line: 2 })
  })
  it('29. a quote that is never closed', () => {
    const issue = only({ alters: 'ego_id,alter_id,note\nE1,A,ok\nE1,B,"open\nE1,C,x\n' })
    expect(issue).toMatchObject({ file: 'alters.csv', line: 3, char: 6 })
  })
  it('30. text after a closing quote', () => {
    expect(only({ egos: 'ego_id,sector\nE1,"vcse"x\n' })).toMatchObject({ line: 2, char: 10 })
  })
  it('31. a deprivation decile that is not a number', () => {
    expect(only({ egos: 'ego_id,imd_decile\nE1,high\nE2,3\n' })).toMatchObject({
      line: 2,
      column: 2,
      columnName: 'imd_decile',
    })
  })
  it('32. a deprivation quintile out of range', () => {
    const issue = only({ egos: 'ego_id,imd_quintile\nE1,6\nE2,3\n' })
    expect(issue).toMatchObject({ line: 2, column: 2 })
    expect(issue.fix).toContain('between 1 and 5')
  })
  it('33. a value outside the codebook categories', () => {
    const issue = only(
      { alters: ALTERS.replace('E2,A,local_authority', 'E2,A,council') },
      {
        codebook: {
          ego: {},
          alter: {
            org_type: { type: 'categorical', levels: ['vcse', 'primary_care', 'local_authority'] },
          },
        },
      },
    )
    expect(issue).toMatchObject({ line: 5, column: 3, columnName: 'org_type' })
  })
  it('34. an unnamed column holding values', () => {
    expect(only({ egos: 'ego_id,,sector\nE1,x,vcse\nE2,,vcse\n' })).toMatchObject({
      line: 2,
      column: 2,
    })
  })
  it('35. --generators naming a column that is not there', () => {
    expect(only({}, { columns: { generators: ['work_contact', 'advice'] } }).message).toContain(
      '"advice"',
    )
  })
  it('36. --ego-id naming a column that is not there stops at egos.csv', () => {
    expect(only({}, { columns: { egoId: 'lw' } })).toMatchObject({ file: 'egos.csv', line: 1 })
  })
  it('37. a fractional decile', () => {
    expect(only({ egos: 'ego_id,imd_decile\nE1,2.5\nE2,3\n' }).message).toContain('whole number')
  })
  it('38. many problems at once: all are listed, in file order', () => {
    const found = issues({
      alters: ALTERS + 'E9,Z,vcse,1,1,0\nE1,A,vcse,1,1,0\n',
      ties: TIES + 'E1,A,A,yes\nE1,B,A,yes\n',
    })
    expect(found.map((i) => [i.file, i.line])).toEqual([
      ['alters.csv', 6],
      ['alters.csv', 7],
      ['ties.csv', 4],
      ['ties.csv', 5],
    ])
  })
  it('39b. a repeated pair in a very large ego network (over 128 alters)', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `A${i}`)
    const issue = only({
      alters: `ego_id,alter_id\n${ids.map((id) => `E1,${id}`).join('\n')}\n`,
      ties: 'ego_id,from,to\nE1,A1,A199\nE1,A3,A4\nE1,A199,A1\n',
    })
    expect(issue.line).toBe(4)
    expect(issue.message).toContain('line 2')
  })
  it('40. old-Mac line endings (CR alone) are read like any other', () => {
    const cr = (t: string) => t.replaceAll('\n', '\r')
    const s = study({ egos: cr(EGOS), alters: cr(ALTERS), ties: cr(TIES) })
    expect(s.networks.map((n) => n.alters.length)).toEqual([3, 1])
    expect(s.networks[1]!.ego.attributes).toEqual({ sector: 'primary_care', imd_quintile: 5 })
    expect(s.networks[0]!.ties.map((t) => t.state)).toEqual(['yes', 'dont_know'])
  })
  it('41. a ties file without a state column but with another column is refused', () => {
    const issue = only({ ties: 'ego_id,from,to,tie_state\nE1,A,B,no\n' })
    expect(issue).toMatchObject({
      file: 'ties.csv',
      line: 1,
      fix: expect.stringContaining('--state-col'),
    })
  })
  it('42. columns named in another case are found ("State", "Ego_ID")', () => {
    const s = study({ ties: 'Ego_ID,From,To,State\nE1,A,B,no\n' })
    expect(s.networks[0]!.ties).toEqual([{ from: 0, to: 1, state: 'no', weight: null }])
  })
  it('43. a column named with --state-col, --weight-col or --frequency-col must exist', () => {
    expect(only({}, { columns: { state: 'kind' } }).fix).toContain('--state-col')
    expect(only({}, { columns: { frequency: 'freq' } }).fix).toContain('--frequency-col')
  })
  it('44. the delimiter is read from the header outside quoted names', () => {
    const s = study({ egos: '"ego_id";"note, free text"\nE1;a\nE2;b\n' })
    expect(s.networks[0]!.ego.attributes).toEqual({ 'note, free text': 'a' })
  })
  it("45. rows of empty cells (a spreadsheet's leftovers) are skipped", () => {
    const s = study({ egos: 'ego_id;sector\nE1;vcse\n;\n;;\nE2;vcse\n' })
    expect(s.networks.map((n) => n.ego.id)).toEqual(['E1', 'E2'])
  })
  it('46. a decimal comma gets its own hint', () => {
    expect(
      only({ alters: ALTERS.replace('E1,A,vcse,3,1,0', 'E1,A,vcse,"2,5",1,0') }).fix,
    ).toContain('not a comma (2.5)')
  })
  it('47. BOM and CRLF: problems in two files are all listed, egos, alters then ties, with CRLF-counted lines', () => {
    const crlf = (t: string) => '\ufeff' + t.replaceAll('\n', '\r\n')
    const found = issues({
      alters: crlf(ALTERS.replace('E1,C,vcse,', 'E1,C,vcse,often')),
      ties: crlf(TIES + 'E1,B,A,yes\n'),
    })
    expect(found.map((i) => [i.file, i.line, i.columnName])).toEqual([
      ['alters.csv', 4, 'frequency'],
      ['ties.csv', 4, undefined],
    ])
  })
  it('48. a quoted line break before a problem: the problem keeps its own line', () => {
    const issue = only({
      alters:
        'ego_id,alter_id,note,frequency\nE1,A,"line one\r\nline two, with a comma",1\nE1,B,ok,lots\n',
      ties: 'ego_id,from,to\n',
    })
    expect(issue).toMatchObject({ file: 'alters.csv', line: 4, column: 4 })
  })
  it('49. a number too large to store in a column with no codebook entry', () => {
    const issue = only({ egos: 'ego_id,list_size\nE1,1e999\nE2,3\n' })
    expect(issue).toMatchObject({ line: 2, column: 2, columnName: 'list_size' })
    expect(issue.message).toContain('too large')
  })
  it('50. a row of the wrong width is reported once, not again for its cells', () => {
    const found = issues({ egos: 'ego_id,imd_decile\nE1,high\nE2\n' })
    expect(found.map((i) => i.line)).toEqual([2, 3])
  })
  it('51. an alter row of an unknown ego and a tie naming it: one problem each', () => {
    const found = issues({ alters: ALTERS + 'E3,Z,vcse,1,1,0\n', ties: TIES + 'E3,Z,A,yes\n' })
    expect(found.map((i) => [i.file, i.line, i.column])).toEqual([
      ['alters.csv', 6, 1],
      ['ties.csv', 4, 1],
    ])
  })
  it('52. a tie state that is a number or a word spnet does not know', () => {
    const found = issues({ ties: 'ego_id,from,to,state\nE1,A,B,1\nE1,B,C,unsure\n' })
    expect(found.map((i) => [i.line, i.column])).toEqual([
      [2, 4],
      [3, 4],
    ])
  })
  it('39. a flood of problems is capped at 100 listed, with the total counted', () => {
    const rows = Array.from({ length: 500 }, (_, i) => `E9,A${i},vcse,1,1,0`).join('\n')
    const result = run({ alters: ALTERS + rows + '\n' })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.issues).toHaveLength(100)
      expect(result.error.message).toContain('500 problems')
    }
  })
})

describe('importThreeFiles: columns of mostly distinct values', () => {
  // Past 4,096 distinct values a column of mostly new values (organisation
  // ids) stops being looked up per cell; values and problems must not change.
  const n = 6000
  const egos = 'ego_id\n' + Array.from({ length: 10 }, (_, e) => `E${e}`).join('\n') + '\n'
  const row = (i: number, score: string) =>
    `E${i % 10},A${i},${i % 7 === 0 ? 'ORG1' : `ORG${i}`},${score}`
  const scores = (bad: number) =>
    Array.from({ length: n }, (_, i) => (i === bad || i === bad + 10 ? '1,000' : String(i * 3)))

  it('keeps every value, repeated or not', () => {
    const rows = scores(-100).map((score, i) => row(i, `"${score}"`))
    const s = study({
      egos,
      alters: 'ego_id,alter_id,org_id,score\n' + rows.join('\n') + '\n',
      ties: 'ego_id,from,to\n',
    })
    const alters = s.networks.flatMap((net) => net.alters)
    expect(alters).toHaveLength(n)
    const byId = new Map(alters.map((a) => [String(a.id), a.attributes]))
    for (const i of [0, 1, 7, 4095, 4096, 4097, 5000, 5999]) {
      expect(byId.get(`A${i}`), `A${i}`).toEqual({
        org_id: i % 7 === 0 ? 'ORG1' : `ORG${i}`,
        score: i * 3,
      })
    }
  })
  it('reports a bad value on every line that holds it, before and after', () => {
    const rows = scores(5200).map((score, i) => row(i, `"${score}"`))
    rows[100] = row(100, '"1,000"')
    const found = issues({
      egos,
      alters: 'ego_id,alter_id,org_id,score\n' + rows.join('\n') + '\n',
      ties: 'ego_id,from,to\n',
    })
    expect(found.map((i) => [i.line, i.columnName])).toEqual([
      [102, 'score'],
      [5202, 'score'],
      [5212, 'score'],
    ])
  })
})
