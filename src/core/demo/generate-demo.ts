import type { Codebook } from '../network/codebook.js'
import type { Alter, AlterTie, EgoNetwork, Study, TieState } from '../network/ego-network.js'
import { defaultGenerators } from '../network/conventions.js'
import { alterId, alterIndex, egoId } from '../network/ids.js'
import { demoPractices } from './demo-practices.js'
import { createRandom, type Random } from './random.js'

/**
 * A synthetic link-worker study, for trying spnet and for benchmarks. It is
 * made up, deterministic per seed, and shaped after DOMAIN.md: egos are link
 * workers with an implementation (hosting) model and an IMD decile; alters are
 * organisations and contacts by sector, named under the four name generators
 * of MEASURES.md; alter–alter ties are denser within sectors and rare between
 * primary care and the VCSE sector (the gap a link worker bridges).
 *
 * Deprivation shapes the networks as the study expects: in more deprived
 * areas link workers have fewer contacts, fewer of them VCSE, sparser ties
 * among them, and more referral services with waiting lists or closed.
 * A few egos have 0, 1 or 2 alters, some pairs are "don't know", a few are an
 * explicit "no", and some frequencies are missing. Each ego is based in a
 * real GP practice (ODS code, with its PCN) whose IMD 2019 decile is the
 * ego's, so `spnet enrich --by practice_code` can be tried on demo data.
 *
 * At 3,500 egos it has about 27 alters and 56 ties per ego, like the
 * national-scale study of PERFORMANCE.md.
 */

export const orgTypes = [
  'primary_care',
  'other_nhs',
  'local_authority',
  'vcse',
  'other_statutory',
  'housing_association',
  'private',
  'social_prescribing',
] as const
type OrgType = (typeof orgTypes)[number]

const orgCode: Record<OrgType, string> = {
  primary_care: 'GP',
  other_nhs: 'NHS',
  local_authority: 'LA',
  vcse: 'VC',
  other_statutory: 'ST',
  housing_association: 'HA',
  private: 'PR',
  social_prescribing: 'SP',
}

const models = ['pcn', 'gp_federation', 'vcse', 'local_authority', 'nhs_trust', 'other'] as const
type Model = (typeof models)[number]
/** Share of link workers in each model (DOMAIN.md §1.1: most PCN-employed). */
const modelWeights = [0.45, 0.15, 0.25, 0.08, 0.04, 0.03]
const modelSector: Record<Model, string> = {
  pcn: 'primary_care',
  gp_federation: 'primary_care',
  vcse: 'vcse',
  local_authority: 'local_authority',
  nhs_trust: 'other_nhs',
  other: 'other',
}

const locations = ['pcn_area', 'la_area', 'outside_la', 'national'] as const
const capacities = ['open', 'waiting_list', 'closed', 'dont_know'] as const

export const demoCodebook: Codebook = {
  ego: {
    implementation_model: {
      type: 'categorical',
      label: 'Employer or host of the link worker (implementation model)',
      levels: [...models],
      labels: {
        pcn: 'PCN or lead GP practice',
        gp_federation: 'GP federation or primary care provider',
        vcse: 'VCSE organisation (sub-contracted)',
        local_authority: 'Local authority',
        nhs_trust: 'NHS trust',
        other: 'Other or hybrid',
      },
    },
    sector: {
      type: 'categorical',
      label: "Sector of the link worker's host",
      levels: ['primary_care', 'vcse', 'local_authority', 'other_nhs', 'other'],
    },
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
    years_in_role: { type: 'numeric', label: 'Years as a link worker', min: 0 },
    practices_covered: { type: 'numeric', label: 'GP practices covered', min: 0, integer: true },
    area: { type: 'text', label: 'Synthetic area (a group of neighbouring link workers)' },
    practice_code: {
      type: 'text',
      label: 'ODS code of the GP practice the link worker is based in (a real practice)',
    },
    pcn_code: { type: 'text', label: "ODS code of the practice's primary care network" },
  },
  alter: {
    org_type: {
      type: 'categorical',
      label: 'Sector of the contact',
      levels: [...orgTypes],
      labels: {
        primary_care: 'GP practice or PCN staff',
        other_nhs: 'Other NHS (community, mental health, acute, Talking Therapies)',
        local_authority: 'Local authority (incl. adult social care, public health)',
        vcse: 'VCSE (charity, community group, social enterprise, faith group)',
        other_statutory: 'Other statutory (DWP/Jobcentre, police, fire)',
        housing_association: 'Housing association',
        private: 'Private',
        social_prescribing: 'Other link worker or social prescribing service',
      },
    },
    org_id: { type: 'text', label: 'Organisation (synthetic id)' },
    location: {
      type: 'categorical',
      label: 'Where the contact works',
      levels: [...locations],
      labels: {
        pcn_area: 'Within my PCN area',
        la_area: 'Elsewhere in my local authority',
        outside_la: 'Outside my local authority',
        national: 'National or online',
      },
    },
    capacity: {
      type: 'categorical',
      label: 'Capacity of a referral destination',
      levels: [...capacities],
      labels: {
        open: 'Able to take referrals',
        waiting_list: 'Waiting list',
        closed: 'Closed or paused',
        dont_know: "Don't know",
      },
    },
    frequency: {
      type: 'numeric',
      label: 'Frequency of contact: 1 < every 3 months … 5 several times a week',
      min: 1,
      max: 5,
      integer: true,
    },
  },
}

