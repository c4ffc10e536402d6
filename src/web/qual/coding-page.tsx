import { useEffect, useRef, useState, type SyntheticEvent } from 'react'
import type { ParticipantDetail } from '../../core/api/api.js'
import type { QualProject, Segment, Source } from '../../core/qual/project.js'
import { codePointIndex } from '../../core/qual/text/code-points.js'
import type { UnitKind } from '../../core/qual/transcripts/transcript.js'
import { api } from '../api.js'
import { FieldError, describedBy } from '../components/field-error.js'
import { ErrorBox } from '../components/load-state.js'
import { useResource } from '../lib/use-resource.js'
import { Link, useLocation } from '../router.js'
import { canEdit, useUser } from '../researcher/session.js'
import { CodebookSection, CodeChecklist, Swatch } from './codebook-panel.js'
import { MemoList } from './memo-list.js'
import { linkOptions, linkValue, linkWords, type LinkOption } from './network-options.js'
import { caseOf, codeName, coderName, plural, shorten, sourcePath } from './qual-data.js'
import { QualFrame, type QualData } from './qual-frame.js'
import { selectionInTranscript, type CodePointRange } from './selection-offsets.js'
import { TranscriptText, type Mark } from './transcript-text.js'

/**
 * Coding one transcript: the text by speaker turns, my coding highlighted
 * (and, on request, the other coders', which I cannot change), a selection
 * made with the mouse or chosen unit by unit from the keyboard, the codes
 * to apply, a memo and a link to a contact or tie of the case's network;
 * below, my segments to change or remove, memos on the case, and the
 * codebook. Offsets sent to the server are code points.
 */
export function CodingPage({ id, sourceId }: { readonly id: string; readonly sourceId: string }) {
  return (
    <QualFrame
      studyId={id}
      section={null}
      title={({ ws }) =>
        `Coding: ${ws.project.sources.find((s) => s.id === sourceId)?.name ?? 'a transcript'}`
      }
    >
      {(data) => {
        const source = data.ws.project.sources.find((s) => s.id === sourceId)
        if (source === undefined) return <p>There is no such transcript in this study.</p>
        return <CodingLoader key={source.id} data={data} source={source} />
      }}
    </QualFrame>
  )
}

function CodingLoader({ data, source }: { readonly data: QualData; readonly source: Source }) {
  const kase = caseOf(data.ws.project, source.id)
  const participant = data.study.participantList.find((p) => p.label === kase?.egoId)
  const [detail] = useResource(`participant:${participant?.id ?? ''}`, () =>
    participant === undefined ? Promise.resolve(null) : api.participant(participant.id),
  )
  const { query } = useLocation()
  const replaced = query.get('replaced')
  if (source.pseudonymisation === 'pending')
    return (
      <p className="notice">
        The names in this transcript are waiting to be reviewed: it can be coded once they are.{' '}
        <Link to={sourcePath(data.study.id, source.id, true)}>Review the names</Link>.
      </p>
    )
  return (
    <>
      {replaced !== null && (
        <p className="notice notice-ok" role="status">
          {replaced === '0'
            ? 'Reviewed: no names needed replacing.'
            : `Replaced ${plural(Number(replaced), 'name')}.`}{' '}
          You can code this transcript now.
        </p>
      )}
      <CodingView
        data={data}
        source={source}
        options={linkOptions(detail.kind === 'ready' ? detail.data : null)}
        participant={detail.kind === 'ready' ? detail.data : null}
      />
    </>
  )
}

