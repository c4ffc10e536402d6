import { SpnetError } from '../../errors.js'
import { err, ok, type Result } from '../../result.js'
import { treeOrder, type Code } from '../codebook/codebook.js'
import type { Memo, QualAttributes, QualProject, QualVariableType } from '../project.js'
import { stableGuid } from '../stable-guid.js'
import { sidecarPath, type Sidecar } from './sidecar.js'
import { XmlWriter } from './xml.js'

export type QdpxEntry = { readonly path: string; readonly text: string }

export type ExportOptions = {
  /** The time written as the project's modifiedDateTime. */
  readonly now: string
  /** Written as `origin`. */
  readonly origin?: string
  /**
   * Export sources whose pseudonymisation has not been reviewed. Only an admin
   * may ask for this; by default such sources stop the export.
   */
  readonly includeUnreviewed?: boolean
}

const refiType: Record<QualVariableType, string> = {
  text: 'Text',
  integer: 'Integer',
  float: 'Float',
  boolean: 'Boolean',
  date: 'Date',
  datetime: 'DateTime',
}

const dateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$/
const dateTime = (value: string | null): string | null =>
  value !== null && dateTimePattern.test(value) ? value : null

/** A decimal without exponent, as xsd:decimal requires (1e-7 → 0.0000001). */
export function formatDecimal(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`qual/refi: ${value} is not a decimal`)
  const s = String(value)
  if (!/e/i.test(s)) return s
  const [mantissa, exp] = s.toLowerCase().split('e') as [string, string]
  const e = Number(exp)
  const negative = mantissa.startsWith('-')
  const digits = mantissa.replace('-', '').replace('.', '')
  const point =
    (mantissa.replace('-', '').indexOf('.') + 1 || mantissa.replace('-', '').length + 1) - 1 + e
  let out: string
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length)
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`
  return (negative ? '-' : '') + out.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '')
}

/** Variable types: declared ones first, the rest inferred from the values. */
function variableTypes(project: QualProject): Map<string, QualVariableType> {
  const types = new Map<string, QualVariableType>(project.variables.map((v) => [v.name, v.type]))
  const seen = new Map<string, Set<string>>()
  const note = (attrs: QualAttributes): void => {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null) continue
      const kind =
        typeof v === 'boolean'
          ? 'boolean'
          : typeof v === 'number'
            ? Number.isInteger(v)
              ? 'integer'
              : 'float'
            : 'text'
      let s = seen.get(k)
      if (s === undefined) seen.set(k, (s = new Set()))
      s.add(kind)
    }
  }
  for (const c of project.cases) note(c.attributes)
  for (const s of project.sources) note(s.attributes)
  for (const [name, kinds] of seen) {
    if (types.has(name)) continue
    if (kinds.size === 1) types.set(name, [...kinds][0] as QualVariableType)
    else if ([...kinds].every((k) => k === 'integer' || k === 'float')) types.set(name, 'float')
    else types.set(name, 'text')
  }
  return types
}

const nullKeys = (attrs: QualAttributes): string[] =>
  Object.keys(attrs).filter((k) => attrs[k] === null)

const variableGuid = (name: string): string => stableGuid(`refi/variable/${name}`)

/**
 * The whole project as REFI-QDA project exchange entries: `project.qde`
 * (elements in Project.xsd's order), one UTF-8 plain-text file per source
 * under `sources/`, and spnet's `spnet.json`. The I/O layer zips them into a
 * .qdpx. Sources whose pseudonymisation is not reviewed stop the export
 * unless `includeUnreviewed` (an admin's choice) is set.
 */
export function exportQdpx(project: QualProject, options: ExportOptions): Result<QdpxEntry[]> {
  const unreviewed = project.sources.filter((s) => s.pseudonymisation !== 'reviewed')
  if (unreviewed.length > 0 && options.includeUnreviewed !== true) {
    return err(
      new SpnetError(
        'conflict',
        `${unreviewed.length} transcript${unreviewed.length === 1 ? ' has' : 's have'} not had pseudonymisation reviewed.`,
        {
          issues: unreviewed.map((s) => ({
            path: `sources[${project.sources.indexOf(s)}]`,
            message: `“${s.name}” is not reviewed.`,
            fix: 'Review its proposed replacements first; only an admin can export unreviewed text.',
          })),
        },
      ),
    )
  }
  const types = variableTypes(project)
  const w = new XmlWriter()
  w.open('Project', {
    xmlns: 'urn:QDA-XML:project:1.0',
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:schemaLocation':
      'urn:QDA-XML:project:1.0 http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd',
    name: project.name === '' ? 'spnet project' : project.name,
    origin: options.origin ?? 'spnet',
    creationDateTime: dateTime(project.createdAt),
    modifiedDateTime: dateTime(options.now),
  })

  if (project.coders.length > 0) {
    w.open('Users')
    for (const c of project.coders) w.empty('User', { guid: c.id, name: c.name })
    w.close('Users')
  }

  // Notes: memos and code examples. Each gets a GUID and is referenced where it belongs.
  type Note = {
    guid: string
    name: string
    text: string
    coderId: string | null
    createdAt: string | null
  }
  const notes: Note[] = []
  const noteRefs = new Map<string, string[]>() // target id → note guids
  const links: { guid: string; origin: string; target: string }[] = []
  const addRef = (target: string, guid: string): void => {
    const list = noteRefs.get(target)
    if (list === undefined) noteRefs.set(target, [guid])
    else list.push(guid)
  }
  const rangeMemos: Memo[] = []
  for (const m of project.memos) {
    if (m.target.kind === 'range') {
      rangeMemos.push(m)
      continue
    }
    notes.push({
      guid: m.id,
      name: m.title,
      text: m.text,
      coderId: m.coderId,
      createdAt: m.createdAt,
    })
    if (m.target.kind === 'case')
      links.push({ guid: stableGuid(`refi/link/${m.id}`), origin: m.id, target: m.target.id })
    else addRef(m.target.kind === 'project' ? '' : m.target.id, m.id)
  }
  for (const c of project.codebook.codes) {
    c.examples.forEach((example, i) => {
      const guid = stableGuid(`refi/example/${c.id}/${i}`)
      notes.push({ guid, name: 'Example', text: example, coderId: null, createdAt: null })
      addRef(c.id, guid)
    })
  }
  const writeNoteRefs = (target: string): void => {
    for (const g of noteRefs.get(target) ?? []) w.empty('NoteRef', { targetGUID: g })
  }

  if (project.codebook.codes.length > 0) {
    const ordered = treeOrder(project.codebook.codes)
    const writeCode = (c: Code): void => {
      const kids = ordered.filter((k) => k.parentId === c.id)
      const hasContent =
        c.description !== '' || (noteRefs.get(c.id)?.length ?? 0) > 0 || kids.length > 0
      const attrs = { guid: c.id, name: c.name, isCodable: c.isCodable, color: c.color }
      if (!hasContent) {
        w.empty('Code', attrs)
        return
      }
      w.open('Code', attrs)
      if (c.description !== '') w.text('Description', c.description)
      writeNoteRefs(c.id)
      for (const k of kids) writeCode(k)
      w.close('Code')
    }
    w.open('CodeBook').open('Codes')
    const ids = new Set(ordered.map((c) => c.id))
    for (const c of ordered) if (c.parentId === null || !ids.has(c.parentId)) writeCode(c)
    w.close('Codes').close('CodeBook')
  }

  if (types.size > 0) {
    const described = new Map(project.variables.map((v) => [v.name, v.description]))
    w.open('Variables')
    for (const [name, type] of types) {
      const description = described.get(name) ?? ''
      const attrs = { guid: variableGuid(name), name, typeOfVariable: refiType[type] }
      if (description === '') w.empty('Variable', attrs)
      else w.open('Variable', attrs).text('Description', description).close('Variable')
    }
    w.close('Variables')
  }
  const writeValues = (attrs: QualAttributes): void => {
    for (const [name, value] of Object.entries(attrs)) {
      if (value === null) continue
      const type = types.get(name)!
      w.open('VariableValue').empty('VariableRef', { targetGUID: variableGuid(name) })
      // The element follows the value itself, so a value that does not fit its declared type
      // (a "yes" in a Boolean variable) is kept as text rather than turned into false.
      if (typeof value === 'boolean') w.text('BooleanValue', String(value))
      else if (typeof value === 'number') {
        if (type === 'integer' && Number.isInteger(value)) w.text('IntegerValue', String(value))
        else w.text('FloatValue', formatDecimal(value))
      } else if (type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) w.text('DateValue', value)
      else if (type === 'datetime' && dateTimePattern.test(value)) w.text('DateTimeValue', value)
      else w.text('TextValue', value)
      w.close('VariableValue')
    }
  }

  if (project.cases.length > 0) {
    w.open('Cases')
    for (const c of project.cases) {
      w.open('Case', { guid: c.id, name: c.name })
      if (c.description !== '') w.text('Description', c.description)
      writeValues(c.attributes)
      for (const s of c.sourceIds) w.empty('SourceRef', { targetGUID: s })
      c.selections.forEach((_, i) =>
        w.empty('SelectionRef', { targetGUID: stableGuid(`refi/case-selection/${c.id}/${i}`) }),
      )
      w.close('Case')
    }
    w.close('Cases')
  }

  const entries: QdpxEntry[] = []
  if (project.sources.length > 0) {
    w.open('Sources')
    for (const s of project.sources) {
      w.open('TextSource', {
        guid: s.id,
        name: s.name,
        plainTextPath: `internal://${s.id}.txt`,
        creatingUser: s.creatorId,
        creationDateTime: dateTime(s.createdAt),
      })
      entries.push({ path: `sources/${s.id}.txt`, text: s.text })
      if (s.description !== '') w.text('Description', s.description)
      const selections = [
        ...project.segments
          .filter((g) => g.sourceId === s.id)
          .map((g) => ({ kind: 'segment' as const, g, start: g.start, end: g.end })),
        ...rangeMemos
          .filter((m) => m.target.kind === 'range' && m.target.sourceId === s.id)
          .map((m) => ({
            kind: 'range' as const,
            m,
            start: (m.target as { start: number }).start,
            end: (m.target as { end: number }).end,
          })),
        ...project.cases.flatMap((c) =>
          c.selections
            .map((sel, i) => ({ kind: 'case' as const, c, i, sel, start: sel.start, end: sel.end }))
            .filter((x) => x.sel.sourceId === s.id),
        ),
      ]
      for (const sel of selections) {
        if (sel.kind === 'segment') {
          const g = sel.g
          w.open('PlainTextSelection', {
            guid: g.id,
            startPosition: g.start,
            endPosition: g.end,
            creatingUser: g.coderId,
            creationDateTime: dateTime(g.createdAt),
          })
          if (g.memo !== '') w.text('Description', g.memo)
          for (const code of g.codeIds) {
            w.open('Coding', {
              guid: stableGuid(`refi/coding/${g.id}/${code}`),
              creatingUser: g.coderId,
              creationDateTime: dateTime(g.createdAt),
            })
            w.empty('CodeRef', { targetGUID: code })
            w.close('Coding')
          }
          writeNoteRefs(g.id)
          w.close('PlainTextSelection')
        } else if (sel.kind === 'range') {
          // An annotation: a selection with no coding (MAXQDA's convention), the memo as its description.
          const m = sel.m
          w.open('PlainTextSelection', {
            guid: m.id,
            name: m.title === '' ? null : m.title,
            startPosition: sel.start,
            endPosition: sel.end,
            creatingUser: m.coderId,
            creationDateTime: dateTime(m.createdAt),
          })
          w.text('Description', m.text)
          w.close('PlainTextSelection')
        } else {
          w.empty('PlainTextSelection', {
            guid: stableGuid(`refi/case-selection/${sel.c.id}/${sel.i}`),
            name: sel.c.name,
            startPosition: sel.start,
            endPosition: sel.end,
          })
        }
      }
      writeNoteRefs(s.id)
      writeValues(s.attributes)
      w.close('TextSource')
    }
    w.close('Sources')
  }

  if (notes.length > 0) {
    w.open('Notes')
    for (const n of notes) {
      w.open('Note', {
        guid: n.guid,
        name: n.name,
        creatingUser: n.coderId,
        creationDateTime: dateTime(n.createdAt),
      })
      w.text('PlainTextContent', n.text)
      w.close('Note')
    }
    w.close('Notes')
  }
  if (links.length > 0) {
    w.open('Links')
    for (const l of links)
      w.empty('Link', {
        guid: l.guid,
        name: 'Memo',
        direction: 'OneWay',
        originGUID: l.origin,
        targetGUID: l.target,
      })
    w.close('Links')
  }
  if (project.sets.length > 0) {
    w.open('Sets')
    for (const set of project.sets) {
      w.open('Set', { guid: set.id, name: set.name })
      if (set.description !== '') w.text('Description', set.description)
      for (const c of set.codeIds) w.empty('MemberCode', { targetGUID: c })
      for (const s of set.sourceIds) w.empty('MemberSource', { targetGUID: s })
      w.close('Set')
    }
    w.close('Sets')
  }
  if (project.description !== '') w.text('Description', project.description)
  writeNoteRefs('')
  w.close('Project')

  const sidecar: Sidecar = {
    spnet: 1,
    createdAt: project.createdAt,
    variables: [...project.variables],
    sources: Object.fromEntries(
      project.sources.map((s) => [
        s.id,
        {
          format: s.format,
          turns: [...s.turns],
          cues: [...s.cues],
          units: [...s.units],
          pseudonymisation: s.pseudonymisation,
          nulls: nullKeys(s.attributes),
        },
      ]),
    ),
    cases: Object.fromEntries(
      project.cases.map((c) => [c.id, { egoId: c.egoId, nulls: nullKeys(c.attributes) }]),
    ),
    links: Object.fromEntries(
      project.segments.filter((g) => g.link !== null).map((g) => [g.id, g.link!]),
    ),
    summaries: [...project.summaries],
  }
  return ok([
    { path: 'project.qde', text: w.toString() },
    ...entries,
    { path: sidecarPath, text: JSON.stringify(sidecar, null, 1) + '\n' },
  ])
}
