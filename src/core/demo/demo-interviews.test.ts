import { describe, expect, it } from 'vitest'
import { pairKey, type InterviewState } from '../interview/interview-state.js'
import { linkWorkerProtocol } from '../protocol/link-worker-protocol.js'
import type { Protocol } from '../protocol/protocol.js'
import { demoInterviews } from './demo-interviews.js'
import { generateDemoStudy } from './generate-demo.js'

const p = linkWorkerProtocol
const options = { egos: 30, seed: 7 }
const interviews = demoInterviews(p, options)
// The networks the interviews answer (same seed, same data).
const study = generateDemoStudy(options)

/** The link-worker protocol's sector → org_type (DOMAIN.md §3.3 A2), written out. */
const orgTypeOf: Record<string, string> = {
  gp_own_pcn: 'primary_care',
  gp_other: 'primary_care',
  pcn_staff: 'primary_care',
  other_nhs: 'other_nhs',
  local_authority: 'local_authority',
  vcse: 'vcse',
  other_statutory: 'other_statutory',
  housing_association: 'housing_association',
  private: 'private',
  social_prescribing: 'social_prescribing',
}

const named = (s: InterviewState, g: string) => s.alters.filter((a) => a.generators.includes(g))
/** Interviews whose demo network fits the protocol's limits (≤ 25 a generator, ≤ 40 in all). */
const whole = interviews.flatMap((interview, i) => {
  const net = study.networks[i]!
  const counts = ['work_contact', 'refers_to', 'advice_support', 'capacity_building'].map(
    (g) => net.alters.filter((a) => a.generators.includes(g)).length,
  )
  return net.alters.length <= 40 && counts.every((c) => c <= 25) ? [{ interview, net }] : []
})

