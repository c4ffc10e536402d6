import * as z from 'zod/mini'
import {
  codeIdSchema,
  caseIdSchema,
  memoIdSchema,
  segmentIdSchema,
  sourceIdSchema,
} from '../qual/ids.js'
import { memoTargetSchema, networkLinkSchema, type QualProject } from '../qual/project.js'
import type { Proposal } from '../qual/pseudonymise/pseudonymise.js'

/**
 * The JSON API of a study's qualitative analysis, under
 * /api/studies/:id/qual (request schemas checked by the server and used by
 * the forms; response shapes as types). Offsets are Unicode code points,
 * 0-based, end-exclusive, as REFI-QDA counts them. A coder is a signed-in
 * researcher or admin; each coder's segments are their own.
 */

const text = (max: number) =>
  z.string().check(z.maxLength(max, `Use at most ${max.toLocaleString('en-GB')} characters.`))
const fileName = z.string().check(z.minLength(1, 'The file needs a name.'), z.maxLength(255))
/** Files travel as base64 in JSON: 20 MB of file at most. */
const base64 = z
  .string()
  .check(
    z.maxLength(28_000_000, 'The file is larger than 20 MB.'),
    z.regex(/^[A-Za-z0-9+/=\s]*$/, 'Not base64.'),
  )

/** POST /qual/sources: a transcript (.txt, .docx, .vtt, .srt; told by its content). */
export const importTranscriptSchema = z.strictObject({
  fileName,
  contentBase64: base64,
  /** The participant (case) it belongs to; default: the label in the file name. */
  caseLabel: z.optional(z.nullable(z.string().check(z.maxLength(60)))),
  /** Names of people to replace as well as those the detector and the alter list find. */
  names: z.optional(
    z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.maxLength(500)),
  ),
})
export type ImportTranscript = z.infer<typeof importTranscriptSchema>

/** POST /qual/import: a REFI-QDA project (.qdpx) or codebook (.qdc). */
export const importProjectSchema = z.strictObject({ fileName, contentBase64: base64 })

/** POST /qual/sources/:sourceId/review: decisions on proposed replacements, by proposal id. */
export const reviewDecisionsSchema = z.strictObject({
  decisions: z.record(
    z.string(),
    z.union([
      z.enum(['accept', 'reject', 'pending']),
      z.strictObject({ placeholder: z.string().check(z.minLength(1), z.maxLength(60)) }),
    ]),
  ),
})

const color = z.nullable(
  z.string().check(z.regex(/^#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/, 'Use a colour like #1f77b4.')),
)

export const createCodeSchema = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1, 'Give the code a name.'), z.maxLength(200)),
  parentId: z.optional(z.nullable(codeIdSchema)),
  isCodable: z.optional(z.boolean()),
  color: z.optional(color),
  description: z.optional(text(5000)),
  examples: z.optional(z.array(text(1000)).check(z.maxLength(50))),
})
export const updateCodeSchema = z.strictObject({
  name: z.optional(
    z.string().check(z.trim(), z.minLength(1, 'Give the code a name.'), z.maxLength(200)),
  ),
  parentId: z.optional(z.nullable(codeIdSchema)),
  isCodable: z.optional(z.boolean()),
  color: z.optional(color),
  description: z.optional(text(5000)),
  examples: z.optional(z.array(text(1000)).check(z.maxLength(50))),
})

const offset = z.int().check(z.minimum(0))
export const codeSegmentSchema = z.strictObject({
  sourceId: sourceIdSchema,
  start: offset,
  end: offset,
  codeIds: z.array(codeIdSchema).check(z.minLength(1, 'Choose at least one code.')),
  memo: z.optional(text(10000)),
  link: z.optional(z.nullable(networkLinkSchema)),
})
export const updateSegmentSchema = z.strictObject({
  codeIds: z.optional(z.array(codeIdSchema).check(z.minLength(1, 'Choose at least one code.'))),
  memo: z.optional(text(10000)),
  link: z.optional(z.nullable(networkLinkSchema)),
})

export const createMemoSchema = z.strictObject({
  target: memoTargetSchema,
  title: z.optional(text(200)),
  text: text(20000),
})
export const updateMemoSchema = z.strictObject({
  title: z.optional(text(200)),
  text: z.optional(text(20000)),
})

export const summarySchema = z.strictObject({
  caseId: caseIdSchema,
  codeId: codeIdSchema,
  text: text(20000),
})

export { codeIdSchema, memoIdSchema, segmentIdSchema, sourceIdSchema }

/** GET /qual: the project, cases carrying their network and deprivation attributes. */
export type QualWorkspace = {
  readonly project: QualProject
  readonly revision: number
  /** The signed-in user's coder id (null for viewers, who only read). */
  readonly coderId: string | null
  /** Transcripts whose pseudonymisation awaits review: proposals still pending, by source id. */
  readonly pendingReview: Readonly<Record<string, number>>
}

/** POST /qual/sources: the transcript added, and the names proposed for replacement. */
export type ImportedTranscriptResult = {
  readonly sourceId: string
  readonly name: string
  readonly caseName: string | null
  readonly units: number
  readonly proposals: readonly Proposal[]
}

/** GET /qual/sources/:sourceId/review */
export type Review = {
  readonly sourceId: string
  readonly text: string
  readonly proposals: readonly Proposal[]
}
