import { readFile, writeFile } from 'node:fs/promises'
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate'
import { SpnetError } from '../core/errors.js'
import { err, ok, type Result } from '../core/result.js'
import { exportQdpx, type ExportOptions } from '../core/qual/refi/export-project.js'
import {
  importQdpx,
  type ImportOptions,
  type ImportReport,
} from '../core/qual/refi/import-project.js'
import type { QualProject } from '../core/qual/project.js'

const textFile = /\.(?:txt|qde|json|xml|html?)$/i

/**
 * Opens a .qdpx: a zip holding one *.qde (the first, by path order, if there
 * are several) and its sources. Text files are decoded as UTF-8; binary
 * sources (docx, pdf, media) are not needed for text coding and are skipped.
 */
export function readQdpxBytes(
  bytes: Uint8Array,
  file: string,
  options: ImportOptions = {},
): Result<ImportReport> {
  let entries: Record<string, Uint8Array>
  try {
    entries = unzipSync(bytes)
  } catch (cause) {
    return err(
      new SpnetError('validation', `${file} is not a .qdpx project: it is not a zip archive.`, {
        cause,
        issues: [
          {
            file,
            message: 'A .qdpx is a zip file holding project.qde and its sources.',
            fix: 'Export the project again from NVivo, MAXQDA, ATLAS.ti or QualCoder (REFI-QDA project).',
          },
        ],
      }),
    )
  }
  // Zip order: "the first *.qde" is the first one stored.
  const names = Object.keys(entries)
  const qde = names.find((n) => /\.qde$/i.test(n) && !n.startsWith('__MACOSX/'))
  if (qde === undefined) {
    return err(
      new SpnetError('validation', `${file} holds no .qde project file.`, {
        issues: [
          {
            file,
            message: 'The archive has no *.qde file.',
            fix: 'Choose a REFI-QDA project export (.qdpx).',
          },
        ],
      }),
    )
  }
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const files = new Map<string, string>()
  let qdeText = ''
  for (const name of names) {
    if (!textFile.test(name)) continue
    let text: string
    try {
      text = decoder.decode(entries[name])
    } catch (cause) {
      if (name !== qde) continue
      return err(
        new SpnetError('validation', `${qde} in ${file} is not UTF-8 text.`, {
          cause,
          issues: [{ file: `${file}:${qde}`, message: 'The project file is not UTF-8.' }],
        }),
      )
    }
    if (name === qde) qdeText = text
    else files.set(name, text)
  }
  return importQdpx({ qde: { path: qde, text: qdeText }, files, file }, options)
}

export async function readQdpxFile(
  path: string,
  options: ImportOptions = {},
): Promise<Result<ImportReport>> {
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
  return readQdpxBytes(bytes, path, options)
}

/** The project as .qdpx bytes (zip of project.qde, sources/*.txt and spnet.json). */
export function qdpxBytes(project: QualProject, options: ExportOptions): Result<Uint8Array> {
  const entries = exportQdpx(project, options)
  if (!entries.ok) return entries
  const zip: Zippable = {}
  for (const e of entries.value) zip[e.path] = strToU8(e.text)
  return ok(zipSync(zip, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') }))
}

export async function writeQdpxFile(
  path: string,
  project: QualProject,
  options: ExportOptions,
): Promise<Result<null>> {
  const bytes = qdpxBytes(project, options)
  if (!bytes.ok) return bytes
  await writeFile(path, bytes.value)
  return ok(null)
}
