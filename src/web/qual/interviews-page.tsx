import { useRef, useState, type SyntheticEvent } from 'react'
import type { StudyDetail } from '../../core/api/api.js'
import type { QualWorkspace } from '../../core/api/qual-api.js'
import { api } from '../api.js'
import { FieldError, describedBy } from '../components/field-error.js'
import { ErrorBox } from '../components/load-state.js'
import { Link, navigate } from '../router.js'
import { canEdit, isAdmin, useUser } from '../researcher/session.js'
import { CasesTable } from './cases-table.js'
import { caseOf, coderName, fileToBase64, plural, reviewWords, sourcePath } from './qual-data.js'
import { QualFrame, type QualData } from './qual-frame.js'

const formatWords: Record<string, string> = {
  text: 'Text',
  docx: 'Word',
  vtt: 'WebVTT captions',
  srt: 'SRT captions',
  refi: 'REFI-QDA',
}

/**
 * A study's interviews: its transcripts (with their participant, units,
 * names review and coding), importing transcripts and REFI-QDA projects,
 * the starter codebook, exports, and the cases with their attributes.
 */
export function InterviewsPage({ id }: { readonly id: string }) {
  return (
    <QualFrame studyId={id} section="transcripts" title="Interviews">
      {(data) => <InterviewsView data={data} />}
    </QualFrame>
  )
}

function InterviewsView({ data }: { readonly data: QualData }) {
  const user = useUser()
  const editable = canEdit(user.role)
  const { ws, study, reload } = data
  return (
    <>
      <p className="lead">
        Transcripts of the interviews with each participant, coded against a shared codebook. Each
        participant is a case that carries their network measures and area deprivation.
      </p>
      <Transcripts ws={ws} studyId={study.id} />
      {editable && <ImportTranscript study={study} onImported={reload} />}
      <Codebook ws={ws} studyId={study.id} editable={editable} onChanged={reload} />
      <section aria-labelledby="cases-heading">
        <h2 id="cases-heading" className="heading-m">
          Cases
        </h2>
        <p>
          One case per participant. Deprivation comes from the participant’s details, the
          implementation model from their answers, and the network measures from their sent
          interview; they stay up to date as the data change.
        </p>
        <CasesTable ws={ws} study={study} />
      </section>
      <Exchange ws={ws} studyId={study.id} editable={editable} onImported={reload} />
    </>
  )
}