export type DemoOptions = {
  readonly egos: number
  readonly seed: number
}

export function generateDemoStudy(options: DemoOptions): Study {
  const random = createRandom(options.seed)
  const count = options.egos
  // A balanced spread of deciles, shuffled, so small demos cover every quintile.
  const deciles = random.shuffle(Array.from({ length: count }, (_, i) => 1 + (i % 10)))
  // One ego each with 0, 1 and 2 alters (edge cases), at fixed places.
  const tiny = new Map<number, number>()
  if (count >= 10) {
    tiny.set(Math.floor(count * 0.3), 0)
    tiny.set(Math.floor(count * 0.55), 1)
    tiny.set(Math.floor(count * 0.8), 2)
  }
  const width = Math.max(3, String(count).length)
  // Practices come from a stream of their own, so adding them changed no other value.
  const practices = createRandom(options.seed ^ 0x50524143)
  const networks: EgoNetwork[] = []
  for (let i = 0; i < count; i++) {
    const decile = deciles[i]!
    const net = demoEgo(
      random,
      `LW${String(i + 1).padStart(width, '0')}`,
      decile,
      `area${Math.floor(i / 5) + 1}`,
      tiny.get(i),
    )
    // A real practice whose IMD 2019 decile is the ego's, and its PCN.
    const choices = demoPractices[decile - 1]!
    const [practice, pcn] = choices[practices.int(0, choices.length - 1)]!
    networks.push({
      ...net,
      ego: {
        ...net.ego,
        attributes: { ...net.ego.attributes, practice_code: practice, pcn_code: pcn },
      },
    })
  }
  return { codebook: demoCodebook, generators: [...defaultGenerators], networks }
}

function demoEgo(
  random: Random,
  id: string,
  decile: number,
  area: string,
  fixedSize: number | undefined,
): EgoNetwork {
  const model = models[random.weighted(modelWeights)]!
  // 1 in the most deprived decile, 0 in the least.
  const dep = (10 - decile) / 9
  const mean = (32 - 10 * dep) * (0.75 + 0.5 * random.next())
  let n = fixedSize ?? binomial(random, 40, Math.min(1, mean / 40))
  if (fixedSize === undefined && n < 3) n = 3

  const typeWeights: Record<OrgType, number> = {
    primary_care: 0.24 + (model === 'pcn' || model === 'gp_federation' ? 0.08 : 0),
    other_nhs: 0.1 + (model === 'nhs_trust' ? 0.06 : 0),
    local_authority: 0.1 + 0.02 * dep + (model === 'local_authority' ? 0.08 : 0),
    vcse: 0.36 - 0.16 * dep + (model === 'vcse' ? 0.1 : 0),
    other_statutory: 0.05 + 0.03 * dep,
    housing_association: 0.04 + 0.04 * dep,
    private: 0.03,
    social_prescribing: 0.06,
  }
  const weights = orgTypes.map((t) => typeWeights[t])
  const alters: Alter[] = []
  const types: OrgType[] = []
  const orgs: string[] = []
  for (let j = 0; j < n; j++) {
    const type = orgTypes[random.weighted(weights)]!
    // Short codes like real ones (ODS codes, charity numbers): sector, area, number.
    const org = `${orgCode[type]}${area.slice(4)}-${random.int(1, 25)}`
    types.push(type)
    orgs.push(org)
    alters.push(demoAlter(random, `A${String(j + 1).padStart(2, '0')}`, type, org, dep))
  }

  const density = (1.15 - 0.35 * dep) * (0.8 + 0.4 * random.next())
  const ties: AlterTie[] = []
  for (let j = 0; j < n; j++) {
    for (let k = j + 1; k < n; k++) {
      const u = random.next()
      let state: TieState | null = null
      if (u < 0.02) state = 'dont_know'
      else if (u < 0.03) state = 'no'
      else if (
        orgs[j] === orgs[k] ||
        random.chance(Math.min(0.95, pairProbability(types[j]!, types[k]!) * density))
      ) {
        state = 'yes'
      }
      if (state !== null) ties.push({ from: alterIndex(j), to: alterIndex(k), state, weight: null })
    }
  }
  return {
    ego: {
      id: egoId(id),
      attributes: {
        implementation_model: model,
        sector: modelSector[model],
        imd_decile: decile,
        imd_quintile: Math.ceil(decile / 2),
        years_in_role: Math.round((0.3 + 7.7 * random.next() * random.next()) * 10) / 10,
        practices_covered:
          model === 'pcn' || model === 'gp_federation' ? random.int(1, 6) : random.int(0, 8),
        area,
      },
    },
    alters,
    ties,
  }
}

