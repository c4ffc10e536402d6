import { censusAlters, formAlters, isShown } from '../../core/interview/apply-change.js'
import {
  pairKey,
  type AnswerValue,
  type InterviewState,
} from '../../core/interview/interview-state.js'
import type { Protocol, Question } from '../../core/protocol/protocol.js'
import { alterName, formatAnswer } from '../lib/format.js'
import { Link } from '../router.js'

/** Where "Change" goes: a stage, optionally a contact and a question to focus. */
export type ChangeLink = (stage: string, contact?: string, focus?: string) => string

/**
 * Every answer of an interview, stage by stage, as a list of questions and
 * answers. With `changeLink`, each has a "Change" link back to where it was
 * asked (the review page); without, it is read-only (after sending, and for
 * researchers).
 */
export function AnswerSummary({
  protocol,
  state,
  changeLink,
  headingLevel = 2,
}: {
  readonly protocol: Protocol
  readonly state: InterviewState
  readonly changeLink?: ChangeLink
  readonly headingLevel?: 2 | 3
}) {
  const H = headingLevel === 2 ? 'h2' : 'h3'
  const Sub = headingLevel === 2 ? 'h3' : 'h4'
  return (
    <div className="answer-summary">
      {protocol.stages.map((stage) => {
        switch (stage.kind) {
          case 'ego_form':
            return (
              <section key={stage.id}>
                <H className="heading-m">{stage.title}</H>
                <QuestionList
                  questions={stage.questions}
                  answers={state.ego}
                  link={
                    changeLink === undefined ? undefined : (q) => changeLink(stage.id, undefined, q)
                  }
                />
              </section>
            )
          case 'name_generator': {
            const named = state.alters.filter((a) => a.generators.includes(stage.generator))
            return (
              <section key={stage.id}>
                <H className="heading-m">{stage.title}</H>
                {named.length === 0 ? (
                  <p>No one named.</p>
                ) : (
                  <ul className="inline-list">
                    {named.map((a) => (
                      <li key={a.id}>{alterName(protocol, a)}</li>
                    ))}
                  </ul>
                )}
                {changeLink !== undefined && (
                  <Link to={changeLink(stage.id)}>
                    Change<span className="visually-hidden"> {stage.title}</span>
                  </Link>
                )}
              </section>
            )
          }
          case 'alter_form': {
            const alters = formAlters(stage, state)
            return (
              <section key={stage.id}>
                <H className="heading-m">{stage.title}</H>
                {alters.length === 0 && <p>No contacts to ask about.</p>}
                {alters.map((a) => (
                  <div key={a.id} className="summary-alter">
                    <Sub className="heading-s">{alterName(protocol, a)}</Sub>
                    <QuestionList
                      questions={stage.questions}
                      answers={a.answers}
                      link={
                        changeLink === undefined ? undefined : (q) => changeLink(stage.id, a.id, q)
                      }
                    />
                  </div>
                ))}
              </section>
            )
          }
          case 'tie_census': {
            const alters = censusAlters(protocol, state)
            let yes = 0
            let no = 0
            let unknown = 0
            let open = 0
            for (let i = 0; i < alters.length; i++)
              for (let j = i + 1; j < alters.length; j++) {
                const s = state.ties[pairKey(alters[i]!.id, alters[j]!.id)]
                if (s === 'yes') yes++
                else if (s === 'no') no++
                else if (s === 'dont_know') unknown++
                else open++
              }
            return (
              <section key={stage.id}>
                <H className="heading-m">{stage.title}</H>
                <p>
                  {yes} pairs work together, {no} do not, {unknown} you don’t know
                  {open > 0 ? `, ${open} not answered` : ''}.
                </p>
                {changeLink !== undefined && (
                  <Link to={changeLink(stage.id)}>
                    Change<span className="visually-hidden"> {stage.title}</span>
                  </Link>
                )}
              </section>
            )
          }
          default:
            return null
        }
      })}
    </div>
  )
}

function QuestionList({
  questions,
  answers,
  link,
}: {
  readonly questions: readonly Question[]
  readonly answers: Readonly<Record<string, AnswerValue>>
  readonly link: ((question: string) => string) | undefined
}) {
  return (
    <dl className="summary-list">
      {questions
        .filter((q) => isShown(q, answers))
        .map((q) => {
          const answer = formatAnswer(q, answers)
          return (
            <div key={q.id} className="summary-row">
              <dt>{q.label}</dt>
              <dd className={answer === null ? 'unanswered' : undefined}>
                {answer ?? 'Not answered'}
              </dd>
              {link !== undefined && (
                <dd className="summary-action">
                  <Link to={link(q.id)}>
                    Change<span className="visually-hidden"> {q.label}</span>
                  </Link>
                </dd>
              )}
            </div>
          )
        })}
    </dl>
  )
}
