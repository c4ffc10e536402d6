import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import mammoth from 'mammoth'
import { decodeUtf8 } from '../cli/decode-text.js'
import { SpnetError } from '../core/errors.js'
import { err, ok, type Result } from '../core/result.js'
import { detectByteKind } from '../core/qual/transcripts/detect-format.js'
import { readTranscriptText } from '../core/qual/transcripts/read-transcript.js'
import type { Transcript } from '../core/qual/transcripts/transcript.js'

/**
 * Reads one transcript from its bytes: the kind is told from the content
 * (a .txt that is really a Word document is read as one), Word documents go
 * through mammoth's text extraction, text must be UTF-8.
 */
export async function readTranscriptBytes(
  bytes: Uint8Array,
  file: string,
): Promise<Result<Transcript>> {
  const kind = detectByteKind(bytes, file)
  if (!kind.ok) return kind
  if (kind.value === 'docx') {
    let text: string
    try {
      const result = await mammoth.extractRawText({
        buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      })
      text = result.value
    } catch (cause) {
      return err(
        new SpnetError('validation', `${file} is a damaged Word document.`, {
          cause,
          issues: [
            {
              file,
              message: `Word could not be read: ${cause instanceof Error ? cause.message : String(cause)}.`,
              fix: 'Open it in Word, save it again as .docx (or as .txt), and import that copy.',
            },
          ],
        }),
      )
    }
    return readTranscriptText(text, file, true)
  }
  const text = decodeUtf8(bytes, file)
  if (!text.ok) return text
  return readTranscriptText(text.value, file)
}

export async function readTranscriptFile(path: string): Promise<Result<Transcript>> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(path)
  } catch (cause) {
    return err(
      new SpnetError('not_found', `Cannot read ${path}.`, {
        cause,
        issues: [
          {
            file: path,
            message: 'The file does not exist or cannot be opened.',
            fix: 'Check the path.',
          },
        ],
      }),
    )
  }
  return readTranscriptBytes(bytes, path)
}

export type FolderTranscript = {
  readonly file: string
  readonly name: string
  readonly transcript: Transcript
}

const transcriptName = /\.(?:txt|docx|vtt|srt|text|md)$/i

/**
 * Reads every transcript in a folder (by name: .txt, .docx, .vtt, .srt, .md;
 * each then told by content). All or nothing: the first bad file fails the
 * whole folder, so nothing is imported half-done. `progress(done, total)` is
 * called after each file, for a progress bar.
 */
export async function readTranscriptFolder(
  dir: string,
  progress: (done: number, total: number) => void = () => undefined,
): Promise<Result<FolderTranscript[]>> {
  let names: string[]
  try {
    names = (await readdir(dir)).filter((n) => transcriptName.test(n)).sort()
  } catch (cause) {
    return err(
      new SpnetError('not_found', `Cannot read the folder ${dir}.`, {
        cause,
        issues: [{ file: dir, message: 'The folder does not exist.' }],
      }),
    )
  }
  const out: FolderTranscript[] = []
  for (const [i, name] of names.entries()) {
    const file = join(dir, name)
    if (!(await stat(file)).isFile()) continue
    const r = await readTranscriptFile(file)
    if (!r.ok) return r
    out.push({ file, name: basename(name).replace(/\.[^.]+$/, ''), transcript: r.value })
    progress(i + 1, names.length)
  }
  return ok(out)
}
