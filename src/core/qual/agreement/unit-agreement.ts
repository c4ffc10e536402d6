import type { Random } from '../../demo/random.js'
import { codePath } from '../codebook/codebook.js'
import type { CodeId, CoderId, SourceId } from '../ids.js'
import type { QualProject, Segment } from '../project.js'
import { codePointLength } from '../text/code-points.js'
import type { UnitKind } from '../transcripts/transcript.js'
import { bootstrapCi, type BootstrapCi } from './bootstrap-ci.js'
import {
  addCharacterCounts,
  characterCounts,
  characterKappa,
  type CharacterCounts,
  type Span,
} from './character-kappa.js'
import { cohenKappa } from './cohen-kappa.js'
import { krippendorffAlphaNominal } from './krippendorff-alpha.js'
import { percentAgreement } from './percent-agreement.js'
import type { Ratings } from './ratings.js'

export type AgreementOptions = {
  /** The declared units compared: speaker turns or sentences. */
  readonly unitKind: UnitKind
  /** Coders to compare (default: every coder with a segment in the sources). */
  readonly coderIds?: readonly CoderId[]
  /** Codes to report (default: every code applied by a compared coder). */
  readonly codeIds?: readonly CodeId[]
  readonly sourceIds?: readonly SourceId[]
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

type UnitRow = {
  readonly sourceId: SourceId
  readonly unitId: string
  readonly start: number
  readonly end: number
  /** [code][coder] → 1/0/null */
  readonly values: readonly (readonly (0 | 1 | null)[])[]
  /** [code] → character counts inside this unit (two coders only). */
  readonly chars: readonly CharacterCounts[] | null
}

/**
 * Inter-coder agreement over declared units, per code and pooled. A coder
 * applied a code to a unit when one of their segments with that code overlaps
 * the unit by at least one character; a coder who did not code a source is
 * missing on its units (Krippendorff's α allows that; Cohen's κ and percent
 * agreement skip such units). Each figure comes with a percentile bootstrap
 * interval over units and the list of units on which the coders disagreed.
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
  const compared = segments.filter((s) => coderIds.includes(s.coderId))
  const codeIds =
    options.codeIds ??
    project.codebook.codes
      .map((c) => c.id)
      .filter((id) => compared.some((s) => s.codeIds.includes(id)))
  const assigned = (coder: CoderId, source: SourceId): boolean =>
    options.assignments === undefined
      ? compared.some((s) => s.coderId === coder && s.sourceId === source)
      : options.assignments.some((a) => a.coderId === coder && a.sourceId === source)
  const two = coderIds.length === 2

  const rows: UnitRow[] = []
  const sourceChars: CharacterCounts[][] = codeIds.map(() => [])
  for (const source of sources) {
    const who = coderIds.map((c) => assigned(c, source.id))
    const bySpan = (coder: CoderId, code: CodeId): Segment[] =>
      compared.filter(
        (s) => s.sourceId === source.id && s.coderId === coder && s.codeIds.includes(code),
      )
    const spans = codeIds.map((code) => coderIds.map((coder) => bySpan(coder, code)))
    if (two && who[0] === true && who[1] === true) {
      const length = codePointLength(source.text)
      codeIds.forEach((_, k) => {
        sourceChars[k]!.push(characterCounts(length, spans[k]![0]!, spans[k]![1]!))
      })
    }
    for (const unit of source.units) {
      if (unit.kind !== options.unitKind) continue
      const values = codeIds.map((_, k) =>
        coderIds.map((_, j): 0 | 1 | null => {
          if (who[j] !== true) return null
          return spans[k]![j]!.some(
            (s) => Math.min(s.end, unit.end) - Math.max(s.start, unit.start) > 0,
          )
            ? 1
            : 0
        }),
      )
      const chars =
        two && who[0] === true && who[1] === true
          ? codeIds.map((_, k) => {
              const clip = (xs: readonly Span[]): Span[] =>
                xs.map((s) => ({
                  start: Math.max(s.start, unit.start) - unit.start,
                  end: Math.min(s.end, unit.end) - unit.start,
                }))
              return characterCounts(
                unit.end - unit.start,
                clip(spans[k]![0]!),
                clip(spans[k]![1]!),
              )
            })
          : null
      rows.push({
        sourceId: source.id,
        unitId: unit.id,
        start: unit.start,
        end: unit.end,
        values,
        chars,
      })
    }
  }

  const figures = (
    sample: readonly UnitRow[],
    codes: readonly number[],
    charTotals: CharacterCounts | null,
  ): AgreementFigures => {
    const ratings: Ratings = sample.flatMap((r) => codes.map((k) => r.values[k]!))
    return {
      ...pointFigures(ratings, two),
      characterKappa: charTotals === null ? null : (characterKappa(charTotals)?.kappa ?? null),
      characterCounts: charTotals,
      ci: null,
    }
  }
  const withCi = (base: AgreementFigures, codes: readonly number[]): AgreementFigures => {
    const b = options.bootstrap
    if (b === undefined) return base
    const boot = (stat: (s: readonly UnitRow[]) => number | null): BootstrapCi | null =>
      bootstrapCi(rows, stat, {
        random: b.random,
        ...(b.replicates === undefined ? {} : { replicates: b.replicates }),
        ...(b.level === undefined ? {} : { level: b.level }),
      })
    const ratingsOf = (s: readonly UnitRow[]): Ratings =>
      s.flatMap((r) => codes.map((k) => r.values[k]!))
    return {
      ...base,
      ci: {
        percentAgreement: boot((s) => percentAgreement(ratingsOf(s))?.agreement ?? null),
        cohenKappa: two ? boot((s) => cohenKappa(ratingsOf(s))?.kappa ?? null) : null,
        krippendorffAlpha: boot((s) => krippendorffAlphaNominal(ratingsOf(s))?.alpha ?? null),
        characterKappa: two
          ? boot((s) => {
              const parts = s.flatMap((r) =>
                r.chars === null ? [] : codes.map((k) => r.chars![k]!),
              )
              return parts.length === 0
                ? null
                : (characterKappa(addCharacterCounts(parts))?.kappa ?? null)
            })
          : null,
      },
    }
  }

  const perCode: CodeAgreement[] = codeIds.map((codeId, k) => {
    const chars = two && sourceChars[k]!.length > 0 ? addCharacterCounts(sourceChars[k]!) : null
    const disagreements: Disagreement[] = []
    for (const r of rows) {
      const v = r.values[k]!
      const present = v.filter((x) => x !== null)
      if (present.length >= 2 && present.some((x) => x !== present[0])) {
        disagreements.push({
          sourceId: r.sourceId,
          unitId: r.unitId,
          start: r.start,
          end: r.end,
          codeId,
          values: v,
        })
      }
    }
    return {
      codeId,
      code: codePath(project.codebook, codeId).join(' / '),
      ...withCi(figures(rows, [k], chars), [k]),
      disagreements,
    }
  })
  const all = codeIds.map((_, k) => k)
  const pooledChars =
    two && sourceChars.some((c) => c.length > 0) ? addCharacterCounts(sourceChars.flat()) : null
  return {
    unitKind: options.unitKind,
    coderIds,
    sourceIds: sources.map((s) => s.id),
    declaredUnits: rows.length,
    perCode,
    pooled: withCi(figures(rows, all, pooledChars), all),
  }
}

function pointFigures(
  ratings: Ratings,
  two: boolean,
): Pick<
  AgreementFigures,
  'units' | 'prevalence' | 'percentAgreement' | 'cohenKappa' | 'krippendorffAlpha'
> {
  let present = 0
  let values = 0
  for (const unit of ratings) {
    for (const v of unit) {
      if (v === null) continue
      values++
      if (v === 1) present++
    }
  }
  const pa = percentAgreement(ratings)
  return {
    units: pa?.units ?? 0,
    prevalence: values === 0 ? null : present / values,
    percentAgreement: pa?.agreement ?? null,
    cohenKappa: two ? (cohenKappa(ratings)?.kappa ?? null) : null,
    krippendorffAlpha: krippendorffAlphaNominal(ratings)?.alpha ?? null,
  }
}
