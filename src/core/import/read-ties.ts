import type { Issue } from '../errors.js'
import type { TieState } from '../network/ego-network.js'
import { tieStateOrder } from '../network/study-columns.js'
import { ok, type Result } from '../result.js'
import { openCsv, type CsvFile } from './csv-table.js'
import {
  cellIssue,
  resolveLayout,
  rowCapacity,
  unknownEgoIssue,
  widthOk,
  type ColumnRole,
} from './file-layout.js'
import type { IssueCollector } from './issue-collector.js'
import { parseNumber, parseTieState, shorten } from './parse-value.js'
import type { AlterRecords } from './read-alters.js'
import type { EgoRecords } from './read-egos.js'

const stateCode: Record<TieState, number> = { yes: 0, no: 1, dont_know: 2, not_asked: 3 }

/** ties.csv as read: one entry per pair, in file order. @internal */
export type TieRecords = {
  readonly count: number
  readonly ego: Int32Array
  /** Alter positions within the ego. */
  readonly from: Int32Array
  readonly to: Int32Array
  /** Index into `tieStateOrder`. */
  readonly state: Uint8Array
  /** NaN where no weight was given. */
  readonly weight: Float64Array
}

export type TieColumns = {
  readonly egoId: string
  readonly from: string
  readonly to: string
  readonly state: string
  readonly weight: string
  /** Optional columns the user named (they must exist). */
  readonly explicit: ReadonlySet<ColumnRole>
}

