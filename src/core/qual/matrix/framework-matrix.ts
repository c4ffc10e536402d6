import { codePath, codeWithDescendants } from '../codebook/codebook.js'
import type { CaseId, CodeId, CoderId, SegmentId, SourceId } from '../ids.js'
import type { QualAttributes, QualProject } from '../project.js'
import { matchesFilter, type AttributeFilter } from '../coding/retrieve-segments.js'
import { codePointIndex } from '../text/code-points.js'

type Value = string | number | boolean | null

export type MatrixOptions = {
  /** Columns: the themes (default: the top-level codes). */
  readonly themeIds?: readonly CodeId[]
  /** Count a theme's sub-codes in its column (default true). */
  readonly includeSubcodes?: boolean
  readonly coderIds?: readonly CoderId[]
  readonly caseIds?: readonly CaseId[]
  /** Case-attribute filters, all of which must hold. */
  readonly where?: readonly AttributeFilter[]
  /** Attributes that group the rows, outermost first (e.g. imd_quintile). */
  readonly groupBy?: readonly string[]
  /** Attributes that order rows within a group (e.g. constraint). */
  readonly sortBy?: readonly { readonly attribute: string; readonly descending?: boolean }[]
}

export type MatrixSegment = {
  readonly segmentId: SegmentId
  readonly sourceId: SourceId
  readonly sourceName: string
  readonly coderId: CoderId
  readonly coderName: string
  readonly start: number
  readonly end: number
  readonly text: string
  readonly codeIds: readonly CodeId[]
}

export type MatrixCell = {
  readonly codeId: CodeId
  readonly segments: readonly MatrixSegment[]
  /** Coded segments in the cell. */
  readonly count: number
  /** Sources (transcripts) the segments come from. */
  readonly sources: number
  /** Characters coded (code points; overlapping segments count once per coder). */
  readonly characters: number
  /** The researcher's summary, or ''. */
  readonly summary: string
}

export type MatrixRow = {
  readonly caseId: CaseId
  readonly caseName: string
  readonly attributes: QualAttributes
  /** Values of the grouping attributes. */
  readonly group: readonly Value[]
  readonly cells: readonly MatrixCell[]
}

export type FrameworkMatrix = {
  readonly themes: readonly { readonly id: CodeId; readonly name: string; readonly path: string }[]
  readonly groupBy: readonly string[]
  readonly sortBy: readonly string[]
  readonly rows: readonly MatrixRow[]
}

/** Orders attribute values: numbers, then booleans, then text; missing values last. */
export function compareValues(a: Value, b: Value): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  const rank = (v: Value): number => (typeof v === 'number' ? 0 : typeof v === 'boolean' ? 1 : 2)
  if (rank(a) !== rank(b)) return rank(a) - rank(b)
  if (typeof a === 'number' && typeof b === 'number') return a - b
  return String(a).localeCompare(String(b), 'en-GB', { numeric: true })
}

/**
 * The framework matrix (NVivo's Framework Matrix, MAXQDA's Summary Grid):
 * one row per case, one column per theme, each cell holding the case's coded
 * segments for the theme, the researcher's summary and counts. Rows are
 * grouped by attributes (e.g. IMD quintile) and ordered within groups (e.g.
 * by constraint), then by case name.
 */
export function frameworkMatrix(
  project: QualProject,
  options: MatrixOptions = {},
): FrameworkMatrix {
  const themeIds =
    options.themeIds ?? project.codebook.codes.filter((c) => c.parentId === null).map((c) => c.id)
  const themes = themeIds.map((id) => {
    const path = codePath(project.codebook, id)
    return { id, name: path[path.length - 1] ?? id, path: path.join(' / ') }
  })
  const members = themeIds.map(
    (id) =>
      new Set<string>(
        options.includeSubcodes === false ? [id] : codeWithDescendants(project.codebook, id),
      ),
  )
  const groupBy = options.groupBy ?? []
  const sortBy = options.sortBy ?? []
  const coderName = new Map(project.coders.map((c) => [c.id as string, c.name]))
  const sources = new Map(project.sources.map((s) => [s.id as string, s]))
  const indexes = new Map<string, ReturnType<typeof codePointIndex>>()
  const indexOf = (id: string): ReturnType<typeof codePointIndex> => {
    let idx = indexes.get(id)
    if (idx === undefined) indexes.set(id, (idx = codePointIndex(sources.get(id)!.text)))
    return idx
  }
  const rows: MatrixRow[] = []
  for (const kase of project.cases) {
    if (options.caseIds !== undefined && !options.caseIds.includes(kase.id)) continue
    if (
      options.where !== undefined &&
      !options.where.every((f) => matchesFilter(kase.attributes, f))
    )
      continue
    const own = new Set<string>(kase.sourceIds)
    const segs = project.segments
      .filter((s) => own.has(s.sourceId) && sources.has(s.sourceId))
      .filter((s) => options.coderIds === undefined || options.coderIds.includes(s.coderId))
      .sort(
        (a, b) =>
          kase.sourceIds.indexOf(a.sourceId) - kase.sourceIds.indexOf(b.sourceId) ||
          a.start - b.start,
      )
    const cells: MatrixCell[] = themeIds.map((codeId, k) => {
      const inCell = segs.filter((s) => s.codeIds.some((c) => members[k]!.has(c)))
      const covered = new Map<string, { start: number; end: number }[]>()
      for (const s of inCell) {
        const key = `${s.sourceId}|${s.coderId}`
        covered.set(key, [...(covered.get(key) ?? []), { start: s.start, end: s.end }])
      }
      let characters = 0
      for (const spans of covered.values()) {
        spans.sort((a, b) => a.start - b.start)
        let end = -1
        for (const sp of spans) {
          characters += Math.max(0, sp.end - Math.max(sp.start, end))
          end = Math.max(end, sp.end)
        }
      }
      return {
        codeId,
        segments: inCell.map((s) => ({
          segmentId: s.id,
          sourceId: s.sourceId,
          sourceName: sources.get(s.sourceId)!.name,
          coderId: s.coderId,
          coderName: coderName.get(s.coderId) ?? s.coderId,
          start: s.start,
          end: s.end,
          text: indexOf(s.sourceId).slice(s.start, s.end),
          codeIds: s.codeIds,
        })),
        count: inCell.length,
        sources: new Set(inCell.map((s) => s.sourceId)).size,
        characters,
        summary:
          project.summaries.find((x) => x.caseId === kase.id && x.codeId === codeId)?.text ?? '',
      }
    })
    rows.push({
      caseId: kase.id,
      caseName: kase.name,
      attributes: kase.attributes,
      group: groupBy.map((a) => kase.attributes[a] ?? null),
      cells,
    })
  }
  rows.sort((a, b) => {
    for (let i = 0; i < groupBy.length; i++) {
      const c = compareValues(a.group[i]!, b.group[i]!)
      if (c !== 0) return c
    }
    for (const s of sortBy) {
      const c = compareValues(a.attributes[s.attribute] ?? null, b.attributes[s.attribute] ?? null)
      if (c !== 0)
        return s.descending === true &&
          a.attributes[s.attribute] != null &&
          b.attributes[s.attribute] != null
          ? -c
          : c
    }
    return a.caseName.localeCompare(b.caseName, 'en-GB', { numeric: true })
  })
  return { themes, groupBy, sortBy: sortBy.map((s) => s.attribute), rows }
}
