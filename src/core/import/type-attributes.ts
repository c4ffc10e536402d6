import type { Variable } from '../network/codebook.js'
import type { AttributeValue } from '../network/ego-network.js'
import { typeColumn } from './column-typing.js'
import { isMissing } from './parse-value.js'
import type { Layout } from './file-layout.js'
import type { IssueCollector } from './issue-collector.js'

/** An attribute column with its type and the typed value of each code. @internal */
export type TypedAttribute = {
  readonly name: string
  readonly variable: Variable
  readonly codes: Int32Array
  readonly values: readonly AttributeValue[]
}

/**
 * Types each attribute column of a file (declared or inferred), reporting
 * every cell that breaks its type with its line. `lines[r]` is record r's line.
 */
export function typeAttributes(
  lay: Layout,
  records: number,
  declared: Readonly<Record<string, Variable>>,
  lines: Int32Array,
  issues: IssueCollector,
): TypedAttribute[] {
  const typed: TypedAttribute[] = []
  for (const col of lay.attributes) {
    if (col.name === '') {
      for (let r = 0; r < records; r++) {
        const raw = col.distinct[col.codes[r]!]
        // undefined: a row of the wrong width, already reported.
        if (raw === undefined || raw === '') continue
        issues.add({
          file: lay.file,
          line: lines[r]!,
          column: col.field + 1,
          message: `Column ${col.field + 1} has no name in the header but holds values.`,
          fix: 'Give the column a name in the header row, or delete it.',
        })
        break
      }
      continue
    }
    const variable = declared[col.name]
    if (variable?.type === 'text') {
      // Declared text is kept as written (missing values, empty or NA, are
      // null), as typeColumn would, without its lookups: such a column may
      // hold a distinct value per record (organisation ids).
      typed.push({
        name: col.name,
        variable,
        codes: col.codes,
        values: col.distinct.map((raw) => (isMissing(raw) ? null : raw)),
      })
      continue
    }
    const t = typeColumn(col.distinct, variable)
    if (t.problems.length > 0) {
      const bad = new Map(t.problems.map((p) => [p.value, p]))
      for (let r = 0; r < records; r++) {
        const p = bad.get(col.distinct[col.codes[r]!]!)
        if (p === undefined) continue
        issues.add({
          file: lay.file,
          line: lines[r]!,
          column: col.field + 1,
          columnName: col.name,
          message: p.message,
          fix: p.fix,
        })
      }
      continue
    }
    typed.push({
      name: col.name,
      variable: t.variable,
      codes: col.codes,
      values: col.distinct.map((raw) => t.values.get(raw) ?? null),
    })
  }
  return typed
}
