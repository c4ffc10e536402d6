import { SpnetError, type Issue } from '../errors.js'
import { err, ok, type Result } from '../result.js'
import type { QualProject } from './project.js'
import { codePointLength } from './text/code-points.js'

/**
 * Checks what the schema cannot: that every reference points at something
 * that exists, offsets lie inside their source's text, the code tree has no
 * cycle and ids are unique. Importers run it before returning a project, and
 * the store can run it on rows read back.
 */
export function validateProject(project: QualProject): Result<QualProject> {
  const issues: Issue[] = []
  const unique = (what: string, ids: readonly string[]): Set<string> => {
    const seen = new Set<string>()
    ids.forEach((id, i) => {
      if (seen.has(id))
        issues.push({ path: `${what}[${i}].id`, message: `The ${what} id ${id} is used twice.` })
      seen.add(id)
    })
    return seen
  }
  const codes = unique(
    'codes',
    project.codebook.codes.map((c) => c.id),
  )
  const sources = unique(
    'sources',
    project.sources.map((s) => s.id),
  )
  const coders = unique(
    'coders',
    project.coders.map((c) => c.id),
  )
  const cases = unique(
    'cases',
    project.cases.map((c) => c.id),
  )
  const segments = unique(
    'segments',
    project.segments.map((s) => s.id),
  )
  unique(
    'memos',
    project.memos.map((m) => m.id),
  )
  const lengths = new Map(project.sources.map((s) => [s.id as string, codePointLength(s.text)]))
  const range = (path: string, sourceId: string, start: number, end: number): void => {
    const length = lengths.get(sourceId)
    if (length === undefined) {
      issues.push({ path, message: `Source ${sourceId} does not exist.` })
    } else if (!(start <= end && end <= length)) {
      issues.push({
        path,
        message: `The range ${start}–${end} is outside the source's ${length} characters.`,
      })
    }
  }
  const byId = new Map(project.codebook.codes.map((c) => [c.id as string, c]))
  project.codebook.codes.forEach((c, i) => {
    if (c.parentId === null) return
    if (!codes.has(c.parentId))
      issues.push({
        path: `codes[${i}].parentId`,
        message: `Parent code ${c.parentId} does not exist.`,
      })
    const seen = new Set<string>([c.id])
    let p = byId.get(c.parentId)
    while (p !== undefined) {
      if (seen.has(p.id)) {
        issues.push({
          path: `codes[${i}].parentId`,
          message: `The code “${c.name}” is its own ancestor.`,
        })
        break
      }
      seen.add(p.id)
      p = p.parentId === null ? undefined : byId.get(p.parentId)
    }
  })
  project.cases.forEach((c, i) => {
    c.sourceIds.forEach((s, k) => {
      if (!sources.has(s))
        issues.push({ path: `cases[${i}].sourceIds[${k}]`, message: `Source ${s} does not exist.` })
    })
    c.selections.forEach((s, k) => {
      range(`cases[${i}].selections[${k}]`, s.sourceId, s.start, s.end)
    })
  })
  project.sources.forEach((s, i) => {
    const length = lengths.get(s.id)!
    for (const [what, spans] of [
      ['units', s.units],
      ['turns', s.turns],
      ['cues', s.cues],
    ] as const) {
      spans.forEach((u, k) => {
        if (!(u.start <= u.end && u.end <= length)) {
          issues.push({
            path: `sources[${i}].${what}[${k}]`,
            message: `The ${what.slice(0, -1)} ${u.start}–${u.end} is outside the text.`,
          })
        }
      })
    }
  })
  project.segments.forEach((s, i) => {
    const path = `segments[${i}]`
    range(path, s.sourceId, s.start, s.end)
    if (!coders.has(s.coderId))
      issues.push({ path: `${path}.coderId`, message: `Coder ${s.coderId} does not exist.` })
    if (s.codeIds.length === 0)
      issues.push({ path: `${path}.codeIds`, message: 'A coded segment needs at least one code.' })
    s.codeIds.forEach((c, k) => {
      if (!codes.has(c))
        issues.push({ path: `${path}.codeIds[${k}]`, message: `Code ${c} does not exist.` })
    })
  })
  project.memos.forEach((m, i) => {
    const t = m.target
    const path = `memos[${i}].target`
    if (t.kind === 'code' && !codes.has(t.id))
      issues.push({ path, message: `Code ${t.id} does not exist.` })
    if (t.kind === 'segment' && !segments.has(t.id))
      issues.push({ path, message: `Segment ${t.id} does not exist.` })
    if (t.kind === 'case' && !cases.has(t.id))
      issues.push({ path, message: `Case ${t.id} does not exist.` })
    if (t.kind === 'source' && !sources.has(t.id))
      issues.push({ path, message: `Source ${t.id} does not exist.` })
    if (t.kind === 'range') range(path, t.sourceId, t.start, t.end)
    if (m.coderId !== null && !coders.has(m.coderId))
      issues.push({ path: `memos[${i}].coderId`, message: `Coder ${m.coderId} does not exist.` })
  })
  project.summaries.forEach((s, i) => {
    if (!cases.has(s.caseId))
      issues.push({ path: `summaries[${i}].caseId`, message: `Case ${s.caseId} does not exist.` })
    if (!codes.has(s.codeId))
      issues.push({ path: `summaries[${i}].codeId`, message: `Code ${s.codeId} does not exist.` })
  })
  project.sets.forEach((s, i) => {
    s.codeIds.forEach((c) => {
      if (!codes.has(c))
        issues.push({ path: `sets[${i}].codeIds`, message: `Code ${c} does not exist.` })
    })
    s.sourceIds.forEach((c) => {
      if (!sources.has(c))
        issues.push({ path: `sets[${i}].sourceIds`, message: `Source ${c} does not exist.` })
    })
  })
  if (issues.length > 0) {
    return err(
      new SpnetError(
        'validation',
        `The project has ${issues.length} broken reference${issues.length === 1 ? '' : 's'}.`,
        { issues },
      ),
    )
  }
  return ok(project)
}
