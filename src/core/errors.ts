/**
 * spnet's one error type. Every failure a user can cause (a bad file, a bad
 * flag, an unknown id) is a `SpnetError` with a `code`; the CLI and, later, the
 * server render it from that code. Tests assert on `code` and on issue
 * locations, never on wording.
 */

export type ErrorCode =
  | 'validation' // the input is wrong; the issues say where and how to fix it
  | 'usage' // the command line is wrong
  | 'not_found' // a file, ego, area... that does not exist
  | 'conflict' // the input contradicts itself or existing data
  | 'unsupported' // a valid request spnet cannot do
  | 'internal' // a bug in spnet

/** Where an issue is. Files use line/column (1-based); JSON uses path. */
export type IssueLocation = {
  readonly file?: string
  readonly line?: number
  /** 1-based field number in a CSV row. */
  readonly column?: number
  /** The header name of that field. */
  readonly columnName?: string
  /** 1-based character position in the line, for problems inside a field. */
  readonly char?: number
  /** Path inside a structured value, e.g. `egos[3].alters[0].id`. */
  readonly path?: string
}

export type Issue = IssueLocation & {
  /** What is wrong, in plain words. */
  readonly message: string
  /** What to do about it. */
  readonly fix?: string
}

export class SpnetError extends Error {
  override readonly name = 'SpnetError'
  readonly code: ErrorCode
  readonly issues: readonly Issue[]

  constructor(
    code: ErrorCode,
    message: string,
    options: { readonly issues?: readonly Issue[]; readonly cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.issues = options.issues ?? []
  }
}

export function isSpnetError(value: unknown): value is SpnetError {
  return value instanceof SpnetError
}

/** Formats an issue's location as `file line 3, column 2 (frequency)`. */
export function formatLocation(loc: IssueLocation): string {
  const parts: string[] = []
  if (loc.file !== undefined) parts.push(loc.file)
  if (loc.line !== undefined) parts.push(`line ${loc.line}`)
  if (loc.column !== undefined) {
    parts.push(
      `column ${loc.column}` + (loc.columnName === undefined ? '' : ` (${loc.columnName})`),
    )
  } else if (loc.columnName !== undefined) {
    parts.push(`column ${loc.columnName}`)
  }
  if (loc.char !== undefined) parts.push(`character ${loc.char}`)
  if (loc.path !== undefined) parts.push(`at ${loc.path}`)
  return parts.join(', ').replace(/^([^,]+), line/, '$1 line')
}