/** Chance that two alters of these sectors work together, before density scaling. */
function pairProbability(a: OrgType, b: OrgType): number {
  if (a === b) return 0.4
  const pair = a < b ? `${a}|${b}` : `${b}|${a}`
  switch (pair) {
    case 'other_nhs|primary_care':
      return 0.18
    case 'local_authority|vcse':
    case 'social_prescribing|vcse':
    case 'housing_association|vcse':
    case 'housing_association|local_authority':
      return 0.12
    case 'local_authority|primary_care':
      return 0.06
    case 'primary_care|vcse':
      return 0.04
    default:
      return 0.08
  }
}

const frequencyWeights: Partial<Record<OrgType, readonly number[]>> = {
  primary_care: [0.05, 0.1, 0.2, 0.35, 0.3],
  social_prescribing: [0.1, 0.2, 0.3, 0.3, 0.1],
}
const otherFrequencies = [0.25, 0.3, 0.3, 0.12, 0.03]

const locationWeights: Record<OrgType, readonly number[]> = {
  primary_care: [0.85, 0.12, 0.03, 0],
  other_nhs: [0.2, 0.55, 0.2, 0.05],
  local_authority: [0.05, 0.9, 0.05, 0],
  vcse: [0.45, 0.4, 0.1, 0.05],
  other_statutory: [0.2, 0.7, 0.1, 0],
  housing_association: [0.3, 0.6, 0.1, 0],
  private: [0.3, 0.4, 0.2, 0.1],
  social_prescribing: [0.4, 0.45, 0.1, 0.05],
}

const community = new Set<OrgType>([
  'vcse',
  'local_authority',
  'other_statutory',
  'housing_association',
  'private',
])

function demoAlter(random: Random, id: string, type: OrgType, org: string, dep: number): Alter {
  const named: string[] = []
  if (random.chance(0.85)) named.push('work_contact')
  const refers = random.chance(
    community.has(type) ? 0.7 : type === 'social_prescribing' ? 0.3 : 0.1,
  )
  if (refers) named.push('refers_to')
  if (random.chance(type === 'primary_care' || type === 'social_prescribing' ? 0.35 : 0.1)) {
    named.push('advice_support')
  }
  if (random.chance(type === 'vcse' || type === 'local_authority' ? 0.2 : 0.05)) {
    named.push('capacity_building')
  }
  if (named.length === 0) named.push('work_contact')
  const generators = defaultGenerators.filter((g) => named.includes(g))

  const capacity = refers
    ? capacities[random.weighted([0.65 - 0.27 * dep, 0.15 + 0.2 * dep, 0.05 + 0.07 * dep, 0.15])]!
    : null
  return {
    id: alterId(id),
    attributes: {
      org_type: type,
      org_id: org,
      location: locations[random.weighted(locationWeights[type])]!,
      capacity,
    },
    frequency: random.chance(0.02)
      ? null
      : 1 + random.weighted(frequencyWeights[type] ?? otherFrequencies),
    generators,
  }
}

function binomial(random: Random, trials: number, p: number): number {
  let k = 0
  for (let i = 0; i < trials; i++) if (random.next() < p) k++
  return k
}
