import { describe, expect, it } from 'vitest'
import { linkWorkerProtocol } from '../protocol/link-worker-protocol.js'
import type { Question } from '../protocol/protocol.js'
import { addAlter, applyAll, refusal, smallProtocol } from '../test-support/interview.js'
import {
  answerProblem,
  applyChange,
  censusAlters,
  formAlters,
  generatorStage,
  isShown,
  networkAlters,
  normaliseName,
  questionsOf,
} from './apply-change.js'
import {
  emptyInterview,
  type AnswerValue,
  type InterviewChange,
  type InterviewState,
} from './interview-state.js'

// smallProtocol: work_contact ≤ 3, refers_to ≤ 2, cannot_refer (no limit), 5 alters in all,
// a census of the first 3 (see test-support/interview.ts).
const p = smallProtocol
const apply = (change: InterviewChange, state: InterviewState = emptyInterview) =>
  applyChange(p, state, change)
const ego = (question: string, value: AnswerValue) => apply({ kind: 'ego_answer', question, value })

/** Three work contacts a, b, c (in that order). */
const three = applyAll(p, [
  addAlter('a', 'Food bank', 'work_contact', { sector: 'charity' }),
  addAlter('b', 'Riverside Surgery', 'work_contact', { sector: 'gp' }),
  addAlter('c', 'Age UK'),
])

describe('applyChange: ego_answer', () => {
  it('records an answer without changing the state it was given', () => {
    const result = ego('role', 'senior')
    expect(result).toEqual({ ok: true, value: { ...emptyInterview, ego: { role: 'senior' } } })
    expect(emptyInterview.ego).toEqual({})
  })

  it('refuses a question the protocol does not ask the participant', () => {
    for (const question of ['favourite_colour', 'sector', 'role_other']) {
      const r = refusal(ego(question, 'x'))
      expect(r.code).toBe('validation')
      expect(r.issues.map((i) => i.path)).toEqual(['question'])
    }
  })

  it.each<[string, AnswerValue]>([
    ['hours', 'ten'],
    ['hours', true],
    ['hours', Number.NaN],
    ['hours', Number.POSITIVE_INFINITY],
    ['hours', -0.5],
    ['hours', 60.5],
    ['months', 2.5],
    ['months', 601],
    ['note', 12],
    ['note', 'eleven char'],
    ['story', ['a']],
    ['directory', 'yes'],
    ['directory', 1],
    ['role', 'chief'],
    ['role', ['senior']],
    ['role', 1],
    ['background', 'health'],
    ['background', ['health', 'health']],
    ['background', ['health', 'law']],
  ])('refuses %s = %j at ego.<question>', (question, value) => {
    const r = refusal(ego(question, value))
    expect(r.code).toBe('validation')
    expect(r.issues.map((i) => i.path)).toEqual([`ego.${question}`])
  })

  it.each<[string, AnswerValue]>([
    ['hours', 0],
    ['hours', 60],
    ['hours', 37.5],
    ['months', 600],
    ['note', 'ten chars!'],
    ['directory', false],
    ['role', 'link_worker'],
    ['background', ['vcse', 'health']],
  ])('accepts %s = %j', (question, value) => {
    const result = ego(question, value)
    expect(result.ok && result.value.ego[question]).toEqual(value)
  })

  it('limits text without its own limit to 500 characters, long text to 2,000', () => {
    expect(ego('story', 'x'.repeat(2000)).ok).toBe(true)
    expect(ego('directory_name', 'x'.repeat(500)).ok).toBe(true)
    expect(refusal(ego('directory_name', 'x'.repeat(501))).issues[0]?.path).toBe(
      'ego.directory_name',
    )
  })

  it('trims text, and keeps no answer of only spaces', () => {
    const trimmed = ego('note', '  hello  ')
    expect(trimmed.ok && trimmed.value.ego).toEqual({ note: 'hello' })
    const blank = ego('note', '   ')
    expect(blank.ok && blank.value.ego).toEqual({})
  })

  it('clears an answer given null, an empty text or no options', () => {
    const answered = applyAll(p, [
      { kind: 'ego_answer', question: 'hours', value: 20 },
      { kind: 'ego_answer', question: 'note', value: 'hi' },
      { kind: 'ego_answer', question: 'background', value: ['health'] },
    ])
    const cleared = applyAll(
      p,
      [
        { kind: 'ego_answer', question: 'hours', value: null },
        { kind: 'ego_answer', question: 'note', value: '' },
        { kind: 'ego_answer', question: 'background', value: [] },
      ],
      answered,
    )
    expect(answered.ego).toEqual({ hours: 20, note: 'hi', background: ['health'] })
    expect(cleared.ego).toEqual({})
  })

  it('takes "other" text only beside a question that allows it, up to 200 characters', () => {
    const other = ego('employer_other', ' Hospice ')
    expect(other.ok && other.value.ego).toEqual({ employer_other: 'Hospice' })
    expect(ego('employer_other', 'x'.repeat(200)).ok).toBe(true)
    expect(refusal(ego('employer_other', 'x'.repeat(201))).issues[0]?.path).toBe(
      'ego.employer_other',
    )
    expect(refusal(ego('employer_other', 3)).issues[0]?.path).toBe('ego.employer_other')
    // role has no "other": role_other is no question (checked above); nor is a bare "_other".
    expect(refusal(ego('hours_other', 'x')).issues[0]?.path).toBe('question')
  })
})

