import { readFile, writeFile } from 'node:fs/promises'
import { decodeUtf8 } from '../cli/decode-text.js'
import { SpnetError } from '../core/errors.js'
import { err, ok, type Result } from '../core/result.js'
import type { Codebook } from '../core/qual/codebook/codebook.js'
import { formatQdc, parseQdc } from '../core/qual/refi/codebook-qdc.js'

export async function readQdcFile(path: string): Promise<Result<Codebook>> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(path)
  } catch (cause) {
    return err(
      new SpnetError('not_found', `Cannot read ${path}.`, {
        cause,
        issues: [{ file: path, message: 'The file does not exist or cannot be opened.' }],
      }),
    )
  }
  const text = decodeUtf8(bytes, path)
  if (!text.ok) return text
  return parseQdc(text.value, path)
}

export async function writeQdcFile(path: string, codebook: Codebook): Promise<Result<null>> {
  await writeFile(path, formatQdc(codebook))
  return ok(null)
}
