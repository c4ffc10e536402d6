import { createWriteStream } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { csvFormatRows } from 'd3-dsv'
import type { Edition } from '../../core/deprivation/area-tables.js'
import { SpnetError } from '../../core/errors.js'
import type { Io } from '../io.js'
import type { AreaStoreLike } from '../commands/area.js'
import { importAreaFiles, type AreaFileInput } from './import-area-files.js'

/**
 * `spnet area download`: the official files from their published addresses
 * (../shared/data/README.md), with a progress bar, checked and imported like
 * `spnet area import` (so a bad download changes nothing). ONS lookups come
 * from the Open Geography Portal's feature services, page by page.
 * `--mirror URL` fetches every file by its name from a mirror instead (an
 * institution's copy, or a test server).
 */

type Source = {
  readonly name: string
  /** The file name a mirror serves. */
  readonly file: string
  readonly edition: Edition | null
} & ({ readonly url: string } | { readonly featureService: string })

const ons = 'https://services1.arcgis.com/ESMARspQHYMw9BZ9/arcgis/rest/services'
const ods = 'https://www.odsdatasearchandexport.nhs.uk/api/getReport?report='

export const areaSources: readonly Source[] = [
  {
    name: 'IoD2025 File 7 (scores, ranks, deciles, denominators)',
    file: 'File_7_IoD2025_All_Ranks_Scores_Deciles_Population_Denominators.csv',
    edition: 2025,
    url: 'https://assets.publishing.service.gov.uk/media/691ded56d140bbbaa59a2a7d/File_7_IoD2025_All_Ranks_Scores_Deciles_Population_Denominators.csv',
  },
  {
    name: 'IoD2019 File 7 (scores, ranks, deciles, denominators)',
    file: 'File_7_-_All_IoD2019_Scores__Ranks__Deciles_and_Population_Denominators_3.csv',
    edition: 2019,
    url: 'https://assets.publishing.service.gov.uk/media/5dc407b440f0b6379a7acc8d/File_7_-_All_IoD2019_Scores__Ranks__Deciles_and_Population_Denominators_3.csv',
  },
  {
    name: 'ONS LSOA (2011) to LSOA (2021) lookup',
    file: 'LSOA11_LSOA21_LAD22_EW_LU.csv',
    edition: null,
    featureService: `${ons}/LSOA11_LSOA21_LAD22_EW_LU/FeatureServer/0`,
  },
  {
    name: 'ONS LSOA (2021) to sub-ICB, ICB and LAD lookup',
    file: 'LSOA21_SICBL24_ICB24_CAL24_LAD24_EN_LU.csv',
    edition: null,
    featureService: `${ons}/LSOA21_SICBL24_ICB24_CAL24_LAD24_EN_LU/FeatureServer/0`,
  },
  {
    name: 'ONS LSOA (2021) to ward and LAD lookup',
    file: 'LSOA21_WD24_LAD24_EW_LU.csv',
    edition: null,
    featureService: `${ons}/LSOA21_WD24_LAD24_EW_LU/FeatureServer/0`,
  },
  {
    name: 'ODS GP practices (epraccur)',
    file: 'epraccur.csv',
    edition: null,
    url: `${ods}epraccur`,
  },
  { name: 'ODS PCNs (ePCN)', file: 'epcn.csv', edition: null, url: `${ods}epcn` },
  {
    name: 'ODS practice to PCN membership',
    file: 'epcncorepartnerdetails.csv',
    edition: null,
    url: `${ods}epcncorepartnerdetails`,
  },
  {
    name: 'OHID Fingertips practice deprivation score (93553)',
    file: 'fingertips_93553_gp.csv',
    edition: 2019,
    url: 'https://fingertipsws.phe.org.uk/api/all_data/csv/by_indicator_id?indicator_ids=93553&child_area_type_id=7&parent_area_type_id=167',
  },
]

