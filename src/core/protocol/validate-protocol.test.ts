import { describe, expect, it } from 'vitest'
import { smallProtocol } from '../test-support/interview.js'
import type { Protocol, Question, Stage } from './protocol.js'
import { pathText, validateProtocol } from './validate-protocol.js'

// smallProtocol's stages: 0 welcome, 1 you (ego form), 2 ng_work, 3 ng_refer,
// 4 ng_cannot, 5 contacts (alter form), 6 referrals (alter form), 7 ties, 8 review.
// Ego questions (stage 1): 0 role, 1 employer, 2 hours, 3 months, 4 note, 5 story,
// 6 directory, 7 directory_name, 8 background. Alter questions: stage 5: 0 name,
// 1 sector, 2 frequency, 3 mode; stage 6: 0 capacity, 1 closed_weeks.

/** The protocol with stage `s` replaced. */
function withStage(s: number, stage: unknown, p: Protocol = smallProtocol): unknown {
  return { ...p, stages: p.stages.map((x, i) => (i === s ? stage : x)) }
}

/** The protocol with stage `s` patched. */
function patchStage(s: number, patch: Record<string, unknown>): unknown {
  return withStage(s, { ...smallProtocol.stages[s], ...patch })
}

function questionsOf(s: number): readonly Question[] {
  const stage: Stage = smallProtocol.stages[s]!
  if (stage.kind !== 'ego_form' && stage.kind !== 'alter_form') throw new Error('not a form')
  return stage.questions
}

/** The protocol with question `q` of form `s` patched (a key set to undefined is removed). */
function patchQuestion(s: number, q: number, patch: Record<string, unknown>): unknown {
  const questions = questionsOf(s).map((x, i) =>
    i === q
      ? Object.fromEntries(Object.entries({ ...x, ...patch }).filter(([, v]) => v !== undefined))
      : x,
  )
  return patchStage(s, { questions })
}

/** The issue paths of a protocol that must be refused (as a validation error). */
function issuePaths(raw: unknown): (string | undefined)[] {
  const result = validateProtocol(raw)
  if (result.ok) throw new Error('expected the protocol to be refused')
  expect(result.error.code).toBe('validation')
  return result.error.issues.map((i) => i.path)
}

