import * as z from 'zod/mini'

/** Branded ids: an alter id cannot be passed where an ego id is expected. */
export const egoIdSchema = z
  .string()
  .check(z.minLength(1, 'An ego id cannot be empty.'))
  .brand<'EgoId'>()
export type EgoId = z.infer<typeof egoIdSchema>

export const alterIdSchema = z
  .string()
  .check(z.minLength(1, 'An alter id cannot be empty.'))
  .brand<'AlterId'>()
export type AlterId = z.infer<typeof alterIdSchema>

/** Position of an alter in its network's `alters` array. */
export type AlterIndex = number & z.$brand<'AlterIndex'>

/** Trusted constructors for ids already checked to be non-empty. */
export const egoId = (value: string): EgoId => value as EgoId
export const alterId = (value: string): AlterId => value as AlterId
export const alterIndex = (value: number): AlterIndex => value as AlterIndex
