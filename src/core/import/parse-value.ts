import type { TieState } from '../network/ego-network.js'

/**
 * Cell-level parsing shared by the importers. Each returns a value or a
 * problem; the caller adds the file, line and column.
 */

/** Empty cells and R's `NA` are missing values. */
export function isMissing(raw: string): boolean {
  return raw === '' || raw === 'NA'
}

const numberSyntax = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/

/** Written as a decimal number (it may still be too large to store). */
export function hasNumberSyntax(raw: string): boolean {
  return numberSyntax.test(raw)
}

export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string; readonly fix: string }

/** Parses a decimal number; rejects thousands separators, `Inf` and overflow. */
export function parseNumber(raw: string): Parsed<number> {
  if (!numberSyntax.test(raw)) {
    const thousands = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(raw)
    return {
      ok: false,
      message: `"${shorten(raw)}" is not a number.`,
      fix: thousands
        ? 'Write numbers without thousands separators and with a decimal point (1234, or 1.234 if the comma was a decimal comma).'
        : /^[+-]?\d+,\d+$/.test(raw)
          ? `Use a decimal point, not a comma (${raw.replace(',', '.')}).`
          : 'Write a plain number such as 3 or 2.5, or leave the cell empty (or NA) when it is missing.',
    }
  }
  const value = Number(raw)
  if (!Number.isFinite(value)) {
    return {
      ok: false,
      message: `${shorten(raw)} is too large to store as a number.`,
      fix: 'Check the value; numbers must be below about 1.8e308.',
    }
  }
  return { ok: true, value }
}

const stateWords: ReadonlyMap<string, TieState> = new Map([
  ['', 'yes'],
  ['yes', 'yes'],
  ['no', 'no'],
  ['dont_know', 'dont_know'],
  ["don't know", 'dont_know'],
  ['dont know', 'dont_know'],
  ['don’t know', 'dont_know'],
  ['not_asked', 'not_asked'],
  ['not asked', 'not_asked'],
])

/** Parses a tie state, case-insensitively; an empty cell means `yes`. */
export function parseTieState(raw: string): Parsed<TieState> {
  const state = stateWords.get(raw.toLowerCase())
  if (state !== undefined) return { ok: true, value: state }
  return {
    ok: false,
    message: `"${shorten(raw)}" is not a tie state.`,
    fix: "Use yes, no, dont_know (or don't know) or not_asked; an empty cell means yes.",
  }
}

const flagWords: ReadonlyMap<string, boolean> = new Map([
  ['1', true],
  ['0', false],
  ['true', true],
  ['false', false],
  ['yes', true],
  ['no', false],
  ['', false],
  ['na', false],
])

/** Parses a 0/1 name-generator flag; an empty cell means "not named". */
export function parseFlag(raw: string): Parsed<boolean> {
  const value = flagWords.get(raw.toLowerCase())
  if (value !== undefined) return { ok: true, value }
  return {
    ok: false,
    message: `"${shorten(raw)}" is not 0 or 1.`,
    fix: 'Write 1 when this name generator named the alter and 0 (or leave it empty) when it did not.',
  }
}

/** Keeps quoted cell values in messages short. */
export function shorten(raw: string, max = 40): string {
  const flat = raw.replace(/\s+/g, ' ')
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`
}
