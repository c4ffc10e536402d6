/**
 * Deprivation groupings (DOMAIN.md §2). Deciles and quintiles are always
 * national: 1 = most deprived. Core20 is the most deprived 20% nationally
 * (deciles 1–2), as in NHS England's Core20PLUS5.
 *
 * @see MHCLG (2019, 2025). The English Indices of Deprivation: Technical
 *      report — deciles are ranks cut into ten equal groups.
 * @see NHS England. Core20PLUS5 – an approach to reducing healthcare inequalities.
 */

/** National decile of a rank among `total` areas: ⌈10 · rank / total⌉. */
export function decileOfRank(rank: number, total: number): number {
  return Math.min(10, Math.max(1, Math.ceil((10 * rank) / total)))
}

/** Quintile of a decile: deciles 1–2 → 1, …, 9–10 → 5. */
export function quintileOfDecile(decile: number): number {
  return Math.ceil(decile / 2)
}

/** Core20: the most deprived 20% nationally. */
export function isCore20(decile: number): boolean {
  return decile <= 2
}

/**
 * Three national groups for small samples (DOMAIN.md §2): 1 = the most
 * deprived 20% (Core20, deciles 1–2), 2 = the middle 40% (deciles 3–6),
 * 3 = the least deprived 40% (deciles 7–10).
 */
export function nationalGroup3(decile: number): number {
  return decile <= 2 ? 1 : decile <= 6 ? 2 : 3
}

/**
 * Tertiles of the sample (not national): for small studies of ~20 link
 * workers, researchers often use three groups. Egos are ordered by national
 * rank (most deprived first) and cut into thirds as equal as possible; equal
 * ranks stay together. 1 = the most deprived third of the sample.
 * Returns null for egos without a rank.
 */
export function sampleTertiles(ranks: readonly (number | null)[]): (number | null)[] {
  const placed = ranks
    .map((rank, i) => ({ rank, i }))
    .filter((x): x is { rank: number; i: number } => x.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
  const out: (number | null)[] = ranks.map(() => null)
  const n = placed.length
  let position = 0
  while (position < n) {
    // Ties take the tertile of the first of them.
    const tertile = Math.min(3, Math.floor((3 * position) / n) + 1)
    const rank = placed[position]!.rank
    while (position < n && placed[position]!.rank === rank) {
      out[placed[position]!.i] = tertile
      position++
    }
  }
  return out
}
