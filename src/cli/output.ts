import { rename, writeFile, mkdir } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
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

export async function writeAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const temporary = `${path}.${process.pid}.tmp`
  await writeFile(temporary, text)
  await rename(temporary, path)
}
