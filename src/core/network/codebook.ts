import * as z from 'zod/mini'

/**
 * The study's codebook: the type of every ego and alter attribute, and for
 * categorical ones the declared categories. Declared categories fix K for IQV
 * and the `prop_<attr>_<value>` columns; without a declaration spnet uses the
 * values present in the data.
 */
const label = z.optional(z.string())

export const variableSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('categorical'),
    label,
    levels: z
      .array(z.string().check(z.minLength(1, 'A category cannot be empty.')))
      .check(z.minLength(1, 'A categorical variable needs at least one level.')),
    labels: z.optional(z.record(z.string(), z.string())),
  }),
  z.strictObject({
    type: z.literal('numeric'),
    label,
    min: z.optional(z.number()),
    max: z.optional(z.number()),
    integer: z.optional(z.boolean()),
  }),
  z.strictObject({ type: z.literal('boolean'), label }),
  z.strictObject({ type: z.literal('text'), label }),
])
export type Variable = z.infer<typeof variableSchema>
export type VariableType = Variable['type']

export const codebookSchema = z.strictObject({
  ego: z._default(z.record(z.string(), variableSchema), {}),
  alter: z._default(z.record(z.string(), variableSchema), {}),
})
export type Codebook = z.infer<typeof codebookSchema>

export const emptyCodebook: Codebook = { ego: {}, alter: {} }
