import { SpnetError } from '../errors.js'
import {
  defaultAlterAttribute,
  defaultBridge,
  defaultEgoAttribute,
  defaultEgoGroup,
} from '../network/conventions.js'
import type { Study } from '../network/ego-network.js'
import { egoId, type EgoId } from '../network/ids.js'
import { columnValue, studyColumns, type StudyColumns } from '../network/study-columns.js'
import { err, ok, type Result } from '../result.js'
import { categoryOf, columnCoding, valueLevels, type CategoryCoding } from './alter-categories.js'
import { closedPairCounts } from './closed-pair-counts.js'
import { constraintContributions } from './constraint.js'
import { egoGraphOf } from './ego-graph.js'
import type {
  AttributeLevels,
  EgoFacts,
  MeasureContext,
  MeasureSpec,
  MeasureValue,
} from './measure-spec.js'
import { measureRegistry } from './registry.js'

/** What a user chooses for `spnet measures` (all optional). */
export type MeasureOptions = {
  /** Alter attributes for composition; default `org_type` when alters have it. */
  readonly attributes?: readonly string[] | undefined
  /** Ego attribute giving x_ego; default `sector`, else every ego is "link_worker". */
  readonly egoAttribute?: string | undefined
  /** Bridge group sets; default primary_care : vcse, local_authority. */
  readonly bridge?: { readonly a: readonly string[]; readonly b: readonly string[] } | undefined
}

export type MeasureTable = {
  /** Output columns, `ego_id` first. */
  readonly columns: readonly string[]
  readonly egoIds: readonly EgoId[]
  /** One row per ego, in input order, aligned with `columns.slice(1)`. */
  readonly rows: readonly (readonly MeasureValue[])[]
}

/** The categories of an alter attribute: declared ones, else those present, sorted. */
export function attributeLevels(study: Study | StudyColumns, attr: string): readonly string[] {
  const declared = study.codebook.alter[attr]
  if (declared?.type === 'categorical') return declared.levels
  const seen = new Set<string>()
  if ('networks' in study) {
    for (const net of study.networks) {
      for (const alter of net.alters) {
        const c = categoryOf(alter.attributes[attr])
        if (c !== null) seen.add(c)
      }
    }
  } else {
    // Every value of a column is some alter's.
    for (const value of study.alterAttributes.find((a) => a.name === attr)?.values ?? []) {
      const c = categoryOf(value)
      if (c !== null) seen.add(c)
    }
  }
  const levels = [...seen]
  return declared?.type === 'numeric'
    ? levels.sort((x, y) => Number(x) - Number(y))
    : levels.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))
}

/**
 * Checks the user's choices against the study and fixes the measure context.
 * Returns notes for choices made on the user's behalf. The notes advise the
 * CLI's flags (--attr, --ego-attr, --bridge) for choosing otherwise, and
 * errors name them, unless `flags` is false: the web app offers no such
 * choice (its notes advise none), and errors then name the web API's query
 * parameters (attr, egoAttr, bridge).
 */
