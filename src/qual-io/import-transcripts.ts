import { randomUUID } from 'node:crypto'
import { basename } from 'node:path'
import { err, ok, type Result } from '../core/result.js'
import { addSource } from '../core/qual/coding/edit-project.js'
import { caseForFileName } from '../core/qual/coding/merge-project.js'
import type { CaseId, NewId } from '../core/qual/ids.js'
import type { QualProject } from '../core/qual/project.js'
import { readTranscriptFile } from './read-transcript-file.js'

/** Fresh random GUIDs for the I/O layer (src/core takes a generator). */
export const randomGuid: NewId = () => randomUUID()

export type ImportedTranscript = {
  readonly file: string
  readonly name: string
  readonly caseId: CaseId | null
}

/**
 * Reads transcript files and adds them to a project as sources, each
 * attached to the case its file name names (LW07.docx → case LW07) unless
 * `caseId` says otherwise. All or nothing: one bad file and the project is
 * returned unchanged with that file's error. `progress(done, total)` drives
 * a progress bar.
 */
export async function importTranscriptFiles(
  project: QualProject,
  files: readonly string[],
  options: {
    readonly now: string
    readonly newId?: NewId
    readonly caseId?: CaseId | null
    readonly progress?: (done: number, total: number) => void
  },
): Promise<Result<{ project: QualProject; imported: ImportedTranscript[] }>> {
  let next = project
  const imported: ImportedTranscript[] = []
  for (const [i, file] of files.entries()) {
    const transcript = await readTranscriptFile(file)
    if (!transcript.ok) return transcript
    const name = basename(file).replace(/\.[^.]+$/, '')
    const caseId =
      options.caseId !== undefined ? options.caseId : (caseForFileName(next, file)?.id ?? null)
    const added = addSource(
      next,
      { name, transcript: transcript.value, caseId },
      { newId: options.newId ?? randomGuid, now: options.now },
    )
    if (!added.ok) return err(added.error)
    next = added.value
    imported.push({ file, name, caseId })
    options.progress?.(i + 1, files.length)
  }
  return ok({ project: next, imported })
}
