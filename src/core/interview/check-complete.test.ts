import { describe, expect, it } from 'vitest'
import { linkWorkerProtocol } from '../protocol/link-worker-protocol.js'
import { addAlter, applyAll, smallProtocol } from '../test-support/interview.js'
import { missingAnswers } from './check-complete.js'
import { emptyInterview, type InterviewChange, type InterviewState } from './interview-state.js'

const p = smallProtocol
const paths = (state: InterviewState) => missingAnswers(p, state).map((i) => i.path)
const ego = (question: string, value: string | boolean): InterviewChange => ({
  kind: 'ego_answer',
  question,
  value,
})
const answer = (alter: string, question: string, value: string | number): InterviewChange => ({
  kind: 'alter_answer',
  alter,
  question,
  value,
})

/** Role answered, one work contact and one referral service with every required answer. */
const complete = applyAll(p, [
  ego('role', 'link_worker'),
  addAlter('a', 'Food bank', 'work_contact', { sector: 'charity' }),
  addAlter('r', 'Mind', 'refers_to', { sector: 'charity', capacity: 'open' }),
])

describe('missingAnswers', () => {
  it('finds nothing missing in a complete interview', () => {
    expect(missingAnswers(p, complete)).toEqual([])
  })

  it('lists, in stage order, required ego questions and name generators that are not optional', () => {
    // directory_name is required but hidden (directory unanswered); ng_cannot is optional.
    expect(paths(emptyInterview)).toEqual(['you.role', 'ng_work', 'ng_refer'])
    for (const issue of missingAnswers(p, emptyInterview))
      expect(issue.message).toEqual(expect.any(String))
  })

  it('asks for a required question only while it is shown', () => {
    const uses = applyAll(p, [ego('directory', true)], complete)
    expect(paths(uses)).toEqual(['you.directory_name'])
    expect(paths(applyAll(p, [ego('directory_name', 'Elemental')], uses))).toEqual([])
    expect(paths(applyAll(p, [ego('directory', false)], complete))).toEqual([])
  })

  it('checks each contact in each alter form it is asked, by stage, contact and question', () => {
    const state = applyAll(
      p,
      [
        addAlter('b', 'Surgery'),
        // r2 is asked both forms; b only "contacts" (the referral form is for refers_to).
        addAlter('r2', 'Citizens Advice', 'refers_to'),
      ],
      complete,
    )
    expect(paths(state)).toEqual([
      'contacts.b.sector',
      'contacts.r2.sector',
      'referrals.r2.capacity',
    ])
  })

  it('still misses an answer given as null or spaces', () => {
    const state = applyAll(
      p,
      [
        {
          kind: 'add_alter',
          alter: 'b',
          generator: 'work_contact',
          answers: { name: 'GP', sector: null },
        },
        ego('directory', true),
        ego('directory_name', '   '),
      ],
      complete,
    )
    expect(paths(state)).toEqual(['you.directory_name', 'contacts.b.sector'])
  })

  it('follows skip logic per contact', () => {
    const closed = applyAll(p, [answer('r', 'capacity', 'closed')], complete)
    expect(paths(closed)).toEqual(['referrals.r.closed_weeks'])
    expect(paths(applyAll(p, [answer('r', 'closed_weeks', 4)], closed))).toEqual([])
  })

  it('counts a contact the participant can not refer to for no form and no other generator', () => {
    // n6 has no sector, but contacts named only under NG6 are not asked the alter forms.
    const state = applyAll(p, [
      ego('role', 'senior'),
      addAlter('n6', 'Closed service', 'cannot_refer'),
      addAlter('r', 'Mind', 'refers_to', { sector: 'charity', capacity: 'open' }),
    ])
    expect(paths(state)).toEqual(['ng_work'])
  })

  it('needs at least one contact under each required name generator of the link-worker protocol', () => {
    expect(missingAnswers(linkWorkerProtocol, emptyInterview).map((i) => i.path)).toEqual([
      'about_you.role',
      'about_you.implementation_model',
      'ng1_work_contacts',
      'ng2_referral_destinations',
      'ng4_advice_support',
    ])
  })
})
