import { SpnetError, type Issue } from '../errors.js'
import { err, ok, type Result } from '../result.js'
import { protocolSchema, type Condition, type Protocol, type Question } from './protocol.js'

/**
 * Parses and checks a protocol: its shape (zod), then what a shape cannot
 * say — ids unique, every reference resolvable, skip logic pointing back to
 * earlier questions, options where answers are chosen, alters named by a
 * text question asked first when one is added, derived variables mapping
 * every option of a single-choice question without hiding another variable.
 * Problems are reported by path (e.g. `stages[3].questions[1].showIf.variable`;
 * an unknown field at the field itself).
 */
export function validateProtocol(raw: unknown): Result<Protocol> {
  const parsed = protocolSchema.safeParse(raw)
  if (!parsed.success) {
    return err(
      new SpnetError('validation', 'The protocol is not valid.', {
        issues: parsed.error.issues.flatMap((i) => {
          const path = i.path.filter((k): k is string | number => typeof k !== 'symbol')
          // An unknown field (often a typo) is reported at the field, not at its object.
          if (i.code === 'unrecognized_keys')
            return i.keys.map((k) => ({
              path: pathText([...path, k]),
              message: `Unknown field "${k}".`,
            }))
          return [{ path: pathText(path), message: i.message }]
        }),
      }),
    )
  }
  const p = parsed.data
  const issues: Issue[] = []
  const add = (path: string, message: string, fix?: string) => {
    issues.push({ path, message, ...(fix === undefined ? {} : { fix }) })
  }

  const stageIds = new Map<string, number>()
  const egoQuestions = new Map<string, Question>()
  const alterQuestions = new Map<string, Question>()
  const generators = new Map<string, number>()
  let census = -1
  p.stages.forEach((stage, s) => {
    const at = `stages[${s}]`
    if (stageIds.has(stage.id)) add(`${at}.id`, `Stage id "${stage.id}" is used twice.`)
    stageIds.set(stage.id, s)
    if (stage.kind === 'review' && s !== p.stages.length - 1)
      add(at, 'The review stage must be the last.')
    if (stage.kind === 'tie_census') {
      if (census >= 0) add(at, 'A protocol has at most one tie census.')
      census = s
    }
    if (stage.kind === 'name_generator') {
      if (generators.has(stage.generator))
        add(`${at}.generator`, `Generator "${stage.generator}" is used by two stages.`)
      generators.set(stage.generator, s)
    }
    if (stage.kind === 'ego_form' || stage.kind === 'alter_form') {
      const scope = stage.kind === 'ego_form' ? egoQuestions : alterQuestions
      const other = stage.kind === 'ego_form' ? alterQuestions : egoQuestions
      stage.questions.forEach((q, i) => {
        const qat = `${at}.questions[${i}]`
        if (scope.has(q.id) || other.has(q.id))
          add(`${qat}.id`, `Question id "${q.id}" is used twice.`)
        checkQuestion(q, qat, add)
        if (q.showIf !== undefined) checkCondition(q.showIf, scope, `${qat}.showIf`, add)
        scope.set(q.id, q)
      })
      if (stage.kind === 'alter_form') {
        stage.generators?.forEach((g, i) => {
          if (!generators.has(g))
            add(`${at}.generators[${i}]`, `"${g}" is not a name generator of an earlier stage.`)
        })
      }
    }
  })
  if (generators.size === 0) add('stages', 'A protocol needs at least one name-generator stage.')
  p.stages.forEach((stage, s) => {
    if (stage.kind !== 'name_generator') return
    stage.quickAdd.forEach((id, i) => {
      if (!alterQuestions.has(id))
        add(
          `stages[${s}].quickAdd[${i}]`,
          `"${id}" is not an alter question of an alter_form stage.`,
        )
    })
  })
  const nameQuestion = alterQuestions.get(p.alterName)
  if (nameQuestion === undefined) {
    add(
      'alterName',
      `"${p.alterName}" is not an alter question.`,
      'Name the alter question whose answer names the alter.',
    )
  } else if (nameQuestion.type !== 'text' && nameQuestion.type !== 'long_text') {
    add('alterName', `"${p.alterName}" is not a text question: an alter is named in words.`)
  } else {
    // The interview names a new alter by the answer to its first quick-add question.
    p.stages.forEach((stage, s) => {
      if (stage.kind === 'name_generator' && stage.quickAdd[0] !== p.alterName)
        add(`stages[${s}].quickAdd[0]`, `The first quick-add question must be "${p.alterName}".`)
    })
  }
  const derivedIds = { ego: new Set<string>(), alter: new Set<string>() }
  p.derived.forEach((d, i) => {
    const from = alterQuestions.get(d.from) ?? egoQuestions.get(d.from)
    if (from === undefined) {
      add(`derived[${i}].from`, `"${d.from}" is not a question.`)
      return
    }
    // A derived variable is a column beside its source's answers: it may not hide one.
    const scope = alterQuestions.has(d.from) ? 'alter' : 'ego'
    const questions = scope === 'alter' ? alterQuestions : egoQuestions
    if (derivedIds[scope].has(d.id) || questions.has(d.id))
      add(`derived[${i}].id`, `"${d.id}" is already the name of a variable.`)
    derivedIds[scope].add(d.id)
    if (from.type !== 'choice' && from.type !== 'ordinal') {
      add(`derived[${i}].from`, `"${d.from}" is not a question with one chosen answer.`)
      return
    }
    const values = new Set((from.options ?? []).map((o) => String(o.value)))
    for (const key of Object.keys(d.map)) {
      if (!values.has(key))
        add(`derived[${i}].map.${key}`, `"${key}" is not an option of "${d.from}".`)
    }
    for (const value of values) {
      if (!(value in d.map))
        add(`derived[${i}].map`, `Option "${value}" of "${d.from}" has no mapping.`)
    }
  })
  if (issues.length > 0)
    return err(new SpnetError('validation', 'The protocol is not valid.', { issues }))
  return ok(p)
}

