import { csvFormatRows } from 'd3-dsv'
import type { AttributeValue, Study } from '../network/ego-network.js'

/**
 * Writes a study in the three-file layout that `importThreeFiles` reads
 * (and egor's `threefiles_to_egor`, with `ID.vars` set to ego_id, alter_id,
 * from, to). Every pair with a state is written, `no` and unknown pairs
 * included, so nothing the participant answered is lost. Missing values are
 * empty cells; name generators are 0/1 columns.
 */
export type ThreeFileTexts = {
  readonly egos: string
  readonly alters: string
  readonly ties: string
}

export function formatThreeFiles(study: Study): ThreeFileTexts {
  const egoColumns = attributeNames(study.networks.map((net) => net.ego.attributes))
  const alterColumns = attributeNames(
    study.networks.flatMap((net) => net.alters.map((a) => a.attributes)),
  )
  const hasFrequency = study.networks.some((net) => net.alters.some((a) => a.frequency !== null))
  const hasWeight = study.networks.some((net) => net.ties.some((t) => t.weight !== null))

  const egoRows: string[][] = [['ego_id', ...egoColumns]]
  const alterRows: string[][] = [
    [
      'ego_id',
      'alter_id',
      ...alterColumns,
      ...(hasFrequency ? ['frequency'] : []),
      ...study.generators,
    ],
  ]
  const tieRows: string[][] = [['ego_id', 'from', 'to', 'state', ...(hasWeight ? ['weight'] : [])]]
  for (const net of study.networks) {
    const ego = net.ego.id
    egoRows.push([ego, ...egoColumns.map((c) => cell(net.ego.attributes[c]))])
    for (const alter of net.alters) {
      const row: string[] = [ego, alter.id, ...alterColumns.map((c) => cell(alter.attributes[c]))]
      if (hasFrequency) row.push(cell(alter.frequency))
      for (const g of study.generators) row.push(alter.generators.includes(g) ? '1' : '0')
      alterRows.push(row)
    }
    for (const tie of net.ties) {
      const row: string[] = [ego, net.alters[tie.from]!.id, net.alters[tie.to]!.id, tie.state]
      if (hasWeight) row.push(cell(tie.weight))
      tieRows.push(row)
    }
  }
  return {
    egos: csvFormatRows(egoRows) + '\n',
    alters: csvFormatRows(alterRows) + '\n',
    ties: csvFormatRows(tieRows) + '\n',
  }
}

function attributeNames(records: readonly Readonly<Record<string, AttributeValue>>[]): string[] {
  const names = new Set<string>()
  for (const r of records) for (const name of Object.keys(r)) names.add(name)
  return [...names]
}

function cell(value: AttributeValue | undefined): string {
  if (value === null || value === undefined) return ''
  return String(value)
}
