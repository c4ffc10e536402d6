import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { createRandom } from '../../core/demo/random.js'
import { SpnetError } from '../../core/errors.js'
import { markdownTable, displayNumber } from '../../core/export/markdown-table.js'
import { linkWorkerProtocol } from '../../core/protocol/link-worker-protocol.js'
import {
  formatAgreementCsv,
  formatDisagreementsCsv,
} from '../../core/qual/agreement/format-agreement.js'
import {
  unitAgreement,
  type AgreementFigures,
  type AgreementReport,
} from '../../core/qual/agreement/unit-agreement.js'
import { reviewedOnly } from '../../core/qual/coding/merge-project.js'
import { formatSegmentsCsv } from '../../core/qual/coding/format-segments.js'
import { frameworkMatrix } from '../../core/qual/matrix/framework-matrix.js'
import { formatMatrixCsv, formatMatrixHtml } from '../../core/qual/matrix/format-matrix.js'
import { formatQdc, parseQdc } from '../../core/qual/refi/codebook-qdc.js'
import type { QualProject } from '../../core/qual/project.js'
import { matrixXlsx } from '../../qual-io/matrix-xlsx.js'
import { qdpxBytes, readQdpxBytes } from '../../qual-io/qdpx-file.js'
import { readTranscriptBytes } from '../../qual-io/read-transcript-file.js'
import { ensureBuiltInProtocol } from '../../server/bootstrap.js'
import { liveProject } from '../../server/qual/live-project.js'
import { areaCache } from '../../server/area-cache.js'
import * as ops from '../../server/qual/qual-operations.js'
import {
  findCode,
  findCoders,
  list,
  parseSort,
  parseUnit,
  parseWhere,
} from '../../server/qual/query-options.js'
import { appendAudit } from '../../store/repositories/audit.js'
import type { Store } from '../../store/store.js'
import { parseFlags, usage } from '../args.js'
import { answerHelp, checkOptions, type CommandGroup, type HelpOption } from '../command-group.js'
import type { Io } from '../io.js'
import { emit, writeAtomic } from '../output.js'
import { openCliStore } from '../server/open-cli-store.js'
import { areaSourceFor } from './area.js'

// Agreement, matrices and exports take the same choice of transcripts.
const includeUnreviewed: HelpOption = [
  '--include-unreviewed',
  'also use the transcripts whose names are not reviewed yet, for whoever holds the data',
]

