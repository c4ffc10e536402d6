import { describe, expect, it } from 'vitest'
import type { Codebook } from '../network/codebook.js'
import type { EgoNetwork, Study } from '../network/ego-network.js'
import { network } from '../test-support/build-network.js'
import {
  attributeLevels,
  computeMeasures,
  measureContext,
  type MeasureOptions,
  type MeasureTable,
} from './compute-measures.js'
import type { MeasureContext, MeasureSpec, MeasureValue } from './measure-spec.js'
import { measureRegistry } from './registry.js'

const orgTypes = ['primary_care', 'vcse', 'local_authority', 'nhs_other']

const codebook: Codebook = {
  ego: {
    sector: { type: 'categorical', levels: ['link_worker', 'vcse', 'primary_care'] },
    team: { type: 'text' },
  },
  alter: {
    org_type: { type: 'categorical', levels: orgTypes },
    role: { type: 'text' },
    band: { type: 'numeric' },
    frequency: { type: 'numeric' },
  },
}

/** The MEASURES.md composition example in the study's own categories (GP → primary_care …). */
const e3 = network({
  id: 'e3',
  ego: { sector: 'vcse', team: 'north' },
  alters: {
    '1': { org_type: 'primary_care', role: 'GP', band: 9 },
    '2': { org_type: 'primary_care', role: 'nurse', band: 2 },
    '3': { org_type: 'vcse', role: 'manager', band: 10 },
    '4': { org_type: 'vcse', role: 'admin' },
    '5': { org_type: 'vcse', role: 'manager' },
    '6': { org_type: 'local_authority', role: 'admin', band: 2 },
  },
  ties: '1-2 3-4 4-5 1-3 5-6',
  frequency: { '1': 5, '2': 4, '3': 3, '4': null, '5': 2, '6': 1 },
  generators: {
    '1': ['work_contact', 'refers_to'],
    '2': ['work_contact'],
    '3': ['refers_to'],
    '4': ['work_contact', 'refers_to'],
    '5': ['work_contact'],
  },
})
/** No alters. */
const e1 = network({ id: 'e1', ego: { sector: 'primary_care', team: 'south' }, alters: [] })
/** One alter with every value missing; the ego's own sector missing. */
const e2 = network({
  id: 'e2',
  ego: { sector: null, team: null },
  alters: { x: { org_type: null, role: null } },
})
/** Two alters whose only pair is `dont_know`. */
const e4 = network({
  id: 'e4',
  ego: { sector: 'vcse', team: 'north' },
  alters: { p: { org_type: 'vcse', role: 'manager' }, q: { org_type: 'vcse', role: 'manager' } },
  unknown: 'p-q',
  frequency: { p: 2, q: 5 },
})
/** Three alters: a–b not_asked, a–c explicit no, b–c tie; the ego is a link worker. */
const e5 = network({
  id: 'e5',
  ego: { sector: 'link_worker', team: 'south' },
  alters: {
    a: { org_type: 'primary_care', role: 'GP' },
    b: { org_type: 'local_authority', role: 'admin' },
    c: { org_type: 'vcse', role: 'nurse' },
  },
  ties: 'b-c',
  notAsked: 'a-b',
  no: 'a-c',
})

function studyOf(networks: readonly EgoNetwork[], book: Codebook = codebook): Study {
  return { codebook: book, generators: ['work_contact', 'refers_to'], networks }
}
const study = studyOf([e3, e1, e2, e4, e5])

function contextOf(s: Study, options: MeasureOptions = {}): MeasureContext {
  const result = measureContext(s, options)
  if (!result.ok) throw result.error
  return result.value.context
}

function errorOf(s: Study, options: MeasureOptions) {
  const result = measureContext(s, options)
  if (result.ok) throw new Error('expected a usage error')
  return result.error
}

