import { describe, expect, it } from 'vitest'
import { dataDir } from './data-dir.js'

describe('dataDir', () => {
  it('uses SPNET_DATA_DIR when set', () => {
    expect(dataDir({ SPNET_DATA_DIR: '/srv/spnet', HOME: '/home/a' }, 'linux')).toBe('/srv/spnet')
  })
  it("follows each platform's convention otherwise", () => {
    expect(dataDir({ HOME: '/home/a' }, 'linux')).toBe('/home/a/.local/share/spnet')
    expect(dataDir({ HOME: '/home/a', XDG_DATA_HOME: '/data' }, 'linux')).toBe('/data/spnet')
    expect(dataDir({ HOME: '/Users/a' }, 'darwin')).toBe(
      '/Users/a/Library/Application Support/spnet',
    )
    expect(
      dataDir({ HOME: 'C:/Users/a', LOCALAPPDATA: 'C:/Users/a/AppData/Local' }, 'win32'),
    ).toMatch(/AppData[\\/]Local[\\/]spnet$/)
  })
  it('ignores an empty SPNET_DATA_DIR', () => {
    expect(dataDir({ SPNET_DATA_DIR: '', HOME: '/home/a' }, 'linux')).toBe(
      '/home/a/.local/share/spnet',
    )
  })
})
