import type { Random } from '../../demo/random.js'
import { codePath } from '../codebook/codebook.js'
import type { CodeId, CoderId, SourceId } from '../ids.js'
import type { QualProject } from '../project.js'
import { codePointLength } from '../text/code-points.js'
import type { UnitKind } from '../transcripts/transcript.js'
import { binaryFigures, patternSpace } from './binary-agreement.js'
import { percentileInterval, type BootstrapCi } from './bootstrap-ci.js'
import {
  addCharacterCounts,
  characterCounts,
  characterKappa,
  mergeSpans,
  type CharacterCounts,
  type Span,
} from './character-kappa.js'

export type AgreementOptions = {
  /** The declared units compared: speaker turns or sentences. */
  readonly unitKind: UnitKind
  /** Coders to compare (default: every coder with a segment in the sources). */
  readonly coderIds?: readonly CoderId[]
  /** Codes to report (default: every code applied by a compared coder). */
  readonly codeIds?: readonly CodeId[]
  readonly sourceIds?: readonly SourceId[]
  /**
   * Only units spoken by these speakers (e.g. the link worker's turns, not
   * the interviewer's questions). A unit belongs to the turn it starts in.
   */
  readonly speakers?: readonly string[]
  /**
   * Who coded which source. A coder not assigned a source is missing (not
   * "absent") on its units. Default: a coder coded a source when they have
   * at least one segment in it.
   */
  readonly assignments?: readonly { readonly coderId: CoderId; readonly sourceId: SourceId }[]
  /** Bootstrap confidence intervals; omitted: no intervals. */
  readonly bootstrap?: {
    readonly random: Random
    readonly replicates?: number
    readonly level?: number
  }
}

/** A unit on which the coders did not all agree about one code. */
export type Disagreement = {
  readonly sourceId: SourceId
  readonly unitId: string
  readonly start: number
  readonly end: number
  readonly codeId: CodeId
  /** Per compared coder, in `coderIds` order: 1 applied, 0 not applied, null did not code the source. */
  readonly values: readonly (0 | 1 | null)[]
}

export type AgreementFigures = {
  /** Units with at least two coders (pairable). */
  readonly units: number
  /** Share of coder–unit values with the code present (prevalence). */
  readonly prevalence: number | null
  readonly percentAgreement: number | null
  /** Cohen's κ; null unless exactly two coders are compared. */
  readonly cohenKappa: number | null
  readonly krippendorffAlpha: number | null
  /** NVivo-style κ over characters; null unless exactly two coders. */
  readonly characterKappa: number | null
  readonly characterCounts: CharacterCounts | null
  readonly ci: {
    readonly percentAgreement: BootstrapCi | null
    readonly cohenKappa: BootstrapCi | null
    readonly krippendorffAlpha: BootstrapCi | null
    readonly characterKappa: BootstrapCi | null
  } | null
}

export type CodeAgreement = AgreementFigures & {
  readonly codeId: CodeId
  /** The code's path in the codebook, e.g. "Barriers / Transport". */
  readonly code: string
  readonly disagreements: readonly Disagreement[]
}

export type AgreementReport = {
  readonly unitKind: UnitKind
  readonly coderIds: readonly CoderId[]
  readonly sourceIds: readonly SourceId[]
  /** Declared units in the compared sources. */
  readonly declaredUnits: number
  readonly perCode: readonly CodeAgreement[]
  /** All codes together: every (unit, code) pair is one binary decision. */
  readonly pooled: AgreementFigures
}

/**
 * Inter-coder agreement over declared units, per code and pooled. A coder
 * applied a code to a unit when one of their segments with that code overlaps
 * the unit by at least one character; a coder who did not code a source is
 * missing on its units (Krippendorff's α allows that; Cohen's κ and percent
 * agreement skip such units). Pooled figures treat every (unit, code) pair as
 * one binary decision. Each figure comes with a percentile bootstrap interval
 * over units (units resampled whole, the same resample for every code) and
 * the list of units on which the coders disagreed. The character κ interval
 * resamples the units' own characters (speaker labels and blank lines
 * between units are not resampled).
 */
