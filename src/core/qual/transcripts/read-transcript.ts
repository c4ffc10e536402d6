import { SpnetError } from '../../errors.js'
import type { Result } from '../../result.js'
import { err, ok } from '../../result.js'
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
  // An empty transcript is almost always a failed save or export, not an interview.
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    return err(
      new SpnetError('validation', `${file} has no text.`, {
        issues: [
          {
            file,
            message: 'The transcript is empty (or only spaces and blank lines).',
            fix: 'Check that the file was saved with its text, then import it again.',
          },
        ],
      }),
    )
  }
  if (docx) return ok(parseTextTranscript(text, 'docx'))
  const format = detectTextFormat(text)
  if (format === 'text') return ok(parseTextTranscript(text, 'text'))
  return parseCaptions(text, format, file)
}
