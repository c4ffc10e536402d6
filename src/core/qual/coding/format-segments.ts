import { codePath } from '../codebook/codebook.js'
import { formatCsv } from '../matrix/format-matrix.js'
import type { QualProject } from '../project.js'
import { retrieveSegments, type SegmentQuery } from './retrieve-segments.js'

/**
 * Coded segments as CSV, one row per segment (NVivo's "export coding"):
 * case, source, coder, codes (paths joined by "; "), offsets in code points,
 * the text, the coding memo and the network link. The same query as
 * retrieval selects the rows.
 */
export function formatSegmentsCsv(project: QualProject, query: SegmentQuery = {}): string {
  const coder = new Map(project.coders.map((c) => [c.id as string, c.name]))
  const rows: (string | number | null)[][] = [
    ['case', 'source', 'coder', 'codes', 'start', 'end', 'text', 'memo', 'link'],
  ]
  for (const r of retrieveSegments(project, query)) {
    const l = r.segment.link
    rows.push([
      r.case?.name ?? null,
      r.source.name,
      coder.get(r.segment.coderId) ?? r.segment.coderId,
      r.segment.codeIds.map((c) => codePath(project.codebook, c).join(' / ')).join('; '),
      r.segment.start,
      r.segment.end,
      r.text,
      r.segment.memo,
      l === null ? null : l.kind === 'alter' ? `alter ${l.alterId}` : `tie ${l.from}–${l.to}`,
    ])
  }
  return formatCsv(rows)
}
