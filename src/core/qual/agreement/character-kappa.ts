/** A half-open range of code points [start, end). */
export type Span = { readonly start: number; readonly end: number }

/** Character counts for one code in one source (or summed over sources). */
export type CharacterCounts = {
  /** Characters in the source(s), N. */
  readonly total: number
  /** Characters coder A coded. */
  readonly codedA: number
  /** Characters coder B coded. */
  readonly codedB: number
  /** Characters both coded. */
  readonly codedBoth: number
}

export type CharacterKappa = {
  /** κ, or null when chance agreement is 1 (NVivo shows 1 there when the coders agree). */
  readonly kappa: number | null
  /** Share of characters on which the coders agree (coded by both or by neither). */
  readonly agreement: number
  readonly counts: CharacterCounts
}

/**
 * NVivo's coding-comparison kappa: Cohen's kappa with every character of the
 * source as a unit, coded or not coded with one code by each of two coders.
 *
 *   P_o = (AB + (N − A − B + AB)) / N
 *   EF_1 = A·B / N,   EF_2 = (N − A)(N − B) / N,   P_e = (EF_1 + EF_2) / N
 *   κ = (P_o − P_e) / (1 − P_e)
 *
 * Symbols: N — characters (code points) of the source; A, B — characters
 * coded by coder A, by coder B; AB — characters coded by both. This is the
 * standard Cohen's κ on a 2 × 2 character table; QualCoder's figure of the
 * same name restricts itself to the union of coded characters and is not
 * (QUAL-ANCHORS.md §1.1). Summing the counts over sources gives the pooled
 * figure NVivo leaves to the user.
 *
 * Edge cases: null when N = 0; `kappa` null when P_e = 1 (nobody coded
 * anything, or both coded everything). Throws (a bug) on inconsistent counts.
 *
 * @see Cohen, J. (1960). A coefficient of agreement for nominal scales.
 *   Educational and Psychological Measurement 20(1), 37–46.
 * @see Lumivero. NVivo 14 Help: "How Cohen's kappa is calculated" (Run a
 *   coding comparison query).
 */
export function characterKappa(counts: CharacterCounts): CharacterKappa | null {
  const { total: n, codedA: a, codedB: b, codedBoth: ab } = counts
  if (!(ab >= 0 && ab <= a && ab <= b && a <= n && b <= n && a + b - ab <= n)) {
    throw new RangeError(`qual/character-kappa: inconsistent counts ${JSON.stringify(counts)}`)
  }
  if (n === 0) return null
  const agreement = (ab + (n - a - b + ab)) / n
  const ef1 = (a * b) / n
  const ef2 = ((n - a) * (n - b)) / n
  const expected = (ef1 + ef2) / n
  const kappa = expected === 1 ? null : (agreement - expected) / (1 - expected)
  return { kappa, agreement, counts }
}

/** Merges spans into sorted, disjoint ones (overlapping segments of one coder count once). */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].filter((s) => s.end > s.start).sort((x, y) => x.start - y.start)
  const out: { start: number; end: number }[] = []
  for (const s of sorted) {
    const last = out[out.length - 1]
    if (last !== undefined && s.start <= last.end) last.end = Math.max(last.end, s.end)
    else out.push({ start: s.start, end: s.end })
  }
  return out
}

/** Characters covered by each coder's spans and by both, within a text of `total` code points. */
export function characterCounts(
  total: number,
  spansA: readonly Span[],
  spansB: readonly Span[],
): CharacterCounts {
  const clip = (spans: readonly Span[]): Span[] =>
    mergeSpans(spans.map((s) => ({ start: Math.max(0, s.start), end: Math.min(total, s.end) })))
  const a = clip(spansA)
  const b = clip(spansB)
  const size = (spans: readonly Span[]): number => spans.reduce((t, s) => t + s.end - s.start, 0)
  let both = 0
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const x = a[i]!
    const y = b[j]!
    both += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start))
    if (x.end < y.end) i++
    else j++
  }
  return { total, codedA: size(a), codedB: size(b), codedBoth: both }
}

/** Adds character counts of several sources (for a pooled figure). */
export function addCharacterCounts(parts: readonly CharacterCounts[]): CharacterCounts {
  let total = 0
  let codedA = 0
  let codedB = 0
  let codedBoth = 0
  for (const p of parts) {
    total += p.total
    codedA += p.codedA
    codedB += p.codedB
    codedBoth += p.codedBoth
  }
  return { total, codedA, codedB, codedBoth }
}