describe('applyChange: add_alter', () => {
  it('adds a contact named under a generator, with its answers', () => {
    const result = apply(addAlter('a', 'Food bank', 'work_contact', { sector: 'charity' }))
    expect(result.ok && result.value.alters).toEqual([
      { id: 'a', answers: { name: 'Food bank', sector: 'charity' }, generators: ['work_contact'] },
    ])
  })

  it('stores answers as alter_answer does: trimmed, empty ones left out', () => {
    const result = apply({
      kind: 'add_alter',
      alter: 'a',
      generator: 'work_contact',
      answers: { name: '  Food bank ', sector: null, mode: [], sector_other: '  ' },
    })
    expect(result.ok && result.value.alters[0]?.answers).toEqual({ name: 'Food bank' })
  })

  it('refuses a generator the protocol does not have', () => {
    const r = refusal(apply(addAlter('a', 'Food bank', 'refers_from')))
    expect([r.code, r.issues.map((i) => i.path)]).toEqual(['validation', ['generator']])
  })

  it('refuses an answer to an unknown question, or one not allowed, at answers.<question>', () => {
    const cases: [Record<string, string | number>, string][] = [
      [{ colour: 'red' }, 'answers.colour'],
      [{ role: 'senior' }, 'answers.role'],
      [{ sector: 'dentist' }, 'answers.sector'],
      [{ frequency: 4 }, 'answers.frequency'],
      [{ frequency: '2' }, 'answers.frequency'],
      [{ capacity: 'full' }, 'answers.capacity'],
    ]
    for (const [answers, path] of cases) {
      const r = refusal(apply(addAlter('a', 'Food bank', 'work_contact', answers)))
      expect([r.code, r.issues.map((i) => i.path)]).toEqual(['validation', [path]])
    }
  })

  it('takes the "other" text of a question that allows it', () => {
    const result = apply(addAlter('a', 'Hospice', 'work_contact', { sector_other: 'Hospice' }))
    expect(result.ok && result.value.alters[0]?.answers).toEqual({
      name: 'Hospice',
      sector_other: 'Hospice',
    })
    const r = refusal(apply(addAlter('a', 'Hospice', 'work_contact', { frequency_other: 'x' })))
    expect(r.issues.map((i) => i.path)).toEqual(['answers.frequency_other'])
  })

  it('needs a name', () => {
    for (const name of [null, '', '   ']) {
      const r = refusal(
        apply({ kind: 'add_alter', alter: 'a', generator: 'work_contact', answers: { name } }),
      )
      expect([r.code, r.issues.map((i) => i.path)]).toEqual(['validation', ['answers.name']])
    }
    const r = refusal(
      apply({ kind: 'add_alter', alter: 'a', generator: 'work_contact', answers: {} }),
    )
    expect(r.issues.map((i) => i.path)).toEqual(['answers.name'])
  })

  it('refuses a name already given (ignoring case and spaces), naming the contact to choose', () => {
    for (const name of ['food bank', '  FOOD   BANK ', 'Food\tbank']) {
      const r = refusal(apply(addAlter('d', name, 'refers_to'), three))
      expect(r.code).toBe('conflict')
      expect(r.issues).toEqual([{ path: 'answers.name', message: expect.any(String), fix: 'a' }])
    }
    expect(apply(addAlter('d', 'Food banks', 'refers_to'), three).ok).toBe(true)
  })

  it('treats a retried add (same id) as done, even if the answers differ', () => {
    expect(apply(addAlter('a', 'Food bank'), three)).toEqual({ ok: true, value: three })
    const again = apply(addAlter('b', 'Something else', 'refers_to'), three)
    expect(again.ok && again.value).toBe(three)
  })

  it('allows up to maxAlters under a generator, then refuses at alters', () => {
    // work_contact takes 3: a fourth is refused, while refers_to still takes one.
    const r = refusal(apply(addAlter('d', 'Mind'), three))
    expect([r.code, r.issues.map((i) => i.path)]).toEqual(['validation', ['alters']])
    expect(apply(addAlter('d', 'Mind', 'refers_to'), three).ok).toBe(true)
  })

  it('allows up to the protocol’s maxAlters in all, even where a stage has no limit', () => {
    const five = applyAll(
      p,
      [addAlter('d', 'Mind', 'refers_to'), addAlter('e', 'Carers centre', 'refers_to')],
      three,
    )
    expect(five.alters).toHaveLength(5)
    const r = refusal(apply(addAlter('f', 'Leisure centre', 'cannot_refer'), five))
    expect([r.code, r.issues.map((i) => i.path)]).toEqual(['validation', ['alters']])
  })

  it('holds the link-worker protocol to 25 a question and 40 in all', () => {
    const lw = linkWorkerProtocol
    const named = (n: number, generator: string, from = 0) =>
      Array.from({ length: n }, (_, i) =>
        addAlter(`x${from + i}`, `Contact ${from + i}`, generator),
      )
    const full = applyAll(lw, named(25, 'work_contact'))
    expect(full.alters).toHaveLength(25)
    const refusedHere = refusal(applyChange(lw, full, addAlter('x25', 'Contact 25')))
    expect(refusedHere.issues.map((i) => i.path)).toEqual(['alters'])
    const forty = applyAll(lw, named(15, 'refers_to', 25), full)
    expect(forty.alters).toHaveLength(40)
    const refusedAll = refusal(
      applyChange(lw, forty, addAlter('x40', 'Contact 40', 'advice_support')),
    )
    expect(refusedAll.issues.map((i) => i.path)).toEqual(['alters'])
  })
})

