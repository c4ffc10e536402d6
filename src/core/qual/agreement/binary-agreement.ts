/**
 * Agreement statistics for one binary decision (code applied or not) over
 * units, computed from how many units show each pattern of ratings. They are
 * the formulas of percent-agreement.ts, cohen-kappa.ts and
 * krippendorff-alpha.ts specialised to two categories, so that a report over
 * thousands of units and dozens of codes, and its bootstrap, runs in
 * milliseconds: each resample only re-counts patterns. Tests check them
 * against the general functions.
 *
 * A pattern is a unit's ratings reduced to what the statistics need:
 * m (coders who rated it) and k (of them, how many applied the code); with
 * exactly two coders also each coder's own value, for Cohen's κ.
 *
 *   P̄   = Σ_u w_u [k(k − 1) + (m − k)(m − k − 1)] / (m(m − 1)) / Σ_u w_u     (units with m ≥ 2)
 *   α   = 1 − (n − 1) · Σ_u w_u 2k(m − k)/(m − 1) / (n² − n₁² − n₀²),
 *         n₁ = Σ_u w_u k,  n₀ = Σ_u w_u (m − k),  n = n₀ + n₁              (units with m ≥ 2)
 *   κ   = (p_o − p_e)/(1 − p_e) from the 2 × 2 table of units both coders rated
 *
 * Symbols: w_u — how often unit u is counted (1, or its multiplicity in a
 * bootstrap resample).
 *
 * @see Fleiss (1971); Cohen (1960); Krippendorff (2011): see the general functions.
 */

/** Pattern ids for J coders: values are 0 (absent), 1 (present), 2 (missing). */
export type PatternSpace = {
  readonly coders: number
  readonly size: number
  /** Pattern id of one unit's values (length J). */
  readonly id: (values: ArrayLike<number>) => number
  readonly m: Uint8Array
  readonly k: Uint8Array
  /** With two coders: each coder's value (0, 1, 2 = missing); else empty. */
  readonly a: Uint8Array
  readonly b: Uint8Array
}

export function patternSpace(coders: number): PatternSpace {
  if (coders === 2) {
    const a = new Uint8Array(9)
    const b = new Uint8Array(9)
    const m = new Uint8Array(9)
    const k = new Uint8Array(9)
    for (let x = 0; x < 3; x++) {
      for (let y = 0; y < 3; y++) {
        const id = x * 3 + y
        a[id] = x
        b[id] = y
        m[id] = (x < 2 ? 1 : 0) + (y < 2 ? 1 : 0)
        k[id] = (x === 1 ? 1 : 0) + (y === 1 ? 1 : 0)
      }
    }
    return { coders, size: 9, id: (v) => v[0]! * 3 + v[1]!, m, k, a, b }
  }
  const size = (coders + 1) * (coders + 1)
  const m = new Uint8Array(size)
  const k = new Uint8Array(size)
  for (let mm = 0; mm <= coders; mm++) {
    for (let kk = 0; kk <= mm; kk++) {
      m[mm * (coders + 1) + kk] = mm
      k[mm * (coders + 1) + kk] = kk
    }
  }
  const id = (v: ArrayLike<number>): number => {
    let mm = 0
    let kk = 0
    for (let j = 0; j < v.length; j++) {
      if (v[j] !== 2) mm++
      if (v[j] === 1) kk++
    }
    return mm * (coders + 1) + kk
  }
  return { coders, size, id, m, k, a: new Uint8Array(0), b: new Uint8Array(0) }
}

export type BinaryFigures = {
  readonly units: number
  readonly prevalence: number | null
  readonly percentAgreement: number | null
  readonly cohenKappa: number | null
  readonly krippendorffAlpha: number | null
}

/** The figures from a histogram of (weighted) pattern counts. */
export function binaryFigures(space: PatternSpace, histogram: ArrayLike<number>): BinaryFigures {
  let units = 0
  let pSum = 0
  let n1 = 0
  let n0 = 0
  let disagree = 0
  let present = 0
  let rated = 0
  for (let p = 0; p < space.size; p++) {
    const w = histogram[p]!
    if (w === 0) continue
    const m = space.m[p]!
    const k = space.k[p]!
    present += w * k
    rated += w * m
    if (m < 2) continue
    units += w
    pSum += (w * (k * (k - 1) + (m - k) * (m - k - 1))) / (m * (m - 1))
    n1 += w * k
    n0 += w * (m - k)
    disagree += (w * 2 * k * (m - k)) / (m - 1)
  }
  const n = n0 + n1
  const de = n * n - n0 * n0 - n1 * n1
  let kappa: number | null = null
  if (space.coders === 2) {
    let t11 = 0
    let t10 = 0
    let t01 = 0
    let t00 = 0
    for (let p = 0; p < 9; p++) {
      const w = histogram[p]!
      const x = space.a[p]!
      const y = space.b[p]!
      if (w === 0 || x === 2 || y === 2) continue
      if (x === 1 && y === 1) t11 += w
      else if (x === 1) t10 += w
      else if (y === 1) t01 += w
      else t00 += w
    }
    const t = t11 + t10 + t01 + t00
    if (t > 0) {
      const po = (t11 + t00) / t
      const pe = ((t11 + t10) * (t11 + t01) + (t01 + t00) * (t10 + t00)) / (t * t)
      kappa = pe === 1 ? null : (po - pe) / (1 - pe)
    }
  }
  return {
    units,
    prevalence: rated === 0 ? null : present / rated,
    percentAgreement: units === 0 ? null : pSum / units,
    cohenKappa: kappa,
    krippendorffAlpha: units === 0 || de === 0 ? null : 1 - ((n - 1) * disagree) / de,
  }
}