/** Reads ties.csv, checking every pair: known alters, no self-ties, no repeats. */
export function readTies(
  file: CsvFile,
  egos: EgoRecords,
  alters: AlterRecords,
  cols: TieColumns,
  files: { readonly egos: string; readonly alters: string },
  delimiter: string | undefined,
  issues: IssueCollector,
): Result<TieRecords> {
  const capacity = rowCapacity(file.text)
  const ego = new Int32Array(capacity)
  const from = new Int32Array(capacity)
  const to = new Int32Array(capacity)
  const state = new Uint8Array(capacity)
  const weight = new Float64Array(capacity)
  const lines = new Int32Array(capacity)
  let count = 0
  // Per ego: the unordered pairs already listed, to find repeats. A byte per
  // possible pair while that is small (n ≤ 128: at most 16 KB), else a set.
  const pairsOf = new Array<Uint8Array | Set<number> | undefined>(egos.ids.length)
  const done = (): Result<TieRecords> => ok({ count, ego, from, to, state, weight })
  const opened = openCsv(file, { delimiter })
  if (!opened.ok) return opened
  const row = opened.value
  const header = row.header
  const lay = resolveLayout(file.name, header, 0, issues, {
    required: [
      ['egoId', cols.egoId],
      ['from', cols.from],
      ['to', cols.to],
    ],
    optional: [
      ['state', cols.state],
      ['weight', cols.weight],
    ],
    explicit: cols.explicit,
  })
  if (lay === null) return done()
  // Without a state column every listed pair is a tie. If other columns
  // are there, one of them may hold the states under another name.
  const unused = header.columns.filter(
    (c) =>
      c !== '' &&
      ![cols.egoId, cols.from, cols.to, cols.weight].some(
        (n) => n.toLowerCase() === c.toLowerCase(),
      ),
  )
  if (!lay.fields.has(cols.state) && unused.length > 0) {
    issues.add({
      file: file.name,
      line: header.line,
      message: `${file.name} has no "${cols.state}" column, so every pair listed would be a tie, but it has the column${unused.length === 1 ? '' : 's'} ${unused.map((c) => `"${c}"`).join(', ')}.`,
      fix: `If a column holds the tie states (yes, no, dont_know, not_asked), name it with --state-col; otherwise remove ${unused.length === 1 ? 'it' : 'them'}.`,
    })
    return done()
  }
  const egoField = lay.fields.get(cols.egoId)!
  const fromField = lay.fields.get(cols.from)!
  const toField = lay.fields.get(cols.to)!
  const stateField = lay.fields.get(cols.state) ?? -1
  const weightField = lay.fields.get(cols.weight) ?? -1
  /** The alter's position in its ego, or -1 (issue added). */
  const endpoint = (e: number, raw: string, field: number, line: number): number => {
    const record = alters.indexOf[e]?.get(raw)
    if (record !== undefined) return alters.local[record]!
    issues.add(
      cellIssue(
        lay,
        line,
        field,
        raw === ''
          ? 'The alter id is empty.'
          : `"${shorten(raw)}" is not an alter of ego "${shorten(egos.ids[e]!)}" in ${files.alters}.`,
        `Every tie must join two alters listed for the same ego in ${files.alters}.`,
      ),
    )
    return -1
  }
  const repeatedPair = (
    e: number,
    key: number,
    n: number,
    s: number,
    line: number,
    pair: string,
  ): Issue => {
    // Rare: find the earlier row by scanning back (in full at most `limit`
    // times, since later issues are only counted).
    let earlier = count - 1
    if (!issues.isFull()) {
      const keyOf = (t: number) =>
        from[t]! < to[t]! ? from[t]! * n + to[t]! : to[t]! * n + from[t]!
      while (earlier > 0 && (ego[earlier] !== e || keyOf(earlier) !== key)) earlier--
    }
    const before = tieStateOrder[state[earlier]!]!
    const now = tieStateOrder[s]!
    return {
      file: lay.file,
      line,
      message:
        before === now
          ? `The pair ${pair} is listed twice (also on line ${lines[earlier]}); a reversed pair is the same pair.`
          : `The pair ${pair} is given two different states: ${before} on line ${lines[earlier]} and ${now} here.`,
      fix:
        before === now
          ? 'Keep one row per pair of alters.'
          : 'Keep the row with the right state and remove the other.',
    }
  }
  let lastEgoRaw = ''
  let lastEgo = -1
  let lastFromRaw = ''
  let lastFrom = -1
  let lastFromEgo = -1
  const width = header.columns.length
  while (row.next()) {
    const line = row.line
    if (row.length !== width && !widthOk(lay, row, line, issues)) continue
    // Rows usually come grouped by ego: a repeat needs no string and no lookup.
    let e: number | undefined = lastEgo
    if (lastEgo < 0 || !row.cellIs(egoField, lastEgoRaw)) {
      const egoRaw = row.cell(egoField)
      e = egos.index.get(egoRaw)
      if (e === undefined) {
        issues.add(unknownEgoIssue(lay, line, egoField, egoRaw, files.egos))
        continue
      }
      lastEgoRaw = egoRaw
      lastEgo = e
    }
    // Rows usually come sorted by "from" too: a repeat needs no lookup.
    let fromRaw = lastFromRaw
    let a = lastFrom
    if (lastFrom < 0 || e !== lastFromEgo || !row.cellIs(fromField, lastFromRaw)) {
      fromRaw = row.cell(fromField)
      a = endpoint(e, fromRaw, fromField, line)
      if (a >= 0) {
        lastFromRaw = fromRaw
        lastFrom = a
        lastFromEgo = e
      }
    }
    const toRaw = row.cell(toField)
    // endpoint's lookup, here for each row; endpoint itself reports a miss.
    const toRecord = alters.indexOf[e]?.get(toRaw)
    const b = toRecord === undefined ? endpoint(e, toRaw, toField, line) : alters.local[toRecord]!
    if (a < 0 || b < 0) continue
    if (a === b) {
      issues.add(
        cellIssue(
          lay,
          line,
          toField,
          `This tie joins alter "${shorten(toRaw)}" to itself.`,
          'Remove the row: an alter–alter tie needs two different alters.',
        ),
      )
      continue
    }
    let s = 0
    if (stateField >= 0 && !row.fieldIs(stateField, 'yes')) {
      // The states as spnet writes them need no parsing.
      if (row.fieldIs(stateField, 'no')) s = stateCode.no
      else if (row.fieldIs(stateField, 'dont_know')) s = stateCode.dont_know
      else if (row.fieldIs(stateField, 'not_asked')) s = stateCode.not_asked
      else if (!row.fieldIsEmpty(stateField)) {
        const parsed = parseTieState(row.field(stateField).trim())
        if (!parsed.ok) {
          issues.add(cellIssue(lay, line, stateField, parsed.message, parsed.fix))
          continue
        }
        s = stateCode[parsed.value]
      }
    }
    let w = Number.NaN
    if (weightField >= 0) {
      const raw = row.cell(weightField)
      if (raw !== '' && raw !== 'NA') {
        const parsed = parseNumber(raw)
        if (!parsed.ok) {
          issues.add(cellIssue(lay, line, weightField, parsed.message, parsed.fix))
          continue
        }
        w = parsed.value
      }
    }
    const n = alters.perEgo[e]!
    const key = a < b ? a * n + b : b * n + a
    const pairs = (pairsOf[e] ??= n <= 128 ? new Uint8Array(n * n) : new Set<number>())
    if (pairs instanceof Uint8Array ? pairs[key] === 1 : pairs.has(key)) {
      const pair = `${shorten(fromRaw)}–${shorten(toRaw)} of ego "${shorten(lastEgoRaw)}"`
      issues.add(repeatedPair(e, key, n, s, line, pair))
      continue
    }
    if (pairs instanceof Uint8Array) pairs[key] = 1
    else pairs.add(key)
    ego[count] = e
    from[count] = a
    to[count] = b
    state[count] = s
    weight[count] = w
    lines[count] = line
    count++
  }
  return done()
}
