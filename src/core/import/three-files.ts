import type { Codebook, Variable } from '../network/codebook.js'
import { builtInCodebook, defaultGenerators } from '../network/conventions.js'
import type {
  Alter,
  AlterTie,
  AttributeValue,
  Attributes,
  EgoNetwork,
  Study,
  TieState,
} from '../network/ego-network.js'
import { alterId, alterIndex, egoId } from '../network/ids.js'
import { err, ok, type Result } from '../result.js'
import { typeColumn } from './column-typing.js'
import { readCsv, type CsvFile, type CsvHeader } from './csv-table.js'
import { IssueCollector } from './issue-collector.js'
import { parseFlag, parseNumber, parseTieState, shorten } from './parse-value.js'

/**
 * Imports the three-file layout of MEASURES.md (egor's `threefiles_to_egor`):
 * egos.csv, alters.csv and ties.csv. Every problem is reported with file, line
 * and column and a fix; when there is any, nothing is returned.
 *
 * One pass per file: rows are checked as they are parsed and only compact
 * per-record arrays are kept. Attribute values are interned per column and
 * typed once per distinct value after the file is read.
 */

export type ThreeFileColumns = {
  readonly egoId: string
  readonly alterId: string
  readonly from: string
  readonly to: string
  readonly state: string
  readonly weight: string
  readonly frequency: string
  /** Name-generator columns of alters.csv; by default those of `defaultGenerators` present. */
  readonly generators?: readonly string[] | undefined
}

export const defaultColumns: ThreeFileColumns = {
  egoId: 'ego_id',
  alterId: 'alter_id',
  from: 'from',
  to: 'to',
  state: 'state',
  weight: 'weight',
  frequency: 'frequency',
}

type ColumnKey = keyof Omit<ThreeFileColumns, 'generators'>

/** The CLI flag that names each column, quoted in messages. */
const columnFlags: Record<ColumnKey, string> = {
  egoId: '--ego-id-col',
  alterId: '--alter-id-col',
  from: '--from-col',
  to: '--to-col',
  state: '--state-col',
  weight: '--weight-col',
  frequency: '--frequency-col',
}

export type ThreeFiles = {
  readonly egos: CsvFile
  readonly alters: CsvFile
  readonly ties: CsvFile
}

/** Column names to use instead of the defaults; undefined keeps the default. */
export type ColumnOverrides = {
  readonly [K in keyof ThreeFileColumns]?: ThreeFileColumns[K] | undefined
}

export type ThreeFileOptions = {
  readonly columns?: ColumnOverrides | undefined
  /** Field delimiter; by default detected from each file's header. */
  readonly delimiter?: string | undefined
  /** The study's codebook; it overrides spnet's built-in conventions. */
  readonly codebook?: Codebook | undefined
}

/**
 * An attribute column as read: each cell is the code of its distinct raw
 * value (small integers, which the garbage collector never has to trace);
 * values are typed once per distinct value after the file is read.
 */
type AttributeColumn = {
  readonly name: string
  readonly field: number
  readonly codes: number[]
  readonly distinct: string[]
  readonly intern: Map<string, number>
}

type Layout = {
  readonly file: string
  readonly header: CsvHeader
  /** Field index of each named column, -1 when absent. */
  readonly fields: ReadonlyMap<string, number>
  readonly attributes: readonly AttributeColumn[]
}

const stateCode: Record<TieState, number> = { yes: 0, no: 1, dont_know: 2, not_asked: 3 }
const stateOf: readonly TieState[] = ['yes', 'no', 'dont_know', 'not_asked']

