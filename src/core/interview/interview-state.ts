import * as z from 'zod/mini'

/**
 * An interview in progress: the answers so far, built by applying changes
 * one at a time (`applyChange`). The browser sends every change the moment
 * it is made (autosave); the server checks it against the protocol, applies
 * it and keeps it in an append-only log, so nothing is lost on a refresh, a
 * dropped connection or a switch to another device.
 *
 * "No" and "don't know" tie answers are states of their own and are kept.
 */

export const answerValueSchema = z.union([
  z.string().check(z.maxLength(2000, 'Answers are at most 2,000 characters.')),
  z.number(),
  z.boolean(),
  z.array(z.union([z.string(), z.number()])).check(z.maxLength(100)),
  z.null(),
])
export type AnswerValue = z.infer<typeof answerValueSchema>

export const censusStates = ['yes', 'no', 'dont_know'] as const
export type CensusState = (typeof censusStates)[number]

export type InterviewAlter = {
  /** Chosen by the browser (a random id), so a retried save cannot add it twice. */
  readonly id: string
  readonly answers: Readonly<Record<string, AnswerValue>>
  /** Generators that named this alter, in the order they did. */
  readonly generators: readonly string[]
}

export type InterviewState = {
  readonly ego: Readonly<Record<string, AnswerValue>>
  /** Alters in the order they were first named. */
  readonly alters: readonly InterviewAlter[]
  /** Tie census answers by pair key `a|b` (ids sorted). */
  readonly ties: Readonly<Record<string, CensusState>>
  /** The stage the participant was last on, to resume there. */
  readonly stage: string | null
}

export const emptyInterview: InterviewState = { ego: {}, alters: [], ties: {}, stage: null }

const id = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a valid id.'))
const name = z.string().check(z.regex(/^[a-z][a-z0-9_]*$/, 'Not a question or generator id.'))

export const interviewChangeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('ego_answer'), question: name, value: answerValueSchema }),
  z.strictObject({
    kind: z.literal('add_alter'),
    alter: id,
    generator: name,
    answers: z.record(name, answerValueSchema),
  }),
  z.strictObject({ kind: z.literal('name_alter'), alter: id, generator: name, named: z.boolean() }),
  z.strictObject({
    kind: z.literal('alter_answer'),
    alter: id,
    question: name,
    value: answerValueSchema,
  }),
  z.strictObject({ kind: z.literal('remove_alter'), alter: id }),
  z.strictObject({ kind: z.literal('tie'), a: id, b: id, state: z.nullable(z.enum(censusStates)) }),
  z.strictObject({ kind: z.literal('stage'), stage: name }),
])
export type InterviewChange = z.infer<typeof interviewChangeSchema>

/** The key of an unordered pair of alters. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`
}
