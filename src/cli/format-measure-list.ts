import type { MeasureSpec } from '../core/measures/index.js'

/** `spnet measures --list`: every measure with its formula, NA rule and citation. */
export function formatMeasureList(registry: readonly MeasureSpec[], format: 'text' | 'md'): string {
  if (format === 'md') {
    const rows = registry.map(
      (m) =>
        `| \`${m.columnPattern}\` | ${m.label} | ${m.formula} | ${m.undefinedWhen} | ${m.citation} |`,
    )
    return [
      '| column | measure | formula | NA when | reference |',
      '|---|---|---|---|---|',
      ...rows.map((r) => r.replaceAll('*', '\\*')),
      '',
    ].join('\n')
  }
  return (
    registry
      .map((m) =>
        [
          `${m.columnPattern}  —  ${m.label}`,
          `    formula:   ${m.formula}`,
          `    NA when:   ${m.undefinedWhen}`,
          `    reference: ${m.citation}`,
        ].join('\n'),
      )
      .join('\n\n') + '\n'
  )
}
