import { SpnetError, type Issue } from '../../errors.js'
import { err, ok, type Result } from '../../result.js'
import type { Code } from '../codebook/codebook.js'
import {
  caseId,
  codeId,
  coderId,
  isGuid,
  memoId,
  normaliseGuid,
  segmentId,
  setId,
  sourceId,
  type CodeId,
  type CoderId,
  type SourceId,
} from '../ids.js'
import type {
  Coder,
  Memo,
  MemoTarget,
  QualAttributes,
  QualCase,
  QualProject,
  QualSet,
  QualVariable,
  QualVariableType,
  Segment,
  Source,
} from '../project.js'
import { stableGuid } from '../stable-guid.js'
import { codePointLength } from '../text/code-points.js'
import { normaliseText, parseTextTranscript } from '../transcripts/parse-text.js'
import { declareUnits } from '../transcripts/split-units.js'
import { validateProject } from '../validate-project.js'
import { sidecarPath, sidecarSchema } from './sidecar.js'
import { attr, child, children, childText, parseXml, type XmlNode } from './xml.js'

/** The decoded contents of a .qdpx (the I/O layer unzips and decodes). */
export type QdpxContents = {
  /** Path of the .qde inside the package, and its text. */
  readonly qde: { readonly path: string; readonly text: string }
  /** Other files: path inside the package → UTF-8 text (binary files may be left out). */
  readonly files: ReadonlyMap<string, string>
  /** Name of the package, for messages. */
  readonly file: string
}

export type CrlfOffsets = 'auto' | 'one' | 'two'

export type ImportOptions = {
  /**
   * How selection offsets count a CRLF line break in a source's text: as one
   * character (ATLAS.ti) or two (code points of the file as stored). `auto`
   * takes one for ATLAS.ti and two otherwise, unless the offsets only fit
   * the other reading.
   */
  readonly crlf?: CrlfOffsets
}

export type ImportReport = {
  readonly project: QualProject
  /** Things spnet read differently or left out, for the researcher to see. */
  readonly notes: readonly string[]
}

const variableType: Record<string, QualVariableType> = {
  Text: 'text',
  Integer: 'integer',
  Float: 'float',
  Boolean: 'boolean',
  Date: 'date',
  DateTime: 'datetime',
}

/**
 * Reads a REFI-QDA project (QualCoder, NVivo, MAXQDA, ATLAS.ti, spnet) into
 * a spnet project, tolerating their conventions (QDPX.md §2.3): `Sources` or
 * `sources`, bare or `internal://` paths, CRLF offsets, nameless cases with
 * one SourceRef as document variables, cases emitted as codes, annotations as
 * uncoded selections or as Notes with Links. Each selection's codings are
 * split by coder (`creatingUser`). All or nothing: a dangling reference, an
 * offset beyond its text or a missing source file is an error and nothing is
 * returned.
 */
