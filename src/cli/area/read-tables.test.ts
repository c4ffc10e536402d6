import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { isSpnetError } from '../../core/errors.js'
import { isWebPage, readTables, type TableHandler } from './read-tables.js'

const dir = mkdtempSync(join(tmpdir(), 'spnet-read-tables-'))
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

function file(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name)
  writeFileSync(path, bytes)
  return path
}

/** Reads a file's one table, returning its rows (header first). */
async function rows(path: string, options: Omit<TableHandler, 'row'> = {}) {
  const seen: string[][] = []
  await readTables(path, 'shown.csv', {
    table: (_name, first) => {
      seen.push(first.map(String))
      return { ...options, row: (cells) => seen.push(cells.map(String)) }
    },
  })
  return seen
}

async function failure(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    if (isSpnetError(error)) return { message: error.message, issues: error.issues }
    throw error
  }
  throw new Error('expected a refusal')
}

describe('readTables', () => {
  it('a Latin-1 (Windows-1252) CSV is read only by a handler that allows it', async () => {
    const path = file('latin1.csv', Buffer.from('pcds,name\nLL65 1AA,Ynys Môn\n', 'latin1'))
    expect(await rows(path, { latin1: true })).toEqual([
      ['pcds', 'name'],
      ['LL65 1AA', 'Ynys Môn'],
    ])
    expect(await failure(rows(path))).toMatchObject({ message: 'shown.csv is not UTF-8 text.' })
  })

  it('a table that reads some columns gets only those, in one reused array', async () => {
    const path = file('columns.csv', 'a,b,c\n1,2,3\n4,5,6\n')
    const seen: string[][] = []
    const arrays = new Set<unknown>()
    await readTables(path, 'shown.csv', {
      table: () => ({
        columns: [0, 2, 7],
        row: (cells) => {
          arrays.add(cells)
          seen.push(cells.map(String))
        },
      }),
    })
    expect(seen).toEqual([
      ['1', '', '3'],
      ['4', '', '6'],
    ])
    expect(arrays.size).toBe(1)
  })

  it('a BOM is dropped and line ends inside quotes do not end a row', async () => {
    const path = file('bom.csv', '\uFEFF"a b",c\n"x\ny",z\n')
    expect(await rows(path)).toEqual([
      ['a b', 'c'],
      ['x\ny', 'z'],
    ])
  })

  it('a gzipped CSV cut short is a damaged gzip file, not an internal error', async () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `E01${String(i).padStart(6, '0')},${i}`)
    const gz = gzipSync(['code,rank', ...text].join('\n'))
    const path = file('cut.csv.gz', gz.subarray(0, gz.length - 100))
    expect(await failure(rows(path))).toMatchObject({
      message: 'shown.csv is a damaged gzip file.',
      issues: [{ file: 'shown.csv', message: expect.stringMatching(/truncated/) as unknown }],
    })
  })

  it('isWebPage tells an HTML answer from a CSV', async () => {
    expect(await isWebPage(file('page.csv', '\n  <!DOCTYPE html><html></html>'))).toBe(true)
    expect(await isWebPage(file('page2.csv', '<HTML><body>moved</body></HTML>'))).toBe(true)
    expect(await isWebPage(file('data.csv', 'code,<html>\nE01000001,1\n'))).toBe(false)
  })
})
