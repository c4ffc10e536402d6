import { describe, expect, it } from 'vitest'
import type { MeasureTable } from '../measures/compute-measures.js'
import type { Study } from '../network/ego-network.js'
import { egoId } from '../network/ids.js'
import { network } from '../test-support/build-network.js'
import { compareGroups } from './compare-groups.js'

// Seven egos in groups a (3), b (3), c (1) and one ego without a group.
const groupOf = ['a', 'a', 'a', 'b', 'b', 'b', 'c', null]
const sizes = [2, 4, 6, 1, 3, null, 9, 5]
const types = [['x', 'y'], ['x'], ['y', 'y'], ['x'], ['x', 'x'], [], ['y'], ['x']]
const study: Study = {
  codebook: {
    ego: { group: { type: 'text' } },
    alter: { kind: { type: 'categorical', levels: ['x', 'y', 'z'] } },
  },
  generators: [],
  networks: groupOf.map((g, i) =>
    network({
      id: `E${i}`,
      ego: { group: g },
      alters: Object.fromEntries(types[i]!.map((t, j) => [`A${j}`, { kind: t }])),
    }),
  ),
}
const table: MeasureTable = {
  columns: ['ego_id', 'size'],
  egoIds: groupOf.map((_, i) => egoId(`E${i}`)),
  rows: sizes.map((s) => [s]),
}

describe('compareGroups', () => {
  const result = compareGroups(study, table, {
    by: 'group',
    measures: ['size'],
    pair: ['a', 'b'],
    attribute: 'kind',
  })
  if (!result.ok) throw new Error(result.error.message)
  const c = result.value

  it('groups egos in order, counts those without a group, and flags small groups', () => {
    expect(c.groups).toEqual([
      { group: 'a', egos: 3, small: false },
      { group: 'b', egos: 3, small: false },
      { group: 'c', egos: 1, small: true },
    ])
    expect(c.egosWithoutGroup).toBe(1)
    expect(c.notes.join(' ')).toMatch(/c \(1 ego\).*withheld/)
  })

  it('describes each group (R quantile type 7), withholding small groups', () => {
    const [a, b, small] = c.measures[0]!.groups
    expect(a).toMatchObject({
      n: 3,
      missing: 0,
      median: 4,
      q1: 3,
      q3: 5,
      mean: 4,
      sd: 2,
      suppressed: false,
    })
    expect(b).toMatchObject({ n: 2, missing: 1, median: 2, q1: 1.5, q3: 2.5, min: 1, max: 3 })
    expect(small).toMatchObject({ egos: 1, n: 1, median: null, mean: null, suppressed: true })
  })

  it('tests across all groups (small ones included) and between the pair', () => {
    // Ranks of 2,4,6 | 1,3 | 9: a = 2,4,5, b = 1,3, c = 6; N = 6, no ties.
    // H = 12/(6·7) · (11²/3 + 4²/2 + 6²/1) − 3·7 = (2/7)(40.333… + 8 + 36) − 21 = 3.0952…
    expect(c.measures[0]!.kruskalWallis!.statistic).toBeCloseTo(
      (12 / 42) * (121 / 3 + 8 + 36) - 21,
      12,
    )
    expect(c.measures[0]!.kruskalWallis!.df).toBe(2)
    // a vs b: W = ranks of a within {2,4,6,1,3} = 2+4+5 − 6 = 5; exact two-sided p = 2·P(W ≥ 5) = 2·2/10.
    const w = c.measures[0]!.pair!.wilcoxon!
    expect(w.statistic).toBe(5)
    expect(w.exact).toBe(true)
    expect(w.pValue).toBeCloseTo(0.4, 12)
    expect(w.rankBiserial).toBeCloseTo(2 / 3, 12)
  })

  it('tabulates the pooled alters by group, withholding small groups, and tests the table', () => {
    const comp = c.composition!
    expect(comp.categories).toEqual(['x', 'y'])
    expect(comp.counts).toEqual([[2, 3], [3, 0], null])
    expect(comp.chiSquare!.df).toBe(2)
    // The pair table a vs b is 2×2: Yates-corrected chi-square and Fisher's exact test.
    expect(comp.pair!.chiSquare!.yates).toBe(true)
    expect(comp.pair!.fisher).not.toBeNull()
    // R 4.2.2: fisher.test(matrix(c(2, 3, 3, 0), 2, byrow = TRUE))$p.value = 0.19642857142857126.
    expect(comp.pair!.fisher!.pValue).toBeCloseTo(0.19642857142857142, 12)
  })

  it('shows small groups when asked', () => {
    const shown = compareGroups(study, table, {
      by: 'group',
      showSmallGroups: true,
      measures: ['size'],
    })
    expect(shown.ok && shown.value.measures[0]!.groups[2]!.median).toBe(9)
  })

  it('rejects unknown groupings, pairs and measures, and a single group', () => {
    expect(compareGroups(study, table, { by: 'nope' }).ok).toBe(false)
    expect(compareGroups(study, table, { by: 'group', pair: ['a', 'q'] }).ok).toBe(false)
    expect(compareGroups(study, table, { by: 'group', pair: ['a', 'a'] }).ok).toBe(false)
    expect(compareGroups(study, table, { by: 'group', measures: ['density'] }).ok).toBe(false)
    const one: Study = { ...study, networks: study.networks.slice(0, 3) }
    const oneTable = { ...table, egoIds: table.egoIds.slice(0, 3), rows: table.rows.slice(0, 3) }
    expect(compareGroups(one, oneTable, { by: 'group' }).ok).toBe(false)
  })
})