describe('applyChange: name_alter', () => {
  it('adds a generator to a contact, keeping the protocol’s order of generators', () => {
    const state = applyAll(p, [
      addAlter('a', 'Food bank', 'cannot_refer'),
      { kind: 'name_alter', alter: 'a', generator: 'refers_to', named: true },
      { kind: 'name_alter', alter: 'a', generator: 'work_contact', named: true },
    ])
    expect(state.alters[0]?.generators).toEqual(['work_contact', 'refers_to', 'cannot_refer'])
  })

  it('changes nothing when the contact is already (or already not) named there', () => {
    const named = apply(
      { kind: 'name_alter', alter: 'a', generator: 'work_contact', named: true },
      three,
    )
    expect(named.ok && named.value).toBe(three)
    const notNamed = apply(
      { kind: 'name_alter', alter: 'a', generator: 'refers_to', named: false },
      three,
    )
    expect(notNamed.ok && notNamed.value).toBe(three)
  })

  it('refuses an unknown generator or contact', () => {
    const g = refusal(
      apply({ kind: 'name_alter', alter: 'a', generator: 'nope', named: true }, three),
    )
    expect(g.issues.map((i) => i.path)).toEqual(['generator'])
    const a = refusal(
      apply({ kind: 'name_alter', alter: 'zz', generator: 'refers_to', named: true }, three),
    )
    expect(a.issues.map((i) => i.path)).toEqual(['alter'])
  })

  it('refuses to name a contact under a generator that is full', () => {
    const state = applyAll(
      p,
      [addAlter('d', 'Mind', 'refers_to'), addAlter('e', 'Carers centre', 'refers_to')],
      three,
    )
    // refers_to takes 2 (d, e): a, named only under work_contact, cannot join.
    const r = refusal(
      apply({ kind: 'name_alter', alter: 'a', generator: 'refers_to', named: true }, state),
    )
    expect([r.code, r.issues.map((i) => i.path)]).toEqual(['validation', ['alters']])
    // Un-naming one makes room.
    const room = applyAll(
      p,
      [
        { kind: 'name_alter', alter: 'd', generator: 'work_contact', named: true },
        { kind: 'name_alter', alter: 'd', generator: 'refers_to', named: false },
        { kind: 'name_alter', alter: 'a', generator: 'refers_to', named: true },
      ],
      applyAll(p, [{ kind: 'remove_alter', alter: 'c' }], state),
    )
    expect(room.alters.map((x) => `${x.id}:${x.generators.join('+')}`)).toEqual([
      'a:work_contact+refers_to',
      'b:work_contact',
      'd:work_contact',
      'e:refers_to',
    ])
  })

  it('removes a contact, with its ties, when the last generator naming it is unticked', () => {
    const state = applyAll(
      p,
      [
        { kind: 'name_alter', alter: 'a', generator: 'refers_to', named: true },
        { kind: 'tie', a: 'a', b: 'b', state: 'yes' },
        { kind: 'tie', a: 'b', b: 'c', state: 'no' },
        { kind: 'name_alter', alter: 'a', generator: 'work_contact', named: false },
      ],
      three,
    )
    expect(state.alters.map((x) => x.id)).toEqual(['a', 'b', 'c'])
    expect(state.alters[0]?.generators).toEqual(['refers_to'])
    expect(state.ties).toEqual({ 'a|b': 'yes', 'b|c': 'no' })
    const gone = applyAll(
      p,
      [{ kind: 'name_alter', alter: 'a', generator: 'refers_to', named: false }],
      state,
    )
    expect(gone.alters.map((x) => x.id)).toEqual(['b', 'c'])
    expect(gone.ties).toEqual({ 'b|c': 'no' })
  })
})