function CodingView({
  data,
  source,
  options,
  participant,
}: {
  readonly data: QualData
  readonly source: Source
  readonly options: readonly LinkOption[]
  readonly participant: ParticipantDetail | null
}) {
  const user = useUser()
  const { ws, study, reload } = data
  const { project } = ws
  const me = canEdit(user.role) ? ws.coderId : null
  const studyId = study.id
  const textRef = useRef<HTMLDivElement>(null)
  const [selection, setSelection] = useState<CodePointRange | null>(null)
  const [compare, setCompare] = useState(false)
  // A segment just coded, drawn until the project read again holds it: the text keeps the same
  // spans meanwhile, so a selection started in the gap is not disturbed.
  const [coded, setCoded] = useState<Segment | null>(null)
  const index = codePointIndex(source.text)
  const fresh = coded !== null && !project.segments.some((s) => s.id === coded.id)
  useEffect(() => {
    // Read back: from now on the project's own copy counts (and may be changed or removed).
    if (coded !== null && !fresh) setCoded(null)
  }, [coded, fresh])
  const segments = [...project.segments, ...(fresh ? [coded] : [])]
    .filter((s) => s.sourceId === source.id)
    .sort((a, b) => a.start - b.start || a.end - b.end)
  const mine = segments.filter((s) => s.coderId === me)
  const others = segments.filter((s) => s.coderId !== me)
  const otherCoders = [...new Set(others.map((s) => s.coderId))]
  const colorOf = (s: Segment) =>
    project.codebook.codes.find((c) => c.id === s.codeIds[0])?.color ?? null
  const kase = caseOf(project, source.id)

  const marks: Mark[] = [
    ...mine.map((s): Mark => ({ start: s.start, end: s.end, kind: 'mine', color: colorOf(s) })),
    ...(compare ? others.map((s): Mark => ({ start: s.start, end: s.end, kind: 'other' })) : []),
    ...(selection === null ? [] : [{ ...selection, kind: 'pending' as const }]),
  ]

  const capture = () => {
    if (textRef.current === null) return
    const range = selectionInTranscript(textRef.current, source.text)
    if (range === null) return
    setSelection(range)
    // The selection is now drawn as a highlight; the browser's own would sit on stale text.
    window.getSelection()?.removeAllRanges()
  }

  return (
    <>
      <p>
        {kase === null ? 'No participant.' : `Participant ${kase.name}.`}{' '}
        {plural(source.units.filter((u) => u.kind === 'turn').length, 'speaker turn')},{' '}
        {plural(source.units.filter((u) => u.kind === 'sentence').length, 'sentence')}.{' '}
        {me === null
          ? 'You can read the coding; researchers and admins code.'
          : `You have coded ${plural(mine.length, 'segment')}.`}
      </p>
      <div className="coding-layout">
        <section aria-labelledby="transcript-heading" className="coding-text">
          <h2 id="transcript-heading" className="heading-m">
            Transcript
          </h2>
          <p className="hint" id="transcript-hint">
            {me === null
              ? 'Highlighted: coded text.'
              : 'Select text with the mouse (or a finger) to code it, or choose sentences or turns in “Code the selection”. Highlighted: your coding, in the colour of its first code.'}
          </p>
          {otherCoders.length > 0 && (
            <div className="option field">
              <input
                id="compare-coders"
                type="checkbox"
                checked={compare}
                onChange={(e) => {
                  setCompare(e.target.checked)
                }}
              />
              <label htmlFor="compare-coders">
                {me === null ? 'Show every coder’s coding' : 'Compare with the other coders'} (
                {otherCoders.map((c) => coderName(project, c)).join(', ')}; dotted underline)
              </label>
            </div>
          )}
          <TranscriptText
            source={source}
            marks={marks}
            rootRef={textRef}
            labelledBy="transcript-heading"
            {...(me === null ? {} : { onCapture: capture })}
          />
        </section>
        {me !== null && (
          <ApplyCodes
            project={project}
            studyId={studyId}
            source={source}
            selection={selection}
            quote={selection === null ? '' : index.slice(selection.start, selection.end)}
            options={options}
            onSelect={setSelection}
            onCoded={(segment) => {
              setCoded(segment)
              setSelection(null)
              reload()
            }}
          />
        )}
      </div>

      {me !== null && (
        <section aria-labelledby="mine-heading">
          <h2 id="mine-heading" className="heading-m" tabIndex={-1}>
            Your coding ({mine.length})
          </h2>
          {mine.length === 0 ? (
            <p>None yet.</p>
          ) : (
            <ul className="segment-list">
              {mine.map((s) => (
                <SegmentItem
                  key={s.id}
                  segment={s}
                  project={project}
                  studyId={studyId}
                  text={index.slice(s.start, s.end)}
                  options={options}
                  editable
                  onChanged={reload}
                />
              ))}
            </ul>
          )}
        </section>
      )}
      {(compare || me === null) && others.length > 0 && (
        <section aria-labelledby="others-heading">
          <h2 id="others-heading" className="heading-m">
            {me === null ? 'Coding' : 'Other coders’ coding'} ({others.length})
          </h2>
          {me !== null && (
            <p className="hint">Each coder’s work is kept apart: you can read it, not change it.</p>
          )}
          {otherCoders.map((c) => (
            <div key={c}>
              <h3 className="heading-s">{coderName(project, c)}</h3>
              <ul className="segment-list">
                {others
                  .filter((s) => s.coderId === c)
                  .map((s) => (
                    <SegmentItem
                      key={s.id}
                      segment={s}
                      project={project}
                      studyId={studyId}
                      text={index.slice(s.start, s.end)}
                      options={options}
                      editable={false}
                      onChanged={reload}
                    />
                  ))}
              </ul>
            </div>
          ))}
        </section>
      )}

      {kase !== null && (
        <section aria-labelledby="case-memos-heading">
          <h2 id="case-memos-heading" className="heading-m">
            Memos on the case {kase.name}
          </h2>
          {participant !== null && (
            <p>
              <Link to={`/participants/${encodeURIComponent(participant.id)}`}>
                {kase.name}’s network and answers
              </Link>
            </p>
          )}
          <MemoList
            studyId={studyId}
            project={project}
            coderId={me}
            target={{ kind: 'case', id: kase.id }}
            about={`the case ${kase.name}`}
            idPrefix="case-memo"
            onChanged={reload}
          />
        </section>
      )}
      <CodebookSection project={project} studyId={studyId} coderId={me} onChanged={reload} />
    </>
  )
}

