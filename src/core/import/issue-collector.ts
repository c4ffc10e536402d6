import { SpnetError, type Issue } from '../errors.js'

/**
 * Gathers every problem in an import so the user can fix them all in one go.
 * Keeps the first `limit` in full and counts the rest.
 */
export class IssueCollector {
  readonly #issues: Issue[] = []
  #count = 0

  constructor(readonly limit = 100) {}

  add(issue: Issue): void {
    this.#count++
    if (this.#issues.length < this.limit) this.#issues.push(issue)
  }

  get count(): number {
    return this.#count
  }

  isEmpty(): boolean {
    return this.#count === 0
  }

  /** True once no further issue would be kept, so callers can stop early. */
  isFull(): boolean {
    return this.#issues.length >= this.limit
  }

  /**
   * The error listing the problems kept, in the order of `files` (then by
   * line; problems of one file and line keep the order they were found in).
   */
  toError(what: string, files: readonly string[] = []): SpnetError {
    const rank = (issue: Issue) => {
      const i = issue.file === undefined ? -1 : files.indexOf(issue.file)
      return i < 0 ? files.length : i
    }
    const sorted = this.#issues
      .map((issue, i) => ({ issue, i }))
      .sort(
        (x, y) =>
          rank(x.issue) - rank(y.issue) || (x.issue.line ?? 0) - (y.issue.line ?? 0) || x.i - y.i,
      )
      .map((x) => x.issue)
    const extra = this.#count - this.#issues.length
    const summary =
      `${what}: ${this.#count} problem${this.#count === 1 ? '' : 's'} found, nothing was imported.` +
      (extra > 0 ? ` The first ${this.#issues.length} are listed.` : '')
    return new SpnetError('validation', summary, { issues: sorted })
  }
}
