import { codePointLength } from '../../core/qual/text/code-points.js'

/**
 * From a selection in the browser to the offsets the server stores. A
 * transcript is drawn as leaf spans, each holding one text node and marked
 * with the code-point offset where it starts (`data-cp`). The DOM counts
 * offsets inside a text node in UTF-16 units, where an emoji such as "👍"
 * takes two; REFI-QDA, and so the server, counts Unicode code points. Every
 * offset crosses here once.
 */

export type CodePointRange = { readonly start: number; readonly end: number }

/** The code-point offset of a DOM offset (UTF-16 units) inside a leaf that starts at `leafStart`. */
export function leafOffset(leafStart: number, leafText: string, utf16Offset: number): number {
  const at = Math.max(0, Math.min(utf16Offset, leafText.length))
  // An offset between the two halves of a pair counts the whole character as before it.
  return leafStart + codePointLength(leafText.slice(0, at))
}

const space = /\s/u

/**
 * The range without the white space at its ends (a double-click or a drag
 * often takes a space or a line break along), or null when nothing but
 * white space is left. `text` is the whole transcript.
 */
export function trimRange(text: string, range: CodePointRange): CodePointRange | null {
  const chars = Array.from(text)
  let start = Math.max(0, Math.min(range.start, range.end))
  let end = Math.min(chars.length, Math.max(range.start, range.end))
  while (start < end && space.test(chars[start]!)) start++
  while (end > start && space.test(chars[end - 1]!)) end--
  return start < end ? { start, end } : null
}

/** The leaves of a drawn transcript, in document order. */
function leaves(root: Element): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('[data-cp]')]
}

function leafStart(leaf: HTMLElement): number {
  return Number(leaf.dataset['cp'])
}

function leafEnd(leaf: HTMLElement): number {
  return leafStart(leaf) + codePointLength(leaf.textContent)
}

/** The code-point offset of one end of a DOM range, clamped to the transcript. */
function boundary(root: Element, node: Node, offset: number, all: readonly HTMLElement[]): number {
  if (node.nodeType === Node.TEXT_NODE) {
    const leaf = node.parentElement?.closest<HTMLElement>('[data-cp]')
    if (leaf !== null && leaf !== undefined && root.contains(leaf))
      return leafOffset(leafStart(leaf), (node as Text).data, offset)
  }
  // Between elements (or outside the transcript): the first leaf at or after the point.
  const point = document.createRange()
  point.setStart(node, offset)
  for (const leaf of all) if (point.comparePoint(leaf, 0) >= 0) return leafStart(leaf)
  const last = all[all.length - 1]
  return last === undefined ? 0 : leafEnd(last)
}

/**
 * The part of the page's selection that lies in the transcript drawn in
 * `root`, as code points of `text`, trimmed of white space; null when the
 * selection is empty or elsewhere.
 */
export function selectionInTranscript(root: Element, text: string): CodePointRange | null {
  const selection = window.getSelection()
  if (selection === null || selection.rangeCount === 0 || selection.isCollapsed) return null
  const range = selection.getRangeAt(0)
  if (!range.intersectsNode(root)) return null
  const all = leaves(root)
  if (all.length === 0) return null
  const start = boundary(root, range.startContainer, range.startOffset, all)
  const end = boundary(root, range.endContainer, range.endOffset, all)
  return trimRange(text, { start, end })
}
