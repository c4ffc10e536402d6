import readXlsxFile from 'read-excel-file/node'
import { describe, expect, it } from 'vitest'
import { codeCooccurrence } from '../../src/core/qual/matrix/code-cooccurrence.js'
import { frameworkMatrix } from '../../src/core/qual/matrix/framework-matrix.js'
import { sampleProject } from '../../src/core/qual/test-support/sample-project.js'
import { cooccurrenceXlsx, matrixXlsx } from '../../src/qual-io/matrix-xlsx.js'

type Sheets = { sheet: string; data: unknown[][] }[]

describe('XLSX writers', () => {
  it('write the framework matrix and its segments, read back with read-excel-file', async () => {
    const s = sampleProject()
    const m = frameworkMatrix(s.project, { groupBy: ['imd_quintile'] })
    const bytes = await matrixXlsx(m)
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b])
    const sheets = (await readXlsxFile(Buffer.from(bytes))) as unknown as Sheets
    expect(sheets.map((x) => x.sheet)).toEqual(['Matrix', 'Segments'])
    const matrix = sheets[0]!.data
    expect(matrix[0]!.slice(0, 3)).toEqual(['imd_quintile', 'case', 'Barriers (n)'])
    expect(matrix[1]!.slice(0, 3)).toEqual([1, 'LW01', 4])
    const segments = sheets[1]!.data
    expect(segments).toHaveLength(
      1 + m.rows.flatMap((r) => r.cells.flatMap((c) => c.segments)).length,
    )
    expect(segments.some((r) => r.includes('José at the CAB helps with fares.'))).toBe(true)
  })

  it('write the co-occurrence matrix', async () => {
    const s = sampleProject()
    const c = codeCooccurrence(s.project, { unitKind: 'turn' })
    const sheets = (await readXlsxFile(Buffer.from(await cooccurrenceXlsx(c)))) as unknown as Sheets
    expect(sheets[0]!.data[0]).toEqual(['code', ...c.codes.map((x) => x.path)])
    expect(sheets[0]!.data[1]!.slice(1)).toEqual(c.counts[0])
  })
})
