import { useEffect, useLayoutEffect, useState } from 'react'
import { formAlters } from '../../core/interview/apply-change.js'
import type { Stage } from '../../core/protocol/protocol.js'
import { alterName } from '../lib/format.js'
import { useFocusHeading } from '../lib/use-focus-heading.js'
import { navigate, useLocation } from '../router.js'
import { AlterFormStage } from './alter-form-stage.js'
import { EgoFormStage } from './ego-form-stage.js'
import { InformationStage } from './information-stage.js'
import { useInterview } from './interview-context.js'
import { NameGeneratorStage } from './name-generator-stage.js'
import { ProgressNav } from './progress-nav.js'
import { ReviewStage } from './review-stage.js'
import { stageUrl } from './stage-url.js'
import { TieCensusStage } from './tie-census-stage.js'

/**
 * The interview's frame: which stage (and, in an alter form, which contact)
 * the address names, the step indicator, the heading, and Back / Next. The
 * address is the source of truth, so the browser's back button steps back
 * through the interview, and a reload or a link from the review page lands
 * in the right place. Without a stage in the address the participant
 * resumes where they last were.
 */
export function InterviewShell() {
  const { snapshot, token, change } = useInterview()
  const { protocol, state } = snapshot
  const { query } = useLocation()
  const stages = protocol.stages
  const requested = query.get('stage')
  const found = stages.findIndex((s) => s.id === requested)
  const index = found === -1 ? 0 : found
  const stage = stages[index]!

  const alters = stage.kind === 'alter_form' ? formAlters(stage, state) : []
  const contact = query.get('contact')
  const wantedContact =
    contact === 'last' ? alters.length - 1 : alters.findIndex((a) => a.id === contact)
  const contactIndex = Math.max(0, wantedContact)
  const alter = alters[contactIndex]
  const focus = query.get('focus')

  // A layout effect, run before the first stage is painted: a Next tapped
  // before a later redirect would be undone by it (the participant would be
  // sent back to the first stage). And only while the address still names no
  // stage, in case it changed since this render.
  useLayoutEffect(() => {
    if (found !== -1) return
    if (new URLSearchParams(window.location.search).get('stage') !== requested) return
    const resume = stages.find((s) => s.id === state.stage) ?? stages[0]!
    navigate(stageUrl(token, resume.id), { replace: true })
  }, [found, requested, stages, state.stage, token])

  // Remember the stage, so the interview resumes here on any device.
  useEffect(() => {
    if (found !== -1 && state.stage !== stage.id) change({ kind: 'stage', stage: stage.id })
    // Runs on arriving at a stage only: state.stage is what this effect writes.
  }, [stage.id, found])

  const heading = useFocusHeading<HTMLHeadingElement>(`${stage.id}:${alter?.id ?? ''}`)
  // Each step is a page of its own to a screen reader: its title says which.
  const title =
    stage.kind === 'alter_form' && alter !== undefined ? alterName(protocol, alter) : stage.title
  useEffect(() => {
    document.title = `${title} (step ${String(index + 1)} of ${String(stages.length)}) – spnet`
  }, [title, index, stages.length])

  // A link from the review page names a question: put the participant on it.
  const alterId = alter?.id
  useEffect(() => {
    if (focus === null) return
    const prefix = stage.kind === 'alter_form' && alterId !== undefined ? `a-${alterId}` : 'ego'
    const field = document.getElementById(`${prefix}-${focus}-field`)
    const control = field?.querySelector<HTMLElement>('input, select, textarea')
    if (control !== null && control !== undefined) {
      control.focus()
      field?.scrollIntoView({ block: 'center' })
    }
    // Not on every answer: only when the address names a new place.
  }, [focus, stage.id, stage.kind, alterId])

  const go = (target: Stage, where: 'first' | 'last') => {
    navigate(
      stageUrl(token, target.id, target.kind === 'alter_form' && where === 'last' ? 'last' : null),
    )
  }
  const [unadded, setUnadded] = useState<string | null>(null)
  useEffect(() => {
    setUnadded(null)
  }, [stage.id, state.alters.length])
  const next = () => {
    // A name typed but never added would be lost silently; stop once and say so.
    const typed = document.querySelector<HTMLInputElement>('[data-quick-add-name]')
    if (typed !== null && typed.value.trim() !== '' && unadded !== typed.value) {
      setUnadded(typed.value)
      typed.focus()
      return
    }
    const after = alters[contactIndex + 1]
    if (after !== undefined) navigate(stageUrl(token, stage.id, after.id))
    else if (index + 1 < stages.length) go(stages[index + 1]!, 'first')
  }
  const back = () => {
    const before = contactIndex > 0 ? alters[contactIndex - 1] : undefined
    if (before !== undefined) navigate(stageUrl(token, stage.id, before.id))
    else if (index > 0) go(stages[index - 1]!, 'last')
  }

  const inContacts = stage.kind === 'alter_form' && alter !== undefined
  return (
    <>
      {snapshot.mode === 'interviewer' && (
        <p className="notice">
          Interviewer mode: read each question to the participant and enter their answers.
        </p>
      )}
      <ProgressNav token={token} stages={stages} current={index} />
      {inContacts && (
        <p className="caption">
          {stage.title} · contact {contactIndex + 1} of {alters.length}
        </p>
      )}
      <h1 ref={heading} tabIndex={-1}>
        {inContacts ? alterName(protocol, alter) : stage.title}
      </h1>
      <StageView stage={stage} alters={alters} alter={alter} />
      {unadded !== null && (
        <p className="notice" role="alert">
          You typed “{unadded}” but have not added it. Press Add to keep it, or press Next again to
          go on without it.
        </p>
      )}
      <div className="stage-nav">
        {(index > 0 || contactIndex > 0) && (
          <button type="button" className="button button-secondary" onClick={back}>
            Back
          </button>
        )}
        {stage.kind !== 'review' && (
          <button type="button" className="button button-primary" onClick={next}>
            {inContacts && contactIndex + 1 < alters.length ? 'Next contact' : 'Next'}
          </button>
        )}
      </div>
    </>
  )
}

function StageView({
  stage,
  alters,
  alter,
}: {
  readonly stage: Stage
  readonly alters: ReturnType<typeof formAlters>
  readonly alter: ReturnType<typeof formAlters>[number] | undefined
}) {
  switch (stage.kind) {
    case 'information':
      return <InformationStage stage={stage} />
    case 'ego_form':
      return <EgoFormStage stage={stage} />
    case 'name_generator':
      return <NameGeneratorStage key={stage.id} stage={stage} />
    case 'alter_form':
      return <AlterFormStage stage={stage} alters={alters} alter={alter} />
    case 'tie_census':
      return <TieCensusStage stage={stage} />
    case 'review':
      return <ReviewStage stage={stage} />
  }
}