describe('applyChange: alter_answer', () => {
  it('records, trims and clears an answer about a contact', () => {
    const answered = applyAll(
      p,
      [
        { kind: 'alter_answer', alter: 'b', question: 'frequency', value: 3 },
        { kind: 'alter_answer', alter: 'b', question: 'mode', value: ['email', 'phone'] },
        { kind: 'alter_answer', alter: 'b', question: 'sector_other', value: ' Dental ' },
        { kind: 'alter_answer', alter: 'b', question: 'sector', value: null },
      ],
      three,
    )
    expect(answered.alters[1]?.answers).toEqual({
      name: 'Riverside Surgery',
      frequency: 3,
      mode: ['email', 'phone'],
      sector_other: 'Dental',
    })
    // The other contacts are untouched.
    expect(answered.alters[0]).toBe(three.alters[0])
  })

  it('refuses an unknown contact or question', () => {
    const a = refusal(
      apply({ kind: 'alter_answer', alter: 'zz', question: 'frequency', value: 1 }, three),
    )
    expect(a.issues.map((i) => i.path)).toEqual(['alter'])
    for (const question of ['colour', 'hours', 'frequency_other']) {
      const q = refusal(apply({ kind: 'alter_answer', alter: 'a', question, value: 1 }, three))
      expect(q.issues.map((i) => i.path)).toEqual(['question'])
    }
  })

  it('refuses an answer not allowed at alters.<id>.<question>', () => {
    const cases: [string, AnswerValue][] = [
      ['frequency', 0],
      ['frequency', 'weekly'],
      ['sector', 'dentist'],
      ['mode', ['fax']],
      ['mode', 'phone'],
      ['closed_weeks', 0],
      ['closed_weeks', 1.5],
      ['name', 'x'.repeat(31)],
      ['name', 7],
    ]
    for (const [question, value] of cases) {
      const r = refusal(apply({ kind: 'alter_answer', alter: 'a', question, value }, three))
      expect([r.code, r.issues.map((i) => i.path)]).toEqual([
        'validation',
        [`alters.a.${question}`],
      ])
    }
  })

  it('renames a contact, but not to no name or to another contact’s name', () => {
    const renamed = apply(
      { kind: 'alter_answer', alter: 'a', question: 'name', value: ' FOOD bank ' },
      three,
    )
    expect(renamed.ok && renamed.value.alters[0]?.answers['name']).toBe('FOOD bank')
    for (const value of [null, '', '  ']) {
      const r = refusal(apply({ kind: 'alter_answer', alter: 'a', question: 'name', value }, three))
      expect([r.code, r.issues.map((i) => i.path)]).toEqual(['validation', ['alters.a.name']])
    }
    const r = refusal(
      apply({ kind: 'alter_answer', alter: 'a', question: 'name', value: 'age  uk' }, three),
    )
    expect(r.code).toBe('conflict')
    expect(r.issues).toEqual([{ path: 'alters.a.name', message: expect.any(String), fix: 'c' }])
  })
})