export const qualGroup: CommandGroup = {
  name: 'qual',
  about: `The qualitative analysis of a study, on spnet's database (the same one the
web app uses).`,
  subcommands: [
    {
      name: 'import',
      args: 'FILE|FOLDER...',
      summary: 'transcripts (.txt, .docx, .vtt, .srt), REFI-QDA projects (.qdpx), codebooks (.qdc)',
      about: `Imports transcripts (.txt, .docx, .vtt, .srt; told by their content), a
REFI-QDA project (.qdpx from NVivo, MAXQDA, ATLAS.ti, QualCoder) or codebook
(.qdc), and the files of each FOLDER (not its subfolders). Every file is
checked first: if one cannot be imported, none is. The first import makes a
study when there is none.

A transcript joins the participant its file name names (LW07 interview.docx
→ LW07), or --case LABEL. Names in it are proposed for replacement (its
contacts, --names "A,B", and a name detector); a researcher reviews them
(spnet qual review) before it can be coded.`,
      options: [
        ['--case LABEL', 'attach the transcripts to this participant, not by file name'],
        ['--names A,B', 'more names to replace, besides contacts and detected names'],
      ],
    },
    {
      name: 'review',
      args: '[TRANSCRIPT]',
      summary: 'the proposed replacements of names: accept or reject them, then apply them',
      about: `Without TRANSCRIPT, lists the transcripts whose names await review. With one
(its name or id), records the decisions given and shows each name found, the
placeholder proposed for it and the decision; --apply then makes the accepted
replacements, and the transcript can be coded.`,
      options: [
        ['--accept-all', 'accept every proposal'],
        ['--accept ID,...', 'accept these proposals (their ids are in the table)'],
        ['--reject ID,...', 'reject these proposals: the name stays as written'],
        ['--apply', 'replace the accepted names (once every proposal is decided)'],
      ],
    },
    {
      name: 'status',
      summary: 'transcripts, names awaiting review, codes, coders',
      about: `Counts the study's transcripts, codes, coders, coded segments and memos,
and lists each transcript with its participant, its units, whether its names
are reviewed, and its coded segments.`,
    },
    {
      name: 'agreement',
      summary: 'inter-coder agreement per code and pooled',
      about: `Inter-coder agreement over declared units (sentences or speaker turns), per
code and pooled: % agreement, Cohen's κ, Krippendorff's α and character κ,
each with a 95% bootstrap interval. Cohen's κ and character κ need exactly
two coders.`,
      options: [
        ['--code C', 'one code only, by name, id or path (Parent / Child)'],
        ['--unit sentence|turn', 'the unit of agreement (default sentence)'],
        ['--coders A,B', 'the coders to compare, by name or id (default: all)'],
        ['--format text|csv|json', 'output (default text)'],
        ['--out FILE', 'write to FILE instead of the terminal'],
        ['--disagreements FILE', 'also write the units coders disagree on to FILE (CSV)'],
        ['--seed S', 'random seed of the bootstrap intervals (default 1)'],
        includeUnreviewed,
      ],
    },
    {
      name: 'matrix',
      args: '--by ATTR --out FILE',
      summary: 'the framework matrix, cases grouped by ATTR',
      about: `Writes the framework matrix: a row per case (participant), grouped by case
attributes, and a column per theme. A cell holds the case's segments coded
with the theme or its sub-codes, their number, and the researcher's summary.
Case attributes are the participant's attributes, network measures and IMD
fields.`,
      options: [
        ['--by ATTR,...', 'the case attributes grouping the rows (required)'],
        ['--sort ATTR[:desc],...', 'case attributes that order the rows within a group'],
        [
          '--where COND',
          'only the cases that meet COND (repeatable): imd_quintile=1, size>=20, implementation_model=pcn|vcse, constraint:present',
        ],
        [
          '--themes C,...',
          'the codes that are the columns, by name, id or path; default: the top-level codes',
        ],
        ['--format csv|xlsx|html', "output (default: FILE's extension, or csv)"],
        ['--out FILE', 'the file to write (required)'],
        includeUnreviewed,
      ],
    },
    {
      name: 'export',
      args: '--out FILE',
      summary:
        'the whole project as REFI-QDA (.qdpx), the codebook (.qdc), or the coded segments (CSV)',
      about: `Writes the whole project as REFI-QDA (.qdpx, for NVivo, MAXQDA, ATLAS.ti and
QualCoder), its codebook (.qdc), or the coded segments as CSV, one row each
(--out FILE.zip adds the framework matrix). Each export is in the audit log.`,
      options: [
        ['--format qdpx|qdc|csv', "what to write (default: FILE's extension, or qdpx)"],
        ['--out FILE', 'the file to write (required)'],
        includeUnreviewed,
      ],
    },
  ],
  options: [['--study ID|NAME', 'the study, by id or name, when there is more than one']],
  notes: `Agreement, matrices and exports leave out the transcripts whose names are
not reviewed yet, and say so.`,
}

const flags = {
  help: { type: 'boolean', short: 'h' },
  study: { type: 'string' },
  case: { type: 'string' },
  names: { type: 'string' },
  'accept-all': { type: 'boolean' },
  accept: { type: 'string' },
  reject: { type: 'string' },
  apply: { type: 'boolean' },
  code: { type: 'string' },
  unit: { type: 'string' },
  coders: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  disagreements: { type: 'string' },
  by: { type: 'string' },
  sort: { type: 'string' },
  where: { type: 'string', multiple: true },
  themes: { type: 'string' },
  seed: { type: 'string' },
  'include-unreviewed': { type: 'boolean' },
} as const

type Values = ReturnType<typeof parseFlags<typeof flags>>['values']

export async function qualCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('qual', argv, flags)
  const [verb, ...args] = positionals
  const help = answerHelp(qualGroup, verb, values.help === true, io)
  if (help !== null) return help
  checkOptions(qualGroup, verb!, values)
  if (verb === 'matrix' && values.by === undefined)
    throw usage('spnet qual matrix needs --by ATTR (e.g. --by imd_quintile).')
  if ((verb === 'matrix' || verb === 'export') && values.out === undefined)
    throw usage(`spnet qual ${verb} needs --out FILE.`)
  if (verb === 'import' && args.length === 0)
    throw usage('spnet qual import needs one or more files or folders.')
  const { store } = await openCliStore(io)
  try {
    const studyId = await chooseStudy(store, values.study, verb === 'import')
    switch (verb) {
      case 'import':
        return await importCommand(store, studyId, args, values, io)
      case 'review':
        return await reviewCommand(store, studyId, args[0], values, io)
      case 'status':
        return await statusCommand(store, studyId, io)
      case 'agreement':
        return await agreementCommand(store, studyId, values, io)
      case 'matrix':
        return await matrixCommand(store, studyId, values, io)
      default:
        return await exportCommand(store, studyId, values, io)
    }
  } finally {
    await store.close()
  }
}

