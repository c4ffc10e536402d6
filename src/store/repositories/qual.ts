import type { Kysely } from 'kysely'
import { SpnetError } from '../../core/errors.js'
import {
  emptyKey,
  type Proposal,
  type PseudonymKey,
} from '../../core/qual/pseudonymise/pseudonymise.js'
import { emptyProject, type QualProject } from '../../core/qual/project.js'
import { validateProject } from '../../core/qual/validate-project.js'
import type { Result } from '../../core/result.js'
import type { Database } from '../schema.js'
import { appendAudit, type Actor, type AuditEntry } from './audit.js'

/** What an edit sees: the project, the key, and the pending reviews it asks for. */
export type QualEditContext = {
  readonly project: QualProject
  readonly key: PseudonymKey
  readonly review: (sourceId: string) => Promise<Proposal[] | null>
}

/** What an edit returns: the new project, and what else changes with it. */
export type QualEdit<T> = {
  readonly project: QualProject
  readonly value: T
  /** One audit entry per change (e.g. entity qual_segment, its id, before, after). */
  readonly audit: readonly AuditEntry[]
  readonly key?: PseudonymKey
  /** Proposals to keep for review (an array) or drop (null), by source id. */
  readonly reviews?: Readonly<Record<string, readonly Proposal[] | null>>
}

/**
 * A study's qualitative project. Every edit runs in one transaction with the
 * project's row locked: the pure edit (src/core/qual) is applied to the
 * current project, the result is checked whole (`validateProject`) and
 * written with its audit entries, key and reviews — or nothing is.
 */
export function qualRepository(db: Kysely<Database>) {
  const read = (value: unknown): QualProject => {
    const checked = validateProject(value as QualProject)
    if (!checked.ok) {
      throw new SpnetError('internal', 'The stored qualitative project no longer validates.', {
        cause: checked.error,
      })
    }
    return checked.value
  }
  return {
    async get(studyId: string, name: string): Promise<{ project: QualProject; revision: number }> {
      const r = await db
        .selectFrom('qual_projects')
        .select(['project', 'revision'])
        .where('study_id', '=', studyId)
        .executeTakeFirst()
      return r === undefined
        ? { project: emptyProject(name), revision: 0 }
        : { project: read(r.project), revision: r.revision }
    },

    /** The pseudonymisation key (show it to admins only). */
    async key(studyId: string): Promise<PseudonymKey> {
      const r = await db
        .selectFrom('qual_keys')
        .select('key')
        .where('study_id', '=', studyId)
        .executeTakeFirst()
      return r === undefined ? emptyKey : (r.key as PseudonymKey)
    },

    async review(studyId: string, sourceId: string): Promise<Proposal[] | null> {
      const r = await db
        .selectFrom('qual_reviews')
        .select('proposals')
        .where('study_id', '=', studyId)
        .where('source_id', '=', sourceId)
        .executeTakeFirst()
      return r === undefined ? null : (r.proposals as Proposal[])
    },

    async edit<T>(
      actor: Actor,
      studyId: string,
      name: string,
      fn: (ctx: QualEditContext) => Promise<Result<QualEdit<T>>> | Result<QualEdit<T>>,
    ): Promise<{ value: T; project: QualProject; revision: number }> {
      return db.transaction().execute(async (tx) => {
        await tx
          .insertInto('qual_projects')
          .values({ study_id: studyId, project: JSON.stringify(emptyProject(name)), revision: 0 })
          .onConflict((oc) => oc.column('study_id').doNothing())
          .execute()
        const row = await tx
          .selectFrom('qual_projects')
          .select(['project', 'revision'])
          .where('study_id', '=', studyId)
          .forUpdate()
          .executeTakeFirstOrThrow()
        const keyRow = await tx
          .selectFrom('qual_keys')
          .select('key')
          .where('study_id', '=', studyId)
          .executeTakeFirst()
        const result = await fn({
          project: read(row.project),
          key: keyRow === undefined ? emptyKey : (keyRow.key as PseudonymKey),
          review: async (sourceId) => {
            const r = await tx
              .selectFrom('qual_reviews')
              .select('proposals')
              .where('study_id', '=', studyId)
              .where('source_id', '=', sourceId)
              .executeTakeFirst()
            return r === undefined ? null : (r.proposals as Proposal[])
          },
        })
        if (!result.ok) throw result.error
        const edit = result.value
        const checked = validateProject(edit.project)
        if (!checked.ok) throw checked.error
        const revision = row.revision + 1
        await tx
          .updateTable('qual_projects')
          .set({ project: JSON.stringify(checked.value), revision, updated_at: new Date() })
          .where('study_id', '=', studyId)
          .execute()
        if (edit.key !== undefined) {
          await tx
            .insertInto('qual_keys')
            .values({ study_id: studyId, key: JSON.stringify(edit.key) })
            .onConflict((oc) =>
              oc.column('study_id').doUpdateSet({ key: JSON.stringify(edit.key) }),
            )
            .execute()
        }
        for (const [sourceId, proposals] of Object.entries(edit.reviews ?? {})) {
          if (proposals === null) {
            await tx
              .deleteFrom('qual_reviews')
              .where('study_id', '=', studyId)
              .where('source_id', '=', sourceId)
              .execute()
          } else {
            await tx
              .insertInto('qual_reviews')
              .values({
                study_id: studyId,
                source_id: sourceId,
                proposals: JSON.stringify(proposals),
              })
              .onConflict((oc) =>
                oc
                  .columns(['study_id', 'source_id'])
                  .doUpdateSet({ proposals: JSON.stringify(proposals) }),
              )
              .execute()
          }
        }
        for (const entry of edit.audit) {
          await appendAudit(tx, actor, entry)
        }
        return { value: edit.value, project: checked.value, revision }
      })
    },
  }
}
export type QualRepository = ReturnType<typeof qualRepository>
