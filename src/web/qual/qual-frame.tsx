import type { ReactNode } from 'react'
import type { StudyDetail } from '../../core/api/api.js'
import type { QualWorkspace } from '../../core/api/qual-api.js'
import { api } from '../api.js'
import { ErrorBox } from '../components/load-state.js'
import { usePageTitle, useResource } from '../lib/use-resource.js'
import { Link } from '../router.js'
import { qualPath } from './qual-data.js'

export type QualSection = 'transcripts' | 'quotes' | 'matrix' | 'agreement' | null

const sections: readonly { key: Exclude<QualSection, null>; label: string; path: string }[] = [
  { key: 'transcripts', label: 'Transcripts and cases', path: '' },
  { key: 'quotes', label: 'Find quotes', path: '/segments' },
  { key: 'matrix', label: 'Framework matrix', path: '/matrix' },
  { key: 'agreement', label: 'Agreement', path: '/agreement' },
]

export type QualData = {
  readonly ws: QualWorkspace
  readonly study: StudyDetail
  /** Loads the workspace again after a change. */
  readonly reload: () => void
}

/**
 * The frame of every page of a study's interviews: the way back to the
 * study, the page's heading, the section links, and the workspace (the
 * project with its cases' current network attributes) and study loaded.
 * A page whose heading needs the data passes `title` as a function.
 */
export function QualFrame({
  studyId,
  section,
  title,
  children,
}: {
  readonly studyId: string
  readonly section: QualSection
  readonly title: string | ((data: QualData) => string)
  readonly children: (data: QualData) => ReactNode
}) {
  const [ws, reload] = useResource(`qual:${studyId}`, () => api.qual.workspace(studyId))
  const [study] = useResource(`study:${studyId}`, () => api.study(studyId))
  const data: QualData | null =
    ws.kind === 'ready' && study.kind === 'ready'
      ? { ws: ws.data, study: study.data, reload }
      : null
  const heading = typeof title === 'string' ? title : data === null ? null : title(data)
  usePageTitle(heading ?? 'Interviews')
  const failed = ws.kind === 'failed' ? ws.error : study.kind === 'failed' ? study.error : null
  return (
    <>
      <p className="caption">
        <Link to={`/studies/${encodeURIComponent(studyId)}`}>
          {study.kind === 'ready' ? study.data.name : 'Back to the study'}
        </Link>
        {section === null && (
          <>
            {' › '}
            <Link to={qualPath(studyId)}>Interviews</Link>
          </>
        )}
      </p>
      {heading !== null && <h1 tabIndex={-1}>{heading}</h1>}
      <nav aria-label="Interviews" className="sub-nav">
        <ul>
          {sections.map((s) => (
            <li key={s.key}>
              <Link
                to={qualPath(studyId, s.path)}
                aria-current={section === s.key ? 'page' : undefined}
              >
                {s.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {failed !== null ? (
        <ErrorBox error={failed} />
      ) : data === null ? (
        <p role="status">Loading…</p>
      ) : (
        children(data)
      )}
    </>
  )
}