/** One ego's row as column → value (−0 read as 0; brokerage.test.ts checks the sign). */
function rowOf(table: MeasureTable, egoId: string): Record<string, MeasureValue> {
  const i = table.egoIds.indexOf(egoId as (typeof table.egoIds)[number])
  if (i < 0) throw new Error(`no ego ${egoId}`)
  const row = table.rows[i]!
  expect(row).toHaveLength(table.columns.length - 1)
  return Object.fromEntries(
    table.columns.slice(1).map((c, k) => [c, row[k] === null ? null : row[k]! + 0]),
  )
}

/** Burt's H from the ratios r_j = c_j / (C/n). */
function fromRatios(r: readonly number[]): number {
  return r.reduce((s, x) => s + x * Math.log(x), 0) / (r.length * Math.log(r.length))
}

const defaultColumns = [
  'ego_id',
  'size',
  'ties',
  'density',
  'components',
  'isolates',
  'effective_size',
  'efficiency',
  'constraint',
  'hierarchy',
  'ego_betweenness',
  'prop_org_type_primary_care',
  'prop_org_type_vcse',
  'prop_org_type_local_authority',
  'prop_org_type_nhs_other',
  'diversity_org_type',
  'entropy_org_type',
  'blau_org_type',
  'iqv_org_type',
  'ei_org_type',
  'ego_ei_org_type',
  'brokerage_coordinator',
  'brokerage_itinerant',
  'brokerage_gatekeeper_representative',
  'brokerage_liaison',
  'brokerage_total',
  'bridging_pairs',
  'mean_frequency',
  'multiplexity',
  'size_work_contact',
  'size_refers_to',
]

