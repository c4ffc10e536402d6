import type { Issue } from '../errors.js'
import type { Protocol } from '../protocol/protocol.js'
import { formAlters, isShown } from './apply-change.js'
import type { InterviewState } from './interview-state.js'

/**
 * What is still missing before an interview can be sent: required questions
 * that are shown and unanswered, for the participant and for each contact.
 * Each issue's path names the stage and question, so the review page can
 * link to it.
 */
export function missingAnswers(protocol: Protocol, state: InterviewState): Issue[] {
  const issues: Issue[] = []
  for (const stage of protocol.stages) {
    if (stage.kind === 'ego_form') {
      for (const question of stage.questions) {
        if (
          question.required === true &&
          isShown(question, state.ego) &&
          state.ego[question.id] === undefined
        ) {
          issues.push({
            path: `${stage.id}.${question.id}`,
            message: `Please answer: ${question.label}`,
          })
        }
      }
    }
    if (stage.kind === 'alter_form') {
      for (const alter of formAlters(stage, state)) {
        for (const question of stage.questions) {
          if (
            question.required === true &&
            isShown(question, alter.answers) &&
            alter.answers[question.id] === undefined
          ) {
            const name = String(alter.answers[protocol.alterName] ?? 'a contact')
            issues.push({
              path: `${stage.id}.${alter.id}.${question.id}`,
              message: `Please answer for ${name}: ${question.label}`,
            })
          }
        }
      }
    }
    if (stage.kind === 'name_generator' && stage.optional !== true) {
      if (!state.alters.some((a) => a.generators.includes(stage.generator))) {
        issues.push({
          path: stage.id,
          message: `Please name at least one contact for: ${stage.title}`,
        })
      }
    }
  }
  return issues
}
