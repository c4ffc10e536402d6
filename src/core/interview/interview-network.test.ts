import { describe, expect, it } from 'vitest'
import type { TieState } from '../network/ego-network.js'
import { linkWorkerProtocol } from '../protocol/link-worker-protocol.js'
import { addAlter, applyAll, smallProtocol } from '../test-support/interview.js'
import { interviewNetwork, protocolCodebook } from './interview-network.js'
import { emptyInterview, type InterviewChange } from './interview-state.js'

const p = smallProtocol
const answer = (alter: string, question: string, value: string | number): InterviewChange => ({
  kind: 'alter_answer',
  alter,
  question,
  value,
})

// Working network a, r, b, c (n6 is named only as "cannot refer"); the census is a, r, b.
const state = applyAll(p, [
  { kind: 'ego_answer', question: 'role', value: 'senior' },
  { kind: 'ego_answer', question: 'employer', value: 'other' },
  { kind: 'ego_answer', question: 'employer_other', value: 'Hospice' },
  { kind: 'ego_answer', question: 'hours', value: 20 },
  { kind: 'ego_answer', question: 'directory', value: true },
  { kind: 'ego_answer', question: 'background', value: ['vcse'] },
  addAlter('a', 'Food bank', 'work_contact', { sector: 'charity', frequency: 2 }),
  { kind: 'alter_answer', alter: 'a', question: 'mode', value: ['phone'] },
  addAlter('n6', 'Closed service', 'cannot_refer', { sector: 'gp' }),
  addAlter('r', 'Mind', 'refers_to', { sector: 'gp', capacity: 'closed' }),
  answer('r', 'closed_weeks', 3),
  { kind: 'name_alter', alter: 'r', generator: 'cannot_refer', named: true },
  addAlter('b', 'Surgery', 'work_contact', { sector_other: 'Dental' }),
  addAlter('c', 'Age UK', 'work_contact', { sector: 'pcn' }),
  { kind: 'tie', a: 'a', b: 'r', state: 'yes' },
  { kind: 'tie', a: 'b', b: 'a', state: 'dont_know' },
  { kind: 'tie', a: 'r', b: 'b', state: 'no' },
])
const net = interviewNetwork(p, state, 'LW01')

/** Pairs as 'from-to:state' by alter id. */
const pairs = (n: typeof net) =>
  n.ties.map((t) => `${n.alters[t.from]!.id}-${n.alters[t.to]!.id}:${t.state}`)

