import { formatCsv } from '../matrix/format-matrix.js'
import type { QualProject } from '../project.js'
import { codePointIndex } from '../text/code-points.js'
import type { AgreementFigures, AgreementReport } from './unit-agreement.js'

const columns = [
  'code',
  'units',
  'prevalence',
  'percent_agreement',
  'percent_agreement_lower',
  'percent_agreement_upper',
  'cohen_kappa',
  'cohen_kappa_lower',
  'cohen_kappa_upper',
  'krippendorff_alpha',
  'krippendorff_alpha_lower',
  'krippendorff_alpha_upper',
  'character_kappa',
  'character_kappa_lower',
  'character_kappa_upper',
  'disagreements',
]

function row(
  code: string,
  f: AgreementFigures,
  disagreements: number | null,
): (string | number | null)[] {
  return [
    code,
    f.units,
    f.prevalence,
    f.percentAgreement,
    f.ci?.percentAgreement?.lower ?? null,
    f.ci?.percentAgreement?.upper ?? null,
    f.cohenKappa,
    f.ci?.cohenKappa?.lower ?? null,
    f.ci?.cohenKappa?.upper ?? null,
    f.krippendorffAlpha,
    f.ci?.krippendorffAlpha?.lower ?? null,
    f.ci?.krippendorffAlpha?.upper ?? null,
    f.characterKappa,
    f.ci?.characterKappa?.lower ?? null,
    f.ci?.characterKappa?.upper ?? null,
    disagreements,
  ]
}

/** One row per code, then a "(pooled)" row; empty cells where a figure is undefined. */
export function formatAgreementCsv(report: AgreementReport): string {
  const rows = [columns, ...report.perCode.map((c) => row(c.code, c, c.disagreements.length))]
  const total = report.perCode.reduce((n, c) => n + c.disagreements.length, 0)
  rows.push(row('(pooled)', report.pooled, total))
  return formatCsv(rows)
}

/** The disagreeing units, one row per unit and code, with each coder's decision and the unit's text. */
export function formatDisagreementsCsv(report: AgreementReport, project: QualProject): string {
  const coder = new Map(project.coders.map((c) => [c.id as string, c.name]))
  const sources = new Map(
    project.sources.map((s) => [s.id as string, { name: s.name, index: codePointIndex(s.text) }]),
  )
  const rows: (string | number | null)[][] = [
    [
      'code',
      'source',
      'unit',
      'start',
      'end',
      ...report.coderIds.map((c) => coder.get(c) ?? c),
      'text',
    ],
  ]
  for (const c of report.perCode) {
    for (const d of c.disagreements) {
      const s = sources.get(d.sourceId)
      const text = s === undefined ? '' : s.index.slice(d.start, d.end)
      rows.push([
        c.code,
        s?.name ?? d.sourceId,
        d.unitId,
        d.start,
        d.end,
        ...d.values.map((v) => (v === null ? null : v)),
        text,
      ])
    }
  }
  return formatCsv(rows)
}
