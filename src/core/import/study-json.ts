import * as z from 'zod/mini'
import { SpnetError } from '../errors.js'
import { codebookSchema, type Codebook, type Variable } from '../network/codebook.js'
import { builtInCodebook } from '../network/conventions.js'
import {
  type Alter,
  type AlterTie,
  type AttributeValue,
  type EgoNetwork,
  type Study,
} from '../network/ego-network.js'
import { alterId, alterIndex, egoId } from '../network/ids.js'
import { err, ok, type Result } from '../result.js'
import { jsonSyntaxError, locateJsonPath } from './json-location.js'
import { maxGenerators } from '../network/study-columns.js'
import { IssueCollector } from './issue-collector.js'
import { parseTieState, shorten } from './parse-value.js'

/**
 * spnet's own JSON form of a study: the same data as the three-file layout
 * in one file, with the codebook inside. Ties name alters by id; every tie
 * state is explicit.
 *
 *   { "format": "spnet-study", "version": 1, "codebook": {...},
 *     "generators": ["work_contact", ...],
 *     "egos": [{ "id": "LW001", "attributes": {...},
 *                "alters": [{ "id": "A01", "attributes": {...}, "frequency": 4,
 *                             "generators": ["work_contact"] }],
 *                "ties": [{ "from": "A01", "to": "A02", "state": "yes" }] }] }
 */

const attributeValue = z.union([z.string(), z.number(), z.boolean(), z.null()])
const attributes = z._default(z.record(z.string(), attributeValue), {})
const nonEmpty = (what: string) =>
  z.string().check(z.minLength(1, `The ${what} id cannot be empty.`))

const tieJson = z.strictObject({
  from: nonEmpty('alter'),
  to: nonEmpty('alter'),
  // Any spelling the CSV reader takes, in any case (checked in fromStudyJson).
  state: z._default(
    z.string({ error: 'The state must be yes, no, dont_know or not_asked.' }),
    'yes',
  ),
  weight: z.optional(z.nullable(z.number({ error: 'The weight must be a number or null.' }))),
})

const alterJson = z.strictObject({
  id: nonEmpty('alter'),
  attributes,
  frequency: z.optional(z.nullable(z.number({ error: 'The frequency must be a number or null.' }))),
  generators: z._default(z.array(z.string()), []),
})

const egoJson = z.strictObject({
  id: nonEmpty('ego'),
  attributes,
  alters: z._default(z.array(alterJson), []),
  ties: z._default(z.array(tieJson), []),
})

export const studyJsonSchema = z.strictObject({
  format: z.literal('spnet-study', {
    error: 'This is not an spnet study file ("format" must be "spnet-study").',
  }),
  version: z.literal(1, {
    error: 'This spnet study file version is not supported; spnet reads version 1.',
  }),
  codebook: z.optional(codebookSchema),
  generators: z._default(z.array(z.string()), []),
  egos: z.array(egoJson).check(z.minLength(1, 'The study has no egos.')),
})
export type StudyJson = z.infer<typeof studyJsonSchema>

/** Parses and checks an spnet JSON study. Nothing is returned if anything is wrong. */
export function importStudyJson(file: {
  readonly name: string
  readonly text: string
}): Result<Study> {
  const text = file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (cause) {
    const syntax = jsonSyntaxError(text)
    return err(
      new SpnetError('validation', `${file.name} is not valid JSON.`, {
        cause,
        issues: [
          {
            file: file.name,
            ...(syntax === null ? {} : { line: syntax.line, char: syntax.char }),
            message:
              syntax?.message ??
              `Not valid JSON: ${cause instanceof Error ? cause.message : String(cause)}`,
            fix: 'Fix the JSON syntax; an editor that checks JSON shows the spot.',
          },
        ],
      }),
    )
  }
  const parsed = studyJsonSchema.safeParse(raw)
  if (!parsed.success) {
    return err(
      new SpnetError('validation', `${file.name} is not a valid spnet study.`, {
        issues: parsed.error.issues.slice(0, 100).map((issue) => {
          const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol')
          return {
            file: file.name,
            ...locateJsonPath(text, path),
            path: formatPath(path),
            message: issue.message,
          }
        }),
      }),
    )
  }
  const study = fromStudyJson(parsed.data, file.name)
  if (study.ok) return study
  // The link checks know paths only; add the lines.
  return err(
    new SpnetError(study.error.code, study.error.message, {
      issues: study.error.issues.map((issue) => ({
        ...issue,
        ...(issue.path === undefined ? {} : locateJsonPath(text, parsePath(issue.path))),
      })),
    }),
  )
}

