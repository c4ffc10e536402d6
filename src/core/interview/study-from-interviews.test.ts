import { describe, expect, it } from 'vitest'
import { addAlter, applyAll, smallProtocol } from '../test-support/interview.js'
import { emptyInterview } from './interview-state.js'
import { studyFromInterviews, type CollectedInterview } from './study-from-interviews.js'

const p = smallProtocol
/** The columns of smallProtocol's codebook (written out in interview-network.test.ts). */
const egoColumns = [
  'role',
  'employer',
  'employer_other',
  'hours',
  'months',
  'note',
  'story',
  'directory',
  'directory_name',
  'background_health',
  'background_vcse',
  'background_other',
  'host_sector',
]
const alterColumns = [
  'sector',
  'sector_other',
  'frequency',
  'mode_phone',
  'mode_email',
  'capacity',
  'closed_weeks',
  'org_type',
]

const interviews: CollectedInterview[] = [
  {
    label: 'LW01',
    // role is also a question (answered: the answer wins); note too (unanswered: this stays).
    attributes: { imd_decile: 3, pilot: true, band: 3, role: 'team-set', note: 'from the team' },
    state: applyAll(p, [
      { kind: 'ego_answer', question: 'role', value: 'senior' },
      addAlter('a', 'Food bank', 'work_contact', { sector: 'charity' }),
      addAlter('n6', 'Closed service', 'cannot_refer'),
      addAlter('n7', 'Full service', 'cannot_refer'),
      addAlter('r', 'Mind', 'refers_to', { sector: 'gp' }),
      { kind: 'name_alter', alter: 'r', generator: 'cannot_refer', named: true },
      { kind: 'tie', a: 'a', b: 'r', state: 'yes' },
    ]),
  },
  {
    label: 'LW02',
    attributes: { imd_decile: 8, pilot: false, band: 'high', score: 2.5, empty: null },
    state: emptyInterview,
  },
  {
    label: 'LW03',
    attributes: {},
    state: applyAll(p, [
      addAlter('n1', 'Closed service', 'cannot_refer'),
      addAlter('n2', 'Far service', 'cannot_refer'),
      addAlter('n3', 'No contact', 'cannot_refer'),
    ]),
  },
]

describe('studyFromInterviews', () => {
  const study = studyFromInterviews(p, interviews)

  it('has one network per interview, in order, and the protocol’s generators', () => {
    expect(study.networks.map((n) => n.ego.id)).toEqual(['LW01', 'LW02', 'LW03'])
    expect(study.generators).toEqual(['work_contact', 'refers_to', 'cannot_refer'])
  })

  it('counts the services named only as ones the link worker cannot refer to', () => {
    // LW01: n6, n7 (r is also a referral destination); LW02: none; LW03: all three.
    expect(study.networks.map((n) => n.ego.attributes['cannot_refer_count'])).toEqual([2, 0, 3])
    expect(study.networks.map((n) => n.alters.map((a) => a.id))).toEqual([['a', 'r'], [], []])
  })

  it('keeps the team’s attributes; an answer wins over one of the same name, no answer does not', () => {
    const [lw01, lw02] = study.networks
    expect(lw01?.ego.attributes).toMatchObject({
      imd_decile: 3,
      pilot: true,
      band: 3,
      role: 'senior',
      note: 'from the team',
      hours: null,
      host_sector: null,
    })
    expect(lw02?.ego.attributes).toMatchObject({
      imd_decile: 8,
      pilot: false,
      band: 'high',
      score: 2.5,
      empty: null,
      role: null,
      note: null,
    })
  })

  it('leaves the contacts’ names out, from the data and the codebook', () => {
    const a = study.networks[0]?.alters[0]
    expect(a?.attributes).not.toHaveProperty('name')
    expect(a?.attributes).toMatchObject({ sector: 'charity', org_type: 'vcse' })
    expect(study.codebook.alter).not.toHaveProperty('name')
    expect(Object.keys(study.codebook.alter)).toEqual(alterColumns)
  })

  it('keeps the names when asked', () => {
    const named = studyFromInterviews(p, interviews, { includeNames: true })
    expect(named.networks[0]?.alters.map((a) => a.attributes['name'])).toEqual([
      'Food bank',
      'Mind',
    ])
    expect(named.codebook.alter['name']).toEqual({ type: 'text', label: 'Name' })
  })

  it('keeps the network’s ties and the other alter data', () => {
    const net = study.networks[0]
    expect(net?.ties).toEqual([{ from: 0, to: 1, state: 'yes', weight: null }])
    expect(net?.alters[1]?.generators).toEqual(['refers_to', 'cannot_refer'])
  })

  it('types the team’s attributes from their values; the protocol’s variables win', () => {
    const ego = study.codebook.ego
    expect(ego['imd_decile']).toEqual({ type: 'numeric', integer: true })
    expect(ego['score']).toEqual({ type: 'numeric' })
    expect(ego['pilot']).toEqual({ type: 'boolean' })
    // 3 and 'high': not all numbers, so categories (as text, sorted).
    expect(ego['band']).toEqual({ type: 'categorical', levels: ['3', 'high'] })
    // Never given a value: text.
    expect(ego['empty']).toEqual({ type: 'text' })
    expect(ego['role']).toEqual({
      type: 'categorical',
      label: 'Role',
      levels: ['link_worker', 'senior'],
      labels: { link_worker: 'Link worker', senior: 'Senior' },
    })
    expect(ego['note']).toEqual({ type: 'text', label: 'Note' })
    expect(ego['cannot_refer_count']).toEqual({
      type: 'numeric',
      label: 'Services named that the link worker cannot refer to',
      min: 0,
      integer: true,
    })
    expect(Object.keys(ego).sort()).toEqual(
      [
        ...['imd_decile', 'pilot', 'band', 'score', 'empty'],
        ...egoColumns,
        'cannot_refer_count',
      ].sort(),
    )
  })

  it('makes an empty study of no interviews', () => {
    const none = studyFromInterviews(p, [])
    expect(none.networks).toEqual([])
    expect(Object.keys(none.codebook.ego)).toEqual([...egoColumns, 'cannot_refer_count'])
  })
})
