import { Hono, type Context } from 'hono'
import { strToU8, zipSync } from 'fflate'
import type { MeasureTableJson } from '../../core/api/api.js'
import { SpnetError } from '../../core/errors.js'
import { compareGroups } from '../../core/compare/compare-groups.js'
import { formatGraphml } from '../../core/export/format-graphml.js'
import { formatThreeFiles } from '../../core/export/format-three-files.js'
import { formatStudyJson } from '../../core/import/study-json.js'
import {
  computeMeasures,
  measureContext,
  type MeasureOptions,
} from '../../core/measures/compute-measures.js'
import { appendAudit } from '../../store/repositories/audit.js'
import { requirePermission } from '../auth.js'
import { collectedStudy } from '../collected-study.js'
import type { AppEnv, AppOptions } from '../context.js'
import { HttpError } from '../error-handler.js'

/**
 * The analysis engine on the collected data: per-ego measures, group
 * comparisons, and exports in the three-file layout (zip), spnet JSON and
 * GraphML. Contacts' names stay out of exports unless an admin asks for
 * them; every export is written to the audit log.
 */
export function analysisRoutes(options: AppOptions) {
  const { store } = options
  const app = new Hono<AppEnv>()

  const measured = async (c: Context<AppEnv>) => {
    const { study } = await collectedStudy(store, studyId(c), {
      includeUnsent: c.req.query('include') === 'all',
      areas: options.areas,
    })
    // The web app offers no choice of attribute or bridge, so the notes advise none; the
    // API's own attr, egoAttr and bridge parameters are named by its errors.
    const context = measureContext(study, measureOptions(c), { flags: false })
    if (!context.ok) throw context.error
    return {
      study,
      table: computeMeasures(study, context.value.context),
      notes: context.value.notes,
    }
  }

  app.get('/studies/:id/measures', requirePermission('analysis:read'), async (c) => {
    const { table, notes } = await measured(c)
    return c.json({
      columns: table.columns,
      egoIds: table.egoIds,
      rows: table.rows,
      notes,
    } satisfies MeasureTableJson)
  })

  app.get('/studies/:id/compare', requirePermission('analysis:read'), async (c) => {
    const by = c.req.query('by')
    if (by === undefined || by === '') {
      throw new SpnetError('usage', 'Say which participant attribute to compare by.', {
        issues: [{ path: 'by', message: 'Choose an attribute such as imd_quintile.' }],
      })
    }
    const { study, table } = await measured(c)
    if (study.networks.length === 0) {
      throw new SpnetError(
        'validation',
        'No interviews have been sent yet, so there is nothing to compare.',
      )
    }
    const pair = c.req.query('pair')?.split(',')
    const measures = c.req
      .query('measures')
      ?.split(',')
      .filter((m) => m !== '')
    const attribute = c.req.query('attr')
    const result = compareGroups(study, table, {
      by,
      ...(pair?.length === 2 ? { pair: [pair[0]!, pair[1]!] as const } : {}),
      ...(measures === undefined || measures.length === 0 ? {} : { measures }),
      ...(attribute === undefined || attribute === '' ? {} : { attribute }),
    })
    if (!result.ok) throw result.error
    return c.json(result.value)
  })

  app.get('/studies/:id/export', requirePermission('data:export'), async (c) => {
    const format = c.req.query('format') ?? 'csv'
    if (format !== 'csv' && format !== 'json' && format !== 'graphml') {
      throw new SpnetError('usage', `"${format}" is not an export format.`, {
        issues: [{ path: 'format', message: 'Choose csv, json or graphml.' }],
      })
    }
    const user = c.get('user')!
    const includeNames = c.req.query('names') === '1'
    if (includeNames && user.role !== 'admin') {
      throw new HttpError(403, 'Only an admin can export contacts’ names.', 'forbidden')
    }
    const includeUnsent = c.req.query('include') === 'all'
    const id = studyId(c)
    const { study, name } = await collectedStudy(store, id, {
      includeUnsent,
      includeNames,
      areas: options.areas,
    })
    await appendAudit(
      store.kysely,
      { kind: 'user', id: user.id },
      {
        action: 'export',
        entity: 'study',
        entityId: id,
        after: { format, includeNames, includeUnsent, egos: study.networks.length },
      },
    )
    const base = fileBase(name)
    c.header('Cache-Control', 'no-store')
    if (format === 'json') {
      c.header('Content-Disposition', `attachment; filename="${base}.json"`)
      return c.body(formatStudyJson(study), 200, {
        'Content-Type': 'application/json; charset=utf-8',
      })
    }
    if (format === 'graphml') {
      c.header('Content-Disposition', `attachment; filename="${base}.graphml"`)
      return c.body(formatGraphml(study), 200, {
        'Content-Type': 'application/graphml+xml; charset=utf-8',
      })
    }
    const files = formatThreeFiles(study)
    const zip = zipSync({
      [`${base}/egos.csv`]: strToU8(files.egos),
      [`${base}/alters.csv`]: strToU8(files.alters),
      [`${base}/ties.csv`]: strToU8(files.ties),
      [`${base}/codebook.json`]: strToU8(JSON.stringify(study.codebook, null, 2) + '\n'),
      [`${base}/README.txt`]: strToU8(readme(study.generators)),
    })
    c.header('Content-Disposition', `attachment; filename="${base}.zip"`)
    return c.body(zip.slice().buffer, 200, { 'Content-Type': 'application/zip' })
  })

  return app
}

function studyId(c: Context<AppEnv>): string {
  const id = c.req.param('id') ?? ''
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    throw new SpnetError('not_found', 'There is no such study.')
  }
  return id.toLowerCase()
}

/** ?attr=org_type&egoAttr=sector&bridge=primary_care:vcse,local_authority, as the CLI's flags. */
function measureOptions(c: Context<AppEnv>): MeasureOptions {
  const attr = c.req.query('attr')
  const egoAttr = c.req.query('egoAttr')
  const bridge = c.req.query('bridge')
  let sides: MeasureOptions['bridge']
  if (bridge !== undefined && bridge !== '') {
    const [a, b, ...rest] = bridge.split(':').map((s) => s.split(',').filter((x) => x !== ''))
    if (a === undefined || b === undefined || a.length === 0 || b.length === 0 || rest.length > 0) {
      throw new SpnetError(
        'usage',
        'bridge must be two lists of categories separated by a colon.',
        {
          issues: [{ path: 'bridge', message: 'For example primary_care:vcse,local_authority.' }],
        },
      )
    }
    sides = { a, b }
  }
  return {
    ...(attr === undefined || attr === '' ? {} : { attributes: attr.split(',') }),
    ...(egoAttr === undefined || egoAttr === '' ? {} : { egoAttribute: egoAttr }),
    ...(sides === undefined ? {} : { bridge: sides }),
  }
}

function fileBase(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
  return slug === '' ? 'spnet-study' : slug
}

function readme(generators: readonly string[]): string {
  return `This folder is an spnet study in the three-file layout (egor's threefiles_to_egor).

egos.csv     one row per link worker (ego_id is the participant's label)
alters.csv   one row per contact; a 0/1 column per question that named it
ties.csv     every pair of contacts with its answer: yes, no, dont_know, or
             not_asked (pairs the interview did not ask about)
codebook.json  the type and categories of every column

"No" and "don't know" are kept as they were answered. Analyse it with:

  spnet measures . --generators ${generators.join(',')}
`
}
