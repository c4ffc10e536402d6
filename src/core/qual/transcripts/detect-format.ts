import { SpnetError } from '../../errors.js'
import { err, ok, type Result } from '../../result.js'

/** What a file's bytes are, told from the content rather than the file name. */
export type ByteKind = 'docx' | 'text'

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  magic.every((b, i) => bytes[i] === b)

function containsAscii(bytes: Uint8Array, needle: string): boolean {
  const n = needle.length
  outer: for (let i = 0; i + n <= bytes.length; i++) {
    for (let k = 0; k < n; k++) if (bytes[i + k] !== needle.charCodeAt(k)) continue outer
    return true
  }
  return false
}

const unsupported = (file: string, what: string, fix: string): Result<ByteKind> =>
  err(
    new SpnetError('unsupported', `${file} is ${what}, which spnet cannot read as a transcript.`, {
      issues: [{ file, message: `The file is ${what}.`, fix }],
    }),
  )

/**
 * Tells a transcript file's kind from its first bytes: a Word document (a zip
 * holding word/document.xml) or text (to be decoded as UTF-8 and told apart
 * by `detectTextFormat`). Other kinds get an error saying what to do.
 */
export function detectByteKind(bytes: Uint8Array, file: string): Result<ByteKind> {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    // Zip entry names are stored uncompressed, so a docx names word/document.xml in its bytes.
    if (containsAscii(bytes, 'word/document.xml')) return ok('docx')
    if (containsAscii(bytes, '.qde')) {
      return unsupported(
        file,
        'a REFI-QDA project (.qdpx)',
        'Import it as a project, not as a transcript.',
      )
    }
    return unsupported(
      file,
      'a zip archive but not a Word document (or a damaged one)',
      'Save the transcript as .docx or .txt; if it is a Word document, open it in Word and save it again.',
    )
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    return unsupported(
      file,
      'a PDF',
      'Save the transcript as .docx or .txt (in Word: File › Save As).',
    )
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return unsupported(
      file,
      'an old Word 97–2003 (.doc) document',
      'Open it in Word and save it as .docx, then import that.',
    )
  }
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) {
    return unsupported(file, 'an RTF document', 'Save it as .docx or .txt, then import that.')
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return unsupported(
      file,
      'UTF-16 text',
      'Save it as UTF-8 text (Notepad: Save As › Encoding: UTF-8), then import that.',
    )
  }
  const probe = bytes.subarray(0, 65536)
  for (let i = 0; i < probe.length; i++) {
    if (probe[i] === 0) {
      return err(
        new SpnetError('validation', `${file} is a binary file, not a transcript.`, {
          issues: [
            {
              file,
              message: `Byte ${i + 1} is a NUL byte, which text files do not contain.`,
              fix: 'Import a .txt, .docx, .vtt or .srt transcript.',
            },
          ],
        }),
      )
    }
  }
  return ok('text')
}

export type TextFormat = 'vtt' | 'srt' | 'text'

/**
 * Tells caption files from plain text: WebVTT starts with `WEBVTT`; SRT
 * starts with a cue number followed by a `-->` timing line.
 */
export function detectTextFormat(text: string): TextFormat {
  const body = text.replace(/^\uFEFF/, '')
  if (/^WEBVTT(?:[ \t]|\r?\n|$)/.test(body)) return 'vtt'
  if (/^\s*\d+[ \t]*\r?\n[ \t]*\d{1,2}:\d{2}(?::\d{2})?[,.]\d{1,3}[ \t]*-->/.test(body))
    return 'srt'
  return 'text'
}
