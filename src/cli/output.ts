import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { SpnetError } from '../core/errors.js'
import type { Io } from './io.js'

/**
 * Writes a command's result to --out FILE, or to stdout. Files are written
 * to a temporary name and renamed, so a failed run never leaves half a file.
 */
export async function emit(text: string, out: string | undefined, io: Io): Promise<void> {
  if (out === undefined || out === '-') {
    io.stdout.write(text)
    return
  }
  await writeAtomic(resolve(io.cwd, out), text)
}

export async function writeAtomic(path: string, text: string | Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`
  try {
    await mkdir(dirname(path), { recursive: true })
    await writeFile(temporary, text)
    await rename(temporary, path)
  } catch (cause) {
    await rm(temporary, { force: true }).catch(() => undefined)
    const reason = (cause as NodeJS.ErrnoException).code
    throw new SpnetError('usage', `Cannot write ${path}.`, {
      cause,
      issues: [
        {
          message:
            reason === 'EISDIR'
              ? 'That is a folder; give a file name.'
              : reason === 'ENOTDIR'
                ? 'Part of the path is a file, not a folder.'
                : reason === 'EACCES' || reason === 'EPERM'
                  ? 'spnet has no permission to write there.'
                  : (cause as Error).message,
          fix: 'Choose another output path.',
        },
      ],
    })
  }
}