describe('demoInterviews', () => {
  it('is the same for the same seed, and differs for another', () => {
    expect(demoInterviews(p, options)).toEqual(interviews)
    expect(demoInterviews(p, { ...options, seed: 8 })).not.toEqual(interviews)
  })

  it('gives one interview per demo ego, labelled LW001…LW030', () => {
    expect(interviews.map((i) => i.label)).toEqual(
      Array.from({ length: 30 }, (_, i) => `LW${String(i + 1).padStart(3, '0')}`),
    )
  })

  it('carries the IMD decile, quintile and practice as participant attributes, and the PCN as an answer', () => {
    for (const [i, interview] of interviews.entries()) {
      const ego = study.networks[i]!.ego.attributes
      const decile = ego['imd_decile']
      expect(interview.attributes).toEqual({
        imd_decile: decile,
        imd_quintile: Math.ceil(Number(decile) / 2),
        practice_code: ego['practice_code'],
      })
      expect(interview.state.ego['pcn_code']).toBe(ego['pcn_code'])
    }
    // 30 egos over 10 deciles: 3 each.
    const counts = new Map<unknown, number>()
    for (const i of interviews)
      counts.set(i.attributes['imd_decile'], (counts.get(i.attributes['imd_decile']) ?? 0) + 1)
    expect([...counts.keys()].sort((a, b) => Number(a) - Number(b))).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ])
    expect([...counts.values()]).toEqual([3, 3, 3, 3, 3, 3, 3, 3, 3, 3])
  })

  it('answers the ego questions from the demo ego', () => {
    for (const [i, { state }] of interviews.entries()) {
      const ego = study.networks[i]!.ego.attributes
      expect(Object.keys(state.ego)).toEqual([
        'role',
        'implementation_model',
        'months_as_link_worker',
        'practices_covered',
        'pcn_code',
        'clinical_system_access',
      ])
      expect(['link_worker', 'senior_link_worker']).toContain(state.ego['role'])
      expect(state.ego['implementation_model']).toBe(ego['implementation_model'])
      expect(state.ego['months_as_link_worker']).toBe(Math.round(Number(ego['years_in_role']) * 12))
      expect(state.ego['practices_covered']).toBe(ego['practices_covered'])
      expect(['full', 'read_only', 'none']).toContain(state.ego['clinical_system_access'])
      expect(state.stage).toBeNull()
    }
  })

  it('keeps the egos with 0, 1 and 2 contacts (at 30%, 55% and 80% of the list)', () => {
    expect([9, 16, 24].map((i) => interviews[i]!.state.alters.length)).toEqual([0, 1, 2])
    expect(interviews[9]!.state.ties).toEqual({})
  })

  it('stays within the protocol’s limits: 25 a name generator, 40 in all', () => {
    const generators = ['work_contact', 'refers_to', 'advice_support', 'capacity_building']
    for (const { state } of interviews) {
      expect(state.alters.length).toBeLessThanOrEqual(40)
      for (const g of generators) expect(named(state, g).length).toBeLessThanOrEqual(25)
    }
    // The limit is reached (so contacts were left out): the check above is not idle.
    expect(Math.max(...interviews.map((i) => named(i.state, 'work_contact').length))).toBe(25)
    expect(whole.length).toBeLessThan(interviews.length)
  })

  it('gives each contact a name unique in its interview (ignoring case and spaces)', () => {
    for (const { state } of interviews) {
      const names = state.alters.map((a) =>
        String(a.answers['name']).trim().replace(/\s+/g, ' ').toLowerCase(),
      )
      expect(new Set(names).size).toBe(names.length)
      expect(state.alters.map((a) => a.id)).toEqual(
        state.alters.map((_, j) => `a${String(j + 1).padStart(2, '0')}`),
      )
    }
  })

  it('answers only the protocol’s questions, with its options', () => {
    const keys = new Set(['name', 'sector', 'frequency', 'location', 'capacity', 'closeness'])
    const locations = ['pcn_area', 'la_area', 'outside_la', 'national']
    const capacities = ['open', 'waiting_list', 'closed', 'dont_know']
    for (const { state } of interviews)
      for (const a of state.alters) {
        for (const k of Object.keys(a.answers)) expect(keys).toContain(k)
        expect(Object.keys(orgTypeOf)).toContain(a.answers['sector'])
        if ('frequency' in a.answers) expect([1, 2, 3, 4, 5]).toContain(a.answers['frequency'])
        expect([1, 2, 3, 4, 5]).toContain(a.answers['closeness'])
        if ('location' in a.answers) expect(locations).toContain(a.answers['location'])
        // Capacity is asked of referral destinations only.
        if ('capacity' in a.answers) {
          expect(capacities).toContain(a.answers['capacity'])
          expect(a.generators).toContain('refers_to')
        }
      }
  })

  it('answers the demo contacts’ sector, frequency and generators', () => {
    for (const { interview, net } of whole) {
      interview.state.alters.forEach((a, j) => {
        const alter = net.alters[j]!
        expect(orgTypeOf[String(a.answers['sector'])]).toBe(alter.attributes['org_type'])
        expect(a.answers['frequency']).toBe(alter.frequency ?? undefined)
        expect(a.generators).toEqual(alter.generators)
      })
    }
  })

  it('answers the tie census for every pair among the first 20 contacts, and no other', () => {
    const seen = new Set<string>()
    for (const { state } of interviews) {
      const asked = state.alters.slice(0, 20).map((a) => a.id)
      const pairs: string[] = []
      for (let i = 0; i < asked.length; i++)
        for (let j = i + 1; j < asked.length; j++) pairs.push(pairKey(asked[i]!, asked[j]!))
      expect(Object.keys(state.ties).sort()).toEqual(pairs.sort())
      for (const s of Object.values(state.ties)) seen.add(s)
    }
    expect([...seen].sort()).toEqual(['dont_know', 'no', 'yes'])
  })

  it('answers yes and don’t know as the demo network has them, any other pair no', () => {
    expect(whole.length).toBeGreaterThan(10)
    for (const { interview, net } of whole) {
      const expected: Record<string, string> = {}
      const k = Math.min(20, net.alters.length)
      for (let i = 0; i < k; i++)
        for (let j = i + 1; j < k; j++) expected[pairKey(`a${pad(i + 1)}`, `a${pad(j + 1)}`)] = 'no'
      for (const t of net.ties)
        if (t.from < k && t.to < k && (t.state === 'yes' || t.state === 'dont_know'))
          expected[pairKey(`a${pad(t.from + 1)}`, `a${pad(t.to + 1)}`)] = t.state
      expect(interview.state.ties).toEqual(expected)
    }
  })

  it('follows a protocol with tighter limits and a smaller census', () => {
    const tight: Protocol = {
      ...p,
      maxAlters: 12,
      stages: p.stages.map((s) =>
        s.kind === 'name_generator'
          ? { ...s, maxAlters: 5 }
          : s.kind === 'tie_census'
            ? { ...s, maxAlters: 4 }
            : s,
      ),
    }
    const small = demoInterviews(tight, { egos: 10, seed: 3 })
    for (const { state } of small) {
      expect(state.alters.length).toBeLessThanOrEqual(12)
      for (const g of ['work_contact', 'refers_to', 'advice_support', 'capacity_building'])
        expect(named(state, g).length).toBeLessThanOrEqual(5)
      const k = Math.min(4, state.alters.length)
      expect(Object.keys(state.ties)).toHaveLength((k * (k - 1)) / 2)
    }
    expect(Math.max(...small.map((i) => i.state.alters.length))).toBe(12)
  })

  it('answers through the protocol for other seeds and sizes without a refusal', () => {
    for (const seed of [1, 2, 3, 99]) expect(demoInterviews(p, { egos: 10, seed }).length).toBe(10)
    expect(demoInterviews(p, { egos: 3, seed: 5 }).map((i) => i.label)).toEqual([
      'LW001',
      'LW002',
      'LW003',
    ])
  })
})

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