function unitLabel(
  source: Source,
  index: ReturnType<typeof codePointIndex>,
  n: number,
  u: Source['units'][number],
) {
  const turn = source.turns.find(
    (t) => t.start <= u.start && u.start < Math.max(t.end, t.start + 1),
  )
  const who = turn?.speaker === null || turn?.speaker === undefined ? '' : `${turn.speaker}: `
  return `${String(n)}. ${who}${shorten(index.slice(u.start, u.end), 70)}`
}

function ApplyCodes({
  project,
  studyId,
  source,
  selection,
  quote,
  options,
  onSelect,
  onCoded,
}: {
  readonly project: QualProject
  readonly studyId: string
  readonly source: Source
  readonly selection: CodePointRange | null
  readonly quote: string
  readonly options: readonly LinkOption[]
  readonly onSelect: (range: CodePointRange | null) => void
  readonly onCoded: (segment: Segment) => void
}) {
  const [chosen, setChosen] = useState<Set<string>>(new Set())
  const [memo, setMemo] = useState('')
  const [link, setLink] = useState('')
  const [unitKind, setUnitKind] = useState<UnitKind>('sentence')
  const [first, setFirst] = useState('')
  const [last, setLast] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<unknown>(null)
  const [status, setStatus] = useState('')
  const [busy, setBusy] = useState(false)
  const index = codePointIndex(source.text)
  const units = source.units.filter((u) => u.kind === unitKind).sort((a, b) => a.start - b.start)

  const chooseUnits = (from: string, to: string) => {
    const a = units.findIndex((u) => u.id === from)
    const b = to === '' ? a : units.findIndex((u) => u.id === to)
    if (a === -1) return
    const [lo, hi] = a <= b ? [a, b] : [b, a]
    onSelect({ start: units[lo]!.start, end: units[hi]!.end })
  }

  const submit = async (e: SyntheticEvent) => {
    e.preventDefault()
    const problems: Record<string, string> = {}
    if (selection === null)
      problems['selection'] = 'Select the text to code first: with the mouse, or by unit below.'
    if (chosen.size === 0) problems['codes'] = 'Choose at least one code.'
    setErrors(problems)
    setStatus('')
    if (Object.keys(problems).length > 0 || selection === null) return
    setBusy(true)
    setFailure(null)
    try {
      const option = options.find((o) => o.value === link)
      const segment = await api.qual.codeSegment(studyId, {
        sourceId: source.id,
        start: selection.start,
        end: selection.end,
        codeIds: [...chosen],
        ...(memo.trim() === '' ? {} : { memo: memo.trim() }),
        ...(option === undefined ? {} : { link: option.link }),
      })
      setStatus(
        `Coded “${shorten(quote, 60)}” with ${[...chosen].map((c) => codeName(project, c)).join('; ')}.`,
      )
      setChosen(new Set())
      setMemo('')
      setLink('')
      setFirst('')
      setLast('')
      onCoded(segment)
    } catch (error) {
      setFailure(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="apply-heading" className="coding-panel">
      <h2 id="apply-heading" className="heading-m">
        Code the selection
      </h2>
      <form
        noValidate
        onSubmit={(e) => {
          void submit(e)
        }}
      >
        {failure !== null && <ErrorBox error={failure} />}
        <div className="selection-box" aria-live="polite">
          <p className="label">Selected text</p>
          <FieldError id="selection-error" message={errors['selection'] ?? null} />
          {selection === null ? (
            <p className="hint" id="selection-text">
              Nothing selected yet.
            </p>
          ) : (
            <blockquote className="quote" id="selection-text">
              {quote}
            </blockquote>
          )}
          {selection !== null && (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                onSelect(null)
                setFirst('')
                setLast('')
              }}
            >
              Clear the selection
            </button>
          )}
        </div>
        <details className="unit-picker">
          <summary>Choose sentences or turns instead</summary>
          <div className="field">
            <label htmlFor="unit-kind" className="label">
              Units
            </label>
            <select
              id="unit-kind"
              value={unitKind}
              onChange={(e) => {
                setUnitKind(e.target.value as UnitKind)
                setFirst('')
                setLast('')
              }}
            >
              <option value="sentence">Sentences</option>
              <option value="turn">Speaker turns</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="unit-first" className="label">
              From
            </label>
            <select
              id="unit-first"
              value={first}
              onChange={(e) => {
                setFirst(e.target.value)
                setLast(e.target.value)
                chooseUnits(e.target.value, e.target.value)
              }}
            >
              <option value="">Choose a {unitKind === 'turn' ? 'turn' : 'sentence'}</option>
              {units.map((u, i) => (
                <option key={u.id} value={u.id}>
                  {unitLabel(source, index, i + 1, u)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="unit-last" className="label">
              To
            </label>
            <select
              id="unit-last"
              value={last}
              disabled={first === ''}
              onChange={(e) => {
                setLast(e.target.value)
                chooseUnits(first, e.target.value)
              }}
            >
              <option value="">The same</option>
              {units.map((u, i) => (
                <option key={u.id} value={u.id}>
                  {unitLabel(source, index, i + 1, u)}
                </option>
              ))}
            </select>
          </div>
        </details>
        <fieldset
          className="field codes-field"
          aria-describedby={describedBy(errors['codes'] !== undefined && 'codes-error')}
        >
          <legend className="label">Codes to apply</legend>
          <FieldError id="codes-error" message={errors['codes'] ?? null} />
          <CodeChecklist project={project} chosen={chosen} onChange={setChosen} idPrefix="apply" />
        </fieldset>
        <div className="field">
          <label htmlFor="segment-memo" className="label">
            Coding memo (optional)
          </label>
          <textarea
            id="segment-memo"
            rows={2}
            value={memo}
            onChange={(e) => {
              setMemo(e.target.value)
            }}
          />
        </div>
        <LinkSelect id="segment-link" options={options} value={link} onValue={setLink} />
        <button type="submit" className="button button-primary" disabled={busy}>
          Code the selection
        </button>
        <p role="status" className="coded-status">
          {status}
        </p>
      </form>
    </section>
  )
}

function LinkSelect({
  id,
  options,
  value,
  onValue,
}: {
  readonly id: string
  readonly options: readonly LinkOption[]
  readonly value: string
  readonly onValue: (v: string) => void
}) {
  if (options.length === 0) return null
  return (
    <div className="field">
      <label htmlFor={id} className="label">
        About a contact or tie in the network (optional)
      </label>
      <p className="hint" id={`${id}-hint`}>
        Linked quotes show when the contact is chosen in the participant’s network map.
      </p>
      <select
        id={id}
        value={value}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          onValue(e.target.value)
        }}
      >
        <option value="">Not linked</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

function SegmentItem({
  segment: s,
  project,
  studyId,
  text,
  options,
  editable,
  onChanged,
}: {
  readonly segment: Segment
  readonly project: QualProject
  readonly studyId: string
  readonly text: string
  readonly options: readonly LinkOption[]
  readonly editable: boolean
  readonly onChanged: () => void
}) {
  const [editing, setEditing] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [chosen, setChosen] = useState<Set<string>>(new Set(s.codeIds))
  const [memo, setMemo] = useState(s.memo)
  const [link, setLink] = useState(linkValue(s.link))
  const [failure, setFailure] = useState<unknown>(null)
  const [error, setError] = useState<string | null>(null)
  const linked = linkWords(options, s.link)
  const short = shorten(text, 40)
  const save = async (e: SyntheticEvent) => {
    e.preventDefault()
    if (chosen.size === 0) {
      setError('Keep at least one code, or remove the segment.')
      return
    }
    setError(null)
    setFailure(null)
    try {
      await api.qual.updateSegment(studyId, s.id, {
        codeIds: [...chosen],
        memo: memo.trim(),
        link: options.find((o) => o.value === link)?.link ?? null,
      })
      setEditing(false)
      onChanged()
    } catch (err) {
      setFailure(err)
    }
  }
  return (
    <li className="segment">
      <blockquote className="quote">{text}</blockquote>
      <ul className="code-tags" aria-label="Codes">
        {s.codeIds.map((c) => (
          <li key={c} className="tag">
            <Swatch color={project.codebook.codes.find((x) => x.id === c)?.color ?? null} />
            {codeName(project, c)}
          </li>
        ))}
      </ul>
      {s.memo !== '' && <p className="memo-text">Memo: {s.memo}</p>}
      {linked !== null && <p className="hint">About: {linked}</p>}
      {failure !== null && <ErrorBox error={failure} />}
      {editable && !editing && (
        <div className="button-row">
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => {
              setEditing(true)
            }}
          >
            Change<span className="visually-hidden"> the coding of “{short}”</span>
          </button>
          {confirming ? (
            <>
              <button
                type="button"
                className="button button-warning button-small"
                onClick={() => {
                  api.qual.deleteSegment(studyId, s.id).then(() => {
                    // The button goes with the segment: focus moves to the list's heading.
                    document.getElementById('mine-heading')?.focus()
                    onChanged()
                  }, setFailure)
                }}
              >
                Yes, remove<span className="visually-hidden"> the coding of “{short}”</span>
              </button>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => {
                  setConfirming(false)
                }}
              >
                Keep it
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => {
                setConfirming(true)
              }}
            >
              Remove<span className="visually-hidden"> the coding of “{short}”</span>
            </button>
          )}
        </div>
      )}
      {editing && (
        <form
          noValidate
          className="panel"
          onSubmit={(e) => {
            void save(e)
          }}
        >
          <fieldset
            className="field"
            aria-describedby={error === null ? undefined : `codes-${s.id}-error`}
          >
            <legend className="label">Codes of “{short}”</legend>
            <FieldError id={`codes-${s.id}-error`} message={error} />
            <CodeChecklist
              project={project}
              chosen={chosen}
              onChange={setChosen}
              idPrefix={`edit-${s.id}`}
            />
          </fieldset>
          <div className="field">
            <label htmlFor={`memo-${s.id}`} className="label">
              Coding memo
            </label>
            <textarea
              id={`memo-${s.id}`}
              rows={2}
              value={memo}
              onChange={(e) => {
                setMemo(e.target.value)
              }}
            />
          </div>
          <LinkSelect id={`link-${s.id}`} options={options} value={link} onValue={setLink} />
          <div className="button-row">
            <button type="submit" className="button button-small">
              Save
            </button>
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => {
                setEditing(false)
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
    </li>
  )
}
