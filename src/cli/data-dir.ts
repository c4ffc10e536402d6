import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * spnet's one data directory: `SPNET_DATA_DIR` when set, else the platform's
 * per-user data folder (XDG on Linux, Application Support on macOS,
 * LOCALAPPDATA on Windows). Later the embedded database lives here.
 */
export function dataDir(
  env: Readonly<Record<string, string | undefined>>,
  platform = process.platform,
): string {
  const override = env['SPNET_DATA_DIR']
  if (override !== undefined && override !== '') return override
  const home = env['HOME'] ?? homedir()
  if (platform === 'win32')
    return join(env['LOCALAPPDATA'] ?? join(home, 'AppData', 'Local'), 'spnet')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'spnet')
  const xdg = env['XDG_DATA_HOME']
  return join(xdg !== undefined && xdg !== '' ? xdg : join(home, '.local', 'share'), 'spnet')
}
