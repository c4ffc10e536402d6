import { applyChange, generatorStage } from '../interview/apply-change.js'
import {
  emptyInterview,
  type InterviewChange,
  type InterviewState,
} from '../interview/interview-state.js'
import type { CollectedInterview } from '../interview/study-from-interviews.js'
import type { AttributeValue } from '../network/ego-network.js'
import type { Protocol } from '../protocol/protocol.js'
import { generateDemoStudy } from './generate-demo.js'
import { createRandom } from './random.js'

/**
 * Synthetic interviews of the built-in link-worker protocol, for the demo
 * study `npm start` loads: the networks of `generateDemoStudy` (same seed,
 * same data) answered through the protocol, change by change, with
 * `applyChange`, so every answer is one a participant could have given.
 * Contacts get made-up organisation names; the tie census is answered for
 * the pairs it asks (yes, no and don't know), as a participant would.
 * Participant attributes carry the IMD decile and quintile (as typed by
 * hand) and the practice code; the PCN code is the ego's answer, so a study
 * setting can place them either way.
 */
export function demoInterviews(
  protocol: Protocol,
  options: { readonly egos: number; readonly seed: number },
): CollectedInterview[] {
  const study = generateDemoStudy(options)
  const random = createRandom(options.seed + 1)
  const census = protocol.stages.find((s) => s.kind === 'tie_census')
  const censusSize = census?.kind === 'tie_census' ? census.maxAlters : 0
  const limit = (generator: string) =>
    generatorStage(protocol, generator)?.maxAlters ?? Number.POSITIVE_INFINITY
  return study.networks.map((net) => {
    const changes: InterviewChange[] = []
    const egoAttr = net.ego.attributes
    changes.push(
      {
        kind: 'ego_answer',
        question: 'role',
        value: random.chance(0.15) ? 'senior_link_worker' : 'link_worker',
      },
      {
        kind: 'ego_answer',
        question: 'implementation_model',
        value: String(egoAttr['implementation_model']),
      },
      {
        kind: 'ego_answer',
        question: 'months_as_link_worker',
        value: Math.round(Number(egoAttr['years_in_role']) * 12),
      },
      {
        kind: 'ego_answer',
        question: 'practices_covered',
        value: Number(egoAttr['practices_covered']),
      },
      { kind: 'ego_answer', question: 'pcn_code', value: String(egoAttr['pcn_code']) },
      {
        kind: 'ego_answer',
        question: 'clinical_system_access',
        value: random.chance(0.7) ? 'full' : random.chance(0.5) ? 'read_only' : 'none',
      },
    )
    // Keep the alters the protocol's limits allow (the link-worker protocol: 25 a question,
    // 40 in all), in order.
    const perGenerator = new Map<string, number>()
    const kept: { readonly index: number; readonly generators: readonly string[] }[] = []
    net.alters.forEach((alter, index) => {
      const named = alter.generators.length > 0 ? alter.generators : ['work_contact']
      const fits = named.filter((g) => (perGenerator.get(g) ?? 0) < limit(g))
      if (fits.length === 0 || kept.length >= protocol.maxAlters) return
      for (const g of fits) perGenerator.set(g, (perGenerator.get(g) ?? 0) + 1)
      kept.push({ index, generators: fits })
    })
    const alters = kept.map((k) => net.alters[k.index]!)
    const ids = alters.map((_, j) => `a${String(j + 1).padStart(2, '0')}`)
    const used = new Set<string>()
    alters.forEach((alter, j) => {
      const [first, ...others] = kept[j]!.generators
      const generators = kept[j]!.generators
      const orgType = String(alter.attributes['org_type'])
      // The demo can name one organisation twice (two teams): names must differ.
      let name = organisationName(orgType, String(alter.attributes['org_id']))
      if (used.has(name)) name = `${name}, team ${j + 1}`
      used.add(name)
      changes.push({
        kind: 'add_alter',
        alter: ids[j]!,
        generator: first!,
        answers: { name, sector: sectorOf(orgType, j) },
      })
      for (const g of others)
        changes.push({ kind: 'name_alter', alter: ids[j]!, generator: g, named: true })
      if (alter.frequency !== null)
        changes.push({
          kind: 'alter_answer',
          alter: ids[j]!,
          question: 'frequency',
          value: alter.frequency,
        })
      const location = alter.attributes['location']
      if (typeof location === 'string')
        changes.push({
          kind: 'alter_answer',
          alter: ids[j]!,
          question: 'location',
          value: location,
        })
      const capacity = alter.attributes['capacity']
      if (typeof capacity === 'string' && generators.includes('refers_to'))
        changes.push({
          kind: 'alter_answer',
          alter: ids[j]!,
          question: 'capacity',
          value: capacity,
        })
      changes.push({
        kind: 'alter_answer',
        alter: ids[j]!,
        question: 'closeness',
        value: 1 + random.int(0, 4),
      })
    })
    // The census: a listed pair keeps its state, any other asked pair is "no".
    const position = new Map(kept.map((k, j) => [k.index, j]))
    const states = new Map<string, AttributeValue>()
    for (const t of net.ties) {
      const a = position.get(t.from)
      const b = position.get(t.to)
      if (a !== undefined && b !== undefined)
        states.set(`${Math.min(a, b)}|${Math.max(a, b)}`, t.state)
    }
    const asked = Math.min(censusSize, alters.length)
    for (let i = 0; i < asked; i++) {
      for (let j = i + 1; j < asked; j++) {
        const state = states.get(`${i}|${j}`) ?? 'no'
        const answer = state === 'yes' || state === 'dont_know' ? state : 'no'
        changes.push({ kind: 'tie', a: ids[i]!, b: ids[j]!, state: answer })
      }
    }
    let state: InterviewState = emptyInterview
    for (const change of changes) {
      const next = applyChange(protocol, state, change)
      if (!next.ok)
        throw new Error(`demo/demo-interviews: ${next.error.message} (${JSON.stringify(change)})`)
      state = next.value
    }
    return {
      label: net.ego.id,
      attributes: {
        imd_decile: egoAttr['imd_decile'] ?? null,
        imd_quintile: egoAttr['imd_quintile'] ?? null,
        practice_code: egoAttr['practice_code'] ?? null,
      },
      state,
    }
  })
}

