import { SpnetError, type Issue } from '../../errors.js'
import { err, type Result } from '../../result.js'
import { treeOrder } from '../codebook/codebook.js'
import type { QualProject } from '../project.js'
import { validateProject } from '../validate-project.js'

/**
 * Adds an imported project (a .qdpx) to an existing one. Items are matched
 * by GUID: new ones are added; ones already there are kept as they are
 * (so re-importing the same file changes nothing). A source with the same
 * GUID but different text is a conflict, since its codings would land on
 * other words: nothing is merged then. Variables are matched by name.
 */
export function mergeProject(target: QualProject, incoming: QualProject): Result<QualProject> {
  const issues: Issue[] = []
  const texts = new Map(target.sources.map((s) => [s.id as string, s]))
  for (const s of incoming.sources) {
    const mine = texts.get(s.id)
    if (mine !== undefined && mine.text !== s.text) {
      issues.push({
        path: `sources[${s.id}]`,
        message: `“${s.name}” is already in the project with different text.`,
        fix: 'Import it as a new copy (remove the old one first) or leave it out.',
      })
    }
  }
  if (issues.length > 0)
    return err(
      new SpnetError('conflict', 'The import clashes with transcripts already in the project.', {
        issues,
      }),
    )
  const add = <T extends { readonly id: string }>(a: readonly T[], b: readonly T[]): T[] => {
    const have = new Set(a.map((x) => x.id))
    return [...a, ...b.filter((x) => !have.has(x.id))]
  }
  const haveVar = new Set(target.variables.map((v) => v.name))
  const summaryKey = (s: { caseId: string; codeId: string }): string => `${s.caseId}|${s.codeId}`
  const haveSummary = new Set(target.summaries.map(summaryKey))
  const merged: QualProject = {
    ...target,
    description: target.description === '' ? incoming.description : target.description,
    coders: add(target.coders, incoming.coders),
    codebook: { codes: treeOrder(add(target.codebook.codes, incoming.codebook.codes)) },
    variables: [...target.variables, ...incoming.variables.filter((v) => !haveVar.has(v.name))],
    cases: add(target.cases, incoming.cases),
    sources: add(target.sources, incoming.sources),
    segments: add(target.segments, incoming.segments),
    memos: add(target.memos, incoming.memos),
    summaries: [
      ...target.summaries,
      ...incoming.summaries.filter((s) => !haveSummary.has(summaryKey(s))),
    ],
    sets: add(target.sets, incoming.sets),
  }
  return validateProject(merged)
}

/**
 * The case a transcript file belongs to, told from its name: the case whose
 * name or ego id appears in the file name as a whole word ("LW07 interview
 * 2.docx" → LW07). Null when none or several match.
 */
export function caseForFileName(
  project: QualProject,
  fileName: string,
): QualProject['cases'][number] | null {
  const base = fileName
    .replace(/^.*[/\\]/, '')
    .replace(/\.[^.]+$/, '')
    .toLowerCase()
  const hits = project.cases.filter((c) =>
    [c.name, c.egoId ?? ''].some(
      (key) =>
        key !== '' &&
        new RegExp(
          `(?:^|[^\\p{L}\\p{N}])${key.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:$|[^\\p{L}\\p{N}])`,
          'u',
        ).test(base),
    ),
  )
  return hits.length === 1 ? hits[0]! : null
}

/**
 * The project as it may leave spnet: only transcripts whose pseudonymisation
 * was reviewed, with their coding, memos and summaries. Matrices, segment
 * lists and agreement reports computed on this view contain no text that a
 * researcher has not pseudonymised. Admins may export everything instead.
 */
export function reviewedOnly(project: QualProject): QualProject {
  const kept = new Set<string>(
    project.sources.filter((s) => s.pseudonymisation === 'reviewed').map((s) => s.id),
  )
  if (kept.size === project.sources.length) return project
  const segments = project.segments.filter((s) => kept.has(s.sourceId))
  const segmentIds = new Set<string>(segments.map((s) => s.id))
  return {
    ...project,
    sources: project.sources.filter((s) => kept.has(s.id)),
    segments,
    cases: project.cases.map((c) => ({
      ...c,
      sourceIds: c.sourceIds.filter((s) => kept.has(s)),
      selections: c.selections.filter((s) => kept.has(s.sourceId)),
    })),
    memos: project.memos.filter((m) => {
      const t = m.target
      if (t.kind === 'source') return kept.has(t.id)
      if (t.kind === 'range') return kept.has(t.sourceId)
      if (t.kind === 'segment') return segmentIds.has(t.id)
      return true
    }),
    sets: project.sets.map((s) => ({ ...s, sourceIds: s.sourceIds.filter((x) => kept.has(x)) })),
  }
}
