import type { EgoNetwork } from '../network/ego-network.js'
import type { MeasureSpec } from './measure-spec.js'
import { categoryCoding, type CategoryCoding } from './alter-categories.js'
import { egoGraph, type EgoGraph } from './ego-graph.js'

/**
 * E-I index of the alter–alter ties by an alter attribute, in Krackhardt and
 * Stern's standard form:
 *
 *   ei_<attr> = (E − I) / (E + I)
 *
 * E = `yes` ties between alters of different categories, I = ties within one
 * category; ties with a missing value at either end are left out. −1: all ties
 * within groups; +1: all between.
 * Undefined (null) when E + I = 0 (no ties, or none between valued alters).
 * egor's unscaled whole-network EI counts each between-group tie twice and so
 * differs (MEASURES.md composition example: −0.2 here, 0.1429 in egor).
 *
 * @see Krackhardt, D. & Stern, R. N. (1988). Informal networks and
 *      organizational crises. Social Psychology Quarterly, 51(2), 123–140.
 */
export function eiIndex(
  net: EgoNetwork,
  attr: string,
  coding: CategoryCoding = categoryCoding(net, attr),
  graph: EgoGraph = egoGraph(net),
): number | null {
  return eiIndexOf(coding, graph)
}

/** `eiIndex` of a prepared coding and graph. @internal */
export function eiIndexOf(coding: CategoryCoding, graph: EgoGraph): number | null {
  let external = 0
  let internal = 0
  const codes = coding.codes
  for (let i = 0; i < graph.n; i++) {
    const a = codes[i]!
    if (a < 0) continue
    for (let k = graph.start[i]!; k < graph.start[i + 1]!; k++) {
      const j = graph.neighbours[k]!
      if (j < i) continue
      const b = codes[j]!
      if (b < 0) continue
      if (a === b) internal++
      else external++
    }
  }
  const total = external + internal
  return total === 0 ? null : (external - internal) / total
}

export const eiIndexSpec: MeasureSpec = {
  id: 'ei',
  label: 'E-I index of alter–alter ties',
  columnPattern: 'ei_<attr>',
  formula: '(E − I)/(E + I), E = ties between categories, I = ties within one',
  undefinedWhen: 't = 0 (no tie between alters with values)',
  citation: 'Krackhardt & Stern (1988), Soc Psychol Q 51(2)',
  columns: (ctx) => ctx.attributes.map((a) => `ei_${a.name}`),
  compute: (ctx, facts, row, at) => {
    for (let i = 0; i < ctx.attributes.length; i++)
      row[at + i] = eiIndexOf(facts.codings[i]!, facts.graph)
  },
}
