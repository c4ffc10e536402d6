import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The shared reference data and fixtures (../shared next to the repository,
 * or SPNET_SHARED_DIR). Tests that need them fail loudly when they are
 * missing rather than skipping.
 */
export function sharedDir(): string {
  const dir =
    process.env['SPNET_SHARED_DIR'] ?? fileURLToPath(new URL('../../../shared/', import.meta.url))
  if (!existsSync(join(dir, 'fixtures')) || !existsSync(join(dir, 'data'))) {
    throw new Error(
      `The shared fixtures and data are not at ${dir}. Put the shared folder next to the repository, or set SPNET_SHARED_DIR.`,
    )
  }
  return dir
}
