import type { AttributeValue, EgoNetwork, Study } from '../network/ego-network.js'
import type { Codebook, Variable } from '../network/codebook.js'
import type { Protocol } from '../protocol/protocol.js'
import { networkAlters } from './apply-change.js'
import { interviewNetwork, protocolCodebook } from './interview-network.js'
import type { InterviewState } from './interview-state.js'

/** One participant's collected interview, as the store holds it. */
export type CollectedInterview = {
  /** The participant's pseudonymous label (e.g. LW01): the ego id. */
  readonly label: string
  /** Attributes the research team set (e.g. practice_code, imd_quintile). */
  readonly attributes: Readonly<Record<string, AttributeValue>>
  readonly state: InterviewState
}

export type StudyFromInterviewsOptions = {
  /**
   * Keep the contacts' names (the protocol's `alterName` answer). Off by
   * default: names can identify people and the analysis never needs them.
   */
  readonly includeNames?: boolean
}

/**
 * The study a set of interviews describes, for the analysis engine and the
 * exports: one ego network per interview (`interviewNetwork`), in the order
 * given. Ego attributes are the research team's participant attributes, then
 * the participant's own answers (an answer wins over a same-named
 * attribute; an unanswered question does not), then `cannot_refer_count`,
 * the number of services named only as ones the link worker cannot refer to
 * (DOMAIN.md §3.2 NG6).
 */
export function studyFromInterviews(
  protocol: Protocol,
  interviews: readonly CollectedInterview[],
  options: StudyFromInterviewsOptions = {},
): Study {
  const generators = protocol.stages.flatMap((s) =>
    s.kind === 'name_generator' ? [s.generator] : [],
  )
  const codebook = protocolCodebook(protocol)
  const networks = interviews.map((interview): EgoNetwork => {
    const net = interviewNetwork(protocol, interview.state, interview.label)
    const unreachable = interview.state.alters.length - networkAlters(interview.state).length
    const attributes: Record<string, AttributeValue> = {
      ...interview.attributes,
      ...net.ego.attributes,
      cannot_refer_count: unreachable,
    }
    // A question left unanswered is no answer: it does not erase the team's value.
    for (const [key, value] of Object.entries(interview.attributes))
      if (attributes[key] === null) attributes[key] = value
    return {
      ego: { id: net.ego.id, attributes },
      alters:
        options.includeNames === true
          ? net.alters
          : net.alters.map((a) => ({
              ...a,
              attributes: without(a.attributes, protocol.alterName),
            })),
      ties: net.ties,
    }
  })
  return {
    codebook: withoutName(
      {
        ...codebook,
        ego: {
          ...attributeVariables(interviews.map((i) => i.attributes)),
          ...codebook.ego,
          cannot_refer_count: {
            type: 'numeric',
            label: 'Services named that the link worker cannot refer to',
            min: 0,
            integer: true,
          },
        },
      },
      options.includeNames === true ? null : protocol.alterName,
    ),
    generators,
    networks,
  }
}

function without(
  attributes: Readonly<Record<string, AttributeValue>>,
  key: string,
): Record<string, AttributeValue> {
  const { [key]: _dropped, ...rest } = attributes
  return rest
}

function withoutName(codebook: Codebook, name: string | null): Codebook {
  if (name === null) return codebook
  const { [name]: _dropped, ...alter } = codebook.alter
  return { ego: codebook.ego, alter }
}

/**
 * Variables for the research team's participant attributes, told from their
 * values: numbers are numeric, true/false boolean, anything else a category
 * (so `compare --by` can group on them).
 */
function attributeVariables(
  records: readonly Readonly<Record<string, AttributeValue>>[],
): Record<string, Variable> {
  const values = new Map<string, AttributeValue[]>()
  for (const r of records) {
    for (const [name, value] of Object.entries(r)) {
      let list = values.get(name)
      if (list === undefined) values.set(name, (list = []))
      if (value !== null) list.push(value)
    }
  }
  const out: Record<string, Variable> = {}
  for (const [name, list] of values) {
    if (list.length > 0 && list.every((v) => typeof v === 'number')) {
      out[name] = {
        type: 'numeric',
        ...(list.every((v) => Number.isInteger(v)) ? { integer: true } : {}),
      }
    } else if (list.length > 0 && list.every((v) => typeof v === 'boolean')) {
      out[name] = { type: 'boolean' }
    } else {
      const levels = [...new Set(list.map(String))].sort()
      out[name] = levels.length > 0 ? { type: 'categorical', levels } : { type: 'text' }
    }
  }
  return out
}
