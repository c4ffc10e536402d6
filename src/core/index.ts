/**
 * spnet's analysis core: the ego-network data model, importers, measures,
 * group statistics and comparisons. Pure: no I/O, no clock, no randomness
 * except the seeded demo generator.
 *
 * @example
 * ```ts
 * import { importThreeFiles, measureContext, computeMeasures } from 'spnet'
 * const study = importThreeFiles({ egos, alters, ties })
 * if (study.ok) {
 *   const ctx = measureContext(study.value)
 *   if (ctx.ok) console.log(computeMeasures(study.value, ctx.value.context).columns)
 * }
 * ```
 * @module
 */
export {
  SpnetError,
  isSpnetError,
  formatLocation,
  type ErrorCode,
  type Issue,
  type IssueLocation,
} from './errors.js'
export { ok, err, type Result } from './result.js'
export type {
  Alter,
  AlterTie,
  AttributeValue,
  Attributes,
  Ego,
  EgoNetwork,
  Study,
  TieState,
} from './network/ego-network.js'
export { tieStates } from './network/ego-network.js'
export { codebookSchema, variableSchema, type Codebook, type Variable } from './network/codebook.js'
export {
  alterIdSchema,
  egoIdSchema,
  type AlterId,
  type AlterIndex,
  type EgoId,
} from './network/ids.js'
export { defaultGenerators } from './network/conventions.js'
export {
  studyColumns,
  columnValue,
  tieStateOrder,
  type StudyColumns,
  type ColumnAttribute,
} from './network/study-columns.js'
export { assembleStudy } from './import/assemble-study.js'
export {
  importThreeFiles,
  readThreeFiles,
  defaultColumns,
  type ThreeFiles,
  type ThreeFileOptions,
  type ThreeFileColumns,
  type ColumnOverrides,
} from './import/three-files.js'
export {
  importStudyJson,
  formatStudyJson,
  studyJsonSchema,
  type StudyJson,
} from './import/study-json.js'
export { formatThreeFiles, type ThreeFileTexts } from './export/format-three-files.js'
export { formatMeasuresCsv, formatMeasuresJson } from './export/format-measure-table.js'
export * from './measures/index.js'
export * from './statistics/index.js'
export {
  compareGroups,
  defaultComparedMeasures,
  type Comparison,
  type CompareOptions,
  type CompositionComparison,
  type GroupSummary,
  type MeasureComparison,
} from './compare/compare-groups.js'
export { generateDemoStudy, demoCodebook, type DemoOptions } from './demo/generate-demo.js'
export * as qual from './qual/index.js'
