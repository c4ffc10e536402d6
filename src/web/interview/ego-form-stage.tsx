import { isShown } from '../../core/interview/apply-change.js'
import type { Stage } from '../../core/protocol/protocol.js'
import { errorsUnder } from '../lib/errors-under.js'
import { useInterview } from './interview-context.js'
import { QuestionField } from './question-field.js'

/** Questions about the participant; a question appears once its skip logic says so. */
export function EgoFormStage({ stage }: { readonly stage: Extract<Stage, { kind: 'ego_form' }> }) {
  const { snapshot, change } = useInterview()
  const answers = snapshot.state.ego
  const errors = errorsUnder(snapshot.errors, 'ego.')
  return (
    <>
      {stage.intro !== undefined && <p className="lead">{stage.intro}</p>}
      <p className="hint">Your answers are saved as you go.</p>
      {stage.questions
        .filter((q) => isShown(q, answers))
        .map((q) => (
          <QuestionField
            key={q.id}
            question={q}
            answers={answers}
            errors={errors}
            idPrefix="ego"
            onAnswer={(question, value) => {
              change({ kind: 'ego_answer', question, value })
            }}
          />
        ))}
    </>
  )
}
