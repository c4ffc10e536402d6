/**
 * Offsets in spnet's qualitative model are Unicode code points, 0-based,
 * end-exclusive, as REFI-QDA tools (QualCoder: Python `str` indices) count
 * them. JavaScript strings index UTF-16 code units, where an emoji such as
 * "👍" takes two, so every offset crosses this module on its way in or out.
 */

/** Number of code points in `text`. */
export function codePointLength(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    // A high surrogate followed by a low one is one code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) i++
    }
    n++
  }
  return n
}

/**
 * A two-way map between code-point offsets and UTF-16 indices of one text,
 * built once in O(n) so that conversions are O(1).
 */
export type CodePointIndex = {
  /** Length in code points. */
  readonly length: number
  /** UTF-16 index of code point `cp` (0 ≤ cp ≤ length). */
  readonly toUtf16: (cp: number) => number
  /** Code-point offset of UTF-16 index `u`; an index inside a pair maps to its code point. */
  readonly toCodePoint: (u: number) => number
  /** The text between two code-point offsets. */
  readonly slice: (start: number, end: number) => string
}

export function codePointIndex(text: string): CodePointIndex {
  const utf16OfCp: number[] = []
  const cpOfUtf16 = new Uint32Array(text.length + 1)
  let cp = 0
  for (let i = 0; i < text.length; i++) {
    utf16OfCp.push(i)
    cpOfUtf16[i] = cp
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++
        cpOfUtf16[i] = cp
      }
    }
    cp++
  }
  utf16OfCp.push(text.length)
  cpOfUtf16[text.length] = cp
  const length = cp
  const toUtf16 = (offset: number): number => {
    if (!(Number.isInteger(offset) && offset >= 0 && offset <= length)) {
      throw new RangeError(`qual/code-points: offset ${offset} is outside 0..${length}`)
    }
    return utf16OfCp[offset]!
  }
  return {
    length,
    toUtf16,
    toCodePoint: (u) => {
      if (!(Number.isInteger(u) && u >= 0 && u <= text.length)) {
        throw new RangeError(`qual/code-points: UTF-16 index ${u} is outside 0..${text.length}`)
      }
      return cpOfUtf16[u]!
    },
    slice: (start, end) => text.slice(toUtf16(start), toUtf16(end)),
  }
}

/** `text` between code-point offsets `start` and `end`. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return codePointIndex(text).slice(start, end)
}