export function importThreeFiles(files: ThreeFiles, options: ThreeFileOptions = {}): Result<Study> {
  const cols = { ...defaultColumns, ...definedOnly(options.columns ?? {}) } as ThreeFileColumns
  const declared: Codebook = {
    ego: { ...builtInCodebook.ego, ...options.codebook?.ego },
    alter: { ...builtInCodebook.alter, ...options.codebook?.alter },
  }
  const issues = new IssueCollector()
  const csvOptions = { delimiter: options.delimiter }

  // ---- egos.csv ------------------------------------------------------------
  const egoIndex = new Map<string, number>()
  const egoIds: string[] = []
  const egoLines: number[] = []
  let egoLayout = null as Layout | null
  const egosRead = readCsv(
    files.egos,
    (header) => {
      egoLayout = layout(files.egos.name, header, [['egoId', cols.egoId]], [], issues)
      if (egoLayout === null) return null
      const lay = egoLayout
      const idField = lay.fields.get(cols.egoId)!
      return (fields, line) => {
        // A row with a problem still registers its id, so later files do not
        // report its alters and ties as unknown too.
        const wide = widthOk(lay, fields, line, issues)
        const id = fields[idField]?.trim() ?? ''
        if (id === '') {
          issues.add(
            cell(lay, line, idField, 'The ego id is empty.', 'Give every ego a unique id.'),
          )
          return
        }
        const first = egoIndex.get(id)
        if (first !== undefined) {
          issues.add(
            cell(
              lay,
              line,
              idField,
              `Ego "${shorten(id)}" is listed twice (first on line ${egoLines[first]}).`,
              'Give every ego a unique id, or remove the repeated row.',
            ),
          )
          return
        }
        egoIndex.set(id, egoIds.length)
        egoIds.push(id)
        egoLines.push(line)
        if (wide) collect(lay, fields)
      }
    },
    csvOptions,
  )
  if (!egosRead.ok) return egosRead
  if (egoLayout !== null && egosRead.value.rows === 0) {
    issues.add({
      file: files.egos.name,
      line: egosRead.value.header.line + 1,
      message: `${files.egos.name} has a header but no egos.`,
      fix: 'Add one row per ego (link worker) below the header.',
    })
  }
  // Without usable egos every alter and tie would be reported too; stop here.
  if (egoLayout === null || egoIds.length === 0)
    return err(issues.toError(`Importing ${files.egos.name}`))
  const egoCount = egoIds.length

  // ---- alters.csv ----------------------------------------------------------
  const alterEgo: number[] = []
  const alterIds: string[] = []
  const alterLines: number[] = []
  const alterGenerators: number[] = []
  // Position of each alter record among its ego's alters.
  const alterLocal: number[] = []
  const altersOfEgo = new Int32Array(egoCount)
  // Per ego: alter id → alter record.
  const alterIndexOf: (Map<string, number> | undefined)[] = new Array<
    Map<string, number> | undefined
  >(egoCount)
  let generators: readonly string[] = []
  let alterLayout = null as Layout | null
  const altersRead = readCsv(
    files.alters,
    (header) => {
      generators = cols.generators ?? defaultGenerators.filter((g) => header.columns.includes(g))
      alterLayout = layout(
        files.alters.name,
        header,
        [
          ['egoId', cols.egoId],
          ['alterId', cols.alterId],
        ],
        generators,
        issues,
        [['frequency', cols.frequency]],
      )
      if (alterLayout === null) return null
      const lay = alterLayout
      const egoField = lay.fields.get(cols.egoId)!
      const idField = lay.fields.get(cols.alterId)!
      const genFields = generators.map((g) => lay.fields.get(g)!)
      let lastEgoRaw = ''
      let lastEgo = -1
      return (fields, line) => {
        const wide = widthOk(lay, fields, line, issues)
        const egoRaw = fields[egoField]?.trim() ?? ''
        // Rows usually come grouped by ego: skip the map lookup for a repeat.
        const ego = egoRaw === lastEgoRaw && lastEgo >= 0 ? lastEgo : egoIndex.get(egoRaw)
        if (ego === undefined) {
          issues.add(unknownEgo(lay, line, egoField, egoRaw, files.egos.name))
          return
        }
        lastEgoRaw = egoRaw
        lastEgo = ego
        const id = fields[idField]?.trim() ?? ''
        if (id === '') {
          issues.add(
            cell(
              lay,
              line,
              idField,
              'The alter id is empty.',
              'Give every alter an id, unique within its ego.',
            ),
          )
          return
        }
        const index = (alterIndexOf[ego] ??= new Map<string, number>())
        const first = index.get(id)
        if (first !== undefined) {
          issues.add(
            cell(
              lay,
              line,
              idField,
              `Alter "${shorten(id)}" of ego "${shorten(egoIds[ego]!)}" is listed twice (first on line ${alterLines[first]}).`,
              'Alter ids must be unique within an ego: merge the two rows or give one a new id.',
            ),
          )
          return
        }
        let mask = 0
        for (let g = 0; wide && g < genFields.length; g++) {
          const raw = fields[genFields[g]!]!
          const flag = raw === '1' ? true : raw === '0' ? false : parseFlag(raw.trim())
          if (typeof flag === 'boolean') {
            if (flag) mask |= 1 << g
          } else if (!flag.ok) {
            issues.add(cell(lay, line, genFields[g]!, flag.message, flag.fix))
          } else if (flag.value) {
            mask |= 1 << g
          }
        }
        index.set(id, alterEgo.length)
        alterLocal.push(altersOfEgo[ego]!++)
        alterEgo.push(ego)
        alterIds.push(id)
        alterLines.push(line)
        alterGenerators.push(mask)
        if (wide) collect(lay, fields)
      }
    },
    csvOptions,
  )
  if (!altersRead.ok) return altersRead
  if (alterLayout === null) return err(issues.toError(`Importing ${files.alters.name}`))

  // ---- ties.csv ------------------------------------------------------------
  const tieEgo: number[] = []
  const tieFrom: number[] = []
  const tieTo: number[] = []
  const tieState: number[] = []
  const tieWeight: (number | null)[] = []
  const tieLines: number[] = []
  // Per ego: the unordered pairs already listed, to find repeats. A byte per
  // possible pair while that is small (n ≤ 128: at most 8 KB), else a set.
  const pairsOf: (Uint8Array | Set<number> | undefined)[] = new Array<
    Uint8Array | Set<number> | undefined
  >(egoCount)
  const tiesRead = readCsv(
    files.ties,
    (header) => {
      const lay = layout(
        files.ties.name,
        header,
        [
          ['egoId', cols.egoId],
          ['from', cols.from],
          ['to', cols.to],
        ],
        [],
        issues,
        [
          ['state', cols.state],
          ['weight', cols.weight],
        ],
      )
      if (lay === null) return null
      const egoField = lay.fields.get(cols.egoId)!
      const fromField = lay.fields.get(cols.from)!
      const toField = lay.fields.get(cols.to)!
      const stateField = lay.fields.get(cols.state) ?? -1
      const weightField = lay.fields.get(cols.weight) ?? -1
      const endpoint = (ego: number, fields: string[], field: number, line: number): number => {
        const raw = fields[field]!.trim()
        const found = alterIndexOf[ego]?.get(raw)
        if (found !== undefined) return alterLocal[found]!
        issues.add(
          cell(
            lay,
            line,
            field,
            raw === ''
              ? 'The alter id is empty.'
              : `"${shorten(raw)}" is not an alter of ego "${shorten(egoIds[ego]!)}" in ${files.alters.name}.`,
            `Every tie must join two alters listed for the same ego in ${files.alters.name}.`,
          ),
        )
        return -1
      }
      let lastEgoRaw = ''
      let lastEgo = -1
      return (fields, line) => {
        if (!widthOk(lay, fields, line, issues)) return
        const egoRaw = fields[egoField]!.trim()
        const ego = egoRaw === lastEgoRaw && lastEgo >= 0 ? lastEgo : egoIndex.get(egoRaw)
        if (ego === undefined) {
          issues.add(unknownEgo(lay, line, egoField, egoRaw, files.egos.name))
          return
        }
        lastEgoRaw = egoRaw
        lastEgo = ego
        const from = endpoint(ego, fields, fromField, line)
        const to = endpoint(ego, fields, toField, line)
        if (from < 0 || to < 0) return
        if (from === to) {
          issues.add(
            cell(
              lay,
              line,
              toField,
              `This tie joins alter "${shorten(fields[toField]!.trim())}" to itself.`,
              'Remove the row: an alter–alter tie needs two different alters.',
            ),
          )
          return
        }
        let state: TieState = 'yes'
        if (stateField >= 0) {
          const raw = fields[stateField]!
          if (raw !== 'yes' && raw !== '') {
            const parsed = parseTieState(raw.trim())
            if (!parsed.ok) {
              issues.add(cell(lay, line, stateField, parsed.message, parsed.fix))
              return
            }
            state = parsed.value
          }
        }
        let weight: number | null = null
        if (weightField >= 0) {
          const raw = fields[weightField]!.trim()
          if (raw !== '' && raw !== 'NA') {
            const parsed = parseNumber(raw)
            if (!parsed.ok) {
              issues.add(cell(lay, line, weightField, parsed.message, parsed.fix))
              return
            }
            weight = parsed.value
          }
        }
        const n = altersOfEgo[ego]!
        const key = from < to ? from * n + to : to * n + from
        const pairs = (pairsOf[ego] ??= n <= 128 ? new Uint8Array(n * n) : new Set<number>())
        const seen = pairs instanceof Uint8Array ? pairs[key] === 1 : pairs.has(key)
        if (seen) {
          // Rare: find the earlier row, scanning back (at most `limit` times, as
          // later issues are only counted).
          let earlier = tieEgo.length - 1
          if (!issues.isFull()) {
            while (
              tieEgo[earlier] !== ego ||
              (tieFrom[earlier]! < tieTo[earlier]!
                ? tieFrom[earlier]! * n + tieTo[earlier]!
                : tieTo[earlier]! * n + tieFrom[earlier]!) !== key
            ) {
              earlier--
            }
          }
          const a = shorten(fields[fromField]!.trim())
          const b = shorten(fields[toField]!.trim())
          const before = stateOf[tieState[earlier]!]!
          issues.add({
            file: lay.file,
            line,
            message:
              before === state
                ? `The pair ${a}–${b} of ego "${shorten(egoRaw)}" is listed twice (also on line ${tieLines[earlier]}); a reversed pair is the same pair.`
                : `The pair ${a}–${b} of ego "${shorten(egoRaw)}" is given two different states: ${before} on line ${tieLines[earlier]} and ${state} here.`,
            fix:
              before === state
                ? 'Keep one row per pair of alters.'
                : 'Keep the row with the right state and remove the other.',
          })
          return
        }
        if (pairs instanceof Uint8Array) pairs[key] = 1
        else pairs.add(key)
        tieEgo.push(ego)
        tieFrom.push(from)
        tieTo.push(to)
        tieState.push(stateCode[state])
        tieWeight.push(weight)
        tieLines.push(line)
      }
    },
    csvOptions,
  )
  if (!tiesRead.ok) return tiesRead

  // ---- types and assembly --------------------------------------------------
  if (issues.isEmpty()) {
    const egoTypes = typeAttributes(egoLayout, declared.ego, egoLines, issues)
    // The frequency column is numeric whatever it is called.
    const alterDeclared = {
      ...declared.alter,
      [cols.frequency]: declared.alter[cols.frequency] ?? builtInCodebook.alter['frequency']!,
    }
    const alterTypes = typeAttributes(alterLayout, alterDeclared, alterLines, issues)
    if (issues.isEmpty()) {
      return ok(
        assemble({
          egoIds,
          egoLayout,
          egoTypes,
          alterLayout,
          alterTypes,
          alterEgo,
          alterIds,
          alterGenerators,
          altersOfEgo,
          generators,
          frequencyColumn: cols.frequency,
          ties: { tieEgo, tieFrom, tieTo, tieState, tieWeight },
        }),
      )
    }
  }
  return err(
    issues.toError(`Importing ${files.egos.name}, ${files.alters.name} and ${files.ties.name}`),
  )
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}

