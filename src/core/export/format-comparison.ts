import { csvFormatRows } from 'd3-dsv'
import type { Comparison, CompositionTest, GroupSummary } from '../compare/compare-groups.js'
import { formatNumber } from './format-measure-table.js'
import { displayNumber, displayP, markdownTable } from './markdown-table.js'

/**
 * Renders a group comparison as Markdown (for people), tidy CSV (one value
 * per row: analysis, measure, group, statistic, value; for R or a
 * spreadsheet) or JSON (the whole result).
 */

export function formatComparisonMarkdown(c: Comparison): string {
  const out: string[] = []
  const groupList = c.groups.map(
    (g) => `${g.group} (${g.egos} ego${g.egos === 1 ? '' : 's'}${g.small ? ', small' : ''})`,
  )
  out.push(`## Comparison of egos by ${c.by}\n`)
  out.push(`Groups: ${groupList.join(', ')}.\n`)

  // Medians and IQRs in two tables: side by side they would not fit a terminal.
  const groupHeaders = c.groups.map((g) => `${g.group} (n=${g.egos})`)
  const right = (n: number) => ['l' as const, ...Array.from({ length: n }, () => 'r' as const)]
  const cell = (g: GroupSummary, text: (g: GroupSummary) => string) =>
    g.suppressed ? 'withheld' : g.median === null ? 'NA' : text(g)
  out.push(`### Median of each measure by ${c.by}, and Kruskal–Wallis test across groups\n`)
  out.push(
    markdownTable(
      ['measure', ...groupHeaders, 'H', 'df', 'p'],
      c.measures.map((m) => [
        m.measure,
        ...m.groups.map((g) => cell(g, (x) => displayNumber(x.median))),
        m.kruskalWallis === null ? 'NA' : m.kruskalWallis.statistic.toFixed(2),
        m.kruskalWallis === null ? '' : String(m.kruskalWallis.df),
        displayP(m.kruskalWallis?.pValue),
      ]),
      right(groupHeaders.length + 3),
    ),
  )
  out.push(`### Interquartile range (Q1–Q3) by ${c.by}\n`)
  out.push(
    markdownTable(
      ['measure', ...groupHeaders],
      c.measures.map((m) => [
        m.measure,
        ...m.groups.map((g) => cell(g, (x) => `${displayNumber(x.q1)}–${displayNumber(x.q3)}`)),
      ]),
      right(groupHeaders.length),
    ),
  )

  const pairs = c.measures.filter((m) => m.pair !== null)
  if (pairs.length > 0) {
    const [a, b] = pairs[0]!.pair!.groups
    out.push(`### ${c.by} ${a} vs ${b}: Wilcoxon rank-sum test\n`)
    out.push(
      markdownTable(
        ['measure', 'W', 'p', 'method', 'rank-biserial r'],
        pairs.map((m) => {
          const w = m.pair!.wilcoxon
          return w === null
            ? [m.measure, 'NA', 'NA', '', 'NA']
            : [
                m.measure,
                displayNumber(w.statistic),
                displayP(w.pValue),
                w.exact ? 'exact' : 'normal approx.',
                displayNumber(w.rankBiserial),
              ]
        }),
        ['l', 'r', 'r', 'l', 'r'],
      ),
    )
    out.push(`r > 0: ${c.by} ${a} tends to be higher.\n`)
  }

  const comp = c.composition
  if (comp !== null) {
    // Categories down the side, groups across: there are usually more categories.
    out.push(`### Alters by ${comp.attribute} (pooled) in each ${c.by} group: count (% of group)\n`)
    const totals = comp.counts.map((counts) => counts?.reduce((sum, x) => sum + x, 0) ?? null)
    const compRows = comp.categories.map((category, k) => [
      category,
      ...comp.counts.map((counts, r) => {
        const x = counts?.[k]
        const total = totals[r]
        if (x === undefined || total === null || total === undefined) return 'withheld'
        return `${x} (${total === 0 ? 0 : Math.round((100 * x) / total)}%)`
      }),
    ])
    compRows.push(['all alters', ...totals.map((t) => (t === null ? 'withheld' : String(t)))])
    out.push(markdownTable([comp.attribute, ...groupHeaders], compRows, right(groupHeaders.length)))
    out.push(`${testLine(comp)}\n`)
    if (comp.pair !== null) out.push(`${comp.pair.groups.join(' vs ')}: ${testLine(comp.pair)}\n`)
    if (comp.missing > 0)
      out.push(`${comp.missing} alter(s) with no ${comp.attribute} are left out.\n`)
  }

  if (c.notes.length > 0) out.push(`${c.notes.map((n) => `Note: ${n}`).join('\n')}\n`)
  return out.join('\n')
}

