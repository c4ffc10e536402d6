import { Hono, type Context } from 'hono'
import { strToU8, zipSync } from 'fflate'
import {
  codeSegmentSchema,
  createCodeSchema,
  createMemoSchema,
  importProjectSchema,
  importTranscriptSchema,
  reviewDecisionsSchema,
  summarySchema,
  updateCodeSchema,
  updateMemoSchema,
  updateSegmentSchema,
  type QualWorkspace,
  type Review,
} from '../../core/api/qual-api.js'
import { SpnetError } from '../../core/errors.js'
import { createRandom } from '../../core/demo/random.js'
import { unitAgreement } from '../../core/qual/agreement/unit-agreement.js'
import {
  formatAgreementCsv,
  formatDisagreementsCsv,
} from '../../core/qual/agreement/format-agreement.js'
import { reviewedOnly } from '../../core/qual/coding/merge-project.js'
import { retrieveSegments } from '../../core/qual/coding/retrieve-segments.js'
import { formatSegmentsCsv } from '../../core/qual/coding/format-segments.js'
import { codeCooccurrence } from '../../core/qual/matrix/code-cooccurrence.js'
import { frameworkMatrix } from '../../core/qual/matrix/framework-matrix.js'
import {
  formatCooccurrenceCsv,
  formatCooccurrenceHtml,
  formatMatrixCsv,
  formatMatrixHtml,
} from '../../core/qual/matrix/format-matrix.js'
import { formatQdc } from '../../core/qual/refi/codebook-qdc.js'
import type { AlterId } from '../../core/network/ids.js'
import type { CaseId } from '../../core/qual/ids.js'
import type { QualProject } from '../../core/qual/project.js'
import { cooccurrenceXlsx, matrixXlsx } from '../../qual-io/matrix-xlsx.js'
import { qdpxBytes } from '../../qual-io/qdpx-file.js'
import { appendAudit } from '../../store/repositories/audit.js'
import { requirePermission } from '../auth.js'
import type { AppEnv, AppOptions } from '../context.js'
import { HttpError } from '../error-handler.js'
import { liveProject } from '../qual/live-project.js'
import * as ops from '../qual/qual-operations.js'
import {
  findCode,
  findCoders,
  list,
  parseSort,
  parseUnit,
  parseWhere,
} from '../qual/query-options.js'
import { readBody } from '../read-body.js'

/**
 * A study's qualitative analysis: transcripts and their pseudonymisation,
 * the codebook, coding, memos, framework matrices, co-occurrence,
 * inter-coder agreement and REFI-QDA exchange. Reads show cases with their
 * current network measures and deprivation. What leaves spnet (matrices,
 * segment lists, exports) holds pseudonymised transcripts only, unless an
 * admin asks for everything (`all=1`).
 */