const cli = { kind: 'system' } as const

/** The study to work on: --study (id or name), the only one, or a new one for a first import. */
async function chooseStudy(
  store: Store,
  wanted: string | undefined,
  mayCreate: boolean,
): Promise<string> {
  const studies = await store.studies.list()
  if (wanted !== undefined) {
    const hit = studies.filter(
      (s) => s.id === wanted || s.name.toLowerCase() === wanted.trim().toLowerCase(),
    )
    if (hit.length === 1) return hit[0]!.id
    throw new SpnetError('usage', `There is no study "${wanted}".`, {
      issues: [{ message: `Studies: ${studies.map((s) => s.name).join('; ') || '(none)'}.` }],
    })
  }
  if (studies.length === 1) return studies[0]!.id
  if (studies.length === 0) {
    if (!mayCreate)
      throw new SpnetError('not_found', 'There is no study yet.', {
        issues: [
          {
            message:
              'Import transcripts first (spnet qual import FILE...), or start spnet serve and make one.',
          },
        ],
      })
    await ensureBuiltInProtocol(store)
    return (
      await store.studies.create(cli, {
        name: 'Interview study',
        protocolId: linkWorkerProtocol.id,
        protocolVersion: linkWorkerProtocol.version,
      })
    ).id
  }
  throw new SpnetError('usage', `There are ${studies.length} studies: say which with --study.`, {
    issues: [{ message: `Studies: ${studies.map((s) => `"${s.name}"`).join(', ')}.` }],
  })
}

/** Files given, and the files of folders given (bulk import), in name order. */
async function expand(paths: readonly string[], io: Io): Promise<string[]> {
  const out: string[] = []
  for (const p of paths) {
    const full = resolve(io.cwd, p)
    const s = await stat(full).catch(() => null)
    if (s === null)
      throw new SpnetError('not_found', `${p} does not exist.`, {
        issues: [{ message: 'Check the path.' }],
      })
    if (s.isDirectory()) {
      const entries = await readdir(full, { withFileTypes: true })
      const names = entries.filter((e) => !e.name.startsWith('.') && e.isFile()).map((e) => e.name)
      const folders = entries.filter((e) => !e.name.startsWith('.') && e.isDirectory())
      if (folders.length > 0) {
        io.stderr.write(
          `${p}: ${folders.length} subfolder${folders.length === 1 ? '' : 's'} not imported (${folders
            .map((f) => f.name)
            .slice(0, 5)
            .join(
              ', ',
            )}); give ${folders.length === 1 ? 'it' : 'them'} as arguments to import ${folders.length === 1 ? 'it' : 'them'} too.\n`,
        )
      }
      out.push(...names.sort().map((n) => join(full, n)))
    } else out.push(full)
  }
  return out
}