export function measureContext(
  study: Study | StudyColumns,
  options: MeasureOptions = {},
  { flags = true }: { readonly flags?: boolean } = {},
): Result<{ readonly context: MeasureContext; readonly notes: readonly string[] }> {
  const notes: string[] = []
  const advice = (text: string) => (flags ? ` ${text}` : '')
  // Errors name the choice as the caller made it: a CLI flag, or the web API's query parameter.
  const option = (flag: string, param: string) =>
    flags ? { name: flag, at: {} } : { name: param, at: { path: param } }
  const attrOption = option('--attr', 'attr')
  const egoOption = option('--ego-attr', 'egoAttr')
  const bridgeOption = option('--bridge', 'bridge')
  // `frequency` in the codebook describes Alter.frequency, not an attribute.
  const alterAttrs = Object.keys(study.codebook.alter).filter((name) => name !== 'frequency')
  const listed = alterAttrs.length > 0 ? alterAttrs.join(', ') : '(none)'
  let names: readonly string[]
  if (options.attributes === undefined) {
    names = alterAttrs.includes(defaultAlterAttribute) ? [defaultAlterAttribute] : []
    if (names.length === 0) {
      notes.push(
        `Alters have no "${defaultAlterAttribute}" attribute, so the composition and E-I columns are left out, and the brokerage roles and bridging_pairs are NA.${advice(`Choose an alter attribute with --attr (alters have: ${listed}).`)}`,
      )
    }
  } else {
    const unknown = options.attributes.filter((a) => !alterAttrs.includes(a))
    if (unknown.length > 0) {
      return err(
        new SpnetError(
          'usage',
          `Alters have no attribute ${unknown.map((a) => `"${a}"`).join(', ')}.`,
          {
            issues: [
              {
                ...attrOption.at,
                message: `${attrOption.name} must name alter attributes. Alters have: ${listed}.`,
              },
            ],
          },
        ),
      )
    }
    names = [...new Set(options.attributes)]
  }
  const attributes: AttributeLevels[] = names.map((name) => ({
    name,
    levels: attributeLevels(study, name),
  }))
  for (const a of attributes) {
    if (a.levels.length > 30) {
      notes.push(
        `"${a.name}" has ${a.levels.length} categories, so it adds ${a.levels.length} prop_ columns.`,
      )
    }
  }

  const egoAttrs = Object.keys(study.codebook.ego)
  const egoAttribute = options.egoAttribute ?? defaultEgoAttribute
  let egoDefault: string | null = null
  if (!egoAttrs.includes(egoAttribute)) {
    if (options.egoAttribute !== undefined) {
      return err(
        new SpnetError('usage', `Egos have no attribute "${egoAttribute}".`, {
          issues: [
            {
              ...egoOption.at,
              message: `${egoOption.name} must name an ego attribute. Egos have: ${egoAttrs.join(', ') || '(none)'}.`,
            },
          ],
        }),
      )
    }
    egoDefault = defaultEgoGroup
    if (attributes.length > 0) {
      notes.push(
        `Egos have no "${defaultEgoAttribute}" attribute, so every ego's group is "${defaultEgoGroup}" for ego_ei and brokerage.${advice('Choose one with --ego-attr.')}`,
      )
    }
  }

  const bridge: MeasureContext['bridge'] = options.bridge ?? defaultBridge
  const firstLevels = attributes[0]?.levels ?? []
  if (
    options.bridge === undefined &&
    attributes.length > 0 &&
    !(
      defaultBridge.a.some((c) => firstLevels.includes(c)) &&
      defaultBridge.b.some((c) => firstLevels.includes(c))
    )
  ) {
    notes.push(
      `"${attributes[0]!.name}" has none of the default bridge categories (${defaultBridge.a.join(', ')} : ${defaultBridge.b.join(', ')}) on one side, so bridging_pairs is 0.${advice('Choose categories with --bridge A:B.')}`,
    )
  }
  if (options.bridge !== undefined) {
    const first = attributes[0]
    if (first === undefined) {
      return err(
        new SpnetError(
          'usage',
          `${bridgeOption.name} needs an alter attribute: give one with ${attrOption.name}.`,
          flags ? {} : { issues: [{ ...bridgeOption.at, message: 'Choose an alter attribute.' }] },
        ),
      )
    }
    const unknown = [...options.bridge.a, ...options.bridge.b].filter(
      (c) => !first.levels.includes(c),
    )
    if (unknown.length > 0) {
      return err(
        new SpnetError(
          'usage',
          `${bridgeOption.name} names ${unknown.map((c) => `"${c}"`).join(', ')}, not categories of "${first.name}".`,
          {
            issues: [
              {
                ...bridgeOption.at,
                message: `The categories of "${first.name}" are: ${first.levels.join(', ')}.`,
              },
            ],
          },
        ),
      )
    }
  }
  return ok({
    context: { attributes, egoAttribute, egoDefault, bridge, generators: study.generators },
    notes,
  })
}

/**
 * Computes every measure in `registry` for every ego, in input order. A
 * `Study` is first laid out as columns; the three-file importer reads into
 * columns directly (`readThreeFiles`), which is faster.
 */
export function computeMeasures(
  study: Study | StudyColumns,
  context: MeasureContext,
  registry: readonly MeasureSpec[] = measureRegistry,
): MeasureTable {
  const c = 'networks' in study ? studyColumns(study) : study
  const specColumns = registry.map((spec) => spec.columns(context))
  const widths = specColumns.map((names) => names.length)
  const columns = ['ego_id', ...specColumns.flat()]
  const alterCount = c.alterIds.length
  const attributes = context.attributes.map((a) => {
    const column = c.alterAttributes.find((col) => col.name === a.name)
    return {
      levels: a.levels,
      codes: column?.codes ?? new Int32Array(alterCount).fill(-1),
      values: valueLevels(column?.values ?? [], new Map(a.levels.map((level, i) => [level, i]))),
    }
  })
  const egoColumn = c.egoAttributes.find((col) => col.name === context.egoAttribute)
  const bridgeA = new Set(context.bridge.a)
  const bridgeB = new Set(context.bridge.b)
  const rows = new Array<MeasureValue[]>(c.egoIds.length)
  // Every row starts as a copy of one array of nulls, so all rows share one
  // elements kind from the start: a row that changed kind as numbers and
  // NAs arrived would deoptimise the measures that write into it.
  const blank: MeasureValue[] = Array.from({ length: columns.length - 1 }, () => null)
  for (let e = 0; e < c.egoIds.length; e++) {
    const first = c.alterStart[e]!
    const last = c.alterStart[e + 1]!
    const graph = egoGraphOf(
      last - first,
      c.tieFrom,
      c.tieTo,
      c.tieState,
      c.tieStart[e]!,
      c.tieStart[e + 1]!,
    )
    const codings = new Array<CategoryCoding>(attributes.length)
    for (let i = 0; i < attributes.length; i++) {
      const a = attributes[i]!
      codings[i] = columnCoding(a.codes, first, last, a.values, a.levels)
    }
    const facts: EgoFacts = {
      graph,
      codings,
      closedPairs: codings.length > 0 ? closedPairCounts(codings[0]!, graph) : null,
      egoValue:
        context.egoDefault ??
        (egoColumn === undefined ? null : categoryOf(columnValue(egoColumn, e))),
      bridgeA,
      bridgeB,
      frequencies: c.frequency.subarray(first, last),
      generatorMasks: c.generatorMasks.subarray(first, last),
      constraints: constraintContributions(graph),
    }
    const row = blank.slice()
    let w = 0
    for (let m = 0; m < registry.length; m++) {
      registry[m]!.compute(context, facts, row, w)
      w += widths[m]!
    }
    rows[e] = row
  }
  return { columns, egoIds: c.egoIds.map(egoId), rows }
}