describe('validateProtocol', () => {
  it('accepts the small test protocol and returns it parsed', () => {
    const result = validateProtocol(smallProtocol)
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.value).toEqual(smallProtocol)
  })

  it('reports shape problems by path', () => {
    expect(issuePaths(null)).toEqual([''])
    expect(issuePaths({ ...smallProtocol, format: 'other' })).toEqual(['format'])
    expect(issuePaths({ ...smallProtocol, id: 'Not OK' })).toEqual(['id'])
    expect(issuePaths(patchStage(7, { maxAlters: 1 }))).toEqual(['stages[7].maxAlters'])
    expect(issuePaths(patchQuestion(1, 2, { type: 'decimal' }))).toEqual([
      'stages[1].questions[2].type',
    ])
    expect(issuePaths(patchQuestion(5, 1, { options: [{ value: 'gp', label: '' }] }))).toEqual([
      'stages[5].questions[1].options[0].label',
    ])
    expect(
      issuePaths(patchQuestion(1, 7, { showIf: { all: [{ variable: 'Directory', equals: 1 }] } })),
    ).toEqual(['stages[1].questions[7].showIf.all[0].variable'])
  })

  it('reports an unknown field at the field itself, one issue per field', () => {
    expect(issuePaths({ ...smallProtocol, maxAlter: 3, extra: true })).toEqual([
      'maxAlter',
      'extra',
    ])
    expect(issuePaths(patchStage(2, { maxAlter: 3 }))).toEqual(['stages[2].maxAlter'])
    expect(issuePaths(patchQuestion(1, 0, { requird: true }))).toEqual([
      'stages[1].questions[0].requird',
    ])
  })

  describe('stages', () => {
    it('needs stage ids to be unique', () => {
      expect(issuePaths(patchStage(3, { id: 'ng_work' }))).toEqual(['stages[3].id'])
    })

    it('needs the review stage to be the last', () => {
      const review = smallProtocol.stages[8]!
      const stages = [...smallProtocol.stages.slice(0, 7), review, smallProtocol.stages[7]!]
      expect(issuePaths({ ...smallProtocol, stages })).toEqual(['stages[7]'])
    })

    it('allows at most one tie census', () => {
      const census = { ...smallProtocol.stages[7]!, id: 'ties_again' }
      const stages = [...smallProtocol.stages.slice(0, 8), census, smallProtocol.stages[8]!]
      expect(issuePaths({ ...smallProtocol, stages })).toEqual(['stages[8]'])
    })

    it('needs each generator to belong to one stage', () => {
      expect(issuePaths(patchStage(4, { generator: 'work_contact' }))).toEqual([
        'stages[4].generator',
      ])
    })

    it('needs at least one name generator', () => {
      const stages = smallProtocol.stages.filter((s) => s.kind !== 'name_generator')
      const alterForms = stages.map((s) =>
        s.kind === 'alter_form' ? { ...s, generators: undefined } : s,
      )
      expect(issuePaths({ ...smallProtocol, stages: alterForms })).toEqual(['stages'])
    })

    it('needs an alter form to ask about generators of earlier stages', () => {
      expect(issuePaths(patchStage(6, { generators: ['refers_to', 'referred_by'] }))).toEqual([
        'stages[6].generators[1]',
      ])
      // A generator named only after the form is not "earlier".
      const [welcome, you, work, refer, cannot, contacts, referrals, ...rest] = smallProtocol.stages
      const late = [welcome, you, work, cannot, contacts, referrals, refer, ...rest]
      expect(issuePaths({ ...smallProtocol, stages: late })).toEqual(['stages[5].generators[0]'])
    })

    it('needs quick-add questions to be alter questions', () => {
      expect(issuePaths(patchStage(2, { quickAdd: ['name', 'sectr'] }))).toEqual([
        'stages[2].quickAdd[1]',
      ])
      expect(issuePaths(patchStage(2, { quickAdd: ['name', 'role'] }))).toEqual([
        'stages[2].quickAdd[1]',
      ])
    })

    it('needs the first quick-add question to be the one that names the alter', () => {
      // The interview names a new alter by its first quick-add answer.
      expect(issuePaths(patchStage(2, { quickAdd: ['sector', 'name'] }))).toEqual([
        'stages[2].quickAdd[0]',
      ])
    })
  })

  describe('questions', () => {
    it('needs question ids to be unique within and across forms', () => {
      expect(issuePaths(patchQuestion(1, 3, { id: 'hours' }))).toEqual([
        'stages[1].questions[3].id',
      ])
      expect(issuePaths(patchQuestion(6, 1, { id: 'frequency' }))).toEqual([
        'stages[6].questions[1].id',
      ])
      // An alter question may not reuse an ego question's id either.
      expect(issuePaths(patchQuestion(5, 3, { id: 'role' }))).toEqual(['stages[5].questions[3].id'])
    })

    it('needs options exactly where answers are chosen', () => {
      expect(issuePaths(patchQuestion(1, 0, { options: undefined }))).toEqual([
        'stages[1].questions[0].options',
      ])
      expect(issuePaths(patchQuestion(5, 3, { options: undefined }))).toEqual([
        'stages[5].questions[3].options',
      ])
      expect(issuePaths(patchQuestion(5, 2, { options: undefined }))).toEqual([
        'stages[5].questions[2].options',
      ])
      expect(issuePaths(patchQuestion(1, 4, { options: [{ value: 'x', label: 'X' }] }))).toEqual([
        'stages[1].questions[4].options',
      ])
      expect(issuePaths(patchQuestion(1, 6, { options: [{ value: 'x', label: 'X' }] }))).toEqual([
        'stages[1].questions[6].options',
      ])
    })

    it('needs ordinal options to be numbers', () => {
      const options = [
        { value: 1, label: 'Rarely' },
        { value: 'often', label: 'Often' },
      ]
      expect(issuePaths(patchQuestion(5, 2, { options }))).toEqual([
        'stages[5].questions[2].options',
      ])
    })

    it('needs option values to be unique, 1 and "1" being the same value', () => {
      const options = [
        { value: 'gp', label: 'GP' },
        { value: 'pcn', label: 'PCN' },
        { value: 'gp', label: 'GP again' },
      ]
      expect(issuePaths(patchQuestion(5, 1, { options }))).toEqual([
        'stages[5].questions[1].options[2].value',
        // org_type's map is checked against the options too (gp, pcn: fine; charity is gone).
        'derived[0].map.charity',
      ])
      const numbers = [
        { value: 1, label: 'One' },
        { value: '1', label: 'One again' },
      ]
      expect(issuePaths(patchQuestion(1, 8, { options: numbers }))).toEqual([
        'stages[1].questions[8].options[1].value',
      ])
    })

    it('needs min to be at most max', () => {
      expect(issuePaths(patchQuestion(1, 2, { min: 61 }))).toEqual(['stages[1].questions[2].min'])
      expect(validateProtocol(patchQuestion(1, 2, { min: 60 })).ok).toBe(true)
    })
  })

  describe('skip logic', () => {
    it('accepts a condition on an earlier question of the same form', () => {
      // directory_name is shown if directory (question 6) is true.
      expect(validateProtocol(smallProtocol).ok).toBe(true)
    })

    it('refuses a condition on a later question, on itself, or on an unknown one', () => {
      expect(
        issuePaths(patchQuestion(1, 6, { showIf: { variable: 'directory_name', answered: true } })),
      ).toEqual(['stages[1].questions[6].showIf.variable'])
      expect(
        issuePaths(patchQuestion(1, 6, { showIf: { variable: 'directory', equals: true } })),
      ).toEqual(['stages[1].questions[6].showIf.variable'])
      expect(
        issuePaths(patchQuestion(1, 2, { showIf: { variable: 'nobody', answered: true } })),
      ).toEqual(['stages[1].questions[2].showIf.variable'])
    })

    it('refuses a condition in an alter form on an ego question', () => {
      expect(
        issuePaths(patchQuestion(6, 0, { showIf: { variable: 'role', equals: 'senior' } })),
      ).toEqual(['stages[6].questions[0].showIf.variable'])
    })

    it('accepts a condition on a question of an earlier alter form', () => {
      const showIf = { variable: 'sector', in: ['charity'] }
      expect(validateProtocol(patchQuestion(6, 0, { showIf })).ok).toBe(true)
    })

    it('checks every part of nested conditions', () => {
      const showIf = {
        any: [
          { variable: 'role', equals: 'senior' },
          {
            all: [
              { variable: 'hours', answered: true },
              { variable: 'story', answered: true },
            ],
          },
          { variable: 'months', in: [1, 2] },
        ],
      }
      // hours (2) is earlier than months (3); story (5) and months itself are not.
      expect(issuePaths(patchQuestion(1, 3, { showIf }))).toEqual([
        'stages[1].questions[3].showIf.any[1].all[1].variable',
        'stages[1].questions[3].showIf.any[2].variable',
      ])
    })
  })

  describe('alter name and derived variables', () => {
    it('needs alterName to be an alter question, with a fix', () => {
      const result = validateProtocol({ ...smallProtocol, alterName: 'role' })
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.error.issues).toEqual([
        { path: 'alterName', message: expect.any(String), fix: expect.any(String) },
      ])
      expect(issuePaths({ ...smallProtocol, alterName: 'nom' })).toEqual(['alterName'])
    })

    it('needs alterName to be a text question (names are written)', () => {
      const p = withStage(5, {
        ...smallProtocol.stages[5],
        questions: questionsOf(5).map((q) => (q.id === 'name' ? { ...q, type: 'integer' } : q)),
      })
      expect(issuePaths(p)).toEqual(['alterName'])
    })

    it('needs a derived variable to come from a question', () => {
      const derived = [{ ...smallProtocol.derived[0]!, from: 'sectors' }]
      expect(issuePaths({ ...smallProtocol, derived })).toEqual(['derived[0].from'])
    })

    it('needs a derived variable to come from a single-choice question', () => {
      // mode is multiple-choice, name is text: neither has one chosen value to map.
      const fromMulti = [
        { ...smallProtocol.derived[0]!, from: 'mode', map: { phone: 'p', email: 'e' } },
      ]
      expect(issuePaths({ ...smallProtocol, derived: fromMulti })).toEqual(['derived[0].from'])
      const fromText = [{ ...smallProtocol.derived[0]!, from: 'name', map: {} }]
      expect(issuePaths({ ...smallProtocol, derived: fromText })).toEqual(['derived[0].from'])
    })

    it('needs the map to cover exactly the options', () => {
      const unknown = [
        { ...smallProtocol.derived[0]!, map: { ...smallProtocol.derived[0]!.map, dentist: 'x' } },
      ]
      expect(issuePaths({ ...smallProtocol, derived: unknown })).toEqual(['derived[0].map.dentist'])
      const missing = [
        smallProtocol.derived[0]!,
        { ...smallProtocol.derived[1]!, map: { pcn: 'primary_care' } },
      ]
      // vcse and other are not mapped: one issue each.
      expect(issuePaths({ ...smallProtocol, derived: missing })).toEqual([
        'derived[1].map',
        'derived[1].map',
      ])
    })

    it('maps ordinal options by their number written as text', () => {
      const derived = [
        {
          id: 'often',
          label: 'Often',
          from: 'frequency',
          map: { '1': 'no', '2': 'no', '3': 'yes' },
        },
      ]
      expect(validateProtocol({ ...smallProtocol, derived }).ok).toBe(true)
    })

    it('needs derived ids to be unique, and not those of a question they would hide', () => {
      const twice = [smallProtocol.derived[0]!, { ...smallProtocol.derived[0]!, label: 'Again' }]
      expect(issuePaths({ ...smallProtocol, derived: twice })).toEqual(['derived[1].id'])
      // org_type from an alter question may not be called like an alter question ...
      const hides = [{ ...smallProtocol.derived[0]!, id: 'frequency' }]
      expect(issuePaths({ ...smallProtocol, derived: hides })).toEqual(['derived[0].id'])
      // ... but may share a name with an ego question (they are columns of different files).
      const other = [{ ...smallProtocol.derived[0]!, id: 'hours' }]
      expect(validateProtocol({ ...smallProtocol, derived: other }).ok).toBe(true)
    })
  })

  it('reports every problem at once: stages in order, quick-adds, then the alter name', () => {
    const p = {
      ...(withStage(
        3,
        {
          ...smallProtocol.stages[3],
          id: 'ng_work',
          generator: 'work_contact',
          quickAdd: ['name', 'nom'],
        },
        { ...smallProtocol, derived: [] },
      ) as Protocol),
      alterName: 'nom',
    }
    expect(issuePaths(p)).toEqual([
      'stages[3].id',
      'stages[3].generator',
      // refers_to is gone with stage 3's generator.
      'stages[6].generators[0]',
      'stages[3].quickAdd[1]',
      'alterName',
    ])
  })
})

describe('pathText', () => {
  it('writes keys with dots and indexes in brackets', () => {
    expect(pathText(['stages', 3, 'questions', 1, 'showIf', 'variable'])).toBe(
      'stages[3].questions[1].showIf.variable',
    )
    expect(pathText(['derived', 0, 'map', 'gp'])).toBe('derived[0].map.gp')
    expect(pathText([])).toBe('')
    expect(pathText([2, 'a'])).toBe('[2].a')
  })
})