export function qualRoutes(options: AppOptions) {
  const { store } = options
  const app = new Hono<AppEnv>()
  const actor = (c: Context<AppEnv>) => ({ kind: 'user', id: c.get('user')!.id }) as const
  const coder = (c: Context<AppEnv>) => ({ id: c.get('user')!.id, name: c.get('user')!.name })
  const study = (c: Context<AppEnv>): string => {
    const id = c.req.param('id') ?? ''
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
      throw new SpnetError('not_found', 'There is no such study.')
    return id.toLowerCase()
  }
  /** The project as it may be shown or exported: reviewed transcripts only, unless an admin asks. */
  const outgoing = async (
    c: Context<AppEnv>,
  ): Promise<{ project: QualProject; studyName: string; all: boolean }> => {
    const all = c.req.query('all') === '1'
    if (all && c.get('user')!.role !== 'admin')
      throw new HttpError(
        403,
        'Only an admin can include transcripts whose names have not been reviewed.',
        'forbidden',
      )
    const live = await liveProject(store, study(c), options.areas)
    return {
      project: all ? live.project : reviewedOnly(live.project),
      studyName: live.studyName,
      all,
    }
  }
  const decode = (base64: string): Uint8Array => new Uint8Array(Buffer.from(base64, 'base64'))

  app.get('/', requirePermission('qual:read'), async (c) => {
    const id = study(c)
    const live = await liveProject(store, id, options.areas)
    const pendingReview: Record<string, number> = {}
    for (const s of live.project.sources) {
      if (s.pseudonymisation !== 'pending') continue
      const proposals = (await store.qual.review(id, s.id)) ?? []
      pendingReview[s.id] = proposals.filter((p) => p.decision === 'pending').length
    }
    // Viewers read; transcripts not yet reviewed are shown only to those who review them.
    const user = c.get('user')!
    const project = user.role === 'viewer' ? reviewedOnly(live.project) : live.project
    return c.json({
      project,
      revision: live.revision,
      coderId: user.role === 'viewer' ? null : user.id,
      pendingReview,
    } satisfies QualWorkspace)
  })

  app.post('/sources', requirePermission('qual:code'), async (c) => {
    const body = await readBody(c, importTranscriptSchema)
    const result = await ops.importTranscript(store, actor(c), study(c), coder(c), {
      fileName: body.fileName,
      bytes: decode(body.contentBase64),
      caseLabel: body.caseLabel ?? null,
      names: body.names ?? [],
    })
    return c.json(result, 201)
  })

  app.get('/sources/:sourceId/review', requirePermission('qual:code'), async (c) => {
    const id = study(c)
    const sourceId = c.req.param('sourceId')
    const live = await store.qual.get(id, '')
    const source = live.project.sources.find((s) => s.id === sourceId)
    if (source === undefined) throw new SpnetError('not_found', 'There is no such transcript.')
    return c.json({
      sourceId,
      text: source.text,
      proposals: (await store.qual.review(id, sourceId)) ?? [],
    } satisfies Review)
  })

  app.post('/sources/:sourceId/review', requirePermission('qual:code'), async (c) => {
    const body = await readBody(c, reviewDecisionsSchema)
    return c.json(
      await ops.decideReplacements(
        store,
        actor(c),
        study(c),
        c.req.param('sourceId'),
        body.decisions,
      ),
    )
  })

  app.post('/sources/:sourceId/pseudonymise', requirePermission('qual:code'), async (c) => {
    return c.json(
      await ops.applyPseudonymisation(store, actor(c), study(c), c.req.param('sourceId')),
    )
  })

  app.get('/key', requirePermission('qual:key'), async (c) => {
    const id = study(c)
    await appendAudit(store.kysely, actor(c), {
      action: 'read key',
      entity: 'qual_key',
      entityId: id,
    })
    return c.json(await store.qual.key(id))
  })

  app.post('/codes', requirePermission('qual:code'), async (c) => {
    const body = await readBody(c, createCodeSchema)
    const defined = Object.fromEntries(
      Object.entries(body).filter(([, v]) => v !== undefined),
    ) as typeof body
    return c.json(
      await ops.createCode(store, actor(c), study(c), coder(c), {
        ...(defined as Omit<typeof body, 'parentId'>),
        parentId: body.parentId ?? null,
      } as Parameters<typeof ops.createCode>[4]),
      201,
    )
  })

  app.patch('/codes/:codeId', requirePermission('qual:code'), async (c) => {
    const body = await readBody(c, updateCodeSchema)
    const change = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined))
    return c.json(await ops.changeCode(store, actor(c), study(c), c.req.param('codeId'), change))
  })

  app.delete('/codes/:codeId', requirePermission('qual:code'), async (c) => {
    await ops.removeCode(
      store,
      actor(c),
      study(c),
      c.req.param('codeId'),
      c.req.query('uncode') === '1',
    )
    return c.json({ ok: true })
  })

  app.post('/codebook/starter', requirePermission('qual:code'), async (c) => {
    return c.json({ added: await ops.addStarterCodebook(store, actor(c), study(c)) })
  })

  app.post('/segments', requirePermission('qual:code'), async (c) => {
    const body = await readBody(c, codeSegmentSchema)
    return c.json(await ops.createSegment(store, actor(c), study(c), coder(c), body), 201)
  })

  app.patch('/segments/:segmentId', requirePermission('qual:code'), async (c) => {
    const body = await readBody(c, updateSegmentSchema)
    return c.json(
      await ops.changeSegment(store, actor(c), study(c), coder(c), c.req.param('segmentId'), body),
    )
  })

  app.delete('/segments/:segmentId', requirePermission('qual:code'), async (c) => {
    await ops.removeSegment(store, actor(c), study(c), coder(c), c.req.param('segmentId'))
    return c.json({ ok: true })
  })

  app.post('/memos', requirePermission('qual:code'), async (c) => {
    const body = await readBody(c, createMemoSchema)
    return c.json(await ops.createMemo(store, actor(c), study(c), coder(c), body), 201)
  })

  app.patch('/memos/:memoId', requirePermission('qual:code'), async (c) => {
    const body = await readBody(c, updateMemoSchema)
    return c.json(await ops.changeMemo(store, actor(c), study(c), c.req.param('memoId'), body))
  })

  app.delete('/memos/:memoId', requirePermission('qual:code'), async (c) => {
    await ops.removeMemo(store, actor(c), study(c), c.req.param('memoId'))
    return c.json({ ok: true })
  })

  app.put('/summaries', requirePermission('qual:code'), async (c) => {
    const body = await readBody(c, summarySchema)
    await ops.writeSummary(store, actor(c), study(c), coder(c), body)
    return c.json({ ok: true })
  })

  /** Segments for a code (with its sub-codes), filtered by coder, case, alter and case attributes. */
  app.get('/segments', requirePermission('qual:read'), async (c) => {
    const { project } = await outgoing(c)
    const q = c.req.query()
    const query = {
      ...(q['code'] === undefined || q['code'] === ''
        ? {}
        : { codeId: findCode(project, q['code']) }),
      ...(q['coder'] === undefined ? {} : { coderIds: findCoders(project, list(q['coder'])) }),
      ...(q['case'] === undefined ? {} : { caseIds: list(q['case']) as CaseId[] }),
      ...(q['alter'] === undefined ? {} : { alterId: q['alter'] as AlterId }),
      where: parseWhere(c.req.queries('where') ?? []),
    }
    if (q['format'] === 'csv') {
      c.header('Content-Disposition', 'attachment; filename="segments.csv"')
      return c.body(formatSegmentsCsv(project, query), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
      })
    }
    return c.json(
      retrieveSegments(project, query).map((r) => ({
        segment: r.segment,
        text: r.text,
        sourceName: r.source.name,
        caseId: r.case?.id ?? null,
        caseName: r.case?.name ?? null,
      })),
    )
  })

  app.get('/agreement', requirePermission('qual:read'), async (c) => {
    const { project } = await outgoing(c)
    const q = c.req.query()
    const report = unitAgreement(project, {
      unitKind: parseUnit(q['unit']),
      ...(q['coders'] === undefined ? {} : { coderIds: findCoders(project, list(q['coders'])) }),
      ...(q['code'] === undefined || q['code'] === ''
        ? {}
        : { codeIds: [findCode(project, q['code'])] }),
      ...(q['speakers'] === undefined ? {} : { speakers: list(q['speakers']) }),
      bootstrap: {
        random: createRandom(Number(q['seed'] ?? 1)),
        replicates: Math.min(Number(q['replicates'] ?? 1000) || 1000, 10000),
      },
    })
    if (q['format'] === 'csv') {
      c.header('Content-Disposition', 'attachment; filename="agreement.csv"')
      return c.body(formatAgreementCsv(report), 200, { 'Content-Type': 'text/csv; charset=utf-8' })
    }
    if (q['format'] === 'disagreements') {
      c.header('Content-Disposition', 'attachment; filename="disagreements.csv"')
      return c.body(formatDisagreementsCsv(report, project), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
      })
    }
    return c.json(report)
  })

  app.get('/matrix', requirePermission('qual:read'), async (c) => {
    const { project } = await outgoing(c)
    const q = c.req.query()
    const matrix = frameworkMatrix(project, {
      ...(q['themes'] === undefined
        ? {}
        : { themeIds: list(q['themes']).map((t) => findCode(project, t)) }),
      ...(q['coder'] === undefined ? {} : { coderIds: findCoders(project, list(q['coder'])) }),
      groupBy: list(q['by']),
      sortBy: parseSort(q['sort']),
      where: parseWhere(c.req.queries('where') ?? []),
    })
    return send(c, q['format'], 'framework-matrix', {
      json: () => c.json(matrix),
      csv: () => formatMatrixCsv(matrix),
      html: () => formatMatrixHtml(matrix),
      xlsx: () => matrixXlsx(matrix),
    })
  })

  app.get('/cooccurrence', requirePermission('qual:read'), async (c) => {
    const { project } = await outgoing(c)
    const q = c.req.query()
    const result = codeCooccurrence(project, {
      unitKind: parseUnit(q['unit']),
      ...(q['coder'] === undefined ? {} : { coderIds: findCoders(project, list(q['coder'])) }),
      where: parseWhere(c.req.queries('where') ?? []),
    })
    return send(c, q['format'], 'code-cooccurrence', {
      json: () => c.json(result),
      csv: () => formatCooccurrenceCsv(result),
      html: () => formatCooccurrenceHtml(result),
      xlsx: () => cooccurrenceXlsx(result),
    })
  })

  app.get('/export', requirePermission('qual:export'), async (c) => {
    const format = c.req.query('format') ?? 'qdpx'
    const { project, studyName, all } = await outgoing(c)
    const base =
      studyName
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'spnet-study'
    await appendAudit(store.kysely, actor(c), {
      action: 'export',
      entity: 'qual_project',
      entityId: study(c),
      after: { format, includeUnreviewed: all, sources: project.sources.length },
    })
    c.header('Cache-Control', 'no-store')
    if (format === 'qdc') {
      c.header('Content-Disposition', `attachment; filename="${base}.qdc"`)
      return c.body(formatQdc(project.codebook, { origin: 'spnet' }), 200, {
        'Content-Type': 'application/xml; charset=utf-8',
      })
    }
    if (format === 'csv') {
      const zip = zipSync({
        [`${base}-segments.csv`]: strToU8(formatSegmentsCsv(project)),
        [`${base}-framework-matrix.csv`]: strToU8(formatMatrixCsv(frameworkMatrix(project))),
      })
      c.header('Content-Disposition', `attachment; filename="${base}-qualitative.zip"`)
      return c.body(zip.slice().buffer, 200, { 'Content-Type': 'application/zip' })
    }
    if (format !== 'qdpx')
      throw new SpnetError('usage', `"${format}" is not an export format.`, {
        issues: [{ path: 'format', message: 'Choose qdpx, qdc or csv.' }],
      })
    const bytes = qdpxBytes(project, { now: ops.nowIso(), origin: 'spnet', includeUnreviewed: all })
    if (!bytes.ok) throw bytes.error
    c.header('Content-Disposition', `attachment; filename="${base}.qdpx"`)
    return c.body(bytes.value.slice().buffer, 200, { 'Content-Type': 'application/zip' })
  })

  app.post('/import', requirePermission('qual:code'), async (c) => {
    const body = await readBody(c, importProjectSchema)
    return c.json(
      await ops.importRefi(store, actor(c), study(c), {
        fileName: body.fileName,
        bytes: decode(body.contentBase64),
      }),
      201,
    )
  })

  return app
}

/** Sends a result as JSON, CSV, self-contained HTML or XLSX, as asked. */
async function send(
  c: Context<AppEnv>,
  format: string | undefined,
  base: string,
  as: {
    json: () => Response
    csv: () => string
    html: () => string
    xlsx: () => Promise<Uint8Array>
  },
): Promise<Response> {
  switch (format ?? 'json') {
    case 'json':
      return as.json()
    case 'csv':
      c.header('Content-Disposition', `attachment; filename="${base}.csv"`)
      return c.body(as.csv(), 200, { 'Content-Type': 'text/csv; charset=utf-8' })
    case 'html':
      return c.body(as.html(), 200, { 'Content-Type': 'text/html; charset=utf-8' })
    case 'xlsx':
      c.header('Content-Disposition', `attachment; filename="${base}.xlsx"`)
      return c.body((await as.xlsx()).slice().buffer, 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      })
    default:
      throw new SpnetError('usage', `"${format ?? ''}" is not a format here.`, {
        issues: [{ path: 'format', message: 'Choose json, csv, html or xlsx.' }],
      })
  }
}
