/**
 * Exact null distribution of the Wilcoxon rank-sum / Mann–Whitney statistic.
 *
 *   W = Σ_{i=1}^{m} rank(x_i) − m(m+1)/2 = #{(i, j) : x_i > y_j}
 *   P(W = w) = c(w; m, n) / C(m+n, n)
 *   c(w; m, n) = c(w − n; m − 1, n) + c(w; m, n − 1),
 *   c(0; 0, n) = c(0; m, 0) = 1,  c(w; ·, ·) = 0 outside 0 ≤ w ≤ mn
 *
 * Symbols: m, n — the two sample sizes (no ties); w — a value of W;
 * c(w; m, n) — the number of the C(m+n, n) equally likely rank arrangements
 * that give W = w. The recursion splits on whether the largest pooled value
 * comes from the first sample (it then beats all n values of the second).
 *
 * The counts are computed by the same memoised recursion as R's `cwilcox`
 * (nmath/wilcox.c: symmetry c(w) = c(mn − w), and c(w; m, n) = c(w; m, w) when
 * w < n), as doubles, and divided one by one by C(m+n, n) and summed in R's
 * order. Counts above 2^53 (m + n ≳ 56) are rounded, exactly as in R. When
 * min(m, n) < 30, C(m+n, n) is R's product formula too and the probabilities
 * are bit-identical to R's; otherwise R uses exp(lchoose(m+n, n)), which is off
 * by a few 1e-15 relative, while spnet uses the exact coefficient, so the two
 * differ by up to about 5e-15.
 *
 * Edge cases and limits: m and n must be integers with 1 ≤ m, n ≤ 49 (a
 * RangeError otherwise); that is the range in which R's `wilcox.test` uses the
 * exact distribution by default. Memory and time grow like m²n²; m = n = 49
 * takes a few tens of milliseconds. w or q outside 0…mn give 0 / 0 or 1.
 *
 * Matches R `dwilcox`, `pwilcox` (stats 4.2.2).
 * @see Mann, H. B. & Whitney, D. R. (1947). On a test of whether one of two
 *   random variables is stochastically larger than the other. Ann. Math.
 *   Statist. 18(1), 50–60 (the recursion, eq. 2).
 */
export function pwilcox(q: number, m: number, n: number, lowerTail = true): number {
  checkSizes(m, n)
  if (Number.isNaN(q)) throw new RangeError('q is NaN')
  let threshold = Math.floor(q + 1e-7)
  if (threshold < 0) return lowerTail ? 0 : 1
  if (threshold >= m * n) return lowerTail ? 1 : 0
  const counts = wilcoxonCounter(m, n)
  const total = binomialCoefficient(m + n, n)
  let p = 0
  let lower = lowerTail
  if (threshold <= (m * n) / 2) {
    for (let w = 0; w <= threshold; w++) p += counts(w) / total
  } else {
    threshold = m * n - threshold
    for (let w = 0; w < threshold; w++) p += counts(w) / total
    lower = !lower
  }
  return lower ? p : 0.5 - p + 0.5
}

/**
 * Point probability P(W = w) of the Mann–Whitney statistic under the null
 * hypothesis; see `pwilcox` for the formula and limits. Non-integer w (beyond
 * 1e-7) has probability 0, as in R's `dwilcox`.
 */
export function dwilcox(w: number, m: number, n: number): number {
  checkSizes(m, n)
  if (Number.isNaN(w)) throw new RangeError('w is NaN')
  const rounded = Math.round(w)
  if (Math.abs(w - rounded) > 1e-7 * Math.max(1, Math.abs(w))) return 0
  if (rounded < 0 || rounded > m * n) return 0
  return wilcoxonCounter(m, n)(rounded) / binomialCoefficient(m + n, n)
}

function checkSizes(m: number, n: number): void {
  for (const size of [m, n]) {
    if (!Number.isInteger(size) || size < 1 || size > 49) {
      throw new RangeError(`sample size ${size} is not an integer in 1…49`)
    }
  }
}

/** A counting function w ↦ c(w; m, n) with its own memo (R's `cwilcox`). */
function wilcoxonCounter(m: number, n: number): (w: number) => number {
  const memo = new Map<number, Float64Array>()
  const count = (k: number, a: number, b: number): number => {
    const u = a * b
    if (k < 0 || k > u) return 0
    const c = Math.floor(u / 2)
    if (k > c) k = u - k
    const i = Math.min(a, b)
    const j = Math.max(a, b)
    if (j === 0) return k === 0 ? 1 : 0
    if (k < j) return count(k, i, k)
    const key = i * 64 + j
    let row = memo.get(key)
    if (row === undefined) {
      row = new Float64Array(c + 1).fill(-1)
      memo.set(key, row)
    }
    let value = row[k] as number
    if (value < 0) {
      value = count(k - j, i - 1, j) + count(k, i, j - 1)
      row[k] = value
    }
    return value
  }
  return (w) => count(w, m, n)
}

/**
 * C(total, k) as R's `choose` computes it: for min(k, total − k) < 30 the
 * product total·(total−1)/2·…, rounded to an integer; otherwise (where R uses
 * exp(lchoose)) the exact value by integer arithmetic, correctly rounded.
 */
function binomialCoefficient(total: number, k: number): number {
  const small = Math.min(k, total - k)
  if (small < 30) {
    if (small === 0) return 1
    let r = total
    for (let j = 2; j <= small; j++) r *= (total - j + 1) / j
    return Math.round(r)
  }
  let exact = 1n
  for (let j = 1; j <= small; j++) exact = (exact * BigInt(total - small + j)) / BigInt(j)
  return Number(exact)
}