/**
 * Resolves a file's columns: required ones must exist, optional ones may;
 * every other named column is an attribute. Returns null (with issues) when
 * the header is unusable, so its rows are not read.
 */
function layout(
  file: string,
  header: CsvHeader,
  required: readonly (readonly [ColumnKey, string])[],
  flags: readonly string[],
  issues: IssueCollector,
  optional: readonly (readonly [ColumnKey, string])[] = [],
): Layout | null {
  const fields = new Map<string, number>()
  let usable = true
  header.columns.forEach((name, i) => {
    if (name === '') return
    const first = fields.get(name)
    if (first !== undefined) {
      issues.add({
        file,
        line: header.line,
        column: i + 1,
        columnName: name,
        message: `The column "${shorten(name)}" appears twice (columns ${first + 1} and ${i + 1}).`,
        fix: 'Rename or remove one of them.',
      })
      usable = false
      return
    }
    fields.set(name, i)
  })
  const listed = header.columns.filter((c) => c !== '').map((c) => shorten(c, 30))
  for (const [key, name] of required) {
    if (!fields.has(name)) {
      issues.add({
        file,
        line: header.line,
        message: `${file} has no "${name}" column. Its columns are: ${listed.join(', ') || '(none)'}.`,
        fix: `Rename the column to "${name}", or give its name with ${columnFlags[key]} NAME.`,
      })
      usable = false
    }
  }
  for (const name of flags) {
    if (!fields.has(name)) {
      issues.add({
        file,
        line: header.line,
        message: `${file} has no name-generator column "${name}".`,
        fix: `List only columns of ${file} with --generators.`,
      })
      usable = false
    }
  }
  const special = new Set<string>([
    ...required.map(([, n]) => n),
    ...optional.filter(([key]) => key !== 'frequency').map(([, n]) => n),
    ...flags,
  ])
  const attributes: AttributeColumn[] = []
  header.columns.forEach((name, i) => {
    // Unnamed columns (a spreadsheet's trailing commas) are checked to be empty.
    if (special.has(name) || fields.get(name) !== i) {
      if (name !== '') return
    }
    attributes.push({ name, field: i, codes: [], distinct: [], intern: new Map() })
  })
  return usable ? { file, header, fields, attributes } : null
}