/** Checks the links inside a parsed study (ids, ties, codebook) and builds it. */
export function fromStudyJson(json: StudyJson, fileName: string): Result<Study> {
  const issues = new IssueCollector()
  const declared: Codebook = {
    ego: { ...builtInCodebook.ego, ...json.codebook?.ego },
    alter: { ...builtInCodebook.alter, ...json.codebook?.alter },
  }
  const generators = new Set(json.generators)
  const egoIds = new Set<string>()
  const add = (path: string, message: string, fix?: string) => {
    issues.add({ file: fileName, path, message, ...(fix === undefined ? {} : { fix }) })
  }
  if (generators.size > maxGenerators) {
    add(
      'generators',
      `${generators.size} name generators are listed; spnet handles up to ${maxGenerators}.`,
      'List fewer name generators.',
    )
  }

  const networks: EgoNetwork[] = json.egos.map((ego, e) => {
    const at = `egos[${e}]`
    if (egoIds.has(ego.id))
      add(`${at}.id`, `Ego "${shorten(ego.id)}" is listed twice.`, 'Give every ego a unique id.')
    egoIds.add(ego.id)
    checkAttributes(ego.attributes, declared.ego, `${at}.attributes`, add)
    const index = new Map<string, number>()
    const alters: Alter[] = ego.alters.map((alter, j) => {
      const path = `${at}.alters[${j}]`
      if (index.has(alter.id)) {
        add(
          `${path}.id`,
          `Alter "${shorten(alter.id)}" is listed twice in this ego.`,
          'Alter ids must be unique within an ego.',
        )
      }
      index.set(alter.id, j)
      checkAttributes(alter.attributes, declared.alter, `${path}.attributes`, add)
      alter.generators.forEach((g, k) => {
        if (!generators.has(g))
          add(
            `${path}.generators[${k}]`,
            `"${shorten(g)}" is not one of the study's generators.`,
            'List it in "generators" at the top of the file.',
          )
      })
      const frequency = alter.frequency ?? null
      if (frequency !== null)
        checkValue(frequency, declared.alter['frequency'], `${path}.frequency`, add)
      return {
        id: alterId(alter.id),
        attributes: alter.attributes,
        frequency,
        generators: json.generators.filter((g) => alter.generators.includes(g)),
      }
    })
    const pairs = new Map<number, number>()
    const ties: AlterTie[] = []
    ego.ties.forEach((tie, k) => {
      const path = `${at}.ties[${k}]`
      const state = parseTieState(tie.state.trim())
      if (!state.ok) add(`${path}.state`, state.message, state.fix)
      const from = index.get(tie.from)
      const to = index.get(tie.to)
      if (from === undefined)
        add(`${path}.from`, `"${shorten(tie.from)}" is not an alter of this ego.`)
      if (to === undefined) add(`${path}.to`, `"${shorten(tie.to)}" is not an alter of this ego.`)
      if (from === undefined || to === undefined) return
      if (from === to) {
        add(
          path,
          `This tie joins "${shorten(tie.from)}" to itself.`,
          'An alter–alter tie needs two different alters.',
        )
        return
      }
      const n = alters.length
      const key = from < to ? from * n + to : to * n + from
      const earlier = pairs.get(key)
      if (earlier !== undefined) {
        add(
          path,
          `The pair ${shorten(tie.from)}–${shorten(tie.to)} is also at ${at}.ties[${earlier}]; a reversed pair is the same pair.`,
          'Keep one entry per pair.',
        )
        return
      }
      if (!state.ok) return
      pairs.set(key, k)
      ties.push({
        from: alterIndex(from),
        to: alterIndex(to),
        state: state.value,
        weight: tie.weight ?? null,
      })
    })
    return { ego: { id: egoId(ego.id), attributes: ego.attributes }, alters, ties }
  })
  if (!issues.isEmpty()) return err(issues.toError(`Importing ${fileName}`))
  return ok({
    codebook: inferCodebook(json.codebook, networks),
    generators: json.generators,
    networks,
  })
}