describe('measureContext', () => {
  it('defaults: org_type with its declared levels, ego attribute sector, the default bridge', () => {
    const result = measureContext(study)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.context).toEqual({
      attributes: [{ name: 'org_type', levels: orgTypes }],
      egoAttribute: 'sector',
      egoDefault: null,
      bridge: { a: ['primary_care'], b: ['vcse', 'local_authority'] },
      generators: ['work_contact', 'refers_to'],
    })
    expect(result.value.notes).toEqual([])
  })

  it('levels: declared codebook levels in declared order, even when absent from the data', () => {
    // nhs_other is declared but no alter has it; the order is the codebook's, not sorted.
    expect(attributeLevels(study, 'org_type')).toEqual(orgTypes)
  })

  it('levels without a declaration: the distinct values of the whole study, sorted', () => {
    // role (text): GP, nurse, manager, admin in e3, e4, e5; e2's null is not a level.
    // Sorted by code unit, so "GP" comes before "admin".
    expect(attributeLevels(study, 'role')).toEqual(['GP', 'admin', 'manager', 'nurse'])
    // band (numeric): 9, 2, 10, 2 → numeric order 2, 9, 10 (text order would give 10, 2, 9).
    expect(attributeLevels(study, 'band')).toEqual(['2', '9', '10'])
  })

  it('the `frequency` codebook key is not offered as an attribute', () => {
    expect(errorOf(study, { attributes: ['frequency'] }).code).toBe('usage')
    const onlyFrequency: Codebook = { ego: codebook.ego, alter: { frequency: { type: 'numeric' } } }
    const result = measureContext(studyOf([e3], onlyFrequency))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.context.attributes).toEqual([])
    expect(result.value.notes).toHaveLength(1)
  })

  it('usage error: an unknown alter attribute (alone or among known ones)', () => {
    expect(errorOf(study, { attributes: ['sector_typo'] }).code).toBe('usage')
    expect(errorOf(study, { attributes: ['org_type', 'nope'] }).code).toBe('usage')
  })

  it('usage error: an unknown ego attribute when explicitly given', () => {
    expect(errorOf(study, { egoAttribute: 'nope' }).code).toBe('usage')
    // An alter attribute is not an ego attribute.
    expect(errorOf(study, { egoAttribute: 'org_type' }).code).toBe('usage')
  })

  it('an explicitly given ego attribute that exists is used', () => {
    const ctx = contextOf(study, { egoAttribute: 'team' })
    expect(ctx.egoAttribute).toBe('team')
    expect(ctx.egoDefault).toBeNull()
  })

  it('usage error: bridge categories that are not categories of the (first) attribute', () => {
    expect(errorOf(study, { bridge: { a: ['primary_care'], b: ['vcse', 'martians'] } }).code).toBe(
      'usage',
    )
    expect(
      errorOf(study, { attributes: ['role'], bridge: { a: ['primary_care'], b: ['vcse'] } }).code,
    ).toBe('usage')
  })

  it('usage error: a bridge without any alter attribute', () => {
    expect(errorOf(study, { attributes: [], bridge: { a: ['vcse'], b: ['vcse'] } }).code).toBe(
      'usage',
    )
  })

  it("usage errors name the CLI's flags, or (flags: false) the web API's query parameters", () => {
    const errorsOf = (options: MeasureOptions, flags?: boolean) => {
      const result = measureContext(study, options, flags === undefined ? {} : { flags })
      if (result.ok) throw new Error('expected an error')
      return [
        result.error.message,
        ...result.error.issues.map((i) => i.path ?? '-'),
        ...result.error.issues.map((i) => i.message),
      ]
    }
    const cases: readonly [MeasureOptions, string, string][] = [
      [{ attributes: ['nope'] }, '--attr must name', 'attr must name'],
      [{ egoAttribute: 'nope' }, '--ego-attr must name', 'egoAttr must name'],
      [
        { attributes: [], bridge: { a: ['vcse'], b: ['vcse'] } },
        'give one with --attr',
        'give one with attr',
      ],
      [
        { bridge: { a: ['primary_care'], b: ['martians'] } },
        '--bridge names "martians"',
        'bridge names "martians"',
      ],
    ]
    for (const [options, cli, web] of cases) {
      const asCli = errorsOf(options).join(' | ')
      expect(asCli).toContain(cli)
      const asWeb = errorsOf(options, false).join(' | ')
      expect(asWeb).toContain(web)
      expect(asWeb).not.toMatch(/--[a-z]/)
    }
    // The web API's errors say which query parameter is wrong.
    expect(errorsOf({ egoAttribute: 'nope' }, false)).toContain('egoAttr')
  })

  it('a bridge naming declared categories is accepted, including overlapping sets', () => {
    const ctx = contextOf(study, {
      bridge: { a: ['primary_care', 'vcse'], b: ['vcse', 'local_authority'] },
    })
    expect(ctx.bridge).toEqual({ a: ['primary_care', 'vcse'], b: ['vcse', 'local_authority'] })
  })

  it('the default bridge, with a note, when the first attribute lacks its categories (bridging_pairs is then 0)', () => {
    // role has none of primary_care, vcse, local_authority.
    const result = measureContext(study, { attributes: ['role'] })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.context.bridge).toEqual({
      a: ['primary_care'],
      b: ['vcse', 'local_authority'],
    })
    expect(result.value.notes).toHaveLength(1)
    // One side present is not enough for no note: primary_care declared, neither vcse nor local_authority.
    const onlyPrimary: Codebook = {
      ego: codebook.ego,
      alter: { org_type: { type: 'categorical', levels: ['primary_care', 'other'] } },
    }
    const partial = measureContext(studyOf([e1], onlyPrimary))
    expect(partial.ok && partial.value.notes.some((n) => n.includes('bridging_pairs is 0'))).toBe(
      true,
    )
    // One category of each side is enough: no note.
    const oneEach: Codebook = {
      ego: codebook.ego,
      alter: { org_type: { type: 'categorical', levels: ['primary_care', 'vcse'] } },
    }
    const both = measureContext(studyOf([e1], oneEach))
    expect(both.ok && both.value.notes.some((n) => n.includes('bridging_pairs'))).toBe(false)
  })

  it('ego default "link_worker" when the study has no `sector` ego attribute', () => {
    const noSector: Codebook = { ego: { team: { type: 'text' } }, alter: codebook.alter }
    const result = measureContext(studyOf([e3], noSector))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.context.egoAttribute).toBe('sector')
    expect(result.value.context.egoDefault).toBe('link_worker')
    expect(result.value.notes).toHaveLength(1)
    // Naming `sector` explicitly in that study is an error, not the default.
    expect(errorOf(studyOf([e3], noSector), { egoAttribute: 'sector' }).code).toBe('usage')
  })

  it('notes: the CLI flags to choose otherwise, or (flags: false, for the web app) the facts alone', () => {
    const notesOf = (s: Study, options: MeasureOptions, flags?: boolean) => {
      const result = measureContext(s, options, flags === undefined ? {} : { flags })
      if (!result.ok) throw result.error
      return result.value.notes
    }
    const noOrgType = studyOf([e3], { ego: codebook.ego, alter: { role: { type: 'text' } } })
    expect(notesOf(noOrgType, {})).toEqual([
      'Alters have no "org_type" attribute, so the composition and E-I columns are left out, and the brokerage roles and bridging_pairs are NA. Choose an alter attribute with --attr (alters have: role).',
    ])
    expect(notesOf(noOrgType, {}, false)).toEqual([
      'Alters have no "org_type" attribute, so the composition and E-I columns are left out, and the brokerage roles and bridging_pairs are NA.',
    ])
    // role has none of the bridge categories; egos have no sector.
    const noSector = studyOf([e3], { ego: { team: { type: 'text' } }, alter: codebook.alter })
    expect(notesOf(noSector, { attributes: ['role'] })).toEqual([
      'Egos have no "sector" attribute, so every ego\'s group is "link_worker" for ego_ei and brokerage. Choose one with --ego-attr.',
      '"role" has none of the default bridge categories (primary_care : vcse, local_authority) on one side, so bridging_pairs is 0. Choose categories with --bridge A:B.',
    ])
    expect(notesOf(noSector, { attributes: ['role'] }, false)).toEqual([
      'Egos have no "sector" attribute, so every ego\'s group is "link_worker" for ego_ei and brokerage.',
      '"role" has none of the default bridge categories (primary_care : vcse, local_authority) on one side, so bridging_pairs is 0.',
    ])
  })
})

