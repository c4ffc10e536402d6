/**
 * A Markdown table with padded columns, readable both in a terminal and once
 * rendered. `align` per column: 'l' or 'r' (numbers read best right-aligned).
 */
export function markdownTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly ('l' | 'r')[] = [],
): string {
  const width = headers.map((h, c) =>
    Math.max(length(h), 3, ...rows.map((r) => length(r[c] ?? ''))),
  )
  const pad = (text: string, c: number) =>
    align[c] === 'r'
      ? text.padStart(width[c]! + text.length - length(text))
      : text.padEnd(width[c]! + text.length - length(text))
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, c) => pad(cell, c)).join(' | ')} |`
  const rule = `|${width.map((w, c) => (align[c] === 'r' ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`
  return (
    [line(headers), rule, ...rows.map((r) => line(headers.map((_, c) => r[c] ?? '')))].join('\n') +
    '\n'
  )
}

/** Length in code points, so "–" and "≤" pad like one character. */
function length(text: string): number {
  return Array.from(text).length
}

/**
 * A number for people: integers as they are, others to 3 significant digits
 * (at least 1 decimal, at most 3), e.g. 24, 20.8, 1.57, 0.136, −0.045.
 */
export function displayNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return 'NA'
  if (Number.isInteger(value)) return String(value)
  const magnitude = Math.abs(value)
  const decimals = magnitude >= 100 ? 1 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3
  return value.toFixed(decimals).replace('-', '−')
}

/** A p-value for people: 3 decimals, or "< 0.001". */
export function displayP(p: number | null | undefined): string {
  if (p === null || p === undefined) return 'NA'
  return p < 0.001 ? '< 0.001' : p.toFixed(3)
}