async function importCommand(
  store: Store,
  studyId: string,
  paths: readonly string[],
  values: Values,
  io: Io,
): Promise<number> {
  const files = await expand(paths, io)
  // Every file is read and checked before anything is stored: one bad file and nothing is imported.
  const problems: SpnetError[] = []
  for (const file of files) {
    const bytes = new Uint8Array(await readFile(file))
    const name = basename(file)
    const checked = isRefiPackage(bytes, name)
      ? readQdpxBytes(bytes, name)
      : isQdc(bytes)
        ? parseQdc(new TextDecoder().decode(bytes), name)
        : await readTranscriptBytes(bytes, name)
    if (!checked.ok) problems.push(checked.error)
  }
  if (problems.length === 1) throw problems[0]!
  if (problems.length > 1) {
    throw new SpnetError(
      'validation',
      `${problems.length} of the ${files.length} files cannot be imported, so none was.`,
      {
        issues: problems.flatMap((e) =>
          e.issues.length > 0 ? e.issues : [{ message: e.message }],
        ),
      },
    )
  }
  const progress = files.length > 1 ? io.progress?.('Importing', files.length, 'files') : undefined
  let pending = 0
  for (const [i, file] of files.entries()) {
    const bytes = new Uint8Array(await readFile(file))
    const name = basename(file)
    if (isRefiPackage(bytes, name) || isQdc(bytes)) {
      const r = await ops.importRefi(store, cli, studyId, { fileName: name, bytes })
      io.stdout.write(
        r.kind === 'codebook'
          ? `✔ ${name}: codebook, ${r.codes} new codes\n`
          : `✔ ${name}: REFI-QDA project, ${r.sources} transcripts, ${r.codes} codes, ${r.segments} coded segments, ${r.proposals} name${r.proposals === 1 ? '' : 's'} to review\n`,
      )
      pending += r.toReview
      for (const note of r.notes) io.stdout.write(`  note: ${note}\n`)
    } else {
      const r = await ops.importTranscript(store, cli, studyId, null, {
        fileName: name,
        bytes,
        caseLabel: values.case ?? null,
        names: list(values.names),
      })
      pending += 1
      io.stdout.write(
        `✔ ${name}: transcript${r.caseName === null ? ' (no participant: give --case LABEL to attach it)' : ` of ${r.caseName}`}, ${r.units} units, ${r.proposals.length} name${r.proposals.length === 1 ? '' : 's'} to review\n`,
      )
    }
    progress?.update(i + 1)
  }
  progress?.stop()
  if (pending > 0) {
    io.stdout.write(
      `\n${pending} transcript${pending === 1 ? ' awaits its' : 's await their'} names review. Until reviewed, a transcript cannot be coded and is left out of agreement, matrices and exports: spnet qual review, or Transcripts in the web app.\n`,
    )
  }
  return 0
}

async function reviewCommand(
  store: Store,
  studyId: string,
  which: string | undefined,
  values: Values,
  io: Io,
): Promise<number> {
  const { project } = await liveProject(store, studyId)
  const pending = project.sources.filter((s) => s.pseudonymisation === 'pending')
  if (which === undefined) {
    if (pending.length === 0)
      io.stdout.write('No transcript is waiting for its names to be reviewed.\n')
    for (const s of pending) {
      const proposals = (await store.qual.review(studyId, s.id)) ?? []
      io.stdout.write(
        `${s.name}: ${proposals.filter((p) => p.decision === 'pending').length} of ${proposals.length} proposals undecided (spnet qual review "${s.name}")\n`,
      )
    }
    return 0
  }
  const source = project.sources.find(
    (s) => s.id === which || s.name.toLowerCase() === which.toLowerCase(),
  )
  if (source === undefined)
    throw new SpnetError('not_found', `There is no transcript "${which}".`, {
      issues: [
        { message: `Transcripts: ${project.sources.map((s) => s.name).join(', ') || '(none)'}.` },
      ],
    })
  let proposals = (await store.qual.review(studyId, source.id)) ?? []
  const decisions: Record<string, 'accept' | 'reject'> = {}
  if (values['accept-all'] === true) for (const p of proposals) decisions[p.id] = 'accept'
  for (const id of list(values.accept)) decisions[id] = 'accept'
  for (const id of list(values.reject)) decisions[id] = 'reject'
  if (Object.keys(decisions).length > 0)
    proposals = await ops.decideReplacements(store, cli, studyId, source.id, decisions)
  io.stdout.write(
    markdownTable(
      ['id', 'found', 'replace with', 'kind', 'from', 'decision'],
      proposals.map((p) => [p.id, p.original, p.placeholder, p.kind, p.origin, p.decision]),
    ),
  )
  if (values.apply === true) {
    const r = await ops.applyPseudonymisation(store, cli, studyId, source.id)
    io.stdout.write(
      `\n✔ ${source.name} is pseudonymised (${r.replaced} replacements) and can be coded.\n`,
    )
  }
  return 0
}