export function unitAgreement(project: QualProject, options: AgreementOptions): AgreementReport {
  const sources = project.sources.filter(
    (s) => options.sourceIds === undefined || options.sourceIds.includes(s.id),
  )
  const inSources = new Set<string>(sources.map((s) => s.id))
  const segments = project.segments.filter((s) => inSources.has(s.sourceId))
  const coderIds =
    options.coderIds ??
    project.coders.map((c) => c.id).filter((id) => segments.some((s) => s.coderId === id))
  const coderIndex = new Map<string, number>(coderIds.map((c, j) => [c, j]))
  const compared = segments.filter((s) => coderIndex.has(s.coderId))
  const codeIds =
    options.codeIds ??
    project.codebook.codes
      .map((c) => c.id)
      .filter((id) => compared.some((s) => s.codeIds.includes(id)))
  const codeIndex = new Map<string, number>(codeIds.map((c, k) => [c, k]))
  const J = coderIds.length
  const K = codeIds.length
  const two = J === 2
  const assignedPairs = new Set<string>(
    options.assignments === undefined
      ? compared.map((s) => `${s.coderId}|${s.sourceId}`)
      : options.assignments.map((a) => `${a.coderId}|${a.sourceId}`),
  )

  // Units of the chosen kind, in source and text order.
  type UnitRef = { sourceId: SourceId; unitId: string; start: number; end: number }
  const units: UnitRef[] = []
  const firstUnit: number[] = []
  for (const source of sources) {
    firstUnit.push(units.length)
    const speakerAt = (pos: number): string | null =>
      source.turns.find((t) => t.start <= pos && pos < Math.max(t.end, t.start + 1))?.speaker ??
      null
    const own = source.units
      .filter((u) => u.kind === options.unitKind)
      .filter((u) => {
        if (options.speakers === undefined) return true
        const who = speakerAt(u.start)
        return who !== null && options.speakers.includes(who)
      })
      .sort((a, b) => a.start - b.start)
    for (const u of own)
      units.push({ sourceId: source.id, unitId: u.id, start: u.start, end: u.end })
  }
  firstUnit.push(units.length)
  const N = units.length
  // values[k][u·J + j]: 0 absent, 1 present, 2 missing (coder did not code the source).
  const values = codeIds.map(() => new Uint8Array(N * J))
  const bothRated = new Uint8Array(N)
  const charA = two ? codeIds.map(() => new Float64Array(N)) : []
  const charB = two ? codeIds.map(() => new Float64Array(N)) : []
  const charBoth = two ? codeIds.map(() => new Float64Array(N)) : []
  const unitLength = new Float64Array(N)
  const sourceChars: CharacterCounts[][] = codeIds.map(() => [])

  sources.forEach((source, si) => {
    const lo = firstUnit[si]!
    const hi = firstUnit[si + 1]!
    const who = coderIds.map((c) => assignedPairs.has(`${c}|${source.id}`))
    for (let u = lo; u < hi; u++) {
      unitLength[u] = units[u]!.end - units[u]!.start
      for (let j = 0; j < J; j++) if (!who[j]) for (let k = 0; k < K; k++) values[k]![u * J + j] = 2
      if (two && who[0] === true && who[1] === true) bothRated[u] = 1
    }
    // Spans per code and coder, merged, in this source.
    const spans = codeIds.map(() => coderIds.map((): Span[] => []))
    for (const seg of compared) {
      if (seg.sourceId !== source.id) continue
      const j = coderIndex.get(seg.coderId)!
      if (!who[j]) continue
      for (const c of seg.codeIds) {
        const k = codeIndex.get(c)
        if (k !== undefined) spans[k]![j]!.push({ start: seg.start, end: seg.end })
      }
    }
    const length = two && bothRated[lo] !== 0 ? codePointLength(source.text) : 0
    for (let k = 0; k < K; k++) {
      const merged = spans[k]!.map((list) => mergeSpans(list))
      if (two && who[0] === true && who[1] === true) {
        sourceChars[k]!.push(
          characterCounts(
            length === 0 ? codePointLength(source.text) : length,
            merged[0]!,
            merged[1]!,
          ),
        )
      }
      merged.forEach((list, j) => {
        // Units are sorted and disjoint: walk both lists together.
        let u = lo
        for (const sp of list) {
          while (u < hi && units[u]!.end <= sp.start) u++
          for (let v = u; v < hi && units[v]!.start < sp.end; v++) {
            const overlap = Math.min(sp.end, units[v]!.end) - Math.max(sp.start, units[v]!.start)
            if (overlap <= 0) continue
            values[k]![v * J + j] = 1
            if (two && bothRated[v] === 1) (j === 0 ? charA : charB)[k]![v]! += overlap
          }
        }
      })
      if (two && who[0] === true && who[1] === true) {
        const [a, b] = merged as [Span[], Span[]]
        let i = 0
        let q = 0
        let u = lo
        while (i < a.length && q < b.length) {
          const s = Math.max(a[i]!.start, b[q]!.start)
          const e = Math.min(a[i]!.end, b[q]!.end)
          if (e > s) {
            while (u < hi && units[u]!.end <= s) u++
            for (let v = u; v < hi && units[v]!.start < e; v++) {
              const overlap = Math.min(e, units[v]!.end) - Math.max(s, units[v]!.start)
              if (overlap > 0) charBoth[k]![v]! += overlap
            }
          }
          if (a[i]!.end < b[q]!.end) i++
          else q++
        }
      }
    }
  })

  const space = patternSpace(J)
  // A unit's baseline pattern: nobody applied the code (only who rated it matters). For each code,
  // only the few units where someone applied it differ from the baseline, so a resample re-counts
  // those alone: O(N + coded units) per replicate instead of O(N × codes).
  const basePattern = new Uint8Array(N)
  const row = new Uint8Array(J)
  for (let u = 0; u < N; u++) {
    // Missing-ness is the same for every code: it depends on the source only.
    for (let j = 0; j < J; j++) row[j] = values[0]?.[u * J + j] === 2 ? 2 : 0
    basePattern[u] = space.id(row)
  }
  const sparse: Uint32Array[] = []
  const sparsePattern: Uint8Array[] = []
  for (let k = 0; k < K; k++) {
    const us: number[] = []
    const ps: number[] = []
    for (let u = 0; u < N; u++) {
      const p = space.id(values[k]!.subarray(u * J, u * J + J))
      if (p !== basePattern[u]) {
        us.push(u)
        ps.push(p)
      }
    }
    sparse.push(Uint32Array.from(us))
    sparsePattern.push(Uint8Array.from(ps))
  }

  type Tally = { h: Float64Array; a: number; b: number; both: number }
  /** Pattern histograms and coded characters per code for unit weights w (multiplicities). */
  const tally = (w: ArrayLike<number>): { perCode: Tally[]; base: Float64Array; chars: number } => {
    const base = new Float64Array(space.size)
    let chars = 0
    for (let u = 0; u < N; u++) {
      const x = w[u]!
      if (x === 0) continue
      base[basePattern[u]!]! += x
      if (bothRated[u] === 1) chars += x * unitLength[u]!
    }
    const perCode = sparse.map((us, k): Tally => {
      const h = base.slice()
      let a = 0
      let b = 0
      let both = 0
      const ps = sparsePattern[k]!
      for (let i = 0; i < us.length; i++) {
        const u = us[i]!
        const x = w[u]!
        if (x === 0) continue
        h[basePattern[u]!]! -= x
        h[ps[i]!]! += x
        if (two) {
          a += x * charA[k]![u]!
          b += x * charB[k]![u]!
          both += x * charBoth[k]![u]!
        }
      }
      return { h, a, b, both }
    })
    return { perCode, base, chars }
  }
  const codeSets = [...codeIds.map((_, k) => [k]), codeIds.map((_, k) => k)]
  const combine = (
    t: ReturnType<typeof tally>,
    ks: readonly number[],
  ): { h: Float64Array; chars: CharacterCounts | null } => {
    if (ks.length === 1) {
      const one = t.perCode[ks[0]!]!
      return {
        h: one.h,
        chars:
          t.chars === 0
            ? null
            : { total: t.chars, codedA: one.a, codedB: one.b, codedBoth: one.both },
      }
    }
    const h = new Float64Array(space.size)
    let a = 0
    let b = 0
    let both = 0
    for (const k of ks) {
      const one = t.perCode[k]!
      for (let p = 0; p < space.size; p++) h[p]! += one.h[p]!
      a += one.a
      b += one.b
      both += one.both
    }
    const total = t.chars * ks.length
    return { h, chars: total === 0 ? null : { total, codedA: a, codedB: b, codedBoth: both } }
  }
  const ones = new Uint32Array(N).fill(1)
  const pointTally = tally(ones)
  const point = codeSets.map((ks) => binaryFigures(space, combine(pointTally, ks).h))
  const sourceCharsOf = (ks: readonly number[]): CharacterCounts | null => {
    if (!two) return null
    const parts = ks.flatMap((k) => sourceChars[k]!)
    return parts.length === 0 ? null : addCharacterCounts(parts)
  }

  type Samples = { percent: number[]; kappa: number[]; alpha: number[]; chars: number[] }
  let intervals: AgreementFigures['ci'][] = codeSets.map(() => null)
  const boot = options.bootstrap
  if (boot !== undefined && N > 0) {
    const replicates = boot.replicates ?? 1000
    const level = boot.level ?? 0.95
    if (!(Number.isInteger(replicates) && replicates > 0)) {
      throw new RangeError(
        `qual/unit-agreement: replicates must be a positive integer, not ${replicates}`,
      )
    }
    const samples: Samples[] = codeSets.map(() => ({
      percent: [],
      kappa: [],
      alpha: [],
      chars: [],
    }))
    const w = new Uint32Array(N)
    for (let r = 0; r < replicates; r++) {
      w.fill(0)
      for (let i = 0; i < N; i++) w[Math.floor(boot.random.next() * N)]!++
      const t = tally(w)
      codeSets.forEach((ks, c) => {
        const { h, chars } = combine(t, ks)
        const f = binaryFigures(space, h)
        const s = samples[c]!
        if (f.percentAgreement !== null) s.percent.push(f.percentAgreement)
        if (f.cohenKappa !== null) s.kappa.push(f.cohenKappa)
        if (f.krippendorffAlpha !== null) s.alpha.push(f.krippendorffAlpha)
        if (two && chars !== null) {
          const kappa = characterKappa(chars)?.kappa ?? null
          if (kappa !== null) s.chars.push(kappa)
        }
      })
    }
    const ci = (xs: number[]): BootstrapCi | null => percentileInterval(xs, level, replicates)
    intervals = samples.map((s) => ({
      percentAgreement: ci(s.percent),
      cohenKappa: two ? ci(s.kappa) : null,
      krippendorffAlpha: ci(s.alpha),
      characterKappa: two ? ci(s.chars) : null,
    }))
  }

  const figures = (c: number, ks: readonly number[]): AgreementFigures => {
    const chars = sourceCharsOf(ks)
    return {
      ...point[c]!,
      characterKappa: chars === null ? null : (characterKappa(chars)?.kappa ?? null),
      characterCounts: chars,
      ci: intervals[c]!,
    }
  }
  const perCode: CodeAgreement[] = codeIds.map((codeId, k) => {
    const disagreements: Disagreement[] = []
    const v = values[k]!
    for (let u = 0; u < N; u++) {
      let first = -1
      let differ = false
      for (let j = 0; j < J; j++) {
        const x = v[u * J + j]!
        if (x === 2) continue
        if (first === -1) first = x
        else if (x !== first) differ = true
      }
      if (!differ) continue
      const unit = units[u]!
      const row = Array.from(v.subarray(u * J, u * J + J), (x) => (x === 2 ? null : (x as 0 | 1)))
      disagreements.push({ ...unit, codeId, values: row })
    }
    return {
      codeId,
      code: codePath(project.codebook, codeId).join(' / '),
      ...figures(k, [k]),
      disagreements,
    }
  })
  return {
    unitKind: options.unitKind,
    coderIds,
    sourceIds: sources.map((s) => s.id),
    declaredUnits: N,
    perCode,
    pooled: figures(K, codeSets[K]!),
  }
}
