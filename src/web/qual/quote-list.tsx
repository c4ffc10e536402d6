import type { QualProject } from '../../core/qual/project.js'
import type { RetrievedQuote } from '../api.js'
import { Link } from '../router.js'
import { Swatch } from './codebook-panel.js'
import { codeName, coderName, formatAttribute, sourcePath } from './qual-data.js'

/** The case attributes shown beside a quote. */
const quoteAttributes = ['imd_quintile', 'implementation_model', 'size', 'constraint'] as const
const short: Record<string, string> = {
  imd_quintile: 'IMD quintile',
  implementation_model: 'model',
  size: 'network size',
  constraint: 'constraint',
}

/**
 * Coded segments as quotes: the text, its codes, who coded it, the
 * transcript it comes from and the case with its main attributes.
 * `project` supplies code and coder names (a viewer's project may lack the
 * transcripts still in review, never the codes).
 */
export function QuoteList({
  quotes,
  project,
  studyId,
}: {
  readonly quotes: readonly RetrievedQuote[]
  readonly project: QualProject | null
  readonly studyId: string
}) {
  return (
    <ol className="quote-list">
      {quotes.map((q) => {
        const kase = project?.cases.find((c) => c.id === q.caseId) ?? null
        const attributes =
          kase === null
            ? []
            : quoteAttributes
                .filter((a) => kase.attributes[a] !== undefined && kase.attributes[a] !== null)
                .map((a) => `${short[a] ?? a} ${formatAttribute(kase.attributes[a])}`)
        return (
          <li key={q.segment.id} className="segment">
            <blockquote className="quote">{q.text}</blockquote>
            <ul className="code-tags" aria-label="Codes">
              {q.segment.codeIds.map((c) => (
                <li key={c} className="tag">
                  <Swatch color={project?.codebook.codes.find((x) => x.id === c)?.color ?? null} />
                  {project === null ? c : codeName(project, c)}
                </li>
              ))}
            </ul>
            <p className="hint">
              {q.caseName ?? 'No case'}
              {attributes.length > 0 && ` (${attributes.join(', ')})`} ·{' '}
              <Link to={sourcePath(studyId, q.segment.sourceId)}>{q.sourceName}</Link> · coded by{' '}
              {project === null ? q.segment.coderId : coderName(project, q.segment.coderId)}
            </p>
            {q.segment.memo !== '' && <p className="memo-text">Memo: {q.segment.memo}</p>}
          </li>
        )
      })}
    </ol>
  )
}