describe('computeMeasures', () => {
  it('columns: ego_id, then MEASURES.md order', () => {
    expect(computeMeasures(study, contextOf(study)).columns).toEqual(defaultColumns)
  })

  it('rows in input order, one per ego', () => {
    const table = computeMeasures(study, contextOf(study))
    expect(table.egoIds).toEqual(['e3', 'e1', 'e2', 'e4', 'e5'])
    expect(table.rows).toHaveLength(5)
    const reversed = computeMeasures(studyOf([e5, e4, e2, e1, e3]), contextOf(study))
    expect(reversed.egoIds).toEqual(['e5', 'e4', 'e2', 'e1', 'e3'])
    expect(rowOf(reversed, 'e3')).toEqual(rowOf(table, 'e3'))
  })

  it('the MEASURES.md composition example, every column', () => {
    const r = rowOf(computeMeasures(study, contextOf(study)), 'e3')
    expect(r).toEqual({
      size: 6,
      ties: 5,
      density: 1 / 3,
      components: 1,
      isolates: 0,
      effective_size: expect.closeTo(13 / 3, 14),
      efficiency: expect.closeTo(13 / 18, 14),
      constraint: expect.closeTo(95 / 216, 14),
      hierarchy: expect.closeTo(fromRatios([121, 64, 100, 100, 121, 64].map((x) => x / 95)), 14),
      ego_betweenness: 8,
      prop_org_type_primary_care: 1 / 3,
      prop_org_type_vcse: 1 / 2,
      prop_org_type_local_authority: 1 / 6,
      prop_org_type_nhs_other: 0,
      diversity_org_type: 3,
      entropy_org_type: expect.closeTo(
        -((1 / 3) * Math.log(1 / 3) + (1 / 2) * Math.log(1 / 2) + (1 / 6) * Math.log(1 / 6)),
        14,
      ),
      blau_org_type: expect.closeTo(11 / 18, 14),
      // K = 4 declared levels: (11/18)/(3/4) = 22/27.
      iqv_org_type: expect.closeTo(22 / 27, 14),
      ei_org_type: -1 / 5,
      ego_ei_org_type: 0,
      brokerage_coordinator: 1,
      brokerage_itinerant: 0,
      brokerage_gatekeeper_representative: 7,
      brokerage_liaison: 2,
      brokerage_total: 10,
      // primary_care (1, 2) × vcse/local_authority (3, 4, 5, 6) = 8 − tie 1–3 = 7.
      bridging_pairs: 7,
      // (5 + 4 + 3 + 2 + 1)/5; alter 4 has no frequency.
      mean_frequency: 3,
      // (2 + 1 + 1 + 2 + 1 + 0)/6.
      multiplexity: 7 / 6,
      size_work_contact: 4,
      size_refers_to: 3,
    })
    expect((r.entropy_org_type as number).toFixed(4)).toBe('1.0114')
    expect((r.iqv_org_type as number).toFixed(4)).toBe('0.8148')
  })

  it('edge-case egos: n = 0, one alter with missing values, an unknown-only pair, not_asked + no', () => {
    const table = computeMeasures(study, contextOf(study))
    const nulls4 = [null, null, null, null] as const
    const props = (values: readonly (number | null)[]) =>
      Object.fromEntries(orgTypes.map((t, i) => [`prop_org_type_${t}`, values[i]]))

    // e1: no alters.
    expect(rowOf(table, 'e1')).toEqual({
      size: 0,
      ties: 0,
      density: null,
      components: 0,
      isolates: 0,
      effective_size: null,
      efficiency: null,
      constraint: null,
      hierarchy: null,
      ego_betweenness: 0,
      ...props(nulls4),
      diversity_org_type: 0,
      entropy_org_type: null,
      blau_org_type: null,
      iqv_org_type: null,
      ei_org_type: null,
      ego_ei_org_type: null,
      brokerage_coordinator: 0,
      brokerage_itinerant: 0,
      brokerage_gatekeeper_representative: 0,
      brokerage_liaison: 0,
      brokerage_total: 0,
      bridging_pairs: 0,
      mean_frequency: null,
      multiplexity: null,
      size_work_contact: 0,
      size_refers_to: 0,
    })

    // e2: one alter, org_type missing (counted in n, so props are 0 not null); ego sector missing.
    expect(rowOf(table, 'e2')).toEqual({
      size: 1,
      ties: 0,
      density: null,
      components: 1,
      isolates: 1,
      effective_size: 1,
      efficiency: 1,
      constraint: 1,
      hierarchy: null,
      ego_betweenness: 0,
      ...props([0, 0, 0, 0]),
      diversity_org_type: 0,
      entropy_org_type: null,
      blau_org_type: null,
      iqv_org_type: null,
      ei_org_type: null,
      ego_ei_org_type: null,
      brokerage_coordinator: null,
      brokerage_itinerant: null,
      brokerage_gatekeeper_representative: null,
      brokerage_liaison: null,
      brokerage_total: 0,
      bridging_pairs: 0,
      mean_frequency: null,
      multiplexity: 0,
      size_work_contact: 0,
      size_refers_to: 0,
    })

    // e4: two vcse alters, their pair dont_know; ego vcse.
    expect(rowOf(table, 'e4')).toEqual({
      size: 2,
      ties: 0,
      density: null,
      components: 2,
      isolates: 2,
      effective_size: 2,
      efficiency: 1,
      constraint: 1 / 2,
      hierarchy: 0,
      ego_betweenness: 0,
      ...props([0, 1, 0, 0]),
      diversity_org_type: 1,
      entropy_org_type: 0,
      blau_org_type: 0,
      iqv_org_type: 0,
      ei_org_type: null,
      ego_ei_org_type: -1,
      brokerage_coordinator: 0,
      brokerage_itinerant: 0,
      brokerage_gatekeeper_representative: 0,
      brokerage_liaison: 0,
      brokerage_total: 0,
      bridging_pairs: 0,
      mean_frequency: 7 / 2,
      multiplexity: 0,
      size_work_contact: 0,
      size_refers_to: 0,
    })

    // e5: a primary_care, b local_authority, c vcse; a–b not_asked, a–c no, b–c tie.
    // density 1/(3 − 1); constraint 1/9 + 1/4 + 1/4 = 11/18 → r = 6/11, 27/22, 27/22;
    // betweenness: open a–c, no common alter → 1; iqv (2/3)/(3/4) = 8/9;
    // brokerage (ego link_worker): a–c liaison; bridging a–c (primary_care–vcse).
    expect(rowOf(table, 'e5')).toEqual({
      size: 3,
      ties: 1,
      density: 1 / 2,
      components: 2,
      isolates: 1,
      effective_size: expect.closeTo(7 / 3, 14),
      efficiency: expect.closeTo(7 / 9, 14),
      constraint: expect.closeTo(11 / 18, 14),
      hierarchy: expect.closeTo(fromRatios([6 / 11, 27 / 22, 27 / 22]), 14),
      ego_betweenness: 1,
      ...props([1 / 3, 1 / 3, 1 / 3, 0]),
      diversity_org_type: 3,
      entropy_org_type: expect.closeTo(Math.log(3), 14),
      blau_org_type: expect.closeTo(2 / 3, 14),
      iqv_org_type: expect.closeTo(8 / 9, 14),
      ei_org_type: 1,
      ego_ei_org_type: 1,
      brokerage_coordinator: 0,
      brokerage_itinerant: 0,
      brokerage_gatekeeper_representative: 0,
      brokerage_liaison: 1,
      brokerage_total: 1,
      bridging_pairs: 1,
      mean_frequency: null,
      multiplexity: 0,
      size_work_contact: 0,
      size_refers_to: 0,
    })
  })

  it('no value is ever NaN or infinite (null instead), in every context', () => {
    const noSector: Codebook = { ego: {}, alter: codebook.alter }
    const contexts: [Study, MeasureOptions][] = [
      [study, {}],
      [study, { attributes: ['org_type', 'role', 'band'] }],
      [study, { attributes: [] }],
      [study, { egoAttribute: 'team' }],
      [study, { bridge: { a: ['primary_care', 'vcse'], b: ['vcse'] } }],
      [studyOf(study.networks, noSector), {}],
    ]
    for (const [s, options] of contexts) {
      const table = computeMeasures(s, contextOf(s, options))
      for (const row of table.rows) {
        for (const value of row) {
          if (value !== null) expect(Number.isFinite(value)).toBe(true)
        }
      }
    }
  })

  it('every measure writes exactly its own columns of the row, in every context', () => {
    // Rows start as NAs: a measure writing too few values would leave NAs
    // that look like real ones, and one writing too many would overwrite
    // the next measure's. Each write is watched.
    const noSector: Codebook = { ego: {}, alter: codebook.alter }
    const contexts: [Study, MeasureOptions][] = [
      [study, {}],
      [study, { attributes: ['org_type', 'role', 'band'] }],
      [study, { attributes: [] }],
      [studyOf(study.networks, noSector), {}],
      [{ ...study, generators: [] }, {}],
    ]
    for (const [s, options] of contexts) {
      const watched: MeasureSpec[] = measureRegistry.map((spec) => ({
        ...spec,
        compute: (ctx, facts, row, at) => {
          const written: number[] = []
          const spy = new Proxy(row, {
            set: (target, key, value: MeasureValue) => {
              written.push(Number(key))
              expect(value, spec.id).not.toBeUndefined()
              return Reflect.set(target, key, value)
            },
          })
          spec.compute(ctx, facts, spy, at)
          const width = spec.columns(ctx).length
          expect(
            written.sort((x, y) => x - y),
            spec.id,
          ).toEqual(Array.from({ length: width }, (_, k) => at + k))
        },
      }))
      const table = computeMeasures(s, contextOf(s, options), watched)
      expect(table.rows.flat()).toEqual(computeMeasures(s, contextOf(s, options)).rows.flat())
    }
  })

  it('several attributes: each composition measure per attribute; brokerage and bridging by the first', () => {
    const table = computeMeasures(study, contextOf(study, { attributes: ['org_type', 'role'] }))
    const roles = ['GP', 'admin', 'manager', 'nurse']
    expect(table.columns).toEqual([
      ...defaultColumns.slice(0, 11),
      ...orgTypes.map((t) => `prop_org_type_${t}`),
      ...roles.map((r) => `prop_role_${r}`),
      'diversity_org_type',
      'diversity_role',
      'entropy_org_type',
      'entropy_role',
      'blau_org_type',
      'blau_role',
      'iqv_org_type',
      'iqv_role',
      'ei_org_type',
      'ei_role',
      'ego_ei_org_type',
      'ego_ei_role',
      ...defaultColumns.slice(21),
    ])
    const r = rowOf(table, 'e3')
    // e3 roles: GP, nurse, manager, admin, manager, admin.
    expect(r.prop_role_GP).toBe(1 / 6)
    expect(r.prop_role_admin).toBe(1 / 3)
    expect(r.prop_role_manager).toBe(1 / 3)
    expect(r.prop_role_nurse).toBe(1 / 6)
    expect(r.diversity_role).toBe(4)
    // blau 1 − (1 + 4 + 4 + 1)/36 = 13/18; K = 4 levels in the study → (13/18)/(3/4) = 26/27.
    expect(r.blau_role).toBeCloseTo(13 / 18, 14)
    expect(r.iqv_role).toBeCloseTo(26 / 27, 14)
    // Every tie joins two different roles: 1–2 GP–nurse, 3–4, 4–5, 5–6 manager–admin, 1–3.
    expect(r.ei_role).toBe(1)
    // No role equals the ego's sector "vcse".
    expect(r.ego_ei_role).toBe(1)
    // The org_type columns are as with org_type alone.
    const alone = rowOf(computeMeasures(study, contextOf(study)), 'e3')
    for (const column of defaultColumns.slice(1)) expect(r[column]).toEqual(alone[column])
  })

  it('an undeclared numeric attribute: prop columns in numeric order', () => {
    const table = computeMeasures(study, contextOf(study, { attributes: ['band'] }))
    expect(table.columns.filter((c) => c.startsWith('prop_'))).toEqual([
      'prop_band_2',
      'prop_band_9',
      'prop_band_10',
    ])
    // e3 bands 9, 2, 10, missing, missing, 2 over n = 6.
    const r = rowOf(table, 'e3')
    expect([r.prop_band_2, r.prop_band_9, r.prop_band_10]).toEqual([2 / 6, 1 / 6, 1 / 6])
    // K = 3; blau over the 4 with a value: 1 − (1/4 + 1/16 + 1/16) = 5/8 → (5/8)/(2/3) = 15/16.
    expect(r.blau_band).toBe(5 / 8)
    expect(r.iqv_band).toBeCloseTo(15 / 16, 15)
  })

  it('no attribute: no composition or E-I columns; brokerage roles and bridging are NA, brokerage_total stays', () => {
    const table = computeMeasures(study, contextOf(study, { attributes: [] }))
    expect(table.columns).toEqual([
      ...defaultColumns.slice(0, 11),
      'brokerage_coordinator',
      'brokerage_itinerant',
      'brokerage_gatekeeper_representative',
      'brokerage_liaison',
      'brokerage_total',
      'bridging_pairs',
      'mean_frequency',
      'multiplexity',
      'size_work_contact',
      'size_refers_to',
    ])
    expect(rowOf(table, 'e3').brokerage_total).toBe(10)
    expect(rowOf(table, 'e3').brokerage_liaison).toBeNull()
    expect(rowOf(table, 'e3').bridging_pairs).toBeNull()
    expect(rowOf(table, 'e5').brokerage_total).toBe(1)
  })

  it('no generators: multiplexity is NA and there are no size_<generator> columns', () => {
    const s: Study = { ...study, generators: [] }
    const table = computeMeasures(s, contextOf(s))
    expect(table.columns).toEqual(defaultColumns.slice(0, -2))
    expect(rowOf(table, 'e3').multiplexity).toBeNull()
  })

  it('ego default "link_worker": every ego is in a group no alter is in', () => {
    const noSector: Codebook = { ego: {}, alter: codebook.alter }
    const s = studyOf([e3, e2], noSector)
    const table = computeMeasures(s, contextOf(s))
    const r3 = rowOf(table, 'e3')
    // All 6 alters differ from "link_worker" → ego E-I 1; open pairs: 3–5 vcse–vcse itinerant,
    // the other 9 liaison.
    expect(r3.ego_ei_org_type).toBe(1)
    expect([
      r3.brokerage_coordinator,
      r3.brokerage_itinerant,
      r3.brokerage_gatekeeper_representative,
      r3.brokerage_liaison,
      r3.brokerage_total,
    ]).toEqual([0, 1, 0, 9, 10])
    // e2's own sector value (null) is not read: the default applies to every ego.
    const r2 = rowOf(table, 'e2')
    expect(r2.brokerage_coordinator).toBe(0)
    expect(r2.ego_ei_org_type).toBeNull()
  })

  it('an explicit ego attribute gives x_ego: team "north" matches no org_type', () => {
    const table = computeMeasures(study, contextOf(study, { egoAttribute: 'team' }))
    expect(rowOf(table, 'e3').ego_ei_org_type).toBe(1)
    // e2's team is missing → roles null.
    expect(rowOf(table, 'e2').brokerage_liaison).toBeNull()
  })

  it('bridging_pairs is 0 when no alter is in the default bridge categories; an explicit bridge counts', () => {
    const none = computeMeasures(study, contextOf(study, { attributes: ['role'] }))
    expect(rowOf(none, 'e3').bridging_pairs).toBe(0)
    expect(none.columns).toContain('brokerage_total')
    const chosen = computeMeasures(
      study,
      contextOf(study, { attributes: ['role'], bridge: { a: ['GP'], b: ['admin', 'nurse'] } }),
    )
    expect(chosen.columns).toContain('bridging_pairs')
    // e3: GP = 1; admin/nurse = 2, 4, 6 → 1–2, 1–4, 1–6, less the tie 1–2 → 2.
    expect(rowOf(chosen, 'e3').bridging_pairs).toBe(2)
    // e5: a GP; b admin (a–b not_asked, not open), c nurse (a–c no, open) → 1.
    expect(rowOf(chosen, 'e5').bridging_pairs).toBe(1)
  })

  it('a chosen bridge is used for bridging_pairs, with overlapping sets', () => {
    // A = {primary_care, vcse}, B = {vcse, local_authority} on e3 (no ties removed yet):
    // |A∖B| = 2 (1, 2), |B∖A| = 1 (6), |A∩B| = 3 (3, 4, 5): 2·1 + 2·3 + 1·3 + C(3,2) = 14,
    // less the 5 ties, each with ends one in A and one in B (1–2 is primary_care–primary_care:
    // not bridging) → 14 − 4 = 10.
    const table = computeMeasures(
      study,
      contextOf(study, {
        bridge: { a: ['primary_care', 'vcse'], b: ['vcse', 'local_authority'] },
      }),
    )
    expect(rowOf(table, 'e3').bridging_pairs).toBe(10)
  })
})
