/**
 * Compensated (Neumaier) summation of a sequence of doubles.
 *
 *   s = Σ_i x_i, accumulated as s ← s + x_i with the rounding error of each
 *   addition carried in a separate term c, and returned as s + c.
 *
 * Why: R's `sum()`, `mean()`, `var()` and the sums inside `kruskal.test` and
 * `chisq.test` accumulate in C `long double` (80-bit extended precision on x86),
 * so their results are, for ordinary inputs, the correctly rounded sum. A plain
 * double loop can drift from that by several units in the last place; Neumaier's
 * variant of Kahan summation gets (almost always) the same correctly rounded
 * value, which keeps spnet's statistics bit-for-bit or within 1 ulp of R's.
 *
 * Edge cases: the empty sequence sums to 0. Non-finite terms propagate as in a
 * plain sum (the compensation term is dropped when the sum is not finite).
 *
 * @see Neumaier, A. (1974). Rundungsfehleranalyse einiger Verfahren zur Summation
 *   endlicher Summen. ZAMM 54(1), 39–51.
 */
export function compensatedSum(values: Iterable<number>): number {
  let sum = 0
  let compensation = 0
  for (const value of values) {
    const next = sum + value
    if (Math.abs(sum) >= Math.abs(value)) {
      compensation += sum - next + value
    } else {
      compensation += value - next + sum
    }
    sum = next
  }
  return Number.isFinite(sum) ? sum + compensation : sum
}
