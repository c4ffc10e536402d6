import type { Variable } from '../network/codebook.js'
import type { AttributeValue } from '../network/ego-network.js'
import { hasNumberSyntax, isMissing, parseFlag, parseNumber, shorten } from './parse-value.js'

/**
 * Types one attribute column after a file has been read. Raw values are
 * interned per column while reading, so typing works on the distinct values
 * and maps each record's value through a small table.
 */

const thousands = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/

/** A number as people write one: no leading zeros, no more than 15 significant digits. */
function isPlainNumber(raw: string): boolean {
  if (!/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(raw)) return false
  return raw.replace(/^-|[eE].*$|\./g, '').replace(/^0+/, '').length <= 15
}

export type ColumnProblem = {
  readonly value: string
  readonly message: string
  readonly fix: string
}

export type TypedColumn = {
  readonly variable: Variable
  /** Typed value for every distinct raw value (missing ones map to null). */
  readonly values: ReadonlyMap<string, AttributeValue>
  /** Distinct raw values that break the declared type. */
  readonly problems: readonly ColumnProblem[]
}

export function typeColumn(
  distinct: Iterable<string>,
  declared: Variable | undefined,
): TypedColumn {
  const values = new Map<string, AttributeValue>()
  const problems: ColumnProblem[] = []
  const present = [...distinct].filter((raw) => {
    if (isMissing(raw)) {
      values.set(raw, null)
      return false
    }
    return true
  })

  if (declared === undefined) {
    const numbers = present.map((raw) => parseNumber(raw))
    // Only plain numbers make a column numeric: codes with leading zeros
    // ("00123"), and ids too long for a double, stay text as written.
    if (present.length > 0 && numbers.every((p) => p.ok) && present.every(isPlainNumber)) {
      present.forEach((raw, i) => values.set(raw, (numbers[i] as { value: number }).value))
      return { variable: { type: 'numeric' }, values, problems }
    }
    // Numbers, some written with thousands separators: a numeric column with
    // typing slips, not text. Report the slips rather than guess.
    // Numbers too large to store (1e999) are slips of the same kind.
    const slips = present.filter(
      (raw, i) => !numbers[i]!.ok && (thousands.test(raw) || hasNumberSyntax(raw)),
    )
    if (slips.length > 0 && slips.length + numbers.filter((p) => p.ok).length === present.length) {
      for (const raw of slips) {
        const p = parseNumber(raw)
        if (!p.ok) problems.push({ value: raw, message: p.message, fix: p.fix })
      }
      return { variable: { type: 'numeric' }, values, problems }
    }
    for (const raw of present) values.set(raw, raw)
    return { variable: { type: 'text' }, values, problems }
  }

  switch (declared.type) {
    case 'numeric':
      for (const raw of present) {
        const parsed = parseNumber(raw)
        if (!parsed.ok) {
          problems.push({ value: raw, message: parsed.message, fix: parsed.fix })
          continue
        }
        const v = parsed.value
        const range = rangeProblem(v, declared)
        if (range !== null) problems.push({ value: raw, ...range })
        else values.set(raw, v)
      }
      break
    case 'categorical': {
      const levels = new Set(declared.levels)
      for (const raw of present) {
        if (levels.has(raw)) values.set(raw, raw)
        else
          problems.push({
            value: raw,
            message: `"${shorten(raw)}" is not one of the codebook's categories.`,
            fix: `Use one of: ${declared.levels.join(', ')}; or add it to the codebook.`,
          })
      }
      break
    }
    case 'boolean':
      for (const raw of present) {
        const parsed = parseFlag(raw)
        if (parsed.ok) values.set(raw, parsed.value)
        else
          problems.push({
            value: raw,
            message: `"${shorten(raw)}" is not true or false.`,
            fix: 'Write 1 or 0 (or true/false).',
          })
      }
      break
    case 'text':
      for (const raw of present) values.set(raw, raw)
      break
  }
  return { variable: declared, values, problems }
}

function rangeProblem(
  v: number,
  declared: Extract<Variable, { type: 'numeric' }>,
): { message: string; fix: string } | null {
  const between =
    declared.min !== undefined && declared.max !== undefined
      ? `between ${declared.min} and ${declared.max}`
      : declared.min !== undefined
        ? `at least ${declared.min}`
        : `at most ${declared.max}`
  if (
    (declared.min !== undefined && v < declared.min) ||
    (declared.max !== undefined && v > declared.max)
  ) {
    return { message: `${v} is out of range.`, fix: `Use a value ${between}.` }
  }
  if (declared.integer === true && !Number.isInteger(v)) {
    return { message: `${v} is not a whole number.`, fix: 'Use a whole number.' }
  }
  return null
}
