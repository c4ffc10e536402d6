/**
 * spnet's qualitative core: transcripts and their declared units,
 * pseudonymisation, the codebook, coding, framework matrices, code
 * co-occurrence, inter-coder agreement and REFI-QDA exchange. Pure: plain
 * readonly data in, new data out; ids and times are passed in; file reading,
 * zipping and XLSX live in src/qual-io.
 *
 * Meant to be exposed from src/core/index.ts as a namespace
 * (`export * as qual from './qual/index.js'`): a few names (`Codebook`,
 * `codebookSchema`) also exist for the network codebook.
 *
 * @example
 * ```ts
 * import { qual } from 'spnet'
 * let p = qual.emptyProject('Link workers', now)
 * const added = qual.addSource(p, { name: 'LW01', transcript: qual.parseTextTranscript(text) }, { newId, now })
 * if (added.ok) p = added.value
 * const report = qual.unitAgreement(p, { unitKind: 'sentence', bootstrap: { random } }) // random: a seeded Random (demo/random.ts)
 * ```
 * @module
 */

// Data model
export * from './ids.js'
export { stableGuid } from './stable-guid.js'
export {
  attributeValueSchema,
  attributesSchema,
  caseSelectionSchema,
  coderSchema,
  emptyProject,
  memoSchema,
  memoTargetSchema,
  networkLinkSchema,
  pseudonymisationStates,
  qualCaseSchema,
  qualProjectSchema,
  qualSetSchema,
  qualVariableSchema,
  segmentSchema,
  sourceSchema,
  summarySchema,
  variableTypes,
  type Coder,
  type Memo,
  type MemoTarget,
  type NetworkLink,
  type PseudonymisationState,
  type QualAttributes,
  type QualCase,
  type QualProject,
  type QualSet,
  type QualVariable,
  type QualVariableType,
  type Segment,
  type Source,
} from './project.js'
export { validateProject } from './validate-project.js'
export {
  codePointIndex,
  codePointLength,
  sliceCodePoints,
  type CodePointIndex,
} from './text/code-points.js'

// Transcripts
export * from './transcripts/transcript.js'
export {
  detectByteKind,
  detectTextFormat,
  type ByteKind,
  type TextFormat,
} from './transcripts/detect-format.js'
export { normaliseText, parseTextTranscript } from './transcripts/parse-text.js'
export { parseCaptions } from './transcripts/parse-captions.js'
export { readTranscriptText } from './transcripts/read-transcript.js'
export { declareUnits, sentenceSpans } from './transcripts/split-units.js'
export { matchLabel, isKnownRole, type LabelMatch } from './transcripts/speaker-label.js'

// Pseudonymisation
export {
  findNames,
  foldName,
  type FindNamesOptions,
  type KnownName,
  type NameKind,
  type NameMatch,
  type NameOrigin,
} from './pseudonymise/find-names.js'
export {
  applyReplacements,
  decide,
  emptyKey,
  proposeReplacements,
  pseudonymiseSource,
  type Decision,
  type Proposal,
  type PseudonymKey,
  type Pseudonymised,
} from './pseudonymise/pseudonymise.js'
export { ukFirstNames, ambiguousFirstNames } from './pseudonymise/uk-first-names.js'

// Codebook and coding
export {
  childCodes,
  codebookSchema,
  codePath,
  codeSchema,
  codeWithDescendants,
  emptyCodebook,
  treeOrder,
  type Code,
  type Codebook,
} from './codebook/codebook.js'
export { starterCodebook } from './codebook/starter-codebook.js'
export * from './coding/edit-project.js'
export {
  caseOfSource,
  coderView,
  matchesFilter,
  retrieveSegments,
  segmentsForTie,
  sourceAttributes,
  type AttributeFilter,
  type RetrievedSegment,
  type SegmentQuery,
} from './coding/retrieve-segments.js'
export {
  ensureCasesForEgos,
  measureAttributes,
  syncCaseAttributes,
} from './coding/case-attributes.js'

// Matrices
export * from './matrix/framework-matrix.js'
export * from './matrix/code-cooccurrence.js'
export * from './matrix/format-matrix.js'

// Agreement
export type { Category, Ratings, UnitRatings } from './agreement/ratings.js'
export { percentAgreement, type PercentAgreement } from './agreement/percent-agreement.js'
export { cohenKappa, type CohenKappa } from './agreement/cohen-kappa.js'
export { krippendorffAlphaNominal, type KrippendorffAlpha } from './agreement/krippendorff-alpha.js'
export {
  addCharacterCounts,
  characterCounts,
  characterKappa,
  mergeSpans,
  type CharacterCounts,
  type CharacterKappa,
  type Span,
} from './agreement/character-kappa.js'
export {
  bootstrapCi,
  percentileInterval,
  type BootstrapCi,
  type BootstrapOptions,
} from './agreement/bootstrap-ci.js'
export * from './agreement/unit-agreement.js'
export { formatAgreementCsv, formatDisagreementsCsv } from './agreement/format-agreement.js'
export {
  binaryFigures,
  patternSpace,
  type BinaryFigures,
  type PatternSpace,
} from './agreement/binary-agreement.js'

// REFI-QDA
export {
  exportQdpx,
  formatDecimal,
  type ExportOptions,
  type QdpxEntry,
} from './refi/export-project.js'
export {
  importQdpx,
  type CrlfOffsets,
  type ImportOptions,
  type ImportReport,
  type QdpxContents,
} from './refi/import-project.js'
export { formatQdc, parseQdc, describeWithExamples, splitExamples } from './refi/codebook-qdc.js'
export { sidecarPath, sidecarSchema, type Sidecar } from './refi/sidecar.js'