describe('interviewNetwork', () => {
  it('names the ego, and leaves out contacts named only as "cannot refer"', () => {
    expect(net.ego.id).toBe('LW01')
    expect(net.alters.map((a) => a.id)).toEqual(['a', 'r', 'b', 'c'])
  })

  it('gives each contact its answers, multiple choices as 0/1 columns, and derived org_type', () => {
    expect(net.alters[0]).toEqual({
      id: 'a',
      attributes: {
        name: 'Food bank',
        sector: 'charity',
        sector_other: null,
        mode_phone: 1,
        mode_email: 0,
        capacity: null,
        closed_weeks: null,
        org_type: 'vcse',
      },
      frequency: 2,
      generators: ['work_contact'],
    })
    expect(net.alters[1]).toEqual({
      id: 'r',
      attributes: {
        name: 'Mind',
        sector: 'gp',
        sector_other: null,
        mode_phone: null,
        mode_email: null,
        capacity: 'closed',
        closed_weeks: 3,
        org_type: 'primary_care',
      },
      frequency: null,
      // Also named as "cannot refer": kept, for multiplexity.
      generators: ['refers_to', 'cannot_refer'],
    })
  })

  it('keeps the "other" text, and leaves org_type missing without a sector', () => {
    expect(net.alters[2]?.attributes).toEqual({
      name: 'Surgery',
      sector: null,
      sector_other: 'Dental',
      mode_phone: null,
      mode_email: null,
      capacity: null,
      closed_weeks: null,
      org_type: null,
    })
    expect(net.alters[3]?.attributes['org_type']).toBe('primary_care')
  })

  it('writes every pair with its state; pairs beyond the census are not_asked', () => {
    expect(pairs(net)).toEqual([
      'a-r:yes',
      'a-b:dont_know',
      'a-c:not_asked',
      'r-b:no',
      'r-c:not_asked',
      'b-c:not_asked',
    ])
    expect(net.ties.every((t) => t.weight === null && t.from < t.to)).toBe(true)
  })

  it('writes an unanswered census pair as not_asked, never as no', () => {
    const cleared = applyAll(p, [{ kind: 'tie', a: 'a', b: 'r', state: null }], state)
    expect(pairs(interviewNetwork(p, cleared, 'LW01'))[0]).toBe('a-r:not_asked')
  })

  it('gives the ego its answers, the "other" text, 0/1 columns and the derived host sector', () => {
    expect(net.ego.attributes).toEqual({
      role: 'senior',
      employer: 'other',
      employer_other: 'Hospice',
      hours: 20,
      months: null,
      note: null,
      story: null,
      directory: true,
      directory_name: null,
      background_health: 0,
      background_vcse: 1,
      background_other: 0,
      host_sector: 'other',
    })
  })

  it('gives an empty interview an ego with every answer missing and no alters', () => {
    const empty = interviewNetwork(p, emptyInterview, 'LW02')
    expect(empty).toEqual({
      ego: {
        id: 'LW02',
        attributes: {
          role: null,
          employer: null,
          employer_other: null,
          hours: null,
          months: null,
          note: null,
          story: null,
          directory: null,
          directory_name: null,
          background_health: null,
          background_vcse: null,
          background_other: null,
          host_sector: null,
        },
      },
      alters: [],
      ties: [],
    })
  })

  describe('with the link-worker protocol', () => {
    const lw = linkWorkerProtocol
    // 22 contacts x0..x21; the census asks about x0..x19 (20).
    const ids = Array.from({ length: 22 }, (_, i) => `x${i}`)
    const census: InterviewChange[] = []
    for (let i = 0; i < 20; i++)
      for (let j = i + 1; j < 20; j++) {
        const s = i === 0 && j === 1 ? 'yes' : i === 0 && j === 2 ? 'dont_know' : 'no'
        census.push({ kind: 'tie', a: ids[i]!, b: ids[j]!, state: s })
      }
    const interview = applyAll(lw, [
      { kind: 'ego_answer', question: 'implementation_model', value: 'nhs_trust' },
      ...ids.map((id, i) =>
        addAlter(id, `Contact ${i}`, 'work_contact', {
          sector: i % 2 === 0 ? 'gp_other' : 'vcse',
        }),
      ),
      addAlter('n6', 'Closed service', 'cannot_refer', { sector: 'vcse' }),
      ...census,
    ])
    const lwNet = interviewNetwork(lw, interview, 'LW03')

    it('counts each state: 20·19/2 census pairs answered, the 41 pairs with x20 or x21 not asked', () => {
      const count = (s: TieState) => lwNet.ties.filter((t) => t.state === s).length
      // 22·21/2 = 231 pairs = 190 among x0..x19 + 41 with x20 or x21.
      expect(lwNet.ties).toHaveLength(231)
      expect([count('yes'), count('dont_know'), count('no'), count('not_asked')]).toEqual([
        1, 1, 188, 41,
      ])
      expect(pairs(lwNet).slice(0, 2)).toEqual(['x0-x1:yes', 'x0-x2:dont_know'])
      expect(pairs(lwNet)).toContain('x19-x20:not_asked')
      expect(pairs(lwNet)).toContain('x20-x21:not_asked')
    })

    it('derives org_type from sector, and the ego’s sector from the implementation model', () => {
      expect(lwNet.alters).toHaveLength(22)
      expect(lwNet.alters.slice(0, 2).map((a) => a.attributes['org_type'])).toEqual([
        'primary_care',
        'vcse',
      ])
      expect(lwNet.ego.attributes['sector']).toBe('other_nhs')
      expect(lwNet.ego.attributes['implementation_model']).toBe('nhs_trust')
      expect(lwNet.ego.attributes['implementation_model_other']).toBeNull()
    })
  })
})

