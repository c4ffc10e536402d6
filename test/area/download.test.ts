import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { csvFormatRow } from 'd3-dsv'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { areaSources } from '../../src/cli/area/download-area-files.js'
import { spnet, tempDir } from '../cli/run-cli.js'
import {
  expectRefused,
  markdownRecords,
  official,
  readCsv,
  spnetWithProgress,
  storeSnapshot,
  writeFile7,
} from '../support/area-files.js'

/**
 * Issue 3, point 2: `spnet area download --mirror URL` fetches every file by
 * its published name from a mirror — here a local HTTP server on 127.0.0.1
 * serving the synthetic File 7s and the shared lookups and practice files —
 * then checks and imports them; a failed download changes nothing.
 */

type Route = Buffer | { status: number; body: string; type?: string }

let dir: string
/** What the mirror serves, by the file name in `areaSources`. */
let files: Map<string, Buffer>
const servers: Server[] = []

async function serve(routes: ReadonlyMap<string, Route>) {
  const requests: string[] = []
  const server = createServer((request, response) => {
    const name = decodeURIComponent((request.url ?? '/').slice(1))
    requests.push(name)
    const route = routes.get(name)
    if (route === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found')
    } else if (Buffer.isBuffer(route)) {
      response
        .writeHead(200, { 'content-type': 'text/csv', 'content-length': String(route.length) })
        .end(route)
    } else {
      response
        .writeHead(route.status, { 'content-type': route.type ?? 'text/plain' })
        .end(route.body)
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  servers.push(server)
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, requests, server }
}

afterAll(async () => {
  for (const s of servers.splice(0)) await new Promise((resolve) => s.close(resolve))
})

const fileOf = (name: string) => areaSources.find((s) => s.name.startsWith(name))!.file

/**
 * What the public Fingertips API returns for indicator 93553: its own column names, an England
 * row, and only the practices open now (the shared file is OHID's fuller extract).
 */
function fingertipsApiCsv(): Buffer {
  const [header, ...rows] = readCsv(official.fingertips())
  const at = (name: string) => header!.indexOf(name)
  const columns = [
    'Indicator ID',
    'Indicator Name',
    'Parent Code',
    'Parent Name',
    'Area Code',
    'Area Name',
    'Area Type',
    'Sex',
    'Age',
    'Category Type',
    'Category',
    'Time period',
    'Value',
    'Lower CI 95.0 limit',
    'Upper CI 95.0 limit',
    'Count',
    'Denominator',
    'Value note',
    'Time period Sortable',
  ]
  const row = (code: string, name: string, type: string, year: string, value: string) => [
    '93553',
    'Deprivation score (IMD 2019)',
    'E92000001',
    'England',
    code,
    name,
    type,
    'Persons',
    'All ages',
    '',
    '',
    year,
    value,
    '',
    '',
    '',
    '',
    '',
    `${year}0000`,
  ]
  const lines = [
    columns,
    row('E92000001', 'England', 'England', '2019', '21.7'),
    ...rows
      .filter((r) => r[at('IsAreaCurrent')] === '1')
      .map((r) =>
        row(r[at('AreaCode')]!, r[at('AreaName')]!, 'GPs', r[at('Year')]!, r[at('Value')]!),
      ),
  ]
  return Buffer.from(lines.map((l) => csvFormatRow(l)).join('\n') + '\n')
}

beforeAll(() => {
  dir = tempDir('download')
  const file7For2025 = writeFile7(join(dir, 'file7-2025.csv'), 2025)
  const file7For2019 = writeFile7(join(dir, 'file7-2019.csv'), 2019)
  files = new Map([
    [fileOf('IoD2025 File 7'), readFileSync(file7For2025.path)],
    [fileOf('IoD2019 File 7'), readFileSync(file7For2019.path)],
    [fileOf('ONS LSOA (2011) to LSOA (2021)'), readFileSync(official.crosswalk())],
    // Served gzipped under a .csv name: spnet tells the format from the bytes.
    [fileOf('ONS LSOA (2021) to sub-ICB'), readFileSync(official.icb())],
    [fileOf('ONS LSOA (2021) to ward'), readFileSync(official.ward())],
    [fileOf('ODS GP practices'), readFileSync(official.epraccur())],
    [fileOf('ODS PCNs'), readFileSync(official.pcnDetails())],
    [fileOf('ODS practice to PCN'), readFileSync(official.pcnMembers())],
    [fileOf('OHID Fingertips'), fingertipsApiCsv()],
  ])
  expect(files.size).toBe(areaSources.length)
}, 60_000)

describe('spnet area download --mirror', () => {
  const env = () => ({ SPNET_DATA_DIR: join(dir, 'data') })
  const for2025 = () => areaSources.filter((s) => s.edition !== 2019).map((s) => s.file)

  it('--edition 2025 fetches the 2025 and edition-free files, checks and imports them all', async () => {
    const mirror = await serve(files)
    const result = await spnetWithProgress(
      ['area', 'download', '--edition', '2025', '--mirror', `${mirror.url}/`],
      env(),
    )
    expect(result.status, result.stderr).toBe(0)
    expect([...mirror.requests].sort()).toEqual(for2025().sort())
    expect(result.stdout).toMatch(/imported 7 files/)
    // What is not downloaded, and where to get it.
    expect(result.stdout).toMatch(/postcode lookup/)
    expect(result.stdout).toMatch(/Patients registered at a GP practice/)
    // A progress bar per download, run to the file's size.
    for (const source of areaSources.filter((s) => s.edition !== 2019)) {
      const bar = result.bars.find((b) => b.label.trim() === source.name.slice(0, 40).trim())
      expect(bar, source.name).toBeDefined()
      expect(bar!.total).toBe(files.get(source.file)!.length)
      expect(bar!.last).toBe(bar!.total)
      expect(bar!.stopped).toBe(true)
    }

    const status = markdownRecords((await spnet(['area', 'status'], { env: env() })).stdout)
    const rows = Object.fromEntries(status.map((r) => [r['source file'], r['rows']]))
    expect(rows).toEqual({
      [fileOf('IoD2025 File 7')]: '33,755',
      [fileOf('ONS LSOA (2011) to LSOA (2021)')]: '35,795',
      [fileOf('ONS LSOA (2021) to sub-ICB')]: '33,755',
      [fileOf('ONS LSOA (2021) to ward')]: '35,672',
      [fileOf('ODS GP practices')]: '15,389',
      [fileOf('ODS PCNs')]: '1,366',
      [fileOf('ODS practice to PCN')]: '7,705',
    })
    const lookup = await spnet(['area', 'lookup', 'E01000001', '--edition', '2025'], { env: env() })
    expect(markdownRecords(lookup.stdout)[0]).toMatchObject({
      score: '8.742',
      rank: '26525',
      decile: '8',
    })
  }, 60_000)

  it('--edition 2019 adds the 2019 File 7 and the Fingertips practice scores (public API layout)', async () => {
    const mirror = await serve(files)
    const result = await spnet(['area', 'download', '--edition', '2019', '--mirror', mirror.url], {
      env: env(),
    })
    expect(result.status, result.stderr).toBe(0)
    expect(mirror.requests).toContain(fileOf('IoD2019 File 7'))
    expect(mirror.requests).toContain(fileOf('OHID Fingertips'))
    expect(mirror.requests).not.toContain(fileOf('IoD2025 File 7'))
    const status = markdownRecords((await spnet(['area', 'status'], { env: env() })).stdout)
    const editions = status.filter((r) => r['edition'] !== '').map((r) => [r['edition'], r['rows']])
    expect(editions).toEqual([
      ['2019', '32,844'],
      ['2025', '33,755'],
    ])
    expect(status.map((r) => r['source file'])).toContain(fileOf('OHID Fingertips'))
    const lookup = await spnet(
      ['area', 'lookup', 'A81001', '--method', 'practice-weighted', '--edition', '2019'],
      { env: env() },
    )
    // From the public API's layout: the England row is not a practice; A81001 keeps its score.
    expect(markdownRecords(lookup.stdout)[0]?.['score']).toBe('32.36093926')
    expect(
      (
        await spnet(
          ['area', 'lookup', 'E92000001', '--method', 'practice-weighted', '--edition', '2019'],
          { env: env() },
        )
      ).status,
    ).not.toBe(0)
  }, 60_000)

  it('a file the mirror does not have (404): a clear error, and nothing changed', async () => {
    const before = storeSnapshot(env()['SPNET_DATA_DIR'])
    const missing = new Map(files)
    missing.delete(fileOf('ODS GP practices'))
    const mirror = await serve(missing)
    const result = await spnet(['area', 'download', '--edition', '2025', '--mirror', mirror.url], {
      env: env(),
    })
    expectRefused(result, /ODS GP practices/, /404/, new RegExp(`${mirror.url}/epraccur\\.csv`))
    expect(storeSnapshot(env()['SPNET_DATA_DIR'])).toEqual(before)
  })

  it('a mirror that answers with a web page instead of a file: refused at the check, nothing changed', async () => {
    const before = storeSnapshot(env()['SPNET_DATA_DIR'])
    const routes = new Map<string, Route>(files)
    routes.set(fileOf('ODS practice to PCN'), {
      status: 200,
      type: 'text/html',
      body: '<!DOCTYPE html><html><body><h1>Service unavailable</h1></body></html>',
    })
    const mirror = await serve(routes)
    const result = await spnet(['area', 'download', '--edition', '2025', '--mirror', mirror.url], {
      env: env(),
    })
    expectRefused(result, /epcncorepartnerdetails\.csv/, /not a file spnet recognises/)
    // The message names the download (its source or address), not a temporary file already deleted.
    const error = result.stderr.slice(result.stderr.indexOf('✖'))
    expect(error).toMatch(
      new RegExp(`ODS practice to PCN membership|${mirror.url}/epcncorepartnerdetails\\.csv`),
    )
    expect(error).not.toMatch(/spnet-download-/)
    expect(storeSnapshot(env()['SPNET_DATA_DIR'])).toEqual(before)
  })
})