describe('applyChange: remove_alter', () => {
  it('removes the contact and every tie it is in, keeping the others', () => {
    const state = applyAll(
      p,
      [
        { kind: 'tie', a: 'a', b: 'b', state: 'yes' },
        { kind: 'tie', a: 'c', b: 'a', state: 'dont_know' },
        { kind: 'tie', a: 'b', b: 'c', state: 'no' },
        { kind: 'remove_alter', alter: 'a' },
      ],
      three,
    )
    expect(state.alters.map((x) => x.id)).toEqual(['b', 'c'])
    expect(state.ties).toEqual({ 'b|c': 'no' })
  })

  it('accepts removing a contact already gone (a retried save)', () => {
    const result = apply({ kind: 'remove_alter', alter: 'zz' }, three)
    expect(result).toEqual({ ok: true, value: three })
  })
})

describe('applyChange: tie', () => {
  it('records a state under the sorted pair key, replaces it, and clears it with null', () => {
    const yes = applyAll(p, [{ kind: 'tie', a: 'c', b: 'a', state: 'yes' }], three)
    expect(yes.ties).toEqual({ 'a|c': 'yes' })
    const changed = applyAll(p, [{ kind: 'tie', a: 'a', b: 'c', state: 'dont_know' }], yes)
    expect(changed.ties).toEqual({ 'a|c': 'dont_know' })
    const both = applyAll(p, [{ kind: 'tie', a: 'b', b: 'a', state: 'no' }], changed)
    expect(both.ties).toEqual({ 'a|b': 'no', 'a|c': 'dont_know' })
    const cleared = applyAll(p, [{ kind: 'tie', a: 'c', b: 'a', state: null }], both)
    expect(cleared.ties).toEqual({ 'a|b': 'no' })
  })

  it('refuses a contact paired with itself', () => {
    const r = refusal(apply({ kind: 'tie', a: 'a', b: 'a', state: 'yes' }, three))
    expect([r.code, r.issues.map((i) => i.path)]).toEqual(['validation', ['tie']])
  })

  it('refuses a pair outside the census: unknown, beyond the first 3, or only "cannot refer"', () => {
    const state = applyAll(
      p,
      [addAlter('n6', 'Closed service', 'cannot_refer'), addAlter('d', 'Mind', 'refers_to')],
      three,
    )
    // The census is a, b, c (n6 is not in the working network; d is the fourth).
    expect(censusAlters(p, state).map((x) => x.id)).toEqual(['a', 'b', 'c'])
    for (const [a, b] of [
      ['a', 'zz'],
      ['a', 'd'],
      ['n6', 'b'],
    ] as const) {
      const r = refusal(apply({ kind: 'tie', a, b, state: 'no' }, state))
      expect(r.issues.map((i) => i.path)).toEqual(['tie'])
    }
    // Once a leaves, d is among the first 3 and can be asked about.
    const moved = applyAll(p, [{ kind: 'remove_alter', alter: 'a' }], state)
    expect(censusAlters(p, moved).map((x) => x.id)).toEqual(['b', 'c', 'd'])
    expect(apply({ kind: 'tie', a: 'd', b: 'b', state: 'yes' }, moved).ok).toBe(true)
  })
})

describe('applyChange: stage', () => {
  it('remembers the stage to resume at, and refuses an unknown one', () => {
    const result = apply({ kind: 'stage', stage: 'ng_refer' })
    expect(result.ok && result.value.stage).toBe('ng_refer')
    const r = refusal(apply({ kind: 'stage', stage: 'ng_nothing' }))
    expect([r.code, r.issues.map((i) => i.path)]).toEqual(['validation', ['stage']])
  })
})