describe('protocolCodebook', () => {
  it('describes every column an interview network has', () => {
    const yesNo = { min: 0, max: 1, integer: true }
    expect(protocolCodebook(p)).toEqual({
      ego: {
        role: {
          type: 'categorical',
          label: 'Role',
          levels: ['link_worker', 'senior'],
          labels: { link_worker: 'Link worker', senior: 'Senior' },
        },
        employer: {
          type: 'categorical',
          label: 'Employer',
          levels: ['pcn', 'vcse', 'other'],
          labels: { pcn: 'PCN', vcse: 'VCSE', other: 'Other' },
        },
        employer_other: { type: 'text', label: 'Employer (other, in their words)' },
        hours: { type: 'numeric', label: 'Hours', min: 0, max: 60 },
        months: { type: 'numeric', label: 'Months', min: 0, max: 600, integer: true },
        note: { type: 'text', label: 'Note' },
        story: { type: 'text', label: 'Story' },
        directory: { type: 'boolean', label: 'Uses a directory' },
        directory_name: { type: 'text', label: 'Which directory' },
        background_health: { type: 'numeric', label: 'Background: Health', ...yesNo },
        background_vcse: { type: 'numeric', label: 'Background: VCSE', ...yesNo },
        background_other: { type: 'numeric', label: 'Background: Other', ...yesNo },
        host_sector: {
          type: 'categorical',
          label: 'Host sector',
          levels: ['primary_care', 'vcse', 'other'],
        },
      },
      alter: {
        name: { type: 'text', label: 'Name' },
        sector: {
          type: 'categorical',
          label: 'Sector',
          levels: ['gp', 'pcn', 'charity'],
          labels: { gp: 'GP', pcn: 'PCN', charity: 'Charity' },
        },
        sector_other: { type: 'text', label: 'Sector (other, in their words)' },
        frequency: { type: 'numeric', label: 'Frequency', min: 1, max: 3, integer: true },
        mode_phone: { type: 'numeric', label: 'Mode: Phone', ...yesNo },
        mode_email: { type: 'numeric', label: 'Mode: Email', ...yesNo },
        capacity: {
          type: 'categorical',
          label: 'Capacity',
          levels: ['open', 'closed'],
          labels: { open: 'Open', closed: 'Closed' },
        },
        closed_weeks: {
          type: 'numeric',
          label: 'Closed for how many weeks',
          min: 1,
          integer: true,
        },
        org_type: {
          type: 'categorical',
          label: 'Grouped sector',
          levels: ['primary_care', 'vcse'],
        },
      },
    })
  })

  it('gives the link-worker protocol’s grouped sectors and ordinal ranges', () => {
    const c = protocolCodebook(linkWorkerProtocol)
    expect(c.alter['org_type']).toMatchObject({
      levels: [
        'primary_care',
        'other_nhs',
        'local_authority',
        'vcse',
        'other_statutory',
        'housing_association',
        'private',
        'social_prescribing',
      ],
    })
    expect(c.ego['sector']).toMatchObject({
      type: 'categorical',
      levels: ['primary_care', 'vcse', 'local_authority', 'other_nhs', 'other'],
    })
    expect(c.alter['frequency']).toMatchObject({ type: 'numeric', min: 1, max: 5, integer: true })
    expect(c.alter['collaboration']).toMatchObject({ min: 0, max: 4, integer: true })
    expect(c.ego['implementation_model_other']).toMatchObject({ type: 'text' })
    expect(c.alter['contact_mode_face_to_face']).toMatchObject({ min: 0, max: 1 })
  })
})
