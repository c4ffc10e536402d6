import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { SpnetError } from '../../errors.js'
import { err, ok, type Result } from '../../result.js'

/** Escapes text for XML content or a double-quoted attribute; CR and TAB survive as references. */
export function escapeXml(value: string): string {
  return (
    value
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/\r/g, '&#13;')
      // Characters XML 1.0 cannot carry at all.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
  )
}

const escapeAttribute = (value: string): string =>
  escapeXml(value).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;')

/** A small XML writer: elements in the order they are opened, attributes in the order given. */
export class XmlWriter {
  private readonly parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n']
  private depth = 0

  open(
    name: string,
    attributes: Readonly<Record<string, string | number | boolean | null | undefined>> = {},
    selfClose = false,
  ): this {
    let s = `${'  '.repeat(this.depth)}<${name}`
    for (const [k, v] of Object.entries(attributes)) {
      if (v === null || v === undefined) continue
      s += ` ${k}="${escapeAttribute(String(v))}"`
    }
    this.parts.push(s + (selfClose ? '/>\n' : '>\n'))
    if (!selfClose) this.depth++
    return this
  }

  empty(
    name: string,
    attributes: Readonly<Record<string, string | number | boolean | null | undefined>> = {},
  ): this {
    return this.open(name, attributes, true)
  }

  close(name: string): this {
    this.depth--
    this.parts.push(`${'  '.repeat(this.depth)}</${name}>\n`)
    return this
  }

  /** An element holding only text, written verbatim (no indentation inside). */
  text(name: string, value: string): this {
    this.parts.push(`${'  '.repeat(this.depth)}<${name}>${escapeXml(value)}</${name}>\n`)
    return this
  }

  toString(): string {
    return this.parts.join('')
  }
}

/** Element names that may repeat in REFI-QDA documents: always parsed as arrays. */
const repeated = new Set([
  'User',
  'Code',
  'Variable',
  'Case',
  'CodeRef',
  'VariableValue',
  'SourceRef',
  'SelectionRef',
  'TextSource',
  'PictureSource',
  'PDFSource',
  'AudioSource',
  'VideoSource',
  'PlainTextSelection',
  'Coding',
  'NoteRef',
  'Note',
  'Link',
  'Set',
  'MemberCode',
  'MemberSource',
  'MemberNote',
  'Graph',
])

/** A parsed element: attributes under `@_name`, text under `#text`, children by name. */
export type XmlNode = { readonly [key: string]: unknown }

/**
 * Parses XML with namespaces prefixes dropped, every value kept as a string
 * and white space preserved. Malformed XML is an error naming its line and
 * column.
 */
export function parseXml(text: string, file: string): Result<XmlNode> {
  // Deprecated in favour of a separate package, but still shipped and the only source of line/column.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: true })
  if (valid !== true) {
    return err(
      new SpnetError('validation', `${file} is not well-formed XML: ${valid.err.msg}`, {
        issues: [
          {
            file,
            line: valid.err.line,
            char: valid.err.col,
            message: valid.err.msg,
            fix: 'The project file is damaged: export it again from the program that made it.',
          },
        ],
      }),
    )
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    removeNSPrefix: true,
    alwaysCreateTextNode: true,
    htmlEntities: true,
    processEntities: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    isArray: (name) => repeated.has(name),
  })
  return ok(parser.parse(text) as XmlNode)
}

export function attr(node: XmlNode | undefined, name: string): string | undefined {
  const v = node?.[`@_${name}`]
  return typeof v === 'string' ? v : undefined
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  const v = node?.[name]
  if (Array.isArray(v)) return v[0] as XmlNode | undefined
  return typeof v === 'object' && v !== null ? (v as XmlNode) : undefined
}

export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const v = node?.[name]
  if (v === undefined || v === null) return []
  return (Array.isArray(v) ? v : [v]) as XmlNode[]
}

/** The text of a child element, or undefined when absent. XML's line-break rules: CRLF → LF. */
export function childText(node: XmlNode | undefined, name: string): string | undefined {
  const c = child(node, name)
  if (c === undefined) return undefined
  const t = c['#text']
  return typeof t === 'string' ? t.replace(/\r\n?/g, '\n') : ''
}