export function importQdpx(
  contents: QdpxContents,
  options: ImportOptions = {},
): Result<ImportReport> {
  const file = contents.qde.path
  const parsed = parseXml(contents.qde.text.replace(/^\uFEFF/, ''), file)
  if (!parsed.ok) return parsed
  const root = child(parsed.value, 'Project')
  if (root === undefined) {
    return err(
      new SpnetError(
        'validation',
        `${file} is not a REFI-QDA project: its root element is not <Project>.`,
        {
          issues: [
            {
              file,
              message: 'No <Project> root element.',
              fix: 'Choose a .qdpx exported as a REFI-QDA project.',
            },
          ],
        },
      ),
    )
  }
  const issues: Issue[] = []
  const notes: string[] = []
  const fail = (path: string, message: string, fix?: string): void => {
    issues.push({ file, path, message, ...(fix === undefined ? {} : { fix }) })
  }
  const guidOf = (node: XmlNode, path: string, name = 'guid'): string => {
    const g = attr(node, name)
    if (g === undefined || !isGuid(normaliseGuid(g))) {
      fail(path, `${name}="${g ?? ''}" is not a GUID.`)
      return stableGuid(`refi/bad-guid/${path}`)
    }
    return normaliseGuid(g)
  }
  const origin = attr(root, 'origin') ?? null
  const projectCreator = attr(root, 'creatingUserGUID')

  // Users → coders.
  const coders: Coder[] = []
  const coderIds = new Set<string>()
  children(child(root, 'Users'), 'User').forEach((u, i) => {
    const id = guidOf(u, `Users/User[${i}]`)
    if (coderIds.has(id)) return
    coderIds.add(id)
    coders.push({ id: coderId(id), name: attr(u, 'name') ?? attr(u, 'id') ?? 'Unnamed user' })
  })
  const coderFor = (guid: string | undefined): CoderId => {
    const id =
      guid !== undefined && isGuid(normaliseGuid(guid))
        ? normaliseGuid(guid)
        : stableGuid('refi/unknown-coder')
    if (!coderIds.has(id)) {
      coderIds.add(id)
      coders.push({
        id: coderId(id),
        name: guid === undefined ? 'Unknown coder' : `User ${id.slice(0, 8)}`,
      })
      notes.push(
        guid === undefined
          ? 'Some codings name no coder; they are attributed to “Unknown coder”.'
          : `User ${id} is not listed under <Users>; added as a coder.`,
      )
    }
    return coderId(id)
  }

  // Codebook (recursive).
  const codes: Code[] = []
  const codeNoteRefs = new Map<string, string[]>()
  const visitCode = (node: XmlNode, parentId: CodeId | null, path: string): void => {
    const id = codeId(guidOf(node, path))
    const codable = attr(node, 'isCodable')
    const color = attr(node, 'color')
    codes.push({
      id,
      name: attr(node, 'name') ?? '(unnamed code)',
      parentId,
      isCodable: !(codable === 'false' || codable === '0'),
      color:
        color !== undefined && /^#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/.test(color.trim())
          ? color.trim()
          : null,
      description: childText(node, 'Description') ?? '',
      examples: [],
    })
    codeNoteRefs.set(
      id,
      children(node, 'NoteRef').map((r, k) => guidOf(r, `${path}/NoteRef[${k}]`, 'targetGUID')),
    )
    children(node, 'Code').forEach((c, k) => {
      visitCode(c, id, `${path}/Code[${k}]`)
    })
  }
  children(child(child(root, 'CodeBook'), 'Codes'), 'Code').forEach((c, i) => {
    visitCode(c, null, `CodeBook/Codes/Code[${i}]`)
  })

  // Variables.
  const variables = new Map<string, QualVariable>()
  children(child(root, 'Variables'), 'Variable').forEach((v, i) => {
    const id = guidOf(v, `Variables/Variable[${i}]`)
    const type = variableType[attr(v, 'typeOfVariable') ?? 'Text'] ?? 'text'
    variables.set(id, {
      name: attr(v, 'name') ?? `variable ${i + 1}`,
      type,
      description: childText(v, 'Description') ?? '',
    })
  })
  const readValues = (
    node: XmlNode,
    path: string,
  ): Record<string, string | number | boolean | null> => {
    const out: Record<string, string | number | boolean | null> = {}
    children(node, 'VariableValue').forEach((vv, k) => {
      const ref = child(vv, 'VariableRef')
      const target =
        ref === undefined
          ? undefined
          : guidOf(ref, `${path}/VariableValue[${k}]/VariableRef`, 'targetGUID')
      const variable = target === undefined ? undefined : variables.get(target)
      if (variable === undefined) {
        fail(
          `${path}/VariableValue[${k}]`,
          `VariableRef ${target ?? '(none)'} points at no declared variable.`,
        )
        return
      }
      const text = (name: string): string | undefined => childText(vv, name)
      const b = text('BooleanValue')
      const n = text('IntegerValue') ?? text('FloatValue')
      const s = text('TextValue') ?? text('DateValue') ?? text('DateTimeValue')
      if (b !== undefined) out[variable.name] = b.trim() === 'true' || b.trim() === '1'
      else if (n !== undefined && n.trim() !== '' && Number.isFinite(Number(n)))
        out[variable.name] = Number(n)
      else if (s !== undefined) out[variable.name] = s
      else out[variable.name] = null
    })
    return out
  }

  // Sources.
  const crlf = options.crlf ?? 'auto'
  const lookup = new Map<string, string>()
  for (const [p, text] of contents.files) lookup.set(p.toLowerCase(), text)
  const basePath = attr(root, 'basePath') ?? ''
  const readPlain = (path: string): string | undefined => {
    const m = /^(internal|relative|absolute):\/\/(.*)$/i.exec(path)
    const scheme = m?.[1]?.toLowerCase() ?? 'bare'
    let name = (m?.[2] ?? path).replace(/\\/g, '/')
    if (scheme === 'relative')
      name = `${basePath.replace(/\\/g, '/').replace(/\/?$/, '/')}${name}`.replace(/^\//, '')
    const base = name.split('/').pop() ?? name
    for (const candidate of [`sources/${name}`, name, `sources/${base}`, base]) {
      const hit = lookup.get(candidate.toLowerCase())
      if (hit !== undefined) return hit
    }
    return undefined
  }

  const sources: Source[] = []
  const segments: Segment[] = []
  const memos: Memo[] = []
  const selectionInfo = new Map<
    string,
    {
      sourceId: SourceId
      start: number
      end: number
      segmentId: string | null
      coded: boolean
      name: string | undefined
      description: string | undefined
      coderId: CoderId | null
      createdAt: string | null
    }
  >()
  const noteTargets: { noteGuid: string; target: MemoTarget }[] = []
  const codeGuids = new Set<string>(codes.map((c) => c.id))
  const codingRefs: { codeGuid: string; segmentIndex: number; path: string }[] = []

  const sourcesNode = child(root, 'Sources')
  for (const kind of ['PictureSource', 'PDFSource', 'AudioSource', 'VideoSource']) {
    const n = children(sourcesNode, kind).length
    if (n > 0)
      notes.push(
        `${n} ${kind.replace('Source', '').toLowerCase()} source${n === 1 ? ' was' : 's were'} left out: spnet codes text only.`,
      )
  }
  children(sourcesNode, 'TextSource').forEach((ts, i) => {
    const path = `Sources/TextSource[${i}]`
    const id = sourceId(guidOf(ts, path))
    const plainPath = attr(ts, 'plainTextPath')
    const inline = childText(ts, 'PlainTextContent')
    let raw: string | undefined
    if (inline !== undefined) raw = inline
    else if (plainPath !== undefined) {
      raw = readPlain(plainPath)
      if (raw === undefined) {
        fail(
          path,
          `The plain text ${plainPath} is not in the package.`,
          'Export the project again with its sources included.',
        )
        return
      }
    } else {
      fail(
        path,
        'The source has no plain text (no PlainTextContent or plainTextPath).',
        'Export it again with plain-text representations.',
      )
      return
    }
    raw = raw.replace(/^\uFEFF/, '')
    const text = normaliseText(raw)
    const length = codePointLength(text)
    // CR positions (in code points of `raw`) of each CRLF, for offsets that count it as two.
    const crs: number[] = []
    {
      let cp = 0
      for (let k = 0; k < raw.length; k++) {
        const c = raw.charCodeAt(k)
        if (c === 13 && raw.charCodeAt(k + 1) === 10) crs.push(cp)
        if (c >= 0xd800 && c <= 0xdbff && k + 1 < raw.length) k++
        cp++
      }
    }
    const selectionNodes = children(ts, 'PlainTextSelection')
    const positions = selectionNodes.map(
      (sel) => [Number(attr(sel, 'startPosition')), Number(attr(sel, 'endPosition'))] as const,
    )
    let countsTwo = false
    if (crs.length > 0) {
      const fitsOne = positions.every(([, e]) => e <= length)
      const fitsTwo = positions.every(([, e]) => e <= length + crs.length)
      countsTwo =
        crlf === 'two' || (crlf === 'auto' && (!fitsOne ? fitsTwo : !/atlas/i.test(origin ?? '')))
      notes.push(
        `${attr(ts, 'name') ?? id}: its text has Windows (CRLF) line breaks; offsets read as counting each as ${countsTwo ? 'two characters' : 'one character'}.`,
      )
    }
    const toOffset = (p: number): number => {
      if (!countsTwo) return p
      let before = 0
      while (before < crs.length && crs[before]! < p) before++
      // An offset between CR and LF lands on the line break.
      return p - before
    }
    const creator = attr(ts, 'creatingUser')
    sources.push({
      id,
      name:
        attr(ts, 'name') ??
        (plainPath === undefined
          ? `Source ${i + 1}`
          : plainPath.replace(/^.*[/\\]|^[a-z]+:\/\//gi, '').replace(/\.txt$/i, '')),
      description: childText(ts, 'Description') ?? '',
      text,
      format: 'refi',
      turns: [],
      cues: [],
      units: [],
      attributes: readValues(ts, path),
      pseudonymisation: 'pending',
      creatorId: creator === undefined ? null : coderFor(creator),
      createdAt: attr(ts, 'creationDateTime') ?? null,
    })
    selectionNodes.forEach((sel, k) => {
      const spath = `${path}/PlainTextSelection[${k}]`
      const selGuid = guidOf(sel, spath)
      const [s0, e0] = positions[k]!
      if (!(Number.isInteger(s0) && Number.isInteger(e0) && s0 >= 0 && s0 <= e0)) {
        fail(
          spath,
          `startPosition="${attr(sel, 'startPosition') ?? ''}" endPosition="${attr(sel, 'endPosition') ?? ''}" is not a range.`,
        )
        return
      }
      const start = toOffset(s0)
      const end = toOffset(e0)
      if (end > length) {
        fail(
          spath,
          `The selection ${s0}–${e0} runs past the end of the text (${length} characters).`,
          'The plain text and the codings do not match: export the project again.',
        )
        return
      }
      const selCreator = attr(sel, 'creatingUser') ?? projectCreator
      const description = childText(sel, 'Description')
      const createdAt = attr(sel, 'creationDateTime') ?? null
      const codings = children(sel, 'Coding')
      const byCoder = new Map<string, { coder: CoderId; codes: { guid: string; path: string }[] }>()
      codings.forEach((cd, c) => {
        const ref = child(cd, 'CodeRef')
        if (ref === undefined) {
          fail(`${spath}/Coding[${c}]`, 'A Coding has no CodeRef.')
          return
        }
        const coder = coderFor(attr(cd, 'creatingUser') ?? selCreator)
        let entry = byCoder.get(coder)
        if (entry === undefined) byCoder.set(coder, (entry = { coder, codes: [] }))
        entry.codes.push({
          guid: guidOf(ref, `${spath}/Coding[${c}]/CodeRef`, 'targetGUID'),
          path: `${spath}/Coding[${c}]/CodeRef`,
        })
      })
      let first: string | null = null
      for (const [n, entry] of [...byCoder.values()].entries()) {
        const segId = n === 0 ? selGuid : stableGuid(`refi/selection/${selGuid}/${entry.coder}`)
        first ??= segId
        const index = segments.length
        segments.push({
          id: segmentId(segId),
          sourceId: id,
          start,
          end,
          coderId: entry.coder,
          codeIds: [],
          memo: description ?? '',
          link: null,
          createdAt,
        })
        for (const c of entry.codes)
          codingRefs.push({ codeGuid: c.guid, segmentIndex: index, path: c.path })
      }
      selectionInfo.set(selGuid, {
        sourceId: id,
        start,
        end,
        segmentId: first,
        coded: first !== null,
        name: attr(sel, 'name'),
        description,
        coderId: selCreator === undefined || first !== null ? null : coderFor(selCreator),
        createdAt,
      })
      children(sel, 'NoteRef').forEach((r, q) => {
        const target = guidOf(r, `${spath}/NoteRef[${q}]`, 'targetGUID')
        noteTargets.push({
          noteGuid: target,
          target:
            first === null
              ? { kind: 'range', sourceId: id, start, end }
              : { kind: 'segment', id: segmentId(first) },
        })
      })
    })
    // Codings on the whole source.
    children(ts, 'Coding').forEach((cd, c) => {
      const ref = child(cd, 'CodeRef')
      if (ref === undefined) return
      const index = segments.length
      segments.push({
        id: segmentId(guidOf(cd, `${path}/Coding[${c}]`)),
        sourceId: id,
        start: 0,
        end: length,
        coderId: coderFor(attr(cd, 'creatingUser') ?? projectCreator),
        codeIds: [],
        memo: '',
        link: null,
        createdAt: attr(cd, 'creationDateTime') ?? null,
      })
      codingRefs.push({
        codeGuid: guidOf(ref, `${path}/Coding[${c}]/CodeRef`, 'targetGUID'),
        segmentIndex: index,
        path: `${path}/Coding[${c}]/CodeRef`,
      })
    })
    children(ts, 'NoteRef').forEach((r, q) => {
      noteTargets.push({
        noteGuid: guidOf(r, `${path}/NoteRef[${q}]`, 'targetGUID'),
        target: { kind: 'source', id },
      })
    })
  })
  const sourceIds = new Set<string>(sources.map((s) => s.id))

  // Cases; nameless ones with one SourceRef are document variables (MAXQDA, Quirkos).
  const cases: QualCase[] = []
  children(child(root, 'Cases'), 'Case').forEach((c, i) => {
    const path = `Cases/Case[${i}]`
    const id = guidOf(c, path)
    const values = readValues(c, path)
    const refs = children(c, 'SourceRef').map((r, k) =>
      guidOf(r, `${path}/SourceRef[${k}]`, 'targetGUID'),
    )
    for (const [k, r] of refs.entries())
      if (!sourceIds.has(r)) fail(`${path}/SourceRef[${k}]`, `SourceRef ${r} points at no source.`)
    const name = attr(c, 'name')
    if (
      (name === undefined || name.trim() === '') &&
      refs.length === 1 &&
      children(c, 'SelectionRef').length === 0
    ) {
      const target = sources.findIndex((s) => s.id === refs[0])
      if (target >= 0)
        sources[target] = {
          ...sources[target]!,
          attributes: { ...sources[target]!.attributes, ...values },
        }
      return
    }
    const selections: { sourceId: SourceId; start: number; end: number }[] = []
    children(c, 'SelectionRef').forEach((r, k) => {
      const target = guidOf(r, `${path}/SelectionRef[${k}]`, 'targetGUID')
      const sel = selectionInfo.get(target)
      if (sel === undefined)
        fail(`${path}/SelectionRef[${k}]`, `SelectionRef ${target} points at no selection.`)
      else {
        selections.push({ sourceId: sel.sourceId, start: sel.start, end: sel.end })
        sel.coded = true // a case span, not an annotation
      }
    })
    cases.push({
      id: caseId(id),
      name: name ?? `Case ${i + 1}`,
      egoId: null,
      description: childText(c, 'Description') ?? '',
      attributes: values,
      sourceIds: [
        ...new Set([...refs.filter((r) => sourceIds.has(r)), ...selections.map((s) => s.sourceId)]),
      ].map(sourceId),
      selections,
    })
  })
  const caseById = new Map(cases.map((c, i) => [c.id as string, i]))

  // Codes that are cases (ATLAS.ti, NVivo): their codings become case spans.
  const caseCodes = new Set(codes.filter((c) => caseById.has(c.id)).map((c) => c.id as string))
  if (caseCodes.size > 0)
    notes.push(
      `${caseCodes.size} code${caseCodes.size === 1 ? '' : 's'} that stand for cases became case spans, not codes.`,
    )
  for (const ref of codingRefs) {
    const seg = segments[ref.segmentIndex]!
    if (caseCodes.has(ref.codeGuid)) {
      const k = caseById.get(ref.codeGuid)!
      const c = cases[k]!
      cases[k] = {
        ...c,
        sourceIds: c.sourceIds.includes(seg.sourceId)
          ? c.sourceIds
          : [...c.sourceIds, seg.sourceId],
        selections: [...c.selections, { sourceId: seg.sourceId, start: seg.start, end: seg.end }],
      }
    } else if (!codeGuids.has(ref.codeGuid)) {
      fail(ref.path, `CodeRef ${ref.codeGuid} points at no code in the codebook.`)
    } else if (!seg.codeIds.includes(codeId(ref.codeGuid))) {
      segments[ref.segmentIndex] = { ...seg, codeIds: [...seg.codeIds, codeId(ref.codeGuid)] }
    }
  }
  const keptSegments = segments.filter((s) => s.codeIds.length > 0)
  const keptCodes = codes
    .filter((c) => !caseCodes.has(c.id))
    .map((c) => (c.parentId !== null && caseCodes.has(c.parentId) ? { ...c, parentId: null } : c))

  // Uncoded selections are annotations, unless a Note linked to them says more (NVivo).
  const annotated = new Set<string>()

  // Links: Note → target (NVivo annotations and memos; spnet case memos).
  const segmentIds = new Set<string>(keptSegments.map((s) => s.id))
  children(child(root, 'Links'), 'Link').forEach((l, i) => {
    const path = `Links/Link[${i}]`
    const originGuid = attr(l, 'originGUID')
    const targetGuid = attr(l, 'targetGUID')
    if (originGuid === undefined || targetGuid === undefined) return
    const o = normaliseGuid(originGuid)
    const t = normaliseGuid(targetGuid)
    let target: MemoTarget | null = null
    const sel = selectionInfo.get(t)
    if (caseById.has(t)) target = { kind: 'case', id: caseId(t) }
    else if (codeGuids.has(t) && !caseCodes.has(t)) target = { kind: 'code', id: codeId(t) }
    else if (sourceIds.has(t)) target = { kind: 'source', id: sourceId(t) }
    else if (sel !== undefined) {
      if (sel.segmentId !== null && segmentIds.has(sel.segmentId))
        target = { kind: 'segment', id: segmentId(sel.segmentId) }
      else {
        target = { kind: 'range', sourceId: sel.sourceId, start: sel.start, end: sel.end }
        annotated.add(t)
      }
    }
    if (target === null)
      fail(path, `The link's target ${t} is not a case, code, source or selection.`)
    else noteTargets.push({ noteGuid: o, target })
  })

  // Notes → memos (and code examples).
  const examples = new Map<string, string[]>()
  const noteNodes = children(child(root, 'Notes'), 'Note')
  const noteIds = new Set<string>()
  const targetsOf = new Map<string, MemoTarget[]>()
  for (const nt of noteTargets) {
    const list = targetsOf.get(nt.noteGuid)
    if (list === undefined) targetsOf.set(nt.noteGuid, [nt.target])
    else list.push(nt.target)
  }
  for (const [code, refs] of codeNoteRefs)
    for (const r of refs) {
      const list = targetsOf.get(r) ?? []
      list.push({ kind: 'code', id: codeId(code) })
      targetsOf.set(r, list)
    }
  for (const [k, r] of children(root, 'NoteRef').entries()) {
    const g = guidOf(r, `NoteRef[${k}]`, 'targetGUID')
    targetsOf.set(g, [...(targetsOf.get(g) ?? []), { kind: 'project' }])
  }
  noteNodes.forEach((n, i) => {
    const path = `Notes/Note[${i}]`
    const id = guidOf(n, path)
    noteIds.add(id)
    const plainPath = attr(n, 'plainTextPath')
    let text = childText(n, 'PlainTextContent')
    if (text === undefined && plainPath !== undefined) {
      const t = readPlain(plainPath)
      if (t === undefined) fail(path, `The note's text ${plainPath} is not in the package.`)
      text = t === undefined ? '' : normaliseText(t)
    }
    const name = attr(n, 'name') ?? ''
    // QualCoder writes an annotation as a Note holding the selection, referenced from its TextSource.
    const inner = child(n, 'PlainTextSelection')
    const targets = (targetsOf.get(id) ?? [{ kind: 'project' as const }]).map((t): MemoTarget => {
      if (t.kind !== 'source' || inner === undefined) return t
      const start = Number(attr(inner, 'startPosition'))
      const end = Number(attr(inner, 'endPosition'))
      const length = codePointLength(sources.find((x) => x.id === t.id)?.text ?? '')
      if (!(
        Number.isInteger(start) &&
        Number.isInteger(end) &&
        0 <= start &&
        start <= end &&
        end <= length
      )) {
        fail(
          `${path}/PlainTextSelection`,
          `The annotation's range ${start}–${end} is outside its source.`,
        )
        return t
      }
      return { kind: 'range', sourceId: t.id, start, end }
    })
    targets.forEach((target, k) => {
      if (target.kind === 'code' && name === 'Example') {
        examples.set(target.id, [...(examples.get(target.id) ?? []), text ?? ''])
        return
      }
      memos.push({
        id: memoId(k === 0 ? id : stableGuid(`refi/note/${id}/${k}`)),
        target,
        title: name,
        text: text ?? '',
        coderId: attr(n, 'creatingUser') === undefined ? null : coderFor(attr(n, 'creatingUser')),
        createdAt: attr(n, 'creationDateTime') ?? null,
      })
    })
  })
  for (const nt of noteTargets)
    if (!noteIds.has(nt.noteGuid)) fail('NoteRef', `NoteRef ${nt.noteGuid} points at no note.`)
  for (const refs of codeNoteRefs.values())
    for (const r of refs) if (!noteIds.has(r)) fail('CodeBook', `NoteRef ${r} points at no note.`)
  for (const [guid, sel] of selectionInfo) {
    if (sel.coded || annotated.has(guid)) continue
    memos.push({
      id: memoId(guid),
      target: { kind: 'range', sourceId: sel.sourceId, start: sel.start, end: sel.end },
      title: sel.name ?? '',
      text: sel.description ?? '',
      coderId: sel.coderId,
      createdAt: sel.createdAt,
    })
  }

  // Sets.
  const sets: QualSet[] = []
  children(child(root, 'Sets'), 'Set').forEach((s, i) => {
    const path = `Sets/Set[${i}]`
    const member = (name: string, known: Set<string>): string[] =>
      children(s, name)
        .map((m, k) => guidOf(m, `${path}/${name}[${k}]`, 'targetGUID'))
        .filter((g) => {
          if (caseCodes.has(g)) return false
          if (!known.has(g)) fail(path, `${name} ${g} points at nothing in the project.`)
          return known.has(g)
        })
    sets.push({
      id: setId(guidOf(s, path)),
      name: attr(s, 'name') ?? `Set ${i + 1}`,
      description: childText(s, 'Description') ?? '',
      codeIds: member('MemberCode', codeGuids).map(codeId),
      sourceIds: member('MemberSource', sourceIds).map(sourceId),
    })
  })

  if (issues.length > 0) {
    return err(
      new SpnetError(
        'validation',
        `${contents.file} cannot be imported: ${issues.length} problem${issues.length === 1 ? '' : 's'} in ${file}.`,
        { issues: issues.slice(0, 50) },
      ),
    )
  }

  let project: QualProject = {
    name: attr(root, 'name') ?? 'Imported project',
    description: childText(root, 'Description') ?? '',
    origin,
    createdAt: attr(root, 'creationDateTime') ?? null,
    coders,
    codebook: { codes: keptCodes.map((c) => ({ ...c, examples: examples.get(c.id) ?? [] })) },
    variables: [...variables.values()],
    cases,
    sources,
    segments: keptSegments,
    memos,
    summaries: [],
    sets,
  }
  project = applySidecar(project, contents, notes)
  const checked = validateProject(project)
  if (!checked.ok)
    return err(
      new SpnetError(
        'validation',
        `${contents.file} cannot be imported: ${checked.error.message}`,
        { issues: checked.error.issues.map((x) => ({ file, ...x })) },
      ),
    )
  return ok({ project, notes })
}

function withNulls(attributes: QualAttributes, nulls: readonly string[]): QualAttributes {
  if (nulls.length === 0) return attributes
  const out: Record<string, string | number | boolean | null> = { ...attributes }
  for (const k of nulls) out[k] = null
  return out
}

/** Applies spnet.json when present and readable; otherwise derives turns and units from the text. */
function applySidecar(project: QualProject, contents: QdpxContents, notes: string[]): QualProject {
  const text = [...contents.files].find(([p]) => p.toLowerCase() === sidecarPath)?.[1]
  let sidecar = null
  if (text !== undefined) {
    try {
      const parsed = sidecarSchema.safeParse(JSON.parse(text))
      if (parsed.success) sidecar = parsed.data
      else
        notes.push(
          'spnet.json is not readable by this version of spnet; transcript structure was derived again.',
        )
    } catch {
      notes.push('spnet.json is not valid JSON; transcript structure was derived again.')
    }
  }
  const sources = project.sources.map((s) => {
    const extra = sidecar?.sources[s.id]
    if (extra !== undefined) {
      const { nulls, ...structure } = extra
      return { ...s, ...structure, attributes: withNulls(s.attributes, nulls) }
    }
    const t = parseTextTranscript(s.text, 'refi')
    return { ...s, turns: t.turns, units: declareUnits(t) }
  })
  if (sidecar === null) return { ...project, sources }
  const codeIds = new Set<string>(project.codebook.codes.map((c) => c.id))
  return {
    ...project,
    createdAt: sidecar.createdAt,
    variables: sidecar.variables,
    sources,
    cases: project.cases.map((c) => ({
      ...c,
      egoId: sidecar.cases[c.id]?.egoId ?? c.egoId,
      attributes: withNulls(c.attributes, sidecar.cases[c.id]?.nulls ?? []),
    })),
    segments: project.segments.map((g) => ({ ...g, link: sidecar.links[g.id] ?? g.link })),
    summaries: sidecar.summaries.filter(
      (s) => codeIds.has(s.codeId) && project.cases.some((c) => c.id === s.caseId),
    ),
  }
}
