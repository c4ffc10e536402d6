import * as z from 'zod/mini'

/**
 * A study protocol as data: what a link worker is asked, in which order,
 * with which answers allowed. The web interview renders it, the server
 * validates answers against it, exports and the analysis engine read the
 * codebook from it. Network Canvas researchers will recognise the stages:
 * an ego form, name generators, per-alter name interpreters, an alter–alter
 * tie census, and information pages (NETWORK-CANVAS.md).
 *
 * Every interview records the protocol id and version it used.
 */

const identifier = z
  .string()
  .check(
    z.regex(/^[a-z][a-z0-9_]*$/, 'Use lower-case letters, digits and _ (starting with a letter).'),
    z.maxLength(64, 'Use at most 64 characters.'),
  )

export const optionSchema = z.strictObject({
  value: z.union([z.string().check(z.minLength(1)), z.number()]),
  label: z.string().check(z.minLength(1, 'Every option needs a label.')),
})
export type Option = z.infer<typeof optionSchema>

export type Condition =
  | { readonly variable: string; readonly equals: string | number | boolean }
  | { readonly variable: string; readonly in: readonly (string | number)[] }
  | { readonly variable: string; readonly answered: boolean }
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }

export const conditionSchema: z.ZodMiniType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({
      variable: identifier,
      equals: z.union([z.string(), z.number(), z.boolean()]),
    }),
    z.strictObject({ variable: identifier, in: z.array(z.union([z.string(), z.number()])) }),
    z.strictObject({ variable: identifier, answered: z.boolean() }),
    z.strictObject({ all: z.array(conditionSchema) }),
    z.strictObject({ any: z.array(conditionSchema) }),
  ]),
)

export const questionTypes = [
  'text',
  'long_text',
  'number',
  'integer',
  'boolean',
  'choice',
  'multi_choice',
  'ordinal',
] as const
export type QuestionType = (typeof questionTypes)[number]

export const questionSchema = z.strictObject({
  id: identifier,
  label: z.string().check(z.minLength(1, 'A question needs its wording.')),
  help: z.optional(z.string()),
  type: z.enum(questionTypes),
  options: z.optional(z.array(optionSchema).check(z.minLength(1))),
  /** Allow an "Other (please say)" text beside the options. */
  other: z.optional(z.boolean()),
  required: z.optional(z.boolean()),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  maxLength: z.optional(z.number()),
  unit: z.optional(z.string()),
  showIf: z.optional(conditionSchema),
})
export type Question = z.infer<typeof questionSchema>

/** A variable computed from another by a table, e.g. a coarse org_type from a detailed sector. */
export const derivedSchema = z.strictObject({
  id: identifier,
  label: z.string(),
  from: identifier,
  map: z.record(z.string(), z.string()),
})
export type Derived = z.infer<typeof derivedSchema>

const stageBase = {
  id: identifier,
  title: z.string().check(z.minLength(1)),
}

export const stageSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...stageBase, kind: z.literal('information'), body: z.string() }),
  z.strictObject({
    ...stageBase,
    kind: z.literal('ego_form'),
    intro: z.optional(z.string()),
    questions: z.array(questionSchema).check(z.minLength(1)),
  }),
  z.strictObject({
    ...stageBase,
    kind: z.literal('name_generator'),
    /** The 0/1 column this generator writes (e.g. work_contact). */
    generator: identifier,
    prompt: z.string().check(z.minLength(1)),
    help: z.optional(z.string()),
    /** Most alters this generator may name. */
    maxAlters: z.optional(z.int().check(z.minimum(1))),
    /** Alter questions asked when an alter is added (the first names the alter). */
    quickAdd: z.array(identifier).check(z.minLength(1)),
    optional: z.optional(z.boolean()),
  }),
  z.strictObject({
    ...stageBase,
    kind: z.literal('alter_form'),
    intro: z.optional(z.string()),
    /** Ask only about alters named by these generators (default: all). */
    generators: z.optional(z.array(identifier)),
    questions: z.array(questionSchema).check(z.minLength(1)),
  }),
  z.strictObject({
    ...stageBase,
    kind: z.literal('tie_census'),
    /** The question for a pair; {a} and {b} are the two alters' names. */
    prompt: z.string().check(z.minLength(1)),
    help: z.optional(z.string()),
    /** Only pairs among the first N alters are asked (the others are not_asked). */
    maxAlters: z.int().check(z.minimum(2)),
  }),
  z.strictObject({ ...stageBase, kind: z.literal('review'), intro: z.optional(z.string()) }),
])
export type Stage = z.infer<typeof stageSchema>

export const protocolSchema = z.strictObject({
  format: z.literal('spnet-protocol', {
    error: 'This is not an spnet protocol ("format" must be "spnet-protocol").',
  }),
  schemaVersion: z.literal(1, { error: 'spnet reads protocol schema version 1.' }),
  id: identifier,
  version: z.int().check(z.minimum(1)),
  name: z.string().check(z.minLength(1)),
  description: z.optional(z.string()),
  /** The alter question whose answer is the alter's display name. */
  alterName: identifier,
  /** Most alters in the whole interview. */
  maxAlters: z.int().check(z.minimum(1)),
  derived: z._default(z.array(derivedSchema), []),
  stages: z.array(stageSchema).check(z.minLength(1)),
})
export type Protocol = z.infer<typeof protocolSchema>
