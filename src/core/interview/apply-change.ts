import { SpnetError } from '../errors.js'
import { err, ok, type Result } from '../result.js'
import type { Condition, Protocol, Question, Stage } from '../protocol/protocol.js'
import {
  pairKey,
  type AnswerValue,
  type InterviewAlter,
  type InterviewChange,
  type InterviewState,
} from './interview-state.js'

/**
 * Applies one autosaved change to an interview, after checking it against
 * the protocol and the answers so far. Invalid changes are refused with a
 * message for the field they concern; nothing else changes.
 */
export function applyChange(
  protocol: Protocol,
  state: InterviewState,
  change: InterviewChange,
): Result<InterviewState> {
  const q = questionsOf(protocol)
  switch (change.kind) {
    case 'ego_answer': {
      const question = q.ego.get(change.question) ?? otherOf(q.ego, change.question)
      if (question === undefined)
        return invalid(
          'question',
          `"${change.question}" is not a question about you in this interview.`,
        )
      const problem = answerProblem(question, change.value, change.question)
      if (problem !== null) return invalid(`ego.${change.question}`, problem)
      return ok({ ...state, ego: withAnswer(state.ego, change.question, change.value) })
    }
    case 'add_alter': {
      const stage = generatorStage(protocol, change.generator)
      if (stage === undefined)
        return invalid('generator', `"${change.generator}" is not a question of this interview.`)
      if (state.alters.some((a) => a.id === change.alter)) return ok(state) // a retried save
      if (state.alters.length >= protocol.maxAlters) {
        return invalid(
          'alters',
          `You can name up to ${protocol.maxAlters} contacts in this interview.`,
        )
      }
      const inStage = state.alters.filter((a) => a.generators.includes(change.generator)).length
      if (stage.maxAlters !== undefined && inStage >= stage.maxAlters) {
        return invalid('alters', `You can name up to ${stage.maxAlters} contacts here.`)
      }
      for (const [key, value] of Object.entries(change.answers)) {
        const question = q.alter.get(key) ?? otherOf(q.alter, key)
        if (question === undefined)
          return invalid(`answers.${key}`, `"${key}" is not a question about contacts.`)
        const problem = answerProblem(question, value, key)
        if (problem !== null) return invalid(`answers.${key}`, problem)
      }
      const nameProblem = alterNameProblem(
        protocol,
        state,
        change.answers[protocol.alterName] ?? null,
        null,
        `answers.${protocol.alterName}`,
      )
      if (nameProblem !== null) return nameProblem
      // Stored as alter_answer stores them: trimmed, empty answers left out.
      const answers = Object.entries(change.answers).reduce<Record<string, AnswerValue>>(
        (acc, [key, value]) => withAnswer(acc, key, value),
        {},
      )
      const alter: InterviewAlter = { id: change.alter, answers, generators: [change.generator] }
      return ok({ ...state, alters: [...state.alters, alter] })
    }
    case 'name_alter': {
      const stage = generatorStage(protocol, change.generator)
      if (stage === undefined) {
        return invalid('generator', `"${change.generator}" is not a question of this interview.`)
      }
      const alter = state.alters.find((a) => a.id === change.alter)
      if (alter === undefined)
        return invalid('alter', 'That contact is no longer in the interview.')
      const has = alter.generators.includes(change.generator)
      if (has === change.named) return ok(state)
      // Naming an earlier contact here counts towards this question's limit, as adding one does.
      const inStage = state.alters.filter((a) => a.generators.includes(change.generator)).length
      if (change.named && stage.maxAlters !== undefined && inStage >= stage.maxAlters) {
        return invalid('alters', `You can name up to ${stage.maxAlters} contacts here.`)
      }
      const generators = change.named
        ? generatorOrder(protocol, [...alter.generators, change.generator])
        : alter.generators.filter((g) => g !== change.generator)
      // A contact no question names any more is removed with its ties.
      if (generators.length === 0) return ok(removeAlter(state, alter.id))
      return ok({
        ...state,
        alters: state.alters.map((a) => (a.id === alter.id ? { ...a, generators } : a)),
      })
    }
    case 'alter_answer': {
      const alter = state.alters.find((a) => a.id === change.alter)
      if (alter === undefined)
        return invalid('alter', 'That contact is no longer in the interview.')
      const question = q.alter.get(change.question) ?? otherOf(q.alter, change.question)
      if (question === undefined)
        return invalid('question', `"${change.question}" is not a question about contacts.`)
      const problem = answerProblem(question, change.value, change.question)
      if (problem !== null) return invalid(`alters.${alter.id}.${change.question}`, problem)
      if (change.question === protocol.alterName) {
        const nameProblem = alterNameProblem(
          protocol,
          state,
          change.value,
          alter.id,
          `alters.${alter.id}.${change.question}`,
        )
        if (nameProblem !== null) return nameProblem
      }
      return ok({
        ...state,
        alters: state.alters.map((a) =>
          a.id === alter.id
            ? { ...a, answers: withAnswer(a.answers, change.question, change.value) }
            : a,
        ),
      })
    }
    case 'remove_alter':
      return ok(removeAlter(state, change.alter))
    case 'tie': {
      if (change.a === change.b) return invalid('tie', 'A contact cannot be paired with itself.')
      const census = censusAlters(protocol, state).map((a) => a.id)
      if (!census.includes(change.a) || !census.includes(change.b)) {
        return invalid(
          'tie',
          'Those two contacts are not in the question about who works with whom.',
        )
      }
      const key = pairKey(change.a, change.b)
      const ties = Object.fromEntries(Object.entries(state.ties).filter(([k]) => k !== key))
      if (change.state !== null) ties[key] = change.state
      return ok({ ...state, ties })
    }
    case 'stage':
      if (!protocol.stages.some((s) => s.id === change.stage))
        return invalid('stage', `"${change.stage}" is not a part of this interview.`)
      return ok({ ...state, stage: change.stage })
  }
}

