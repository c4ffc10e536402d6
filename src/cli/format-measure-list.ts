import type { MeasureSpec } from '../core/measures/index.js'

/** `spnet measures --list`: every measure with its formula, NA rule and citation. */
export function formatMeasureList(registry: readonly MeasureSpec[], format: 'text' | 'md'): string {
  if (format === 'md') {
    const rows = registry.map(
      (m) =>
        `| \`${m.columnPattern}\` | ${m.label} | ${m.formula} | ${m.undefinedWhen} | ${m.citation} |`,
    )
    return [
      '# Ego-network measures',
      '',
      'Generated from the measure registry by `npm run docs:measures` (the same text as',
      '`spnet measures --list`); do not edit by hand. Definitions and edge cases: each',
      "measure's file in this folder, and ../shared/design/MEASURES.md.",
      '',
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