async function statusCommand(store: Store, studyId: string, io: Io): Promise<number> {
  const { project, studyName } = await liveProject(store, studyId)
  const caseOf = new Map(
    project.cases.flatMap((c) => c.sourceIds.map((s) => [s as string, c.name])),
  )
  io.stdout.write(
    `Study "${studyName}": ${project.sources.length} transcripts, ${project.codebook.codes.length} codes, ${project.coders.length} coders, ${project.segments.length} coded segments, ${project.memos.length} memos\n\n`,
  )
  if (project.sources.length > 0) {
    io.stdout.write(
      markdownTable(
        ['transcript', 'participant', 'units', 'names', 'segments'],
        project.sources.map((s) => [
          s.name,
          caseOf.get(s.id) ?? '',
          String(s.units.length),
          s.pseudonymisation === 'reviewed' ? 'reviewed' : 'to review',
          String(project.segments.filter((x) => x.sourceId === s.id).length),
        ]),
      ),
    )
  }
  return 0
}

/** The project what leaves spnet is made from: reviewed transcripts unless asked. */
async function outgoing(
  store: Store,
  studyId: string,
  values: Values,
  io: Io,
): Promise<{ project: QualProject; studyName: string }> {
  // Cases carry the study's IMD fields, placed with the reference data `spnet area` keeps.
  const live = await liveProject(store, studyId, areaCache(areaSourceFor(io, store)))
  const pending = live.project.sources.filter((s) => s.pseudonymisation !== 'reviewed')
  if (pending.length > 0 && values['include-unreviewed'] !== true) {
    // Say so, or an unreviewed import reads as a project with nothing in it.
    io.stderr.write(
      `Left out: ${pending.length} of ${live.project.sources.length} transcripts whose names are not reviewed yet (${pending
        .slice(0, 3)
        .map((s) => `“${s.name}”`)
        .join(', ')}${pending.length > 3 ? ', …' : ''}). Review them with spnet qual review.\n`,
    )
  }
  return {
    project: values['include-unreviewed'] === true ? live.project : reviewedOnly(live.project),
    studyName: live.studyName,
  }
}

async function agreementCommand(
  store: Store,
  studyId: string,
  values: Values,
  io: Io,
): Promise<number> {
  const { project } = await outgoing(store, studyId, values, io)
  const report = unitAgreement(project, {
    unitKind: parseUnit(values.unit),
    ...(values.coders === undefined ? {} : { coderIds: findCoders(project, list(values.coders)) }),
    ...(values.code === undefined ? {} : { codeIds: [findCode(project, values.code)] }),
    bootstrap: { random: createRandom(Number(values.seed ?? 1)), replicates: 1000 },
  })
  if (values.disagreements !== undefined)
    await writeAtomic(
      resolve(io.cwd, values.disagreements),
      formatDisagreementsCsv(report, project),
    )
  const format = values.format ?? 'text'
  if (format === 'csv') await emit(formatAgreementCsv(report), values.out, io)
  else if (format === 'json') await emit(JSON.stringify(report, null, 1) + '\n', values.out, io)
  else if (format === 'text') await emit(agreementText(report, project), values.out, io)
  else throw usage(`--format must be text, csv or json, not "${format}".`)
  return 0
}

function agreementText(r: AgreementReport, project: QualProject): string {
  const names = r.coderIds.map((id) => project.coders.find((c) => c.id === id)?.name ?? id)
  const ci = (
    f: AgreementFigures,
    key: 'percentAgreement' | 'cohenKappa' | 'krippendorffAlpha' | 'characterKappa',
  ): string => {
    const v = f[key]
    if (v === null) return '–'
    const c = f.ci?.[key]
    return c === null || c === undefined
      ? displayNumber(v)
      : `${displayNumber(v)} (${displayNumber(c.lower)} to ${displayNumber(c.upper)})`
  }
  const row = (name: string, f: AgreementFigures, d: number): string[] => [
    name,
    String(f.units),
    ci(f, 'percentAgreement'),
    ci(f, 'cohenKappa'),
    ci(f, 'krippendorffAlpha'),
    ci(f, 'characterKappa'),
    String(d),
  ]
  return (
    `Inter-coder agreement over ${r.declaredUnits} ${r.unitKind} units of ${r.sourceIds.length} transcripts, coders: ${names.join(', ') || '(none)'}\n` +
    `(95% bootstrap intervals; Cohen's κ and character κ need exactly two coders)\n\n` +
    markdownTable(
      [
        'code',
        'units',
        '% agreement',
        "Cohen's κ",
        "Krippendorff's α",
        'character κ',
        'disagreements',
      ],
      [
        ...r.perCode.map((c) => row(c.code, c, c.disagreements.length)),
        row(
          '(pooled)',
          r.pooled,
          r.perCode.reduce((n, c) => n + c.disagreements.length, 0),
        ),
      ],
    )
  )
}

