import type { Alter, AlterTie, AttributeValue, EgoNetwork } from '../network/ego-network.js'
import { alterId, alterIndex, egoId } from '../network/ids.js'
import type { Codebook, Variable } from '../network/codebook.js'
import type { Protocol, Question } from '../protocol/protocol.js'
import { censusAlters, networkAlters, questionsOf } from './apply-change.js'
import { pairKey, type AnswerValue, type InterviewState } from './interview-state.js'

/**
 * The ego network an interview describes, for the analysis engine and the
 * exports: the ego's answers as attributes; the working network's alters
 * with their answers, derived variables (e.g. org_type from sector), the
 * `frequency` answer and the generators that named them; and every pair of
 * alters with its state — yes, no, don't know, or not_asked for
 * pairs the census did not reach or the participant left unanswered.
 * Multiple-choice answers become one 0/1 attribute per option.
 */
export function interviewNetwork(
  protocol: Protocol,
  state: InterviewState,
  ego: string,
): EgoNetwork {
  const q = questionsOf(protocol)
  const alters = networkAlters(state)
  const census = new Set(censusAlters(protocol, state).map((a) => a.id))
  const network: Alter[] = alters.map((a) => {
    const attributes: Record<string, AttributeValue> = {}
    for (const [key, question] of q.alter) {
      if (key === 'frequency') continue
      flatten(attributes, question, a.answers[key], a.answers)
    }
    for (const d of protocol.derived) {
      const from = a.answers[d.from]
      if (q.alter.has(d.from))
        attributes[d.id] =
          from === undefined || from === null ? null : (d.map[String(from)] ?? null)
    }
    const frequency = a.answers['frequency']
    return {
      id: alterId(a.id),
      attributes,
      frequency: typeof frequency === 'number' ? frequency : null,
      generators: a.generators.filter((g) => g !== 'cannot_refer' || a.generators.length > 1),
    }
  })
  const ties: AlterTie[] = []
  for (let i = 0; i < alters.length; i++) {
    for (let j = i + 1; j < alters.length; j++) {
      const a = alters[i]!.id
      const b = alters[j]!.id
      const answer = census.has(a) && census.has(b) ? state.ties[pairKey(a, b)] : undefined
      // Every pair is written with its state: "no" and "don't know" answers are kept.
      ties.push({
        from: alterIndex(i),
        to: alterIndex(j),
        state: answer ?? 'not_asked',
        weight: null,
      })
    }
  }
  const attributes: Record<string, AttributeValue> = {}
  for (const [key, question] of q.ego) flatten(attributes, question, state.ego[key], state.ego)
  for (const d of protocol.derived) {
    if (q.ego.has(d.from)) attributes[d.id] = d.map[String(state.ego[d.from])] ?? null
  }
  return { ego: { id: egoId(ego), attributes }, alters: network, ties }
}

function flatten(
  into: Record<string, AttributeValue>,
  question: Question,
  value: AnswerValue | undefined,
  answers: Readonly<Record<string, AnswerValue>> = {},
): void {
  // The free text beside an "Other" option is an answer of its own: keep it.
  if (question.other === true) {
    const other = answers[`${question.id}_other`]
    into[`${question.id}_other`] = typeof other === 'string' ? other : null
  }
  if (question.type === 'multi_choice') {
    const chosen = Array.isArray(value) ? value : []
    for (const o of question.options ?? [])
      into[`${question.id}_${o.value}`] =
        value === undefined ? null : chosen.includes(o.value) ? 1 : 0
    return
  }
  into[question.id] = value === undefined || Array.isArray(value) ? null : value
}

/** The codebook of a protocol's exports, so categories and ranges travel with the data. */
export function protocolCodebook(protocol: Protocol): Codebook {
  const q = questionsOf(protocol)
  const variables = (questions: ReadonlyMap<string, Question>, skip: ReadonlySet<string>) => {
    const out: Record<string, Variable> = {}
    for (const [key, question] of questions) {
      if (skip.has(key)) continue
      if (question.type === 'multi_choice') {
        for (const o of question.options ?? [])
          out[`${key}_${o.value}`] = {
            type: 'numeric',
            label: `${question.label}: ${o.label}`,
            min: 0,
            max: 1,
            integer: true,
          }
      } else out[key] = variableOf(question)
      if (question.other === true) {
        out[`${key}_other`] = { type: 'text', label: `${question.label} (other, in their words)` }
      }
    }
    return out
  }
  const alter = variables(q.alter, new Set())
  const ego = variables(q.ego, new Set())
  for (const d of protocol.derived) {
    const target = q.alter.has(d.from) ? alter : ego
    target[d.id] = {
      type: 'categorical',
      label: d.label,
      levels: [...new Set(Object.values(d.map))],
    }
  }
  return { ego, alter }
}

function variableOf(question: Question): Variable {
  switch (question.type) {
    case 'choice':
      return {
        type: 'categorical',
        label: question.label,
        levels: (question.options ?? []).map((o) => String(o.value)),
        labels: Object.fromEntries((question.options ?? []).map((o) => [String(o.value), o.label])),
      }
    case 'ordinal':
    case 'number':
    case 'integer': {
      const values = (question.options ?? []).map((o) => Number(o.value))
      return {
        type: 'numeric',
        label: question.label,
        ...(question.min !== undefined || values.length > 0
          ? { min: question.min ?? Math.min(...values) }
          : {}),
        ...(question.max !== undefined || values.length > 0
          ? { max: question.max ?? Math.max(...values) }
          : {}),
        ...(question.type === 'integer' || question.type === 'ordinal' ? { integer: true } : {}),
      }
    }
    case 'boolean':
      return { type: 'boolean', label: question.label }
    default:
      return { type: 'text', label: question.label }
  }
}
