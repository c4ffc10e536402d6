import { codePath, treeOrder, type Code } from '../../core/qual/codebook/codebook.js'
import type { QualAttributes, QualCase, QualProject, Source } from '../../core/qual/project.js'
import type { QualWorkspace } from '../../core/api/qual-api.js'
import { formatNumber } from '../lib/format.js'

/** What the qualitative pages share about a project: names, paths and who did what. */

export const qualPath = (studyId: string, rest = ''): string =>
  `/studies/${encodeURIComponent(studyId)}/qual${rest}`

export const sourcePath = (studyId: string, sourceId: string, review = false): string =>
  qualPath(studyId, `/sources/${encodeURIComponent(sourceId)}${review ? '/review' : ''}`)

export function codeName(project: QualProject, id: string): string {
  return codePath(project.codebook, id as Code['id']).join(' / ') || 'Unknown code'
}

export function coderName(project: QualProject, id: string | null): string {
  if (id === null) return 'Nobody'
  return project.coders.find((c) => c.id === id)?.name ?? 'Unknown coder'
}

export function caseOf(project: QualProject, sourceId: string): QualCase | null {
  return project.cases.find((c) => c.sourceIds.some((s) => s === sourceId)) ?? null
}

/** Codes as a tree, each with its depth (0 = a theme). */
export function codeTree(project: QualProject): { code: Code; depth: number }[] {
  const byId = new Map(project.codebook.codes.map((c) => [c.id, c]))
  return treeOrder(project.codebook.codes).map((code) => {
    let depth = 0
    let parent = code.parentId === null ? undefined : byId.get(code.parentId)
    while (parent !== undefined && depth < 20) {
      depth++
      parent = parent.parentId === null ? undefined : byId.get(parent.parentId)
    }
    return { code, depth }
  })
}

/** A code's colour mixed with white, light enough for dark text on it (contrast well over 4.5:1). */
export function tint(color: string | null, share = 0.3): string {
  const hex = color ?? '#7f7f7f'
  const full =
    hex.length === 4 ? `#${hex[1]!}${hex[1]!}${hex[2]!}${hex[2]!}${hex[3]!}${hex[3]!}` : hex
  const channel = (i: number) => {
    const v = parseInt(full.slice(1 + 2 * i, 3 + 2 * i), 16)
    return Math.round(255 - (255 - (Number.isFinite(v) ? v : 127)) * share)
  }
  return `rgb(${String(channel(0))}, ${String(channel(1))}, ${String(channel(2))})`
}

/** The case attributes shown wherever cases are listed, in this order when present. */
export const preferredAttributes = [
  'imd_quintile',
  'imd_decile',
  'core20',
  'implementation_model',
  'size',
  'density',
  'constraint',
  'effective_size',
  'ties',
  'pct_vcse',
] as const

export const attributeLabels: Readonly<Record<string, string>> = {
  imd_quintile: 'IMD quintile',
  imd_decile: 'IMD decile',
  core20: 'Core20',
  implementation_model: 'Implementation model',
  size: 'Network size',
  density: 'Density',
  constraint: 'Constraint',
  effective_size: 'Effective size',
  ties: 'Ties',
  pct_vcse: 'Share VCSE',
}

export const attributeLabel = (name: string): string => attributeLabels[name] ?? name

/** Every attribute name the cases carry, the usual ones first. */
export function attributeNames(cases: readonly QualCase[]): string[] {
  const all = new Set<string>()
  for (const c of cases) for (const k of Object.keys(c.attributes)) all.add(k)
  const first = preferredAttributes.filter((a) => all.has(a))
  const rest = [...all].filter((a) => !(first as string[]).includes(a)).sort()
  return [...first, ...rest]
}

export function formatAttribute(value: QualAttributes[string] | undefined): string {
  if (value === undefined || value === null) return '–'
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  if (typeof value === 'number') return formatNumber(value)
  return value.replaceAll('_', ' ')
}

/** The distinct values of an attribute over the cases, sorted. */
export function attributeValues(cases: readonly QualCase[], name: string): string[] {
  const values = new Set<string>()
  for (const c of cases) {
    const v = c.attributes[name]
    if (v !== undefined && v !== null) values.add(String(v))
  }
  return [...values].sort((a, b) => a.localeCompare(b, 'en-GB', { numeric: true }))
}

/** Names-review state of a transcript, in words. */
export function reviewWords(ws: QualWorkspace, source: Source): string {
  if (source.pseudonymisation === 'reviewed') return 'Reviewed'
  const n = ws.pendingReview[source.id] ?? 0
  return n === 0 ? 'Ready to apply' : `${String(n)} ${n === 1 ? 'name' : 'names'} to review`
}

export const plural = (n: number, word: string, many = `${word}s`): string =>
  `${String(n)} ${n === 1 ? word : many}`

/** A file as base64, for the JSON upload routes. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : ''
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.onerror = () => {
      reject(new Error(`${file.name} could not be read.`))
    }
    reader.readAsDataURL(file)
  })
}

/** A short passage for a list: the first `max` characters (code points), with an ellipsis. */
export function shorten(text: string, max = 80): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim())
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`
}