async function matrixCommand(
  store: Store,
  studyId: string,
  values: Values,
  io: Io,
): Promise<number> {
  const { project } = await outgoing(store, studyId, values, io)
  const sortBy = parseSort(values.sort)
  // A misspelt attribute would group every case under a blank: refuse it, listing the real ones.
  const known = new Set(project.cases.flatMap((c) => Object.keys(c.attributes)))
  const unknown = [...list(values.by), ...sortBy.map((x) => x.attribute)].filter(
    (a) => !known.has(a),
  )
  if (unknown.length > 0 && project.cases.length > 0) {
    throw usage(
      `No case has the attribute ${unknown.map((a) => `"${a}"`).join(', ')}. Case attributes: ${[...known].sort().join(', ') || '(none)'}.`,
    )
  }
  const matrix = frameworkMatrix(project, {
    ...(values.themes === undefined
      ? {}
      : { themeIds: list(values.themes).map((t) => findCode(project, t)) }),
    groupBy: list(values.by),
    sortBy,
    where: parseWhere(values.where ?? []),
  })
  const ext = /\.(xlsx|html|htm|csv)$/i.exec(values.out!)?.[1]?.toLowerCase()
  const format = values.format ?? (ext === 'htm' ? 'html' : (ext ?? 'csv'))
  const out = resolve(io.cwd, values.out!)
  if (format === 'csv') await writeAtomic(out, formatMatrixCsv(matrix))
  else if (format === 'html') await writeAtomic(out, formatMatrixHtml(matrix))
  else if (format === 'xlsx') await writeAtomic(out, await matrixXlsx(matrix))
  else throw usage(`--format must be csv, xlsx or html, not "${format}".`)
  io.stdout.write(
    `Wrote the framework matrix (${matrix.rows.length} cases × ${matrix.themes.length} themes, by ${matrix.groupBy.join(', ')}) to ${values.out!}.\n`,
  )
  return 0
}

async function exportCommand(
  store: Store,
  studyId: string,
  values: Values,
  io: Io,
): Promise<number> {
  const format =
    values.format ?? /\.(qdpx|qdc|csv)$/i.exec(values.out!)?.[1]?.toLowerCase() ?? 'qdpx'
  const { project } = await outgoing(store, studyId, values, io)
  const out = resolve(io.cwd, values.out!)
  if (format === 'qdpx') {
    const bytes = qdpxBytes(project, {
      now: ops.nowIso(),
      origin: 'spnet',
      includeUnreviewed: values['include-unreviewed'] === true,
    })
    if (!bytes.ok) throw bytes.error
    await writeAtomic(out, bytes.value)
  } else if (format === 'qdc') {
    await writeAtomic(out, formatQdc(project.codebook, { origin: 'spnet' }))
  } else if (format === 'csv') {
    // FILE.csv: the coded segments, one row each. FILE.zip: those and the framework matrix.
    if (/\.zip$/i.test(out)) {
      const stem = basename(out).replace(/\.zip$/i, '')
      await writeAtomic(
        out,
        zipSync({
          [`${stem}-segments.csv`]: strToU8(formatSegmentsCsv(project)),
          [`${stem}-framework-matrix.csv`]: strToU8(formatMatrixCsv(frameworkMatrix(project))),
        }),
      )
    } else await writeAtomic(out, formatSegmentsCsv(project))
  } else throw usage(`--format must be qdpx, qdc or csv, not "${format}".`)
  await appendAudit(store.kysely, cli, {
    action: 'export',
    entity: 'qual_project',
    entityId: studyId,
    after: { format, file: out, sources: project.sources.length },
  })
  io.stdout.write(
    `Wrote ${values.out!}: ${project.sources.length} transcripts, ${project.codebook.codes.length} codes, ${project.segments.length} coded segments.\n`,
  )
  return 0
}

/** A .qdpx: a zip named so (a .docx is a zip too). */
function isRefiPackage(bytes: Uint8Array, name: string): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && /\.qdpx$/i.test(name)
}

/** A REFI-QDA codebook: XML whose root is CodeBook. */
function isQdc(bytes: Uint8Array): boolean {
  return /^\s*(?:<\?xml[^>]*\?>\s*)?<CodeBook\b/.test(
    new TextDecoder().decode(bytes.subarray(0, 400)).replace(/^\uFEFF/, ''),
  )
}
