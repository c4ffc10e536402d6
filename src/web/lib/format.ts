import type { InterviewAlter, AnswerValue } from '../../core/interview/interview-state.js'
import type { Protocol, Question } from '../../core/protocol/protocol.js'

/** The contact's display name: its answer to the protocol's name question. */
export function alterName(protocol: Protocol, alter: InterviewAlter): string {
  const name = alter.answers[protocol.alterName]
  return typeof name === 'string' && name !== '' ? name : 'Unnamed contact'
}

function optionLabel(question: Question, value: string | number): string {
  return question.options?.find((o) => o.value === value)?.label ?? String(value)
}

/** An answer in words, as the participant chose it (option labels, units, "Other: …"). */
export function formatAnswer(
  question: Question,
  answers: Readonly<Record<string, AnswerValue>>,
): string | null {
  const value = answers[question.id]
  if (value === undefined || value === null) return null
  const other = answers[`${question.id}_other`]
  const withOther = (text: string) =>
    typeof other === 'string' && other !== '' ? `${text} (${other})` : text
  switch (question.type) {
    case 'boolean':
      return value === true ? 'Yes' : 'No'
    case 'choice':
    case 'ordinal':
      return typeof value === 'string' || typeof value === 'number'
        ? withOther(optionLabel(question, value))
        : String(value)
    case 'multi_choice':
      return Array.isArray(value)
        ? withOther(value.map((v) => optionLabel(question, v)).join('; '))
        : String(value)
    case 'number':
    case 'integer':
      return question.unit === undefined ? String(value) : `${String(value)} ${question.unit}`
    default:
      return String(value)
  }
}

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' })
const dateOnly = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' })

export function formatDateTime(iso: string | null): string {
  if (iso === null) return '–'
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d)
}

export function formatDate(iso: string | null): string {
  if (iso === null) return '–'
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : dateOnly.format(d)
}

/** A measure value for a table: 3 significant decimals, NA for undefined. */
export function formatNumber(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined) return 'NA'
  if (Number.isInteger(value)) return String(value)
  return value.toFixed(digits)
}

export function formatP(p: number | null | undefined): string {
  if (p === null || p === undefined) return 'NA'
  return p < 0.001 ? '< 0.001' : p.toFixed(3)
}
