import type { Result } from '../../result.js'
import { ok } from '../../result.js'
import { detectTextFormat } from './detect-format.js'
import { parseCaptions } from './parse-captions.js'
import { parseTextTranscript } from './parse-text.js'
import type { Transcript } from './transcript.js'

/**
 * Reads a transcript from decoded text, telling WebVTT, SRT and plain text
 * apart by content. Word documents reach here as their extracted text, with
 * `format: 'docx'` (the I/O layer extracts it).
 */
export function readTranscriptText(text: string, file: string, docx = false): Result<Transcript> {
  if (docx) return ok(parseTextTranscript(text, 'docx'))
  const format = detectTextFormat(text)
  if (format === 'text') return ok(parseTextTranscript(text, 'text'))
  return parseCaptions(text, format, file)
}
