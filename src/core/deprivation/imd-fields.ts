import type { Variable } from '../network/codebook.js'
import type { AttributeValue, Study } from '../network/ego-network.js'
import type { Edition } from './area-tables.js'
import type { EgoPlacement } from './classify-egos.js'
import { nationalGroup3 } from './imd-groups.js'
import { placementMethods, type PlacementMethod } from './place-area.js'

/**
 * The area-deprivation fields of a link worker, as `spnet enrich` writes
 * them to egos.csv and the server adds them to each participant: the same
 * names, meanings and codebook everywhere (DOMAIN.md §4 item 5).
 */

export const imdFieldNames = [
  'imd_score',
  'imd_rank',
  'imd_decile',
  'imd_quintile',
  'imd_tertile',
  'imd_group3',
  'core20',
  'imd_edition',
  'imd_method',
] as const
export type ImdField = (typeof imdFieldNames)[number]
export type ImdFields = Readonly<Record<ImdField, AttributeValue>>

export function isImdField(name: string): name is ImdField {
  return (imdFieldNames as readonly string[]).includes(name)
}

/**
 * The fields of one ego: its placement, or NA for every measure (with the
 * edition and method still recorded) when it could not be placed.
 */
export function imdFields(
  placed: EgoPlacement | null,
  method: PlacementMethod,
  edition: Edition,
): ImdFields {
  const p = placed?.ok === true ? placed : null
  return {
    imd_score: p?.placement.score ?? null,
    imd_rank: p?.placement.rank ?? null,
    imd_decile: p?.placement.decile ?? null,
    imd_quintile: p?.placement.quintile ?? null,
    imd_tertile: p?.tertile ?? null,
    imd_group3: p === null ? null : nationalGroup3(p.placement.decile),
    core20: p?.placement.core20 ?? null,
    imd_edition: String(edition),
    imd_method: method,
  }
}

/** The codebook entries of the fields. */
export const imdVariables: Readonly<Record<ImdField, Variable>> = {
  imd_score: { type: 'numeric', label: 'IMD score (higher = more deprived)', min: 0 },
  imd_rank: {
    type: 'numeric',
    label: 'IMD national rank (1 = most deprived)',
    min: 1,
    integer: true,
  },
  imd_decile: {
    type: 'numeric',
    label: 'IMD national decile (1 = most deprived 10%)',
    min: 1,
    max: 10,
    integer: true,
  },
  imd_quintile: {
    type: 'numeric',
    label: 'IMD national quintile (1 = most deprived 20%)',
    min: 1,
    max: 5,
    integer: true,
  },
  imd_tertile: {
    type: 'numeric',
    label: 'IMD tertile of this sample (1 = most deprived third)',
    min: 1,
    max: 3,
    integer: true,
  },
  imd_group3: {
    type: 'numeric',
    label: 'IMD national group: 1 most deprived 20%, 2 middle 40%, 3 least deprived 40%',
    min: 1,
    max: 3,
    integer: true,
  },
  core20: { type: 'boolean', label: 'Core20: most deprived 20% nationally' },
  imd_edition: { type: 'categorical', label: 'IoD edition', levels: ['2019', '2025'] },
  imd_method: {
    type: 'categorical',
    label: 'How the ego was placed',
    levels: [...placementMethods],
  },
}

/**
 * The study with each ego's deprivation fields replacing any of the same
 * name (a value typed by hand included), placed last, and declared in the
 * codebook. Egos with no entry get NA fields.
 */
export function withImdFields(
  study: Study,
  fieldsByEgo: ReadonlyMap<string, ImdFields>,
  method: PlacementMethod,
  edition: Edition,
): Study {
  const missing = imdFields(null, method, edition)
  const ego: Record<string, Variable> = {}
  for (const [name, variable] of Object.entries(study.codebook.ego))
    if (!isImdField(name)) ego[name] = variable
  return {
    ...study,
    codebook: { ...study.codebook, ego: { ...ego, ...imdVariables } },
    networks: study.networks.map((net) => {
      const kept: Record<string, AttributeValue> = {}
      for (const [name, value] of Object.entries(net.ego.attributes))
        if (!isImdField(name)) kept[name] = value
      return {
        ...net,
        ego: { ...net.ego, attributes: { ...kept, ...(fieldsByEgo.get(net.ego.id) ?? missing) } },
      }
    }),
  }
}