const sectors: Record<string, readonly string[]> = {
  primary_care: ['gp_own_pcn', 'gp_own_pcn', 'pcn_staff', 'gp_other'],
  other_nhs: ['other_nhs'],
  local_authority: ['local_authority'],
  vcse: ['vcse'],
  other_statutory: ['other_statutory'],
  housing_association: ['housing_association'],
  private: ['private'],
  social_prescribing: ['social_prescribing'],
}

function sectorOf(orgType: string, j: number): string {
  const options = sectors[orgType] ?? ['vcse']
  return options[j % options.length]!
}

const names: Record<string, readonly string[]> = {
  primary_care: [
    'Riverside Surgery',
    'Park Lane Medical Centre',
    'High Street Practice',
    'Brookfield Health Centre',
    'PCN care coordinator',
    'PCN health and wellbeing coach',
    'Station Road Surgery',
    'Oakwood Family Practice',
  ],
  other_nhs: [
    'Community mental health team',
    'NHS Talking Therapies',
    'District nursing team',
    'Hospital discharge team',
    'Community physiotherapy',
    'Diabetes education service',
  ],
  local_authority: [
    'Adult social care front door',
    'Council housing options',
    'Public health team',
    'Library service',
    'Council welfare rights',
    'Family hub',
  ],
  vcse: [
    'Food bank',
    'Citizens Advice',
    'Age UK',
    'Men’s Shed',
    'Walking for health group',
    'Community garden',
    'Carers centre',
    'Mind',
    'Credit union',
    'Befriending service',
    'Arts on prescription',
    'Refugee support group',
    'Faith community lunch club',
    'Parkrun volunteers',
  ],
  other_statutory: [
    'Jobcentre Plus',
    'Fire service safe and well',
    'Police neighbourhood team',
    'Probation service',
  ],
  housing_association: ['Housing association tenancy support', 'Supported housing provider'],
  private: ['Leisure centre', 'Community pharmacy', 'Private counselling service'],
  social_prescribing: [
    'Neighbouring PCN link worker',
    'Social prescribing team lead',
    'Local social prescribing network',
  ],
}

/** A made-up organisation name, unique per demo organisation id (e.g. VC1-12 → "Food bank (12)"). */
function organisationName(orgType: string, orgId: string): string {
  const list = names[orgType] ?? names['vcse']!
  const n = Number(/(\d+)$/.exec(orgId)?.[1] ?? '0')
  return `${list[n % list.length]!} (${orgId})`
}
