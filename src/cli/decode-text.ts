import { SpnetError } from '../core/errors.js'
import { err, ok, type Result } from '../core/result.js'

/**
 * Decodes a file's bytes as UTF-8, refusing anything else rather than
 * guessing: a spreadsheet saved as Windows-1252 would otherwise turn "é" into
 * "�" without a word. The error names the line and character of the first
 * byte that is not UTF-8.
 */
export function decodeUtf8(bytes: Uint8Array, fileName: string): Result<string> {
  const utf16 = utf16Error(bytes, fileName)
  if (utf16 !== null) return err(utf16)
  try {
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    const offset = firstInvalidByte(bytes)
    let line = 1
    let lineStart = 0
    for (let i = 0; i < offset; i++) {
      if (bytes[i] === 10) {
        line++
        lineStart = i + 1
      }
    }
    const valid = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset))
    const message = `${fileName} is not UTF-8 text.`
    return err(
      new SpnetError('validation', message, {
        issues: [
          {
            file: fileName,
            line,
            char: Array.from(valid).length + 1,
            message: `Byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')} is not valid UTF-8 (the file may be saved as Windows-1252 or Latin-1).`,
            fix: 'Save the file as "CSV UTF-8" (Excel: File › Save As › CSV UTF-8), then try again.',
          },
        ],
      }),
    )
  }
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629), or the length. */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]!
    let extra: number
    let min: number
    if (b < 0x80) {
      i++
      continue
    } else if (b >= 0xc2 && b <= 0xdf) {
      extra = 1
      min = 0x80
    } else if (b >= 0xe0 && b <= 0xef) {
      extra = 2
      min = 0x800
    } else if (b >= 0xf0 && b <= 0xf4) {
      extra = 3
      min = 0x10000
    } else {
      return i
    }
    let code = b & (0x3f >> extra)
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return i
      code = (code << 6) | (c & 0x3f)
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i
    i += extra + 1
  }
  return bytes.length
}

/**
 * A file saved as UTF-16 ("Unicode text" in Excel): a UTF-16 byte-order mark,
 * or NUL bytes, which no CSV text has. Without this check its ASCII letters
 * would pass as text with a NUL between them.
 */
export function utf16Error(bytes: Uint8Array, fileName: string): SpnetError | null {
  const bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
  if (!bom && bytes.indexOf(0) === -1) return null
  return new SpnetError('validation', `${fileName} is not UTF-8 text.`, {
    issues: [
      {
        file: fileName,
        message: bom
          ? 'The file is saved as UTF-16 (Excel calls it "Unicode text").'
          : 'The file holds NUL bytes: it is saved as UTF-16, or is not a text file.',
        fix: 'Save the file as "CSV UTF-8" (Excel: File › Save As › CSV UTF-8), then try again.',
      },
    ],
  })
}
