import { describe, expect, it } from 'vitest'
import { smallProtocol } from '../test-support/interview.js'
import {
  conditionSchema,
  optionSchema,
  protocolSchema,
  questionSchema,
  stageSchema,
} from './protocol.js'

/** The paths (as arrays) of a failed parse's issues. */
function paths(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) {
  expect(result.success).toBe(false)
  return (result.error?.issues ?? []).map((i) => i.path)
}

const text = { id: 'note', label: 'Note', type: 'text' }

describe('protocolSchema', () => {
  it('accepts a whole protocol and gives derived variables a default of none', () => {
    const { derived: _derived, ...withoutDerived } = smallProtocol
    const parsed = protocolSchema.safeParse(withoutDerived)
    expect(parsed.success).toBe(true)
    expect(parsed.data?.derived).toEqual([])
    expect(parsed.data?.stages).toHaveLength(9)
  })

  it('names the format and schema version it reads', () => {
    expect(paths(protocolSchema.safeParse({ ...smallProtocol, format: 'graphml' }))).toEqual([
      ['format'],
    ])
    expect(paths(protocolSchema.safeParse({ ...smallProtocol, schemaVersion: 2 }))).toEqual([
      ['schemaVersion'],
    ])
  })

  it('takes identifiers of lower-case letters, digits and _ that start with a letter, at most 64 long', () => {
    for (const id of ['Small', '1st', '_x', 'a-b', 'a b', '', 'a'.repeat(65)])
      expect(paths(protocolSchema.safeParse({ ...smallProtocol, id }))).toEqual([['id']])
    for (const id of ['a', 'a1_b', 'x'.repeat(64)])
      expect(protocolSchema.safeParse({ ...smallProtocol, id }).success).toBe(true)
  })

  it('needs a positive whole version, a name, a whole maxAlters of at least 1 and one stage', () => {
    expect(paths(protocolSchema.safeParse({ ...smallProtocol, version: 0 }))).toEqual([['version']])
    expect(paths(protocolSchema.safeParse({ ...smallProtocol, version: 1.5 }))).toEqual([
      ['version'],
    ])
    expect(paths(protocolSchema.safeParse({ ...smallProtocol, name: '' }))).toEqual([['name']])
    expect(paths(protocolSchema.safeParse({ ...smallProtocol, maxAlters: 0 }))).toEqual([
      ['maxAlters'],
    ])
    expect(paths(protocolSchema.safeParse({ ...smallProtocol, stages: [] }))).toEqual([['stages']])
  })

  it('refuses unknown fields (a typo is not silently ignored)', () => {
    const result = protocolSchema.safeParse({ ...smallProtocol, maxAlter: 3 })
    expect(result.success).toBe(false)
    expect(result.error?.issues).toMatchObject([{ code: 'unrecognized_keys', keys: ['maxAlter'] }])
  })
})

describe('stageSchema', () => {
  it('accepts each stage kind', () => {
    const kinds = smallProtocol.stages.map((s) => stageSchema.safeParse(s).success)
    expect(kinds).toEqual([true, true, true, true, true, true, true, true, true])
  })

  it('refuses an unknown kind at its kind', () => {
    expect(paths(stageSchema.safeParse({ kind: 'sociogram', id: 'map', title: 'Map' }))).toEqual([
      ['kind'],
    ])
  })

  it('needs a tie census of at least 2 alters, and a whole number', () => {
    const census = { kind: 'tie_census', id: 'ties', title: 'Ties', prompt: '{a} {b}' }
    expect(paths(stageSchema.safeParse({ ...census, maxAlters: 1 }))).toEqual([['maxAlters']])
    expect(paths(stageSchema.safeParse({ ...census, maxAlters: 2.5 }))).toEqual([['maxAlters']])
    expect(stageSchema.safeParse({ ...census, maxAlters: 2 }).success).toBe(true)
  })

  it('needs a name generator to ask at least one question, and allow at least 1 alter', () => {
    const ng = {
      kind: 'name_generator',
      id: 'ng',
      title: 'NG',
      generator: 'work_contact',
      prompt: 'Who?',
    }
    expect(paths(stageSchema.safeParse({ ...ng, quickAdd: [] }))).toEqual([['quickAdd']])
    expect(paths(stageSchema.safeParse({ ...ng, quickAdd: ['name'], maxAlters: 0 }))).toEqual([
      ['maxAlters'],
    ])
    expect(paths(stageSchema.safeParse({ ...ng, quickAdd: ['name'], generator: 'Work' }))).toEqual([
      ['generator'],
    ])
  })

  it('needs forms to have at least one question', () => {
    const form = { kind: 'ego_form', id: 'you', title: 'You', questions: [] }
    expect(paths(stageSchema.safeParse(form))).toEqual([['questions']])
    expect(paths(stageSchema.safeParse({ ...form, kind: 'alter_form' }))).toEqual([['questions']])
  })
})

describe('questionSchema and optionSchema', () => {
  it('knows the eight question types', () => {
    const types = ['text', 'long_text', 'number', 'integer', 'boolean', 'choice', 'multi_choice']
    for (const type of [...types, 'ordinal'])
      expect(questionSchema.safeParse({ ...text, type }).success).toBe(true)
    expect(paths(questionSchema.safeParse({ ...text, type: 'date' }))).toEqual([['type']])
  })

  it('needs wording, and a non-empty list of options when options are given', () => {
    expect(paths(questionSchema.safeParse({ ...text, label: '' }))).toEqual([['label']])
    expect(paths(questionSchema.safeParse({ ...text, options: [] }))).toEqual([['options']])
  })

  it('needs every option to have a label and a non-empty value (string or number)', () => {
    expect(optionSchema.safeParse({ value: 0, label: 'None' }).success).toBe(true)
    expect(paths(optionSchema.safeParse({ value: '', label: 'Empty' }))).toEqual([['value']])
    expect(paths(optionSchema.safeParse({ value: true, label: 'Yes' }))).toEqual([['value']])
    expect(paths(optionSchema.safeParse({ value: 'a', label: '' }))).toEqual([['label']])
  })
})

describe('conditionSchema', () => {
  it('accepts equals, in, answered, and all/any nested', () => {
    for (const c of [
      { variable: 'a', equals: true },
      { variable: 'a', equals: 'x' },
      { variable: 'a', in: ['x', 2] },
      { variable: 'a', answered: false },
      { all: [{ variable: 'a', equals: 1 }, { any: [{ variable: 'b', answered: true }] }] },
    ])
      expect(conditionSchema.safeParse(c).success).toBe(true)
  })

  it('refuses a condition without a test, and a bad variable deep inside', () => {
    expect(conditionSchema.safeParse({ variable: 'a' }).success).toBe(false)
    expect(conditionSchema.safeParse({ variable: 'a', equals: null }).success).toBe(false)
    expect(
      paths(
        conditionSchema.safeParse({
          all: [
            { variable: 'a', equals: 1 },
            { variable: 'B', equals: 1 },
          ],
        }),
      ),
    ).toEqual([['all', 1, 'variable']])
  })
})
