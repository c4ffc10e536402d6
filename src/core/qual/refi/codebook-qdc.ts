import { SpnetError, type Issue } from '../../errors.js'
import { err, ok, type Result } from '../../result.js'
import { treeOrder, type Code, type Codebook } from '../codebook/codebook.js'
import { codeId, isGuid, normaliseGuid, type CodeId } from '../ids.js'
import { attr, child, children, childText, parseXml, XmlWriter, type XmlNode } from './xml.js'

/**
 * REFI-QDA codebook exchange (.qdc): one XML file, root `CodeBook` in the
 * `urn:QDA-XML:codebook:1.0` namespace, `Codes` holding nested `Code`
 * elements with the same attributes as in a project. A .qdc has no notes,
 * so a code's examples travel at the end of its Description, under a line
 * "Examples:", one per "- " line, and are read back from there.
 */

const examplesHeading = '\n\nExamples:\n'

export function describeWithExamples(code: Pick<Code, 'description' | 'examples'>): string {
  if (code.examples.length === 0) return code.description
  return (
    code.description +
    examplesHeading +
    code.examples.map((e) => `- ${e.replace(/\n/g, ' ')}`).join('\n')
  )
}

export function splitExamples(description: string): { description: string; examples: string[] } {
  const at = description.lastIndexOf(examplesHeading)
  if (at < 0 && !description.startsWith('Examples:\n')) return { description, examples: [] }
  const head = at < 0 ? '' : description.slice(0, at)
  const tail =
    at < 0
      ? description.slice('Examples:\n'.length)
      : description.slice(at + examplesHeading.length)
  const lines = tail.split('\n')
  if (!lines.every((l) => l.startsWith('- '))) return { description, examples: [] }
  return { description: head, examples: lines.map((l) => l.slice(2)) }
}

export function formatQdc(codebook: Codebook, options: { origin?: string } = {}): string {
  const w = new XmlWriter()
  w.open('CodeBook', { xmlns: 'urn:QDA-XML:codebook:1.0', origin: options.origin ?? 'spnet' })
  const ordered = treeOrder(codebook.codes)
  const ids = new Set(ordered.map((c) => c.id))
  const write = (c: Code): void => {
    const kids = ordered.filter((k) => k.parentId === c.id)
    const description = describeWithExamples(c)
    const attrs = { guid: c.id, name: c.name, isCodable: c.isCodable, color: c.color }
    if (description === '' && kids.length === 0) {
      w.empty('Code', attrs)
      return
    }
    w.open('Code', attrs)
    if (description !== '') w.text('Description', description)
    for (const k of kids) write(k)
    w.close('Code')
  }
  if (ordered.length > 0) {
    w.open('Codes')
    for (const c of ordered) if (c.parentId === null || !ids.has(c.parentId)) write(c)
    w.close('Codes')
  }
  w.close('CodeBook')
  return w.toString()
}

/** Reads a .qdc codebook. Duplicate or malformed GUIDs are errors; nothing is returned half-read. */
export function parseQdc(text: string, file: string): Result<Codebook> {
  const parsed = parseXml(text.replace(/^\uFEFF/, ''), file)
  if (!parsed.ok) return parsed
  const root = child(parsed.value, 'CodeBook')
  if (root === undefined) {
    return err(
      new SpnetError(
        'validation',
        `${file} is not a REFI-QDA codebook: its root element is not <CodeBook>.`,
        {
          issues: [
            { file, message: 'No <CodeBook> root element.', fix: 'Choose a .qdc codebook file.' },
          ],
        },
      ),
    )
  }
  const issues: Issue[] = []
  const codes: Code[] = []
  const seen = new Set<string>()
  const visit = (node: XmlNode, parentId: CodeId | null, path: string): void => {
    const g = attr(node, 'guid')
    const guid = g === undefined ? '' : normaliseGuid(g)
    if (!isGuid(guid)) issues.push({ file, path, message: `guid="${g ?? ''}" is not a GUID.` })
    else if (seen.has(guid))
      issues.push({ file, path, message: `The GUID ${guid} is used by two codes.` })
    seen.add(guid)
    const name = attr(node, 'name')
    if (name === undefined || name.trim() === '')
      issues.push({ file, path, message: 'A code has no name.' })
    const color = attr(node, 'color')?.trim()
    const codable = attr(node, 'isCodable')
    codes.push({
      id: codeId(guid),
      name: name ?? '',
      parentId,
      isCodable: !(codable === 'false' || codable === '0'),
      color:
        color !== undefined && /^#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/.test(color) ? color : null,
      ...splitExamples(childText(node, 'Description') ?? ''),
    })
    children(node, 'Code').forEach((c, k) => {
      visit(c, codeId(guid), `${path}/Code[${k}]`)
    })
  }
  children(child(root, 'Codes'), 'Code').forEach((c, i) => {
    visit(c, null, `Codes/Code[${i}]`)
  })
  if (issues.length > 0) {
    return err(
      new SpnetError(
        'validation',
        `${file} cannot be imported: ${issues.length} problem${issues.length === 1 ? '' : 's'}.`,
        { issues },
      ),
    )
  }
  return ok({ codes })
}
