import type { Cooccurrence } from './code-cooccurrence.js'
import type { FrameworkMatrix } from './framework-matrix.js'

type Cell = string | number | boolean | null

/**
 * RFC 4180 CSV. Text that a spreadsheet would run as a formula (starting
 * with = + - @) is prefixed with an apostrophe: quotes are participants'
 * words, never formulas.
 */
export function csvCell(value: Cell): string {
  if (value === null) return ''
  if (typeof value !== 'string') return String(value)
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function formatCsv(rows: readonly (readonly Cell[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

/** The matrix as a table: one row per case; per theme its count, summary and quotes. */
export function matrixTable(matrix: FrameworkMatrix): Cell[][] {
  const head: Cell[] = [
    ...matrix.groupBy,
    'case',
    ...matrix.sortBy.filter((s) => !matrix.groupBy.includes(s)),
  ]
  for (const t of matrix.themes)
    head.push(`${t.path} (n)`, `${t.path}: summary`, `${t.path}: segments`)
  const rows: Cell[][] = [head]
  for (const r of matrix.rows) {
    const row: Cell[] = [
      ...r.group,
      r.caseName,
      ...matrix.sortBy
        .filter((s) => !matrix.groupBy.includes(s))
        .map((s) => r.attributes[s] ?? null),
    ]
    for (const c of r.cells) {
      row.push(
        c.count,
        c.summary,
        c.segments.map((s) => `[${s.coderName}, ${s.sourceName}] ${s.text}`).join('\n\n'),
      )
    }
    rows.push(row)
  }
  return rows
}

export function formatMatrixCsv(matrix: FrameworkMatrix): string {
  return formatCsv(matrixTable(matrix))
}

export function cooccurrenceTable(c: Cooccurrence): Cell[][] {
  return [
    ['code', ...c.codes.map((x) => x.path)],
    ...c.codes.map((x, i) => [x.path, ...c.counts[i]!]),
  ]
}

export function formatCooccurrenceCsv(c: Cooccurrence): string {
  return formatCsv(cooccurrenceTable(c))
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

const style = `body{font:14px/1.4 system-ui,sans-serif;margin:1.5rem;color:#222}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.4rem;vertical-align:top;text-align:left}
th{background:#f3f3f3;position:sticky;top:0}tr.group th{background:#e4ecf7}.n{font-weight:600}
.summary{margin:.2rem 0;font-style:italic}blockquote{margin:.3rem 0;padding-left:.5rem;border-left:3px solid #9bb}
.who{color:#666;font-size:12px}caption{text-align:left;font-size:18px;margin-bottom:.5rem}`

/** A self-contained HTML page (no scripts, no external files) of the framework matrix. */
export function formatMatrixHtml(matrix: FrameworkMatrix, title = 'Framework matrix'): string {
  const extra = matrix.sortBy.filter((s) => !matrix.groupBy.includes(s))
  const cols = 1 + extra.length + matrix.themes.length
  const out: string[] = [
    `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${style}</style></head><body>`,
    `<table><caption>${escapeHtml(title)}</caption><thead><tr><th>Case</th>${extra.map((s) => `<th>${escapeHtml(s)}</th>`).join('')}${matrix.themes.map((t) => `<th>${escapeHtml(t.path)}</th>`).join('')}</tr></thead><tbody>`,
  ]
  let lastGroup: string | null = null
  for (const r of matrix.rows) {
    const group = matrix.groupBy
      .map((g, i) => `${g} = ${r.group[i] === null ? 'missing' : String(r.group[i])}`)
      .join(', ')
    if (matrix.groupBy.length > 0 && group !== lastGroup) {
      out.push(`<tr class="group"><th colspan="${cols}">${escapeHtml(group)}</th></tr>`)
      lastGroup = group
    }
    const cells = r.cells.map((c) => {
      const quotes = c.segments
        .map(
          (s) =>
            `<blockquote>${escapeHtml(s.text)}<div class="who">${escapeHtml(s.coderName)} · ${escapeHtml(s.sourceName)}</div></blockquote>`,
        )
        .join('')
      return `<td><div class="n">${c.count === 0 ? '–' : `${c.count} segment${c.count === 1 ? '' : 's'}`}</div>${c.summary === '' ? '' : `<p class="summary">${escapeHtml(c.summary)}</p>`}${c.count === 0 ? '' : `<details><summary>segments</summary>${quotes}</details>`}</td>`
    })
    out.push(
      `<tr><th>${escapeHtml(r.caseName)}</th>${extra.map((s) => `<td>${escapeHtml(String(r.attributes[s] ?? ''))}</td>`).join('')}${cells.join('')}</tr>`,
    )
  }
  out.push('</tbody></table></body></html>\n')
  return out.join('\n')
}

export function formatCooccurrenceHtml(c: Cooccurrence, title = 'Code co-occurrence'): string {
  const head = c.codes.map((x) => `<th>${escapeHtml(x.path)}</th>`).join('')
  const body = c.codes
    .map(
      (x, i) =>
        `<tr><th>${escapeHtml(x.path)}</th>${c.counts[i]!.map((n) => `<td>${n}</td>`).join('')}</tr>`,
    )
    .join('\n')
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${style}</style></head><body><table><caption>${escapeHtml(title)} (${c.units} units)</caption><thead><tr><th></th>${head}</tr></thead><tbody>\n${body}\n</tbody></table></body></html>\n`
}
