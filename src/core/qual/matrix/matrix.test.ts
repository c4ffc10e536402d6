import { describe, expect, it } from 'vitest'
import { setSummary } from '../coding/edit-project.js'
import { now, sampleProject, unwrap } from '../test-support/sample-project.js'
import { codeCooccurrence } from './code-cooccurrence.js'
import {
  csvCell,
  formatCooccurrenceCsv,
  formatMatrixCsv,
  formatMatrixHtml,
} from './format-matrix.js'
import { compareValues, frameworkMatrix } from './framework-matrix.js'

describe('frameworkMatrix', () => {
  it('puts each case’s coded segments, counts and summaries under each theme', () => {
    const s = sampleProject()
    const p = unwrap(
      setSummary(
        s.project,
        {
          caseId: s.cases.a,
          codeId: s.codes.barriers,
          text: 'No feedback; poor buses.',
          coderId: s.coders.ann,
        },
        { now },
      ),
    )
    const m = frameworkMatrix(p)
    expect(m.themes.map((t) => t.name)).toEqual(['Barriers', 'Support'])
    expect(m.rows.map((r) => r.caseName)).toEqual(['LW01', 'LW02'])
    const [barriersA, supportA] = m.rows[0]!.cells
    // LW01 barriers: Ann feedback, Ann transport, Bob feedback, Bob transport+support (sub-codes count).
    expect(barriersA!.count).toBe(4)
    expect(barriersA!.sources).toBe(1)
    expect(barriersA!.summary).toBe('No feedback; poor buses.')
    expect(barriersA!.characters).toBe(33 + 24 + 33 + 33)
    expect(supportA!.segments.map((x) => [x.coderName, x.text])).toEqual([
      ['Bob', 'José at the CAB helps with fares.'],
    ])
    expect(frameworkMatrix(p, { includeSubcodes: false }).rows[0]!.cells[0]!.count).toBe(0)
    expect(frameworkMatrix(p, { coderIds: [s.coders.ann] }).rows[0]!.cells[0]!.count).toBe(2)
  })

  it('groups by one attribute and sorts by another, missing values last', () => {
    const s = sampleProject()
    const p = {
      ...s.project,
      cases: [
        ...s.project.cases.map((c, i) => ({
          ...c,
          attributes: { ...c.attributes, imd_quintile: 1, constraint: i === 0 ? 0.5 : 0.2 },
        })),
        {
          ...s.project.cases[0]!,
          id: '00000000-0000-4000-8000-0000000000ca' as never,
          name: 'LW03',
          sourceIds: [],
          attributes: { imd_quintile: null, constraint: 0.1 },
        },
      ],
    }
    const m = frameworkMatrix(p, {
      groupBy: ['imd_quintile'],
      sortBy: [{ attribute: 'constraint' }],
    })
    expect(m.rows.map((r) => [r.group[0], r.caseName])).toEqual([
      [1, 'LW02'],
      [1, 'LW01'],
      [null, 'LW03'],
    ])
    const desc = frameworkMatrix(p, {
      groupBy: ['imd_quintile'],
      sortBy: [{ attribute: 'constraint', descending: true }],
    })
    expect(desc.rows.map((r) => r.caseName)).toEqual(['LW01', 'LW02', 'LW03'])
    expect(
      frameworkMatrix(p, { where: [{ attribute: 'constraint', op: 'gte', value: 0.2 }] }).rows,
    ).toHaveLength(2)
    expect([compareValues(2, 10), compareValues('b', 'a'), compareValues(null, 1)]).toEqual([
      -8, 1, 1,
    ])
  })

  it('writes CSV (formula-safe) and self-contained HTML', () => {
    const s = sampleProject()
    const m = frameworkMatrix(s.project, {
      groupBy: ['imd_quintile'],
      sortBy: [{ attribute: 'constraint' }],
    })
    const csv = formatMatrixCsv(m)
    const lines = csv.split('\r\n')
    expect(lines[0]).toBe(
      'imd_quintile,case,constraint,Barriers (n),Barriers: summary,Barriers: segments,Support (n),Support: summary,Support: segments',
    )
    expect(
      lines[1]!.startsWith(
        '1,LW01,0.42,4,,"[Ann, LW01 interview] They never get back to me though.',
      ),
    ).toBe(true)
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvCell(-3)).toBe('-3')
    const html = formatMatrixHtml(m, 'Barriers <by> IMD')
    expect(html).toContain('<title>Barriers &lt;by&gt; IMD</title>')
    expect(html).toContain('<tr class="group"><th colspan="4">imd_quintile = 1</th></tr>')
    expect(html).toContain('José at the CAB helps with fares.')
    expect(html).toContain('<div class="n">4 segments</div>')
    expect(html).not.toMatch(/<script|<link|src=/)
  })
})

describe('codeCooccurrence', () => {
  it('counts units where two codes meet', () => {
    const s = sampleProject()
    const c = codeCooccurrence(s.project, { unitKind: 'turn' })
    const at = (a: string, b: string) =>
      c.counts[c.codes.findIndex((x) => x.id === a)]![c.codes.findIndex((x) => x.id === b)]
    expect(c.units).toBe(8)
    // Transport and support meet in LW01's last turn (Bob's segment carries both; Ann's transport is there too).
    expect(at(s.codes.transport, s.codes.support)).toBe(1)
    expect(at(s.codes.support, s.codes.transport)).toBe(1)
    expect(at(s.codes.support, s.codes.support)).toBe(2)
    expect(at(s.codes.feedback, s.codes.transport)).toBe(0)
    const sentences = codeCooccurrence(s.project, {
      unitKind: 'sentence',
      coderIds: [s.coders.ann],
    })
    expect(sentences.codes.map((x) => x.path)).toEqual([
      'Barriers / Transport',
      'Barriers / Feedback loops',
      'Barriers / Funding cuts',
      'Support',
    ])
    // Ann's transport ("Buses…") and Bob's support are in different sentences; only Ann counted: no overlap.
    expect(sentences.counts[0]![3]).toBe(0)
    const withParent = codeCooccurrence(s.project, {
      unitKind: 'turn',
      codeIds: [s.codes.barriers, s.codes.support],
      includeSubcodes: true,
    })
    // Barriers' sub-codes occur in three turns: LW01's feedback and transport turns, LW02's funding turn.
    expect(withParent.counts).toEqual([
      [3, 1],
      [1, 2],
    ])
    expect(formatCooccurrenceCsv(withParent).split('\r\n')[1]).toBe('Barriers,3,1')
    const deprived = codeCooccurrence(s.project, {
      unitKind: 'turn',
      where: [{ attribute: 'imd_quintile', op: 'eq', value: 4 }],
    })
    expect(deprived.units).toBe(4)
  })
})
