import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import { main } from '../../src/cli/main.js'

/** Runs one spnet command line in-process, capturing its output. */
export async function spnet(
  argv: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const status = await main(argv, {
    stdout: { write: (text) => void (stdout += text) },
    stderr: { write: (text) => void (stderr += text) },
    env: { SPNET_DATA_DIR: tempDir('data'), ...options.env },
    cwd: options.cwd ?? process.cwd(),
  })
  return { status, stdout, stderr }
}

const created: string[] = []
// Registered in the suite of each test file that imports this helper.
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true })
})

export function tempDir(prefix = 'spnet'): string {
  const dir = mkdtempSync(join(tmpdir(), `spnet-test-${prefix}-`))
  created.push(dir)
  return dir
}

/** Parses a CSV without quoted fields (spnet's measure output) into records. */
export function parseSimpleCsv(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trim().split('\n')
  const columns = header!.split(',')
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [columns[i]!, v])))
}
