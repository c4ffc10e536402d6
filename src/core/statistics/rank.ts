/**
 * Average ranks ("mid-ranks") and tie-group sizes.
 *
 *   rank(x_i) = 1 + #{j : x_j < x_i} + (#{j : x_j = x_i} − 1) / 2
 *
 * so a run of t equal values occupying sorted positions i+1 … i+t (1-based) all
 * get the mean rank i + (t + 1)/2, which is R's `rank(x)` with its default
 * `ties.method = "average"`. Ranks are exact (integers or halves), so the result
 * is bit-identical to R's.
 *
 * Symbols: x — the values, in input order; t — the size of a group of equal
 * values. Equality is exact `===` equality of doubles (so −0 ties with 0), as
 * in R's `rank`.
 *
 * Edge cases: the empty input gives an empty array; ±Infinity are ranked like
 * any other value (first and last); NaN throws a RangeError, because a NaN has
 * no place in an ordering (R would drop it, or keep it as NA, depending on
 * `na.last`).
 *
 * @see R Core Team (2022). R 4.2.2 `base::rank`, `ties.method = "average"`.
 * @see Hollander, M., Wolfe, D. A. & Chicken, E. (2014). Nonparametric
 *   Statistical Methods, 3rd ed., Wiley, §1.2 (mid-ranks for tied observations).
 */
export function averageRanks(values: readonly number[]): Float64Array {
  const order = sortedOrder(values)
  const ranks = new Float64Array(values.length)
  let start = 0
  while (start < order.length) {
    const value = values[order[start] as number] as number
    let end = start
    while (end + 1 < order.length && values[order[end + 1] as number] === value) end++
    const rank = (start + end + 2) / 2
    for (let position = start; position <= end; position++) {
      ranks[order[position] as number] = rank
    }
    start = end + 1
  }
  return ranks
}

/**
 * Sizes t of the groups of equal values, in increasing order of the value; a
 * value that occurs once is a group of size 1. These are the counts R gets from
 * `table(x)`, used in the tie corrections Σ (t³ − t) of the Kruskal–Wallis and
 * Wilcoxon tests. Equality is exact `===` equality; NaN throws a RangeError.
 *
 *   tieGroupSizes([3, 1, 3, 2, 3]) → [1, 1, 3]
 *
 * @see Kruskal, W. H. & Wallis, W. A. (1952). Use of ranks in one-criterion
 *   variance analysis. JASA 47(260), 583–621 (the tie correction).
 */
export function tieGroupSizes(values: readonly number[]): number[] {
  const order = sortedOrder(values)
  const sizes: number[] = []
  let start = 0
  while (start < order.length) {
    const value = values[order[start] as number] as number
    let end = start
    while (end + 1 < order.length && values[order[end + 1] as number] === value) end++
    sizes.push(end - start + 1)
    start = end + 1
  }
  return sizes
}

/** Indices of `values` in increasing order of value (stable). Throws on NaN. */
function sortedOrder(values: readonly number[]): Uint32Array {
  const order = new Uint32Array(values.length)
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) throw new RangeError(`value ${i} is NaN; cannot rank it`)
    order[i] = i
  }
  return order.sort((a, b) => (values[a] as number) - (values[b] as number) || a - b)
}