function testLine(t: CompositionTest): string {
  const parts: string[] = []
  if (t.chiSquare === null)
    parts.push('Chi-square test: not possible (fewer than 2 non-empty rows or columns).')
  else {
    parts.push(
      `Pearson chi-square${t.chiSquare.yates ? ' (Yates continuity correction)' : ''} = ${t.chiSquare.statistic.toFixed(2)}, df = ${t.chiSquare.df}, p = ${displayP(t.chiSquare.pValue)}` +
        (t.chiSquare.lowExpected ? ' (some expected counts < 5)' : '') +
        '.',
    )
  }
  if (t.fisher !== null) {
    parts.push(
      `Fisher's exact test p = ${displayP(t.fisher.pValue)}, odds ratio ${displayNumber(t.fisher.oddsRatio)}.`,
    )
  }
  return parts.join(' ')
}

type Cell = string | number | boolean | null

export function formatComparisonCsv(c: Comparison): string {
  const rows: Cell[][] = [['analysis', 'measure', 'group', 'statistic', 'value']]
  for (const m of c.measures) {
    for (const g of m.groups) {
      for (const stat of [
        'egos',
        'n',
        'missing',
        'mean',
        'sd',
        'median',
        'q1',
        'q3',
        'iqr',
        'min',
        'max',
        'suppressed',
      ] as const) {
        rows.push(['summary', m.measure, g.group, stat, g[stat]])
      }
    }
    const kw = m.kruskalWallis
    rows.push(['kruskal_wallis', m.measure, 'all', 'H', kw?.statistic ?? null])
    rows.push(['kruskal_wallis', m.measure, 'all', 'df', kw?.df ?? null])
    rows.push(['kruskal_wallis', m.measure, 'all', 'p', kw?.pValue ?? null])
    if (m.pair !== null) {
      const w = m.pair.wilcoxon
      const label = m.pair.groups.join(' vs ')
      rows.push(['wilcoxon', m.measure, label, 'W', w?.statistic ?? null])
      rows.push(['wilcoxon', m.measure, label, 'p', w?.pValue ?? null])
      rows.push(['wilcoxon', m.measure, label, 'exact', w?.exact ?? null])
      rows.push(['wilcoxon', m.measure, label, 'rank_biserial', w?.rankBiserial ?? null])
    }
  }
  const comp = c.composition
  if (comp !== null) {
    const add = (t: CompositionTest, label: string) => {
      // The pair's counts are rows of the full table: written once, under "all".
      if (label === 'all')
        t.groups.forEach((g, r) => {
          comp.categories.forEach((cat, k) => {
            rows.push(['composition', comp.attribute, g, `count_${cat}`, t.counts[r]?.[k] ?? null])
          })
        })
      rows.push(['chi_square', comp.attribute, label, 'X2', t.chiSquare?.statistic ?? null])
      rows.push(['chi_square', comp.attribute, label, 'df', t.chiSquare?.df ?? null])
      rows.push(['chi_square', comp.attribute, label, 'p', t.chiSquare?.pValue ?? null])
      rows.push([
        'chi_square',
        comp.attribute,
        label,
        'low_expected',
        t.chiSquare?.lowExpected ?? null,
      ])
      if (t.fisher !== null) {
        rows.push(['fisher', comp.attribute, label, 'p', t.fisher.pValue])
        rows.push(['fisher', comp.attribute, label, 'odds_ratio', t.fisher.oddsRatio])
      }
    }
    add(comp, 'all')
    if (comp.pair !== null) add(comp.pair, comp.pair.groups.join(' vs '))
  }
  return (
    csvFormatRows(
      rows.map((r) =>
        r.map((v) => (v === null ? 'NA' : typeof v === 'number' ? formatNumber(v) : String(v))),
      ),
    ) + '\n'
  )
}

export function formatComparisonJson(c: Comparison): string {
  return JSON.stringify(c, null, 2) + '\n'
}
