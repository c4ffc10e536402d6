import * as z from 'zod/mini'
import { alterIdSchema } from '../network/ids.js'
import { codebookSchema } from './codebook/codebook.js'
import {
  caseIdSchema,
  codeIdSchema,
  coderIdSchema,
  memoIdSchema,
  segmentIdSchema,
  setIdSchema,
  sourceIdSchema,
} from './ids.js'
import { cueSchema, transcriptFormats, turnSchema, unitSchema } from './transcripts/transcript.js'

/**
 * The qualitative half of a study, as plain readonly data: coders, cases (one
 * per link worker), sources (transcripts), the codebook, coded segments,
 * memos and framework-matrix summaries. Every operation in src/core/qual takes
 * a project and returns a new one; the store persists it.
 */

const offset = z.number().check(z.int(), z.nonnegative())
/** ISO 8601 date-time, passed in by the caller (src/core has no clock). */
const timestamp = z.string().check(z.minLength(1))

export const attributeValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()])
export const attributesSchema = z.readonly(z.record(z.string(), attributeValueSchema))
export type QualAttributes = z.infer<typeof attributesSchema>

export const variableTypes = ['text', 'integer', 'float', 'boolean', 'date', 'datetime'] as const
export type QualVariableType = (typeof variableTypes)[number]

/** A declared case or document variable (REFI-QDA `Variable`). */
export const qualVariableSchema = z.readonly(
  z.object({
    name: z.string().check(z.minLength(1)),
    type: z.enum(variableTypes),
    description: z.string(),
  }),
)
export type QualVariable = z.infer<typeof qualVariableSchema>

export const coderSchema = z.readonly(z.object({ id: coderIdSchema, name: z.string() }))
export type Coder = z.infer<typeof coderSchema>

/** A span of a source that belongs to a case (REFI-QDA `SelectionRef`). */
export const caseSelectionSchema = z.readonly(
  z.object({ sourceId: sourceIdSchema, start: offset, end: offset }),
)

/**
 * A case: one link worker. `egoId` joins it to their ego network;
 * `attributes` carry IMD, hosting model and network measures (the store keeps
 * them current from the analysis engine).
 */
export const qualCaseSchema = z.readonly(
  z.object({
    id: caseIdSchema,
    name: z.string(),
    egoId: z.nullable(z.string()),
    description: z.string(),
    attributes: attributesSchema,
    sourceIds: z.readonly(z.array(sourceIdSchema)),
    selections: z.readonly(z.array(caseSelectionSchema)),
  }),
)
export type QualCase = z.infer<typeof qualCaseSchema>

export const pseudonymisationStates = ['pending', 'reviewed'] as const
export type PseudonymisationState = (typeof pseudonymisationStates)[number]

/** A transcript in the project, with its declared units of analysis. */
export const sourceSchema = z.readonly(
  z.object({
    id: sourceIdSchema,
    name: z.string(),
    description: z.string(),
    text: z.string(),
    format: z.enum(transcriptFormats),
    turns: z.readonly(z.array(turnSchema)),
    cues: z.readonly(z.array(cueSchema)),
    units: z.readonly(z.array(unitSchema)),
    /** Document variables (REFI-QDA `TextSource > VariableValue`). */
    attributes: attributesSchema,
    /** Whether a researcher has reviewed the pseudonymisation of `text`. */
    pseudonymisation: z.enum(pseudonymisationStates),
    creatorId: z.nullable(coderIdSchema),
    createdAt: z.nullable(timestamp),
  }),
)
export type Source = z.infer<typeof sourceSchema>

/** What a coded segment is about in the case's network (DOMAIN.md §4.2). */
export const networkLinkSchema = z.discriminatedUnion('kind', [
  z.readonly(z.object({ kind: z.literal('alter'), alterId: alterIdSchema })),
  z.readonly(z.object({ kind: z.literal('tie'), from: alterIdSchema, to: alterIdSchema })),
])
export type NetworkLink = z.infer<typeof networkLinkSchema>

/**
 * One coder's coding of a span of a source with one or more codes. Coders'
 * work is kept apart: a segment belongs to exactly one coder.
 */
export const segmentSchema = z.readonly(
  z.object({
    id: segmentIdSchema,
    sourceId: sourceIdSchema,
    start: offset,
    end: offset,
    coderId: coderIdSchema,
    codeIds: z.readonly(z.array(codeIdSchema)),
    /** The coding memo. */
    memo: z.string(),
    link: z.nullable(networkLinkSchema),
    createdAt: z.nullable(timestamp),
  }),
)
export type Segment = z.infer<typeof segmentSchema>

export const memoTargetSchema = z.discriminatedUnion('kind', [
  z.readonly(z.object({ kind: z.literal('project') })),
  z.readonly(z.object({ kind: z.literal('code'), id: codeIdSchema })),
  z.readonly(z.object({ kind: z.literal('segment'), id: segmentIdSchema })),
  z.readonly(z.object({ kind: z.literal('case'), id: caseIdSchema })),
  z.readonly(z.object({ kind: z.literal('source'), id: sourceIdSchema })),
  /** An annotation: a note on a span of text, not a coding. */
  z.readonly(
    z.object({ kind: z.literal('range'), sourceId: sourceIdSchema, start: offset, end: offset }),
  ),
])
export type MemoTarget = z.infer<typeof memoTargetSchema>

export const memoSchema = z.readonly(
  z.object({
    id: memoIdSchema,
    target: memoTargetSchema,
    title: z.string(),
    text: z.string(),
    coderId: z.nullable(coderIdSchema),
    createdAt: z.nullable(timestamp),
  }),
)
export type Memo = z.infer<typeof memoSchema>

/** A framework-matrix cell summary written by a researcher (case × theme). */
export const summarySchema = z.readonly(
  z.object({
    caseId: caseIdSchema,
    codeId: codeIdSchema,
    text: z.string(),
    coderId: z.nullable(coderIdSchema),
    updatedAt: z.nullable(timestamp),
  }),
)
export type Summary = z.infer<typeof summarySchema>

/** A named group of codes and sources (REFI-QDA `Set`; document groups). */
export const qualSetSchema = z.readonly(
  z.object({
    id: setIdSchema,
    name: z.string(),
    description: z.string(),
    codeIds: z.readonly(z.array(codeIdSchema)),
    sourceIds: z.readonly(z.array(sourceIdSchema)),
  }),
)
export type QualSet = z.infer<typeof qualSetSchema>

export const qualProjectSchema = z.readonly(
  z.object({
    name: z.string(),
    description: z.string(),
    /** The program that wrote the project (REFI-QDA `origin`), when imported. */
    origin: z.nullable(z.string()),
    createdAt: z.nullable(timestamp),
    coders: z.readonly(z.array(coderSchema)),
    codebook: codebookSchema,
    variables: z.readonly(z.array(qualVariableSchema)),
    cases: z.readonly(z.array(qualCaseSchema)),
    sources: z.readonly(z.array(sourceSchema)),
    segments: z.readonly(z.array(segmentSchema)),
    memos: z.readonly(z.array(memoSchema)),
    summaries: z.readonly(z.array(summarySchema)),
    sets: z.readonly(z.array(qualSetSchema)),
  }),
)
export type QualProject = z.infer<typeof qualProjectSchema>

export function emptyProject(name: string, createdAt: string | null = null): QualProject {
  return {
    name,
    description: '',
    origin: null,
    createdAt,
    coders: [],
    codebook: { codes: [] },
    variables: [],
    cases: [],
    sources: [],
    segments: [],
    memos: [],
    summaries: [],
    sets: [],
  }
}
