import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser'
import { lineAndChar } from './csv-table.js'

/**
 * Line and character positions for problems in JSON files, found with
 * jsonc-parser (VS Code's JSON parser, which keeps offsets). Only used once
 * something is wrong, so the fast JSON.parse stays on the happy path.
 */

const plainWords: Record<string, string> = {
  InvalidSymbol: 'an unexpected character',
  InvalidNumberFormat: 'a malformed number',
  PropertyNameExpected: 'a missing property name (in double quotes)',
  ValueExpected: 'a missing value',
  ColonExpected: 'a missing colon',
  CommaExpected: 'a missing comma',
  CloseBraceExpected: 'a missing closing }',
  CloseBracketExpected: 'a missing closing ]',
  EndOfFileExpected: 'text after the end of the JSON value',
  InvalidCommentToken: 'a comment, which JSON does not allow',
  UnexpectedEndOfComment: 'an unfinished comment',
  UnexpectedEndOfString: 'a string with no closing quote',
  UnexpectedEndOfNumber: 'an unfinished number',
  InvalidUnicode: 'a malformed \\u escape',
  InvalidEscapeCharacter: 'a malformed escape (\\)',
  InvalidCharacter: 'a character that must be escaped inside a string',
}

/** The first syntax error: where, and what, in plain words. */
export function jsonSyntaxError(
  text: string,
): { readonly line: number; readonly char: number; readonly message: string } | null {
  const errors: ParseError[] = []
  parseTree(text, errors, { disallowComments: true, allowTrailingComma: false })
  const first = errors[0]
  if (first === undefined) return null
  const code = printParseErrorCode(first.error)
  return {
    ...lineAndChar(text, first.offset),
    message: `The JSON has ${plainWords[code] ?? code} here.`,
  }
}

/**
 * Where the value at `path` starts, or, when it is missing, where the
 * nearest enclosing value starts.
 */
export function locateJsonPath(
  text: string,
  path: readonly (string | number)[],
): { readonly line: number; readonly char: number } | null {
  const root = parseTree(text)
  if (root === undefined) return null
  for (let depth = path.length; depth >= 0; depth--) {
    const node = findNodeAtLocation(root, path.slice(0, depth))
    if (node !== undefined) return lineAndChar(text, node.offset)
  }
  return null
}
