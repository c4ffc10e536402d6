/**
 * Finds columns in official files whose headers vary: long official names,
 * truncated ones ("...most deprived 10% of LSOA"), snake_case renames,
 * upper-case ONS codes, line breaks inside Excel headers.
 * @internal
 */
export function normaliseHeader(header: string): string {
  return header.replace(/\s+/g, ' ').trim().toLowerCase()
}

/** Index of the first header that equals one of `names`, or -1. */
export function findColumn(headers: readonly string[], ...names: readonly string[]): number {
  const wanted = names.map(normaliseHeader)
  return headers.findIndex((h) => wanted.includes(normaliseHeader(h)))
}

/** Index of the first header that starts with one of `prefixes`, or -1. */
export function findColumnStarting(
  headers: readonly string[],
  ...prefixes: readonly string[]
): number {
  const wanted = prefixes.map(normaliseHeader)
  return headers.findIndex((h) => {
    const n = normaliseHeader(h)
    return wanted.some((p) => n.startsWith(p))
  })
}

/** Index of the first header matching `pattern` (tested on the normalised header), or -1. */
export function findColumnMatching(headers: readonly string[], pattern: RegExp): number {
  return headers.findIndex((h) => pattern.test(normaliseHeader(h)))
}
