import * as z from 'zod/mini'

/**
 * Branded ids of the qualitative model. Every id is a GUID, as REFI-QDA
 * requires of everything it exchanges, so a project exports without renaming
 * anything and imports back with the same ids. The caller generates them
 * (`NewId`), so src/core has no randomness of its own.
 */
const guidPattern =
  /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/

const guid = (what: string) =>
  z
    .string()
    .check(
      z.regex(
        guidPattern,
        `A ${what} id must be a GUID such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301.`,
      ),
    )

export const sourceIdSchema = guid('source').brand<'SourceId'>()
export type SourceId = z.infer<typeof sourceIdSchema>
export const codeIdSchema = guid('code').brand<'CodeId'>()
export type CodeId = z.infer<typeof codeIdSchema>
export const segmentIdSchema = guid('segment').brand<'SegmentId'>()
export type SegmentId = z.infer<typeof segmentIdSchema>
export const coderIdSchema = guid('coder').brand<'CoderId'>()
export type CoderId = z.infer<typeof coderIdSchema>
export const caseIdSchema = guid('case').brand<'CaseId'>()
export type CaseId = z.infer<typeof caseIdSchema>
export const memoIdSchema = guid('memo').brand<'MemoId'>()
export type MemoId = z.infer<typeof memoIdSchema>
export const setIdSchema = guid('set').brand<'SetId'>()
export type SetId = z.infer<typeof setIdSchema>

/** A generator of fresh GUIDs (crypto.randomUUID in the I/O layer, a counter in tests). */
export type NewId = () => string

export function isGuid(value: string): boolean {
  return guidPattern.test(value)
}

/** Trusted constructors for ids already known to be GUIDs. */
export const sourceId = (value: string): SourceId => value as SourceId
export const codeId = (value: string): CodeId => value as CodeId
export const segmentId = (value: string): SegmentId => value as SegmentId
export const coderId = (value: string): CoderId => value as CoderId
export const caseId = (value: string): CaseId => value as CaseId
export const memoId = (value: string): MemoId => value as MemoId
export const setId = (value: string): SetId => value as SetId

/** Lower-case GUID without braces: the form spnet stores and compares. */
export function normaliseGuid(value: string): string {
  return value.replace(/^\{|\}$/g, '').toLowerCase()
}