function invalid(path: string, message: string): Result<never> {
  return err(new SpnetError('validation', message, { issues: [{ path, message }] }))
}

type Questions = {
  readonly ego: ReadonlyMap<string, Question>
  readonly alter: ReadonlyMap<string, Question>
}
const questionCache = new WeakMap<Protocol, Questions>()

/** Ego and alter questions of a protocol, by id. */
export function questionsOf(protocol: Protocol): Questions {
  let q = questionCache.get(protocol)
  if (q === undefined) {
    const ego = new Map<string, Question>()
    const alter = new Map<string, Question>()
    for (const s of protocol.stages) {
      if (s.kind === 'ego_form') for (const x of s.questions) ego.set(x.id, x)
      if (s.kind === 'alter_form') for (const x of s.questions) alter.set(x.id, x)
    }
    q = { ego, alter }
    questionCache.set(protocol, q)
  }
  return q
}

/** `<id>_other` is the free text beside a question that allows "other". */
function otherOf(questions: ReadonlyMap<string, Question>, key: string): Question | undefined {
  if (!key.endsWith('_other')) return undefined
  const base = questions.get(key.slice(0, -'_other'.length))
  return base?.other === true
    ? { id: key, label: `${base.label} (other)`, type: 'text', maxLength: 200 }
    : undefined
}

export function generatorStage(
  protocol: Protocol,
  generator: string,
): Extract<Stage, { kind: 'name_generator' }> | undefined {
  for (const s of protocol.stages)
    if (s.kind === 'name_generator' && s.generator === generator) return s
  return undefined
}

function generatorOrder(protocol: Protocol, generators: readonly string[]): string[] {
  const order = protocol.stages.flatMap((s) => (s.kind === 'name_generator' ? [s.generator] : []))
  return order.filter((g) => generators.includes(g))
}

function withAnswer(
  answers: Readonly<Record<string, AnswerValue>>,
  key: string,
  value: AnswerValue,
): Record<string, AnswerValue> {
  const next = Object.fromEntries(Object.entries(answers).filter(([k]) => k !== key))
  // Trimmed first, so an answer of only spaces is no answer (not an empty string).
  const kept = typeof value === 'string' ? value.trim() : value
  if (kept === null || kept === '' || (Array.isArray(kept) && kept.length === 0)) return next
  next[key] = kept
  return next
}

function removeAlter(state: InterviewState, alter: string): InterviewState {
  const ties = Object.fromEntries(
    Object.entries(state.ties).filter(([key]) => !key.split('|').includes(alter)),
  )
  return { ...state, alters: state.alters.filter((a) => a.id !== alter), ties }
}