/** Writes a study as spnet JSON (the inverse of `importStudyJson`). */
export function formatStudyJson(study: Study): string {
  const json: StudyJson = {
    format: 'spnet-study',
    version: 1,
    codebook: study.codebook,
    generators: [...study.generators],
    egos: study.networks.map((net) => ({
      id: net.ego.id,
      attributes: { ...net.ego.attributes },
      alters: net.alters.map((alter) => ({
        id: alter.id,
        attributes: { ...alter.attributes },
        frequency: alter.frequency,
        generators: [...alter.generators],
      })),
      ties: net.ties.map((tie) => ({
        from: net.alters[tie.from]!.id,
        to: net.alters[tie.to]!.id,
        state: tie.state,
        weight: tie.weight,
      })),
    })),
  }
  return JSON.stringify(json, null, 1) + '\n'
}

/** `egos[2].ties[0].to` → ['egos', 2, 'ties', 0, 'to']. */
function parsePath(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) =>
    m[2] === undefined ? m[1]! : Number(m[2]),
  )
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) =>
      typeof key === 'number'
        ? `${acc}[${key}]`
        : acc === ''
          ? String(key)
          : `${acc}.${String(key)}`,
    '',
  )
}

type Add = (path: string, message: string, fix?: string) => void

function checkAttributes(
  values: Readonly<Record<string, AttributeValue>>,
  declared: Readonly<Record<string, Variable>>,
  path: string,
  add: Add,
): void {
  for (const [name, value] of Object.entries(values)) {
    if (value !== null) checkValue(value, declared[name], `${path}.${name}`, add)
  }
}

function checkValue(
  value: Exclude<AttributeValue, null>,
  variable: Variable | undefined,
  path: string,
  add: Add,
): void {
  if (variable === undefined) return
  switch (variable.type) {
    case 'numeric':
      if (typeof value !== 'number')
        add(
          path,
          `"${shorten(String(value))}" is not a number.`,
          'Write a number, or null when missing.',
        )
      else if (
        (variable.min !== undefined && value < variable.min) ||
        (variable.max !== undefined && value > variable.max)
      ) {
        add(
          path,
          `${value} is out of range.`,
          `Use a value between ${variable.min ?? '−∞'} and ${variable.max ?? '∞'}.`,
        )
      } else if (variable.integer === true && !Number.isInteger(value))
        add(path, `${value} is not a whole number.`)
      break
    case 'categorical':
      if (!variable.levels.includes(String(value))) {
        add(
          path,
          `"${shorten(String(value))}" is not one of the codebook's categories.`,
          `Use one of: ${variable.levels.join(', ')}.`,
        )
      }
      break
    case 'boolean':
      if (typeof value !== 'boolean') add(path, `"${shorten(String(value))}" is not true or false.`)
      break
    case 'text':
      break
  }
}

/** The study's codebook: declared variables, plus inferred types for the rest. */
function inferCodebook(declared: Codebook | undefined, networks: readonly EgoNetwork[]): Codebook {
  const infer = (
    records: Iterable<Readonly<Record<string, AttributeValue>>>,
    known: Readonly<Record<string, Variable>>,
  ) => {
    const types = new Map<string, Set<string>>()
    for (const r of records) {
      for (const [name, value] of Object.entries(r)) {
        let seen = types.get(name)
        if (seen === undefined) types.set(name, (seen = new Set()))
        if (value !== null) seen.add(typeof value)
      }
    }
    const out: Record<string, Variable> = {}
    for (const [name, seen] of types) {
      out[name] =
        known[name] ??
        (seen.size === 1 && seen.has('number')
          ? { type: 'numeric' }
          : seen.size === 1 && seen.has('boolean')
            ? { type: 'boolean' }
            : { type: 'text' })
    }
    return out
  }
  const egoKnown = { ...builtInCodebook.ego, ...declared?.ego }
  const alterKnown = { ...builtInCodebook.alter, ...declared?.alter }
  const alter = infer(
    networks.flatMap((n) => n.alters.map((a) => a.attributes)),
    alterKnown,
  )
  // `frequency` is a reserved codebook key for the ego–alter frequency field.
  if (networks.some((n) => n.alters.some((a) => a.frequency !== null))) {
    alter['frequency'] = alterKnown['frequency'] ?? { type: 'numeric' }
  }
  return {
    ego: infer(
      networks.map((n) => n.ego.attributes),
      egoKnown,
    ),
    alter,
  }
}