describe('isShown', () => {
  const q = (showIf: Question['showIf']): Question => ({
    id: 'q',
    label: 'Q',
    type: 'text',
    ...(showIf === undefined ? {} : { showIf }),
  })

  it('shows a question without a condition', () => {
    expect(isShown(q(undefined), {})).toBe(true)
  })

  it('tests equals, on a single answer or among a multiple choice', () => {
    const c = q({ variable: 'x', equals: 'a' })
    expect([isShown(c, { x: 'a' }), isShown(c, { x: 'b' }), isShown(c, {})]).toEqual([
      true,
      false,
      false,
    ])
    expect([isShown(c, { x: ['b', 'a'] }), isShown(c, { x: ['b'] })]).toEqual([true, false])
    const yes = q({ variable: 'x', equals: true })
    expect([isShown(yes, { x: true }), isShown(yes, { x: false }), isShown(yes, { x: 1 })]).toEqual(
      [true, false, false],
    )
  })

  it('tests in, on a single answer or among a multiple choice', () => {
    const c = q({ variable: 'x', in: ['a', 2] })
    expect([
      isShown(c, { x: 'a' }),
      isShown(c, { x: 2 }),
      isShown(c, { x: '2' }),
      isShown(c, { x: ['c', 2] }),
      isShown(c, { x: ['c'] }),
      isShown(c, {}),
    ]).toEqual([true, true, false, true, false, false])
  })

  it('tests answered, null counting as unanswered', () => {
    const answered = q({ variable: 'x', answered: true })
    const not = q({ variable: 'x', answered: false })
    expect([
      isShown(answered, { x: 0 }),
      isShown(answered, { x: null }),
      isShown(answered, {}),
    ]).toEqual([true, false, false])
    expect([isShown(not, { x: false }), isShown(not, {})]).toEqual([false, true])
  })

  it('combines conditions with all and any', () => {
    const c = q({
      all: [
        { variable: 'x', equals: 'a' },
        {
          any: [
            { variable: 'y', answered: true },
            { variable: 'z', in: [1] },
          ],
        },
      ],
    })
    expect([
      isShown(c, { x: 'a', y: 'n' }),
      isShown(c, { x: 'a', z: 1 }),
      isShown(c, { x: 'a', z: 2 }),
      isShown(c, { x: 'b', y: 'n' }),
    ]).toEqual([true, true, false, false])
    expect(isShown(q({ all: [] }), {})).toBe(true)
    expect(isShown(q({ any: [] }), {})).toBe(false)
  })
})

describe('the alters each part of the interview is about', () => {
  const state = applyAll(p, [
    addAlter('a', 'Food bank'),
    addAlter('n6', 'Closed service', 'cannot_refer'),
    addAlter('r', 'Mind', 'refers_to'),
    addAlter('both', 'Age UK', 'cannot_refer'),
    { kind: 'name_alter', alter: 'both', generator: 'refers_to', named: true },
    addAlter('w', 'Library'),
  ])
  const form = (id: string) => {
    const s = p.stages.find((x) => x.id === id)
    if (s?.kind !== 'alter_form') throw new Error('no form')
    return s
  }

  it('leaves contacts named only as "cannot refer" out of the working network', () => {
    expect(networkAlters(state).map((x) => x.id)).toEqual(['a', 'r', 'both', 'w'])
  })

  it('asks the census about the first 3 of them', () => {
    expect(censusAlters(p, state).map((x) => x.id)).toEqual(['a', 'r', 'both'])
    const { stages } = p
    const noCensus = { ...p, stages: stages.filter((s) => s.kind !== 'tie_census') }
    expect(censusAlters(noCensus, state)).toEqual([])
  })

  it('asks each alter form about all of them, or those of its generators', () => {
    expect(formAlters(form('contacts'), state).map((x) => x.id)).toEqual(['a', 'r', 'both', 'w'])
    expect(formAlters(form('referrals'), state).map((x) => x.id)).toEqual(['r', 'both'])
  })
})

describe('helpers', () => {
  it('normaliseName trims, folds runs of white space and ignores case', () => {
    expect(normaliseName('  Food \t\n Bank  ')).toBe('food bank')
  })

  it('generatorStage finds the stage of a generator', () => {
    expect(generatorStage(p, 'refers_to')?.id).toBe('ng_refer')
    expect(generatorStage(p, 'nope')).toBeUndefined()
  })

  it('questionsOf lists ego and alter questions by id', () => {
    const q = questionsOf(p)
    expect([...q.ego.keys()]).toEqual([
      'role',
      'employer',
      'hours',
      'months',
      'note',
      'story',
      'directory',
      'directory_name',
      'background',
    ])
    expect([...q.alter.keys()]).toEqual([
      'name',
      'sector',
      'frequency',
      'mode',
      'capacity',
      'closed_weeks',
    ])
  })

  it('answerProblem allows null (no answer) for every type', () => {
    const q = questionsOf(p)
    for (const question of [...q.ego.values(), ...q.alter.values()])
      expect(answerProblem(question, null)).toBeNull()
  })
})