function widthOk(
  lay: Layout,
  fields: readonly string[],
  line: number,
  issues: IssueCollector,
): boolean {
  const width = lay.header.columns.length
  if (fields.length === width) return true
  // Trailing empty fields (a spreadsheet's trailing commas) are harmless.
  if (fields.length > width && fields.slice(width).every((f) => f.trim() === '')) return true
  issues.add({
    file: lay.file,
    line,
    message: `This row has ${fields.length} value${fields.length === 1 ? '' : 's'} but the header has ${width} columns.`,
    fix: 'Check for a missing or extra delimiter. A value that contains the delimiter or a line break must be in double quotes.',
  })
  return false
}

function cell(lay: Layout, line: number, field: number, message: string, fix: string) {
  return {
    file: lay.file,
    line,
    column: field + 1,
    columnName: lay.header.columns[field] ?? '',
    message,
    fix,
  }
}

function unknownEgo(lay: Layout, line: number, field: number, raw: string, egosFile: string) {
  return cell(
    lay,
    line,
    field,
    raw === '' ? 'The ego id is empty.' : `Ego "${shorten(raw)}" is not in ${egosFile}.`,
    `Add the ego to ${egosFile}, or correct the id.`,
  )
}

function collect(lay: Layout, fields: readonly string[]): void {
  for (const col of lay.attributes) {
    const raw = fields[col.field]?.trim() ?? ''
    let code = col.intern.get(raw)
    if (code === undefined) {
      code = col.distinct.length
      col.intern.set(raw, code)
      col.distinct.push(raw)
    }
    col.codes.push(code)
  }
}