function Transcripts({ ws, studyId }: { readonly ws: QualWorkspace; readonly studyId: string }) {
  const { project } = ws
  if (project.sources.length === 0)
    return (
      <section aria-labelledby="transcripts-heading">
        <h2 id="transcripts-heading" className="heading-m">
          Transcripts
        </h2>
        <p>No transcripts yet.</p>
      </section>
    )
  return (
    <section aria-labelledby="transcripts-heading">
      <h2 id="transcripts-heading" className="heading-m">
        Transcripts ({project.sources.length})
      </h2>
      <div className="table-wrap">
        <table className="table-stack" role="table">
          <caption className="visually-hidden">Transcripts and their coding</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">
                Transcript
              </th>
              <th scope="col" role="columnheader">
                Participant
              </th>
              <th scope="col" role="columnheader">
                Format
              </th>
              <th scope="col" role="columnheader" className="num">
                Turns, sentences
              </th>
              <th scope="col" role="columnheader">
                Names
              </th>
              <th scope="col" role="columnheader">
                Coding
              </th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {project.sources.map((s) => {
              const segments = project.segments.filter((x) => x.sourceId === s.id)
              const mine = segments.filter((x) => x.coderId === ws.coderId).length
              const coders = [...new Set(segments.map((x) => x.coderId))]
              const pending = s.pseudonymisation === 'pending'
              const turns = s.units.filter((u) => u.kind === 'turn').length
              const sentences = s.units.filter((u) => u.kind === 'sentence').length
              return (
                <tr key={s.id} role="row">
                  <th scope="row" role="rowheader">
                    <Link to={sourcePath(studyId, s.id, pending)}>{s.name}</Link>
                  </th>
                  <td role="cell" data-label="Participant">
                    {caseOf(project, s.id)?.name ?? 'None'}
                  </td>
                  <td role="cell" data-label="Format">
                    {formatWords[s.format] ?? s.format}
                  </td>
                  <td role="cell" data-label="Turns, sentences" className="num">
                    {turns}, {sentences}
                  </td>
                  <td role="cell" data-label="Names">
                    {pending ? (
                      <Link to={sourcePath(studyId, s.id, true)}>
                        {reviewWords(ws, s)}
                        <span className="visually-hidden"> in {s.name}</span>
                      </Link>
                    ) : (
                      <span className="tag tag-submitted">Reviewed</span>
                    )}
                  </td>
                  <td role="cell" data-label="Coding">
                    {plural(segments.length, 'segment')}
                    {ws.coderId !== null && ` (${String(mine)} yours)`}
                    {coders.length > 0 && (
                      <>
                        {'; '}
                        {coders.map((c) => coderName(project, c)).join(', ')}
                      </>
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </section>
  )
}

function ImportTranscript({
  study,
  onImported,
}: {
  readonly study: StudyDetail
  readonly onImported: () => void
}) {
  const fileRef = useRef<HTMLInputElement>(null)
  const [caseLabel, setCaseLabel] = useState('')
  const [names, setNames] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (e: SyntheticEvent) => {
    e.preventDefault()
    const file = fileRef.current?.files?.[0]
    if (file === undefined) {
      setErrors({ file: 'Choose a transcript file (.txt, .docx, .vtt or .srt).' })
      fileRef.current?.focus()
      return
    }
    setBusy(true)
    setErrors({})
    setFailure(null)
    try {
      const result = await api.qual.importTranscript(study.id, {
        fileName: file.name,
        contentBase64: await fileToBase64(file),
        caseLabel: caseLabel === '' ? null : caseLabel,
        names: names
          .split(/[\n,;]/)
          .map((n) => n.trim())
          .filter((n) => n !== ''),
      })
      onImported()
      navigate(sourcePath(study.id, result.sourceId, true))
    } catch (error) {
      setFailure(error)
    } finally {
      setBusy(false)
    }
  }
  return (
    <section className="panel" aria-labelledby="import-heading">
      <h2 id="import-heading" className="heading-m">
        Import a transcript
      </h2>
      <form
        noValidate
        onSubmit={(e) => {
          void submit(e)
        }}
      >
        {failure !== null && <ErrorBox error={failure} />}
        <div className="field">
          <label htmlFor="transcript-file" className="label">
            Transcript file
          </label>
          <p className="hint" id="transcript-file-hint">
            Plain text, Word (.docx), or captions of a recorded call (.vtt, .srt). Lines that start
            with a speaker’s label, such as “Interviewer:” or “LW01:”, become speaker turns.
          </p>
          <FieldError id="transcript-file-error" message={errors['file'] ?? null} />
          <input
            ref={fileRef}
            id="transcript-file"
            type="file"
            accept=".txt,.docx,.vtt,.srt,text/plain,text/vtt"
            aria-describedby={describedBy(
              'transcript-file-hint',
              errors['file'] !== undefined && 'transcript-file-error',
            )}
            aria-invalid={errors['file'] === undefined ? undefined : true}
          />
        </div>
        <div className="field">
          <label htmlFor="transcript-case" className="label">
            Participant
          </label>
          <p className="hint" id="transcript-case-hint">
            Whose interview it is. Left as it is, the participant code in the file name is used
            (“LW01 interview.docx” belongs to LW01).
          </p>
          <select
            id="transcript-case"
            value={caseLabel}
            aria-describedby="transcript-case-hint"
            onChange={(e) => {
              setCaseLabel(e.target.value)
            }}
          >
            <option value="">Use the file name</option>
            {study.participantList.map((p) => (
              <option key={p.id} value={p.label}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="transcript-names" className="label">
            Other names to hide (optional)
          </label>
          <p className="hint" id="transcript-names-hint">
            One per line. The participant’s contacts and names that look like people’s are found
            anyway; you review every replacement before the transcript can be coded.
          </p>
          <textarea
            id="transcript-names"
            rows={3}
            value={names}
            aria-describedby="transcript-names-hint"
            onChange={(e) => {
              setNames(e.target.value)
            }}
          />
        </div>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Importing…' : 'Import and review names'}
        </button>
      </form>
    </section>
  )
}

function Codebook({
  ws,
  studyId,
  editable,
  onChanged,
}: {
  readonly ws: QualWorkspace
  readonly studyId: string
  readonly editable: boolean
  readonly onChanged: () => void
}) {
  const [message, setMessage] = useState('')
  const [failure, setFailure] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const codes = ws.project.codebook.codes
  const themes = codes.filter((c) => c.parentId === null).length
  const addStarter = async () => {
    setBusy(true)
    setFailure(null)
    try {
      const { added } = await api.qual.starterCodebook(studyId)
      setMessage(
        added === 0
          ? 'The starter codebook’s codes are all here already.'
          : `Added ${plural(added, 'code')} from the starter codebook.`,
      )
      onChanged()
    } catch (error) {
      setFailure(error)
    } finally {
      setBusy(false)
    }
  }
  return (
    <section aria-labelledby="codebook-heading">
      <h2 id="codebook-heading" className="heading-m">
        Codebook
      </h2>
      <p>
        {codes.length === 0
          ? 'No codes yet.'
          : `${plural(codes.length, 'code')} in ${plural(themes, 'theme')}. Open a transcript to code it, add codes and edit their definitions.`}
      </p>
      {editable && (
        <>
          <p className="hint" id="starter-hint">
            The starter codebook follows the interview topic guide: role and implementation model,
            building connections, referral work, deprivation context, advice and support, service
            capacity, reflections on the network map, and barriers, facilitators, skills and support
            needs. Every code has a definition you can edit.
          </p>
          {failure !== null && <ErrorBox error={failure} />}
          <button
            type="button"
            className="button button-secondary"
            aria-describedby="starter-hint"
            disabled={busy}
            onClick={() => {
              void addStarter()
            }}
          >
            {codes.length === 0 ? 'Start from the starter codebook' : 'Add the starter codebook'}
          </button>
        </>
      )}
      <p role="status">{message}</p>
    </section>
  )
}

function Exchange({
  ws,
  studyId,
  editable,
  onImported,
}: {
  readonly ws: QualWorkspace
  readonly studyId: string
  readonly editable: boolean
  readonly onImported: () => void
}) {
  const user = useUser()
  const [all, setAll] = useState(false)
  const fileRef = useRef<HTMLInputElement>(null)
  const [error, setError] = useState<string | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)
  const unreviewed = ws.project.sources.filter((s) => s.pseudonymisation === 'pending').length
  const submit = async (e: SyntheticEvent) => {
    e.preventDefault()
    const file = fileRef.current?.files?.[0]
    if (file === undefined) {
      setError('Choose a .qdpx project or a .qdc codebook.')
      fileRef.current?.focus()
      return
    }
    setBusy(true)
    setError(null)
    setFailure(null)
    setMessage('')
    try {
      const r = await api.qual.importProject(studyId, {
        fileName: file.name,
        contentBase64: await fileToBase64(file),
      })
      setMessage(
        r.kind === 'codebook'
          ? `Imported ${plural(r.codes, 'new code')} from ${file.name}.`
          : `Imported ${file.name}: ${plural(r.sources, 'transcript')}, ${plural(r.codes, 'code')}, ${plural(r.segments, 'coded segment')}.${r.notes.length > 0 ? ` ${r.notes.join(' ')}` : ''}`,
      )
      if (fileRef.current !== null) fileRef.current.value = ''
      onImported()
    } catch (err) {
      setFailure(err)
    } finally {
      setBusy(false)
    }
  }
  const q = all ? { all: true } : {}
  return (
    <section aria-labelledby="exchange-heading">
      <h2 id="exchange-heading" className="heading-m">
        Work with NVivo, QualCoder, MAXQDA and ATLAS.ti
      </h2>
      {editable ? (
        <>
          <p>
            Exports use the REFI-QDA exchange format. They hold transcripts whose names have been
            reviewed
            {unreviewed > 0 && ` (${plural(unreviewed, 'transcript')} still waiting are left out)`},
            the codebook, each coder’s coding, memos, and the cases with their deprivation and
            network measures as variables.
          </p>
          {isAdmin(user.role) && unreviewed > 0 && (
            <div className="option field">
              <input
                id="export-all"
                type="checkbox"
                checked={all}
                onChange={(e) => {
                  setAll(e.target.checked)
                }}
              />
              <label htmlFor="export-all">
                Include transcripts whose names have not been reviewed (admins only)
              </label>
            </div>
          )}
          <ul className="button-row">
            <li>
              <a
                className="button button-secondary"
                href={api.qual.url(studyId, 'export', { format: 'qdpx', ...q })}
                download
              >
                Project (.qdpx)
              </a>
            </li>
            <li>
              <a
                className="button button-secondary"
                href={api.qual.url(studyId, 'export', { format: 'qdc' })}
                download
              >
                Codebook (.qdc)
              </a>
            </li>
            <li>
              <a
                className="button button-secondary"
                href={api.qual.url(studyId, 'export', { format: 'csv', ...q })}
                download
              >
                Coded segments and matrix (CSV, zip)
              </a>
            </li>
          </ul>
          <form
            noValidate
            className="panel"
            onSubmit={(e) => {
              void submit(e)
            }}
          >
            <h3 className="heading-s">Import from another tool</h3>
            {failure !== null && <ErrorBox error={failure} />}
            <div className="field">
              <label htmlFor="project-file" className="label">
                Project or codebook file
              </label>
              <p className="hint" id="project-file-hint">
                A .qdpx project or a .qdc codebook. Everything in it is added, or nothing if
                anything is wrong.
              </p>
              <FieldError id="project-file-error" message={error} />
              <input
                ref={fileRef}
                id="project-file"
                type="file"
                accept=".qdpx,.qdc,.xml,application/zip"
                aria-describedby={describedBy(
                  'project-file-hint',
                  error !== null && 'project-file-error',
                )}
                aria-invalid={error === null ? undefined : true}
              />
            </div>
            <button type="submit" className="button" disabled={busy}>
              {busy ? 'Importing…' : 'Import'}
            </button>
            <p role="status">{message}</p>
          </form>
        </>
      ) : (
        <p>Only researchers and admins can export or import projects.</p>
      )}
    </section>
  )
}
