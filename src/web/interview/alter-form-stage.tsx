import { isShown } from '../../core/interview/apply-change.js'
import type { InterviewAlter } from '../../core/interview/interview-state.js'
import type { Stage } from '../../core/protocol/protocol.js'
import { Link } from '../router.js'
import { errorsUnder } from '../lib/errors-under.js'
import { alterName } from '../lib/format.js'
import { useInterview } from './interview-context.js'
import { QuestionField } from './question-field.js'
import { stageUrl } from './stage-url.js'

type AlterForm = Extract<Stage, { kind: 'alter_form' }>

/**
 * The questions about one contact (its name is the page heading). The
 * contacts follow one another with Next; a list lets the participant jump to
 * any of them and shows which still have required questions open.
 */
export function AlterFormStage({
  stage,
  alters,
  alter,
}: {
  readonly stage: AlterForm
  readonly alters: readonly InterviewAlter[]
  readonly alter: InterviewAlter | undefined
}) {
  const { snapshot, change, token } = useInterview()
  const { protocol } = snapshot
  if (alter === undefined) {
    return (
      <p className="notice">
        {stage.generators === undefined
          ? 'You have not named any contacts yet, so there is nothing to answer here.'
          : 'None of the contacts you named are asked about here, so there is nothing to answer.'}{' '}
        Go on to the next step.
      </p>
    )
  }
  const errors = errorsUnder(snapshot.errors, `alter.${alter.id}.`)
  const open = (a: InterviewAlter) =>
    stage.questions.some(
      (q) => q.required === true && isShown(q, a.answers) && a.answers[q.id] === undefined,
    )
  return (
    <>
      {stage.intro !== undefined && <p className="lead">{stage.intro}</p>}
      {stage.questions
        .filter((q) => isShown(q, alter.answers))
        .map((q) => (
          <QuestionField
            key={`${alter.id}-${q.id}`}
            question={q}
            answers={alter.answers}
            errors={errors}
            idPrefix={`a-${alter.id}`}
            onAnswer={(question, value) => {
              change({ kind: 'alter_answer', alter: alter.id, question, value })
            }}
          />
        ))}
      <details className="contact-list">
        <summary>All contacts in this part ({alters.length})</summary>
        <ol>
          {alters.map((a) => (
            <li key={a.id}>
              <Link
                to={stageUrl(token, stage.id, a.id)}
                aria-current={a.id === alter.id ? 'step' : undefined}
              >
                {alterName(protocol, a)}
              </Link>
              {open(a) && <span className="tag tag-warn">Questions to answer</span>}
            </li>
          ))}
        </ol>
      </details>
    </>
  )
}