type TypedAttribute = {
  readonly name: string
  readonly variable: Variable
  readonly codes: readonly number[]
  /** Typed value of each code. */
  readonly values: readonly AttributeValue[]
}

function typeAttributes(
  lay: Layout,
  declared: Readonly<Record<string, Variable>>,
  lines: readonly number[],
  issues: IssueCollector,
): TypedAttribute[] {
  const typed: TypedAttribute[] = []
  for (const col of lay.attributes) {
    if (col.name === '') {
      const r = col.codes.findIndex((code) => col.distinct[code] !== '')
      if (r >= 0) {
        issues.add({
          file: lay.file,
          line: lines[r]!,
          column: col.field + 1,
          message: `Column ${col.field + 1} has no name in the header but holds values.`,
          fix: 'Give the column a name in the header row, or delete it.',
        })
      }
      continue
    }
    const t = typeColumn(col.distinct, declared[col.name])
    if (t.problems.length > 0) {
      const bad = new Map(t.problems.map((p) => [p.value, p]))
      col.codes.forEach((code, r) => {
        const p = bad.get(col.distinct[code]!)
        if (p === undefined) return
        issues.add({
          file: lay.file,
          line: lines[r]!,
          column: col.field + 1,
          columnName: col.name,
          message: p.message,
          fix: p.fix,
        })
      })
      continue
    }
    typed.push({
      name: col.name,
      variable: t.variable,
      codes: col.codes,
      values: col.distinct.map((raw) => t.values.get(raw) ?? null),
    })
  }
  return typed
}

