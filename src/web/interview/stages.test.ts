import { createElement, type ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { InterviewSession } from '../../core/api/api.js'
import { applyChange } from '../../core/interview/apply-change.js'
import {
  emptyInterview,
  type InterviewChange,
  type InterviewState,
} from '../../core/interview/interview-state.js'
import { linkWorkerProtocol } from '../../core/protocol/link-worker-protocol.js'
import type { Stage } from '../../core/protocol/protocol.js'
import { AnswerSummary } from '../components/answer-summary.js'
import { NetworkMap } from '../components/network-map.js'
import { AlterFormStage } from './alter-form-stage.js'
import { EgoFormStage } from './ego-form-stage.js'
import { InterviewContext } from './interview-context.js'
import { InterviewStore } from './interview-store.js'
import { NameGeneratorStage } from './name-generator-stage.js'
import { ReviewStage } from './review-stage.js'
import { TieCensusStage } from './tie-census-stage.js'

/**
 * The stages rendered to HTML (no browser needed): each shows what the
 * protocol asks, with the participant's answers, and the semantic markup
 * keyboard and screen-reader users rely on.
 */

const protocol = linkWorkerProtocol

function build(changes: readonly InterviewChange[]): InterviewState {
  let state = emptyInterview
  for (const c of changes) {
    const r = applyChange(protocol, state, c)
    if (!r.ok) throw r.error
    state = r.value
  }
  return state
}

const add = (alter: string, name: string, generator = 'work_contact'): InterviewChange => ({
  kind: 'add_alter',
  alter,
  generator,
  answers: { name, sector: 'vcse' },
})

const state = build([
  { kind: 'ego_answer', question: 'role', value: 'link_worker' },
  { kind: 'ego_answer', question: 'uses_directory', value: true },
  add('a1', 'Food bank'),
  add('a2', 'Citizens Advice'),
  add('a3', 'Walking group', 'refers_to'),
  { kind: 'tie', a: 'a1', b: 'a2', state: 'yes' },
  { kind: 'tie', a: 'a1', b: 'a3', state: 'dont_know' },
])

function render(element: ReactElement, s: InterviewState = state): string {
  const session: InterviewSession = {
    participant: 'LW01',
    studyName: 'Test',
    protocol,
    state: s,
    status: 'in_progress',
    revision: 1,
    mode: 'self',
  }
  const store = new InterviewStore('tok', session, [], {
    storage: null,
    send: () => Promise.reject(new Error('not in this test')),
    submit: () => Promise.reject(new Error('not in this test')),
    online: () => true,
  })
  const value = {
    token: 'tok',
    snapshot: store.getSnapshot(),
    store,
    change: () => null,
  }
  return renderToStaticMarkup(createElement(InterviewContext.Provider, { value }, element))
}

function stage<K extends Stage['kind']>(id: string, kind: K): Extract<Stage, { kind: K }> {
  const s = protocol.stages.find((x) => x.id === id)
  if (s?.kind !== kind) throw new Error(`no ${kind} stage ${id}`)
  return s as Extract<Stage, { kind: K }>
}

describe('interview stages', () => {
  it('ego form: labelled fields, radio groups in fieldsets, required marks, skip logic', () => {
    const html = render(createElement(EgoFormStage, { stage: stage('about_you', 'ego_form') }))
    expect(html).toContain('<label for="ego-job_title" class="label">What is your job title?')
    expect(html).toMatch(/<fieldset[^>]*><legend class="label">Which best describes your role\?/)
    expect(html).toContain('(required)')
    expect(html).toMatch(/id="ego-role-0"[^>]*checked/)
    // directory_name is shown because uses_directory is true
    expect(html).toContain('Which directory or platform?')
    expect(html).toContain('inputMode="numeric"')
  })

  it('name generator: prompt, quick add, named list, and contacts named earlier', () => {
    const html = render(
      createElement(NameGeneratorStage, {
        stage: stage('ng2_referral_destinations', 'name_generator'),
      }),
    )
    expect(html).toContain('Which organisations, groups or services')
    expect(html).toContain('Add someone')
    expect(html).toContain('Named here (1 of up to 25)')
    expect(html).toContain('Walking group')
    expect(html).toContain('Also named earlier')
    expect(html).toContain('Food bank<span class="visually-hidden"> (add to this list)</span>')
    // the quick-add sector question is a drop-down
    expect(html).toMatch(/<select[^>]*>.*Choose…/)
  })

  it('alter form: one contact at a time with its questions', () => {
    const s = stage('about_contacts', 'alter_form')
    const alters = state.alters.filter((a) => a.generators.length > 0)
    const html = render(createElement(AlterFormStage, { stage: s, alters, alter: alters[1] }))
    expect(html).toContain('id="a-a2-frequency-field"')
    expect(html).toContain('All contacts in this part (3)')
    expect(html).toContain('aria-current="step"')
  })

  it('tie census: the pair question with both names filled in', () => {
    const html = render(
      createElement(TieCensusStage, { stage: stage('who_works_together', 'tie_census') }),
    )
    expect(html).toContain('2 of 3 pairs answered.')
    expect(html).toContain(
      'To your knowledge, do <strong>Citizens Advice</strong> and <strong>Walking group</strong> work with each other',
    )
    expect(html).toContain('Don’t know')
    expect(html).toContain('aria-pressed="true"')
  })

  it('review: what is missing, linked to where it is asked', () => {
    const html = render(createElement(ReviewStage, { stage: stage('review', 'review') }))
    expect(html).toContain('Still to answer')
    expect(html).toContain('href="/i/tok?stage=about_you&amp;focus=implementation_model"')
    expect(html).toContain('Send my answers')
  })

  it('summary and network map render read-only', () => {
    const summary = renderToStaticMarkup(createElement(AnswerSummary, { protocol, state }))
    expect(summary).toContain('Social prescribing link worker')
    expect(summary).not.toContain('Change')
    const map = renderToStaticMarkup(createElement(NetworkMap, { protocol, state }))
    expect(map).toContain('Network of 3 contacts with 1 ties')
    expect(map).toContain('class="tie tie-unknown"')
  })
})
