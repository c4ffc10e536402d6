import { codeId, type CodeId } from '../ids.js'
import { stableGuid } from '../stable-guid.js'
import type { Code, Codebook } from './codebook.js'

type Seed = { name: string; description: string; examples?: string[]; children?: Seed[] }

/**
 * The starter codebook: the interview topic guide of DOMAIN.md §3.5 as
 * themes (deductive codes), plus the cross-cutting questions of the study
 * (barriers and facilitators of networking, skills, support needs). Every
 * code has a definition to edit; researchers add inductive codes beside them.
 * GUIDs are name-based (stable-guid.ts), so two projects started from the
 * starter codebook share code ids and their exports line up.
 */
const seeds: Seed[] = [
  {
    name: 'Role and implementation model',
    description:
      'How the link worker is employed, hosted, supervised and integrated into practice teams (topic guide §1).',
    children: [
      {
        name: 'Employment and hosting',
        description:
          'Who employs and hosts the role: PCN, practice, VCSE, local authority; contract and funding.',
      },
      {
        name: 'Supervision',
        description:
          'Clinical and line supervision: who provides it, how often, whether it is adequate.',
      },
      {
        name: 'Integration into practice team',
        description:
          'Being part of (or apart from) the practice team: access to systems, meetings, referrals from clinicians.',
        examples: ['The GPs just forward me anyone they can’t help.'],
      },
    ],
  },
  {
    name: 'Building and maintaining connections',
    description: 'How contacts were found, inherited, kept up or lost (topic guide §2).',
    children: [
      {
        name: 'Finding contacts',
        description:
          'Ways of discovering services and people: directories, networking events, word of mouth, cold calls.',
      },
      {
        name: 'Inherited contacts',
        description: 'Contacts taken over from a predecessor, a team or a previous job.',
      },
      {
        name: 'Lost contacts',
        description: 'Contacts that lapsed: services closed, staff left, funding ended.',
      },
    ],
  },
  {
    name: 'Referral work',
    description:
      'Matching patients to services and what happens after a referral (topic guide §3).',
    children: [
      {
        name: 'Matching',
        description: 'Deciding which service fits a person, and the information needed to do it.',
      },
      {
        name: 'Waiting lists',
        description: 'Services with waiting lists or closed to referrals.',
        examples: ['The counselling service has a six-month wait now.'],
      },
      {
        name: 'Capacity gaps',
        description: 'Needs with no service to refer to (the “services I can’t refer to”).',
      },
      {
        name: 'Feedback loops',
        description: 'Whether services report back on referred people; chasing outcomes.',
        examples: ['The food bank never gets back to me.'],
      },
    ],
  },
  {
    name: 'Deprivation context',
    description: 'How the area’s deprivation shapes the work (topic guide §4).',
    children: [
      {
        name: 'Community infrastructure',
        description: 'The presence or absence of community groups, venues and VCSE organisations.',
      },
      {
        name: 'Funding cuts',
        description: 'Loss of funding for local services and its effects on referral options.',
      },
      {
        name: 'Patient complexity',
        description:
          'Multiple, interacting needs (debt, housing, mental health) among the people referred.',
      },
      {
        name: 'Transport',
        description: 'Getting to services: cost, distance, public transport, rurality.',
      },
      {
        name: 'Digital exclusion',
        description: 'People unable to use online services, forms or video calls.',
      },
    ],
  },
  {
    name: 'Advice and support',
    description: 'Where the link worker turns for advice and support (topic guide §5).',
    children: [
      {
        name: 'Advice sources',
        description: 'People and organisations asked for advice about cases or services.',
      },
      {
        name: 'Peer networks',
        description: 'Other link workers: peer groups, forums, informal contact.',
      },
      {
        name: 'Burnout',
        description: 'Workload, emotional strain, isolation, intention to leave.',
      },
    ],
  },
  {
    name: 'Service capacity work',
    description: 'Work to create or sustain capacity where services are missing (topic guide §6).',
    children: [
      {
        name: 'Filling gaps',
        description: 'Starting groups or activities themselves where nothing exists.',
      },
      {
        name: 'Working with VCSE',
        description: 'Partnership with voluntary, community and social enterprise organisations.',
      },
      { name: 'Funding bids', description: 'Helping services bid for or secure funding.' },
    ],
  },
  {
    name: 'Reflections on the network map',
    description:
      'What the link worker says when shown their own network map at the end of the interview (topic guide §7).',
  },
  {
    name: 'Cross-cutting',
    description: 'The study’s analytic questions, applied alongside the topic codes.',
    children: [
      {
        name: 'Barriers to networking',
        description: 'Anything that makes building or using connections harder.',
      },
      {
        name: 'Facilitators of networking',
        description: 'Anything that makes building or using connections easier.',
      },
      {
        name: 'Skills',
        description: 'Skills the link worker uses or says they need for networking.',
      },
      {
        name: 'Support needs',
        description: 'Support, training or resources the link worker asks for.',
      },
    ],
  },
]

const palette = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
]

export function starterCodebook(): Codebook {
  const codes: Code[] = []
  seeds.forEach((theme, t) => {
    const visit = (seed: Seed, parentId: CodeId | null, path: string): void => {
      const id = codeId(stableGuid(`starter-codebook/${path}`))
      codes.push({
        id,
        name: seed.name,
        parentId,
        // Topic groupings are codable too: researchers code broadly first, then refine.
        isCodable: true,
        color: palette[t % palette.length]!,
        description: seed.description,
        examples: seed.examples ?? [],
      })
      for (const child of seed.children ?? []) visit(child, id, `${path}/${child.name}`)
    }
    visit(theme, null, theme.name)
  })
  return { codes }
}