type Parts = {
  readonly egoIds: readonly string[]
  readonly egoLayout: Layout
  readonly egoTypes: readonly TypedAttribute[]
  readonly alterLayout: Layout
  readonly alterTypes: readonly TypedAttribute[]
  readonly alterEgo: readonly number[]
  readonly alterIds: readonly string[]
  readonly alterGenerators: readonly number[]
  readonly altersOfEgo: Int32Array
  readonly generators: readonly string[]
  readonly frequencyColumn: string
  readonly ties: {
    readonly tieEgo: readonly number[]
    readonly tieFrom: readonly number[]
    readonly tieTo: readonly number[]
    readonly tieState: readonly number[]
    readonly tieWeight: readonly (number | null)[]
  }
}

function attributesOf(types: readonly TypedAttribute[], record: number): Attributes {
  const attributes: Record<string, AttributeValue> = {}
  for (const t of types) attributes[t.name] = t.values[t.codes[record]!]!
  return attributes
}

function assemble(p: Parts): Study {
  const frequency = p.alterTypes.find((t) => t.name === p.frequencyColumn)
  const alterAttrs = p.alterTypes.filter((t) => t !== frequency)
  // Alters named by the same generators share one frozen array.
  const generatorSets = new Map<number, readonly string[]>()
  const generatorsOf = (mask: number): readonly string[] => {
    let set = generatorSets.get(mask)
    if (set === undefined) {
      set = Object.freeze(p.generators.filter((_, g) => (mask & (1 << g)) !== 0))
      generatorSets.set(mask, set)
    }
    return set
  }

  const alters: Alter[][] = Array.from(p.altersOfEgo, (n) => new Array<Alter>(n))
  const filled = new Int32Array(p.egoIds.length)
  for (let r = 0; r < p.alterIds.length; r++) {
    const ego = p.alterEgo[r]!
    const f = frequency === undefined ? null : frequency.values[frequency.codes[r]!]
    alters[ego]![filled[ego]!++] = {
      id: alterId(p.alterIds[r]!),
      attributes: attributesOf(alterAttrs, r),
      frequency: typeof f === 'number' ? f : null,
      generators: generatorsOf(p.alterGenerators[r]!),
    }
  }

  const ties: AlterTie[][] = p.egoIds.map(() => [])
  const t = p.ties
  for (let i = 0; i < t.tieEgo.length; i++) {
    ties[t.tieEgo[i]!]!.push({
      from: alterIndex(t.tieFrom[i]!),
      to: alterIndex(t.tieTo[i]!),
      state: stateOf[t.tieState[i]!]!,
      weight: t.tieWeight[i]!,
    })
  }

  const networks: EgoNetwork[] = p.egoIds.map((id, e) => ({
    ego: { id: egoId(id), attributes: attributesOf(p.egoTypes, e) },
    alters: alters[e]!,
    ties: ties[e]!,
  }))
  const codebook: Codebook = {
    ego: Object.fromEntries(p.egoTypes.map((t) => [t.name, t.variable])),
    // `frequency` is a reserved codebook key, whatever the column is called.
    alter: Object.fromEntries([
      ...alterAttrs.map((t) => [t.name, t.variable] as const),
      ...(frequency === undefined ? [] : [['frequency', frequency.variable] as const]),
    ]),
  }
  return { codebook, generators: p.generators, networks }
}
