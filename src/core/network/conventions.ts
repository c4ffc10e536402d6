import type { Codebook } from './codebook.js'

/**
 * Column names and types spnet knows without being told, from MEASURES.md and
 * the link-worker protocol (DOMAIN.md §3). A study's own codebook overrides
 * any of them.
 */

/** The four name generators of MEASURES.md, in protocol order. */
export const defaultGenerators = [
  'work_contact',
  'refers_to',
  'advice_support',
  'capacity_building',
] as const

/** Ego attributes that must be numbers when present (deprivation fields). */
export const builtInCodebook: Codebook = {
  ego: {
    imd_decile: {
      type: 'numeric',
      label: 'IMD decile (1 = most deprived 10%)',
      min: 1,
      max: 10,
      integer: true,
    },
    imd_quintile: {
      type: 'numeric',
      label: 'IMD quintile (1 = most deprived 20%)',
      min: 1,
      max: 5,
      integer: true,
    },
    imd_rank: { type: 'numeric', label: 'IMD rank (1 = most deprived)', min: 1, integer: true },
    imd_score: { type: 'numeric', label: 'IMD score', min: 0 },
  },
  alter: {
    frequency: { type: 'numeric', label: 'Frequency of contact (ordinal)' },
  },
}

/** The default grouping attributes of MEASURES.md. */
export const defaultAlterAttribute = 'org_type'
export const defaultEgoAttribute = 'sector'
/** x_ego when egos carry no value for the ego attribute column at all. */
export const defaultEgoGroup = 'link_worker'
/** Default bridge: primary care on one side, the community on the other. */
export const defaultBridge = {
  a: ['primary_care'],
  b: ['vcse', 'local_authority'],
} as const