export async function downloadAreaFiles(
  chosen: readonly Edition[],
  mirror: string | undefined,
  io: Io,
  store: AreaStoreLike,
): Promise<void> {
  const sources = areaSources.filter((s) => s.edition === null || chosen.includes(s.edition))
  const dir = await mkdtemp(join(tmpdir(), 'spnet-download-'))
  try {
    const files: AreaFileInput[] = []
    for (const source of sources) {
      const path = join(dir, source.file)
      io.stderr.write(`Downloading ${source.name}\n`)
      const url =
        mirror !== undefined
          ? `${mirror.replace(/\/$/, '')}/${encodeURIComponent(source.file)}`
          : 'url' in source
            ? source.url
            : source.featureService
      if (mirror !== undefined || 'url' in source) await fetchToFile(url, path, source.name, io)
      else await fetchFeatureService(url, path, source.name, io)
      // Messages name the download, not the temporary file.
      files.push({ path: source.file, shownAs: `${source.name} (${url})` })
    }
    io.stderr.write('Checking and importing…\n')
    const { manifest } = await importAreaFiles(files, { ...io, cwd: dir }, store)
    io.stdout.write(
      `Downloaded, checked and imported ${files.length} files; ${manifest.datasets.length} datasets are loaded (spnet area status lists them).\n`,
    )
    io.stdout.write(
      '\nNot downloaded (import them yourself with spnet area import FILE):\n' +
        '  - a postcode lookup (hundreds of MB): NSPL, ONSPD or the PCD to OA21 to LSOA21 lookup,\n' +
        '    from https://geoportal.statistics.gov.uk/ (Products › Postcode products); needed by\n' +
        '    --method postcode and practice-lsoa;\n' +
        '  - NHS England "Patients registered at a GP practice" by LSOA (gp-reg-pat-prac-lsoa-all.csv),\n' +
        '    from https://digital.nhs.uk/data-and-information/publications/statistical/patients-registered-at-a-gp-practice;\n' +
        '    needed for IoD2025 practice-weighted and pcn-mean.\n',
    )
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

async function fetchToFile(url: string, path: string, name: string, io: Io): Promise<void> {
  let response: Response
  try {
    response = await fetchWithRetry(url)
  } catch (cause) {
    throw new SpnetError('unsupported', `Could not download ${name}.`, {
      cause,
      issues: [
        {
          message: `${url}: ${cause instanceof Error ? cause.message : String(cause)}`,
          fix: 'Check the internet connection, or download the file in a browser and use spnet area import.',
        },
      ],
    })
  }
  if (!response.ok || response.body === null) {
    throw new SpnetError(
      'unsupported',
      `Could not download ${name}: the server answered ${response.status} ${response.statusText}.`,
      {
        issues: [
          {
            message: url,
            fix: 'The address may have changed: download the file in a browser and use spnet area import.',
          },
        ],
      },
    )
  }
  const total = Number(response.headers.get('content-length') ?? 0)
  const bar = io.progress?.(`  ${name.slice(0, 40)}`, total > 0 ? total : 1)
  const out = createWriteStream(path)
  let done = 0
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      done += chunk.length
      bar?.update(total > 0 ? done : 0)
      if (!out.write(chunk))
        await new Promise<void>((r) =>
          out.once('drain', () => {
            r()
          }),
        )
    }
  } finally {
    bar?.stop()
    await new Promise<void>((r) => out.end(r))
  }
}

async function fetchWithRetry(url: string, attempts = 3): Promise<Response> {
  for (let i = 1; ; i++) {
    try {
      return await fetch(url, {
        headers: { 'user-agent': 'spnet (social prescribing network research)' },
      })
    } catch (error) {
      if (i >= attempts) throw error
      await new Promise((r) => setTimeout(r, 1000 * i))
    }
  }
}

/** Pages through an ArcGIS feature service and writes its attributes as CSV. */
async function fetchFeatureService(
  service: string,
  path: string,
  name: string,
  io: Io,
): Promise<void> {
  const countUrl = `${service}/query?where=1%3D1&returnCountOnly=true&f=json`
  const count = ((await (await fetchWithRetry(countUrl)).json()) as { count?: number }).count ?? 0
  const bar = io.progress?.(`  ${name.slice(0, 40)}`, Math.max(1, count), 'rows')
  const rows: string[][] = []
  let header: string[] | null = null
  for (let offset = 0; ; offset += 2000) {
    const url = `${service}/query?where=1%3D1&outFields=*&returnGeometry=false&orderByFields=FID&resultOffset=${offset}&resultRecordCount=2000&f=json`
    const page = (await (await fetchWithRetry(url)).json()) as {
      features?: { attributes: Record<string, unknown> }[]
      exceededTransferLimit?: boolean
      error?: { message?: string }
    }
    if (page.error !== undefined || page.features === undefined) {
      throw new SpnetError(
        'unsupported',
        `Could not download ${name}: ${page.error?.message ?? 'unexpected answer'}.`,
        {
          issues: [
            {
              message: service,
              fix: 'Download the CSV from the Open Geography Portal and use spnet area import.',
            },
          ],
        },
      )
    }
    for (const { attributes } of page.features) {
      header ??= Object.keys(attributes)
      rows.push(
        header.map((k) => {
          const v = attributes[k]
          return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
            ? String(v)
            : ''
        }),
      )
    }
    bar?.update(rows.length)
    if (page.features.length === 0 || page.exceededTransferLimit !== true) break
  }
  bar?.stop()
  await writeFile(path, csvFormatRows([header ?? [], ...rows]) + '\n')
}
