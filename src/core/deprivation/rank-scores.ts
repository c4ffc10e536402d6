/**
 * Ranks areas or practices by score, 1 = most deprived (highest score), with
 * competition ranking for ties (equal scores share the lower rank and the
 * next rank is skipped), as MHCLG ranks the indices.
 *
 * @see MHCLG (2019). The English Indices of Deprivation 2019: Technical
 *      report, §3 (ranks and deciles).
 */
export function rankScores(scores: ReadonlyMap<string, number>): Map<string, number> {
  const sorted = [...scores].sort((a, b) => b[1] - a[1])
  const ranks = new Map<string, number>()
  sorted.forEach(([code, score], i) => {
    const previous = sorted[i - 1]
    ranks.set(
      code,
      previous !== undefined && previous[1] === score ? ranks.get(previous[0])! : i + 1,
    )
  })
  return ranks
}