/** Names must be given and unique (ignoring case and spaces) so an alter named twice is one alter. */
function alterNameProblem(
  protocol: Protocol,
  state: InterviewState,
  value: AnswerValue | null,
  self: string | null,
  path: string,
): Result<never> | null {
  if (typeof value !== 'string' || value.trim() === '') {
    return invalid(path, 'Give a name for this contact.')
  }
  const wanted = normaliseName(value)
  const same = state.alters.find(
    (a) => a.id !== self && normaliseName(String(a.answers[protocol.alterName] ?? '')) === wanted,
  )
  if (same !== undefined) {
    return err(
      new SpnetError(
        'conflict',
        `You have already named ${String(same.answers[protocol.alterName])}.`,
        {
          issues: [
            {
              path,
              message: 'Already named: choose it from the list instead.',
              fix: same.id,
            },
          ],
        },
      ),
    )
  }
  return null
}

export function normaliseName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase()
}

/** Why an answer is not allowed, in words for the form, or null. */
export function answerProblem(
  question: Question,
  value: AnswerValue,
  key = question.id,
): string | null {
  if (value === null) return null
  const options = question.options?.map((o) => o.value) ?? []
  switch (question.type) {
    case 'text':
    case 'long_text': {
      if (typeof value !== 'string') return 'Write your answer as text.'
      const max = question.maxLength ?? (question.type === 'text' ? 500 : 2000)
      return value.length > max ? `Use at most ${max} characters.` : null
    }
    case 'number':
    case 'integer': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'Enter a number.'
      if (question.type === 'integer' && !Number.isInteger(value)) return 'Enter a whole number.'
      if (question.min !== undefined && value < question.min)
        return `Enter ${question.min} or more.`
      if (question.max !== undefined && value > question.max)
        return `Enter ${question.max} or less.`
      return null
    }
    case 'boolean':
      return typeof value === 'boolean' ? null : 'Answer yes or no.'
    case 'choice':
    case 'ordinal':
      return options.includes(value as string | number) ? null : 'Choose one of the options.'
    case 'multi_choice': {
      if (!Array.isArray(value)) return 'Choose any of the options.'
      if (new Set(value).size !== value.length) return 'Each option can be chosen once.'
      return value.every((v) => options.includes(v))
        ? null
        : `"${key}" has an answer that is not one of its options.`
    }
  }
}

/** Whether a question is shown, given the answers in its form so far. */
export function isShown(
  question: Question,
  answers: Readonly<Record<string, AnswerValue>>,
): boolean {
  return question.showIf === undefined || holds(question.showIf, answers)
}

function holds(c: Condition, answers: Readonly<Record<string, AnswerValue>>): boolean {
  if ('all' in c) return c.all.every((x) => holds(x, answers))
  if ('any' in c) return c.any.some((x) => holds(x, answers))
  const value = answers[c.variable]
  if ('answered' in c) return (value !== undefined && value !== null) === c.answered
  if ('equals' in c)
    return Array.isArray(value) ? value.includes(c.equals as string | number) : value === c.equals
  return c.in.some((x) => (Array.isArray(value) ? value.includes(x) : value === x))
}

/** Alters asked about in the tie census: the first N named by a generator other than "cannot refer" alone. */
export function censusAlters(protocol: Protocol, state: InterviewState): InterviewAlter[] {
  const stage = protocol.stages.find((s) => s.kind === 'tie_census')
  if (stage?.kind !== 'tie_census') return []
  return networkAlters(state).slice(0, stage.maxAlters)
}

/** Alters of the working network: all but those named only as services the link worker cannot reach. */
export function networkAlters(state: InterviewState): InterviewAlter[] {
  return state.alters.filter((a) => a.generators.some((g) => g !== 'cannot_refer'))
}

/** Alters an alter form asks about. */
export function formAlters(
  stage: Extract<Stage, { kind: 'alter_form' }>,
  state: InterviewState,
): InterviewAlter[] {
  const alters = networkAlters(state)
  return stage.generators === undefined
    ? alters
    : alters.filter((a) => a.generators.some((g) => stage.generators!.includes(g)))
}
