import type { Comparison, GroupSummary } from '../../core/compare/compare-groups.js'
import { Notes } from '../components/notes.js'
import { formatNumber, formatP } from '../lib/format.js'

/**
 * A group comparison: per-group medians (IQR) of each measure with the
 * Kruskal–Wallis test, the optional two-group Wilcoxon test, and the sector
 * composition of the pooled contacts with its chi-square (and Fisher) test.
 * Small groups' summaries arrive withheld and are shown as such.
 */
export function ComparisonView({ comparison: c }: { readonly comparison: Comparison }) {
  const pair = c.measures[0]?.pair?.groups ?? null
  return (
    <div className="comparison">
      <h3 className="heading-s">Groups of {c.by}</h3>
      <ul className="inline-list">
        {c.groups.map((g) => (
          <li key={g.group}>
            {g.group}: {g.egos} {g.egos === 1 ? 'participant' : 'participants'}
            {g.small && ' (small: summaries withheld)'}
          </li>
        ))}
      </ul>
      <Notes notes={c.notes} />

      <div
        className="table-wrap table-scroll"
        role="region"
        aria-label="Measures by group"
        tabIndex={0}
      >
        <table className="compact">
          <caption>Median (interquartile range) and n, by group</caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              {c.groups.map((g) => (
                <th key={g.group} scope="col">
                  {g.group}
                </th>
              ))}
              <th scope="col">Kruskal–Wallis</th>
              {pair !== null && (
                <th scope="col">
                  {pair[0]} vs {pair[1]} (Wilcoxon)
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {c.measures.map((m) => (
              <tr key={m.measure}>
                <th scope="row">{m.measure}</th>
                {m.groups.map((g) => (
                  <td key={g.group}>{summary(g)}</td>
                ))}
                <td>
                  {m.kruskalWallis === null
                    ? 'NA'
                    : `H = ${formatNumber(m.kruskalWallis.statistic, 2)}, df ${m.kruskalWallis.df}, p ${formatP(m.kruskalWallis.pValue)}`}
                </td>
                {pair !== null && (
                  <td>
                    {m.pair === null || m.pair.wilcoxon === null
                      ? 'NA'
                      : `W = ${formatNumber(m.pair.wilcoxon.statistic, 1)}, p ${formatP(m.pair.wilcoxon.pValue)}, r = ${formatNumber(m.pair.wilcoxon.rankBiserial, 2)}`}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {c.composition !== null && (
        <div
          className="table-wrap table-scroll"
          role="region"
          aria-label="Composition of contacts by group"
          tabIndex={0}
        >
          <table className="compact">
            <caption>
              Contacts by {c.composition.attribute} (counts)
              {c.composition.missing > 0 && `; ${c.composition.missing} without a value left out`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Group</th>
                {c.composition.categories.map((cat) => (
                  <th key={cat} scope="col" className="num">
                    {cat.replaceAll('_', ' ')}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {c.composition.groups.map((g, i) => {
                const row = c.composition?.counts[i] ?? null
                return (
                  <tr key={g}>
                    <th scope="row">{g}</th>
                    {row === null ? (
                      <td colSpan={c.composition?.categories.length}>withheld (small group)</td>
                    ) : (
                      row.map((n, j) => (
                        <td key={j} className="num">
                          {n}
                        </td>
                      ))
                    )}
                  </tr>
                )
              })}
            </tbody>
          </table>
          <p>
            {c.composition.chiSquare === null
              ? 'Chi-square test: not possible with these counts.'
              : `Chi-square: X² = ${formatNumber(c.composition.chiSquare.statistic, 2)}, df ${c.composition.chiSquare.df}, p ${formatP(c.composition.chiSquare.pValue)}${c.composition.chiSquare.lowExpected ? ' (some expected counts below 5)' : ''}.`}
            {c.composition.fisher !== null &&
              ` Fisher's exact test: p ${formatP(c.composition.fisher.pValue)}.`}
          </p>
        </div>
      )}
    </div>
  )
}

function summary(g: GroupSummary): string {
  if (g.suppressed) return 'withheld'
  if (g.median === null) return `NA (n ${g.n})`
  return `${formatNumber(g.median, 2)} (${formatNumber(g.q1, 2)}–${formatNumber(g.q3, 2)}), n ${g.n}`
}
