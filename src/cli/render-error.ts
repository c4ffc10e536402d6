import { formatLocation, type SpnetError } from '../core/errors.js'

/**
 * Renders an error for the terminal in the shape of zod's prettifyError: a
 * summary line, then for each problem a `✖` line, where it is, and what to do.
 */
export function renderError(error: SpnetError): string {
  const lines = [`✖ ${error.message}`]
  for (const issue of error.issues) {
    const where = formatLocation(issue)
    // An issue that repeats the summary only adds where it is and what to do.
    if (issue.message !== error.message) lines.push(`  ✖ ${issue.message}`)
    if (where !== '') lines.push(`    → ${where}`)
    if (issue.fix !== undefined) lines.push(`    ${issue.fix}`)
  }
  return lines.join('\n') + '\n'
}

/**
 * Exit status for an error: 2 for the user's input, files or command line
 * (something they can fix), 1 for what spnet cannot do or a bug.
 */
export function exitCodeOf(error: SpnetError): number {
  return error.code === 'validation' || error.code === 'usage' || error.code === 'not_found' ? 2 : 1
}
