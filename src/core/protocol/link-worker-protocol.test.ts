import { describe, expect, it } from 'vitest'
import { linkWorkerProtocol } from './link-worker-protocol.js'
import type { Question, Stage } from './protocol.js'
import { validateProtocol } from './validate-protocol.js'

const p = linkWorkerProtocol

function stage<K extends Stage['kind']>(id: string, kind: K): Extract<Stage, { kind: K }> {
  const s = p.stages.find((x) => x.id === id)
  if (s?.kind !== kind) throw new Error(`no ${kind} stage ${id}`)
  return s as Extract<Stage, { kind: K }>
}

function question(id: string): Question {
  for (const s of p.stages) {
    if (s.kind !== 'ego_form' && s.kind !== 'alter_form') continue
    const q = s.questions.find((x) => x.id === id)
    if (q !== undefined) return q
  }
  throw new Error(`no question ${id}`)
}

const values = (q: Question) => (q.options ?? []).map((o) => o.value)

describe('linkWorkerProtocol', () => {
  it('passes its own validation unchanged', () => {
    const result = validateProtocol(p)
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.value).toEqual(p)
  })

  it('survives a trip through JSON (as `spnet protocol show` writes it)', () => {
    const result = validateProtocol(JSON.parse(JSON.stringify(p)))
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.value).toEqual(p)
  })

  it('has its id and version, and at most 40 contacts in all', () => {
    expect([p.id, p.version, p.alterName, p.maxAlters]).toEqual([
      'link_worker_networks',
      1,
      'name',
      40,
    ])
  })

  it('runs welcome, ego form, NG1–NG6, three alter forms, the census, then review', () => {
    expect(p.stages.map((s) => `${s.kind}:${s.id}`)).toEqual([
      'information:welcome',
      'ego_form:about_you',
      'name_generator:ng1_work_contacts',
      'name_generator:ng2_referral_destinations',
      'name_generator:ng3_referral_sources',
      'name_generator:ng4_advice_support',
      'name_generator:ng5_service_capacity',
      'name_generator:ng6_cannot_refer',
      'alter_form:about_contacts',
      'alter_form:about_referrals',
      'alter_form:about_relationships',
      'tie_census:who_works_together',
      'review:review',
    ])
  })

  it('asks each name generator for up to 25 contacts by name and sector; NG3, NG5 and NG6 optional', () => {
    const generators = p.stages.flatMap((s) =>
      s.kind === 'name_generator'
        ? [[s.generator, s.maxAlters, s.quickAdd.join('+'), s.optional === true]]
        : [],
    )
    expect(generators).toEqual([
      ['work_contact', 25, 'name+sector', false],
      ['refers_to', 25, 'name+sector', false],
      ['referred_by', 25, 'name+sector', true],
      ['advice_support', 25, 'name+sector', false],
      ['capacity_building', 25, 'name+sector', true],
      ['cannot_refer', 25, 'name+sector', true],
    ])
  })

  it('asks about referral services only for contacts named under NG2 or NG3', () => {
    expect(stage('about_referrals', 'alter_form').generators).toEqual(['refers_to', 'referred_by'])
    expect(stage('about_contacts', 'alter_form').generators).toBeUndefined()
    expect(stage('about_relationships', 'alter_form').generators).toBeUndefined()
  })

  it('asks the tie census about the first 20 contacts, with both names in the prompt', () => {
    const census = stage('who_works_together', 'tie_census')
    expect(census.maxAlters).toBe(20)
    expect(census.prompt).toContain('{a}')
    expect(census.prompt).toContain('{b}')
  })

  it('requires the role, the employer, and each contact’s name and sector', () => {
    const required = p.stages.flatMap((s) =>
      s.kind === 'ego_form' || s.kind === 'alter_form'
        ? s.questions.filter((q) => q.required === true).map((q) => q.id)
        : [],
    )
    expect(required).toEqual(['role', 'implementation_model', 'name', 'sector'])
    expect(question('name').type).toBe('text')
  })

  it('has the ten sectors of A2 and frequency as the five ordered bins of A5', () => {
    expect(values(question('sector'))).toEqual([
      'gp_own_pcn',
      'gp_other',
      'pcn_staff',
      'other_nhs',
      'local_authority',
      'vcse',
      'other_statutory',
      'housing_association',
      'private',
      'social_prescribing',
    ])
    expect(question('frequency').type).toBe('ordinal')
    expect(values(question('frequency'))).toEqual([1, 2, 3, 4, 5])
    expect(values(question('closeness'))).toEqual([1, 2, 3, 4, 5])
    expect(values(question('trust_reliable'))).toEqual([1, 2, 3, 4])
    expect(values(question('collaboration'))).toEqual([0, 1, 2, 3, 4])
  })

  it('takes the employer with an "other" text, and the directory name only from directory users', () => {
    expect(question('implementation_model').other).toBe(true)
    expect(values(question('implementation_model'))).toEqual([
      'pcn',
      'gp_federation',
      'vcse',
      'local_authority',
      'nhs_trust',
      'other',
    ])
    expect(question('directory_name').showIf).toEqual({ variable: 'uses_directory', equals: true })
  })

  it('derives org_type from sector, the three primary-care sectors grouped', () => {
    const orgType = p.derived.find((d) => d.id === 'org_type')
    expect(orgType?.from).toBe('sector')
    expect(orgType?.map).toEqual({
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
    })
  })

  it('derives the ego’s sector from the implementation model', () => {
    const sector = p.derived.find((d) => d.id === 'sector')
    expect(sector?.from).toBe('implementation_model')
    expect(sector?.map).toEqual({
      pcn: 'primary_care',
      gp_federation: 'primary_care',
      vcse: 'vcse',
      local_authority: 'local_authority',
      nhs_trust: 'other_nhs',
      other: 'other',
    })
  })
})
