import type { Codebook } from '../network/codebook.js'
import { builtInCodebook, defaultGenerators } from '../network/conventions.js'
import type { Study } from '../network/ego-network.js'
import { err, ok, type Result } from '../result.js'
import type { StudyColumns } from '../network/study-columns.js'
import { assembleStudy, columnsOfRecords } from './assemble-study.js'
import type { CsvFile } from './csv-table.js'
import { IssueCollector } from './issue-collector.js'
import { readAlters } from './read-alters.js'
import { readEgos } from './read-egos.js'
import { readTies } from './read-ties.js'
import { typeAttributes } from './type-attributes.js'

/**
 * Imports the three-file layout of MEASURES.md (egor's `threefiles_to_egor`):
 * egos.csv, alters.csv and ties.csv. Every problem is reported with file, line
 * and column and a fix; when there is any, nothing is returned.
 *
 * One pass per file (read-egos, read-alters, read-ties): rows are checked as
 * they are parsed and only compact per-record typed arrays are kept.
 * Attribute values are kept as codes of their distinct values and typed once
 * per distinct value after the file is read (type-attributes), then the study
 * is built (assemble-study). An unusable header stops the import at that
 * file, so the user is not flooded with follow-on problems.
 */

export type ThreeFileColumns = {
  readonly egoId: string
  readonly alterId: string
  readonly from: string
  readonly to: string
  readonly state: string
  readonly weight: string
  readonly frequency: string
  /** Name-generator columns of alters.csv; by default those of `defaultGenerators` present. */
  readonly generators?: readonly string[] | undefined
}

export const defaultColumns: ThreeFileColumns = {
  egoId: 'ego_id',
  alterId: 'alter_id',
  from: 'from',
  to: 'to',
  state: 'state',
  weight: 'weight',
  frequency: 'frequency',
}

export type ThreeFiles = {
  readonly egos: CsvFile
  readonly alters: CsvFile
  readonly ties: CsvFile
}

/** Column names to use instead of the defaults; undefined keeps the default. */
export type ColumnOverrides = {
  readonly [K in keyof ThreeFileColumns]?: ThreeFileColumns[K] | undefined
}

export type ThreeFileOptions = {
  readonly columns?: ColumnOverrides | undefined
  /** Field delimiter; by default detected from each file's header. */
  readonly delimiter?: string | undefined
  /** The study's codebook; it overrides spnet's built-in conventions. */
  readonly codebook?: Codebook | undefined
}

export function importThreeFiles(files: ThreeFiles, options: ThreeFileOptions = {}): Result<Study> {
  const columns = readThreeFiles(files, options)
  return columns.ok ? ok(assembleStudy(columns.value)) : columns
}

/**
 * The same import as `importThreeFiles`, as columns (what `computeMeasures`
 * reads fastest): the same checks, without building the study's objects.
 */
export function readThreeFiles(
  files: ThreeFiles,
  options: ThreeFileOptions = {},
): Result<StudyColumns> {
  const cols = { ...defaultColumns, ...definedOnly(options.columns ?? {}) } as ThreeFileColumns
  const declared: Codebook = {
    ego: { ...builtInCodebook.ego, ...options.codebook?.ego },
    alter: { ...builtInCodebook.alter, ...options.codebook?.alter },
  }
  const issues = new IssueCollector()
  const delimiter = options.delimiter
  const named = definedOnly(options.columns ?? {})
  const explicit = new Set(
    (['state', 'weight', 'frequency'] as const).filter((role) => named[role] !== undefined),
  )
  const names = { egos: files.egos.name, alters: files.alters.name }

  const egos = readEgos(files.egos, cols.egoId, delimiter, issues)
  if (!egos.ok) return egos
  if (egos.value === null) return err(issues.toError(`Importing ${files.egos.name}`))

  const alters = readAlters(
    files.alters,
    egos.value,
    { ...cols, generators: cols.generators, explicit },
    defaultGenerators,
    files.egos.name,
    delimiter,
    issues,
  )
  if (!alters.ok) return alters
  if (alters.value === null) return err(issues.toError(`Importing ${files.alters.name}`))

  const ties = readTies(
    files.ties,
    egos.value,
    alters.value,
    { ...cols, explicit },
    names,
    delimiter,
    issues,
  )
  if (!ties.ok) return ties

  // Typed even when ties.csv has problems, so that every problem is listed at once.
  const e = egos.value
  const a = alters.value
  const egoTypes = typeAttributes(e.layout, e.ids.length, declared.ego, e.lines, issues)
  // The frequency column is numeric whatever it is called.
  const alterDeclared = {
    ...declared.alter,
    [cols.frequency]: declared.alter[cols.frequency] ?? builtInCodebook.alter['frequency']!,
  }
  const alterTypes = typeAttributes(a.layout, a.count, alterDeclared, a.lines, issues)
  if (issues.isEmpty()) {
    return ok(
      columnsOfRecords({
        egos: e,
        egoTypes,
        alters: a,
        alterTypes,
        frequency: alterTypes.find((t) => t.name === cols.frequency),
        ties: ties.value,
      }),
    )
  }
  return err(
    issues.toError(`Importing ${files.egos.name}, ${files.alters.name} and ${files.ties.name}`, [
      files.egos.name,
      files.alters.name,
      files.ties.name,
    ]),
  )
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