function checkQuestion(
  q: Question,
  at: string,
  add: (path: string, message: string, fix?: string) => void,
): void {
  const chosen = q.type === 'choice' || q.type === 'multi_choice' || q.type === 'ordinal'
  if (chosen && q.options === undefined) add(`${at}.options`, `A ${q.type} question needs options.`)
  if (!chosen && q.options !== undefined)
    add(`${at}.options`, `A ${q.type} question has no options.`)
  if (q.type === 'ordinal' && q.options?.some((o) => typeof o.value !== 'number')) {
    add(`${at}.options`, 'Ordinal options need numeric values (1, 2, 3…) so they can be averaged.')
  }
  const seen = new Set<string>()
  q.options?.forEach((o, i) => {
    if (seen.has(String(o.value)))
      add(`${at}.options[${i}].value`, `Option value "${o.value}" is used twice.`)
    seen.add(String(o.value))
  })
  if (q.min !== undefined && q.max !== undefined && q.min > q.max)
    add(`${at}.min`, 'min is above max.')
}

function checkCondition(
  c: Condition,
  known: ReadonlyMap<string, Question>,
  at: string,
  add: (path: string, message: string) => void,
): void {
  if ('all' in c)
    c.all.forEach((x, i) => {
      checkCondition(x, known, `${at}.all[${i}]`, add)
    })
  else if ('any' in c)
    c.any.forEach((x, i) => {
      checkCondition(x, known, `${at}.any[${i}]`, add)
    })
  else if (!known.has(c.variable)) {
    add(
      `${at}.variable`,
      `"${c.variable}" is not a question asked before this one (in the same form).`,
    )
  }
}

export function pathText(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc === '' ? key : `${acc}.${key}`),
    '',
  )
}
