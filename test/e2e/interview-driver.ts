import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'
import type { AnswerValue } from '../../src/core/interview/interview-state.js'
import { linkWorkerProtocol as protocol } from '../../src/core/protocol/link-worker-protocol.js'
import type { Question } from '../../src/core/protocol/protocol.js'

/**
 * Answers interview questions the way a participant does: by the words on
 * the screen. Questions and option labels come from the built-in protocol,
 * so a test names answers by their stored values and the driver finds the
 * words to click.
 */

const questions = new Map<string, Question>()
for (const stage of protocol.stages)
  if (stage.kind === 'ego_form' || stage.kind === 'alter_form')
    for (const q of stage.questions) questions.set(q.id, q)

export function question(id: string): Question {
  const q = questions.get(id)
  if (q === undefined) throw new Error(`e2e: no question ${id} in the built-in protocol`)
  return q
}

export function optionLabel(id: string, value: string | number | boolean): string {
  const q = question(id)
  if (q.type === 'boolean') return value === true ? 'Yes' : 'No'
  const o = q.options?.find((x) => x.value === value)
  if (o === undefined) throw new Error(`e2e: ${id} has no option ${String(value)}`)
  return o.label
}

export type Act = (target: Locator) => Promise<void>

/** A click on a desktop, a tap on a touch screen. */
export function actFor(touch: boolean): Act {
  return touch ? (l) => l.tap() : (l) => l.click()
}

/** The question's form control or group, found by its label or legend. */
export function field(scope: Page | Locator, id: string): Locator {
  const q = question(id)
  if (
    q.type === 'choice' ||
    q.type === 'ordinal' ||
    q.type === 'multi_choice' ||
    q.type === 'boolean'
  )
    return scope.getByRole('group', { name: q.label })
  return scope.getByLabel(q.label, { exact: false })
}

/** One option of a group, by its label. */
function option(group: Locator, label: string): Locator {
  return group.getByLabel(label, { exact: true })
}

/** Gives an answer; text and numbers are typed and the box left (Tab), as a person would. */
export async function answer(
  scope: Page | Locator,
  id: string,
  value: AnswerValue,
  act: Act,
): Promise<void> {
  const q = question(id)
  const target = field(scope, id)
  switch (q.type) {
    case 'text':
    case 'long_text':
    case 'number':
    case 'integer':
      await target.fill(String(value))
      await target.press('Tab')
      return
    case 'multi_choice':
      for (const v of value as (string | number)[]) await act(option(target, optionLabel(id, v)))
      return
    default:
      await act(option(target, optionLabel(id, value as string | number | boolean)))
  }
}

/** Checks that the form shows the answer (after a reload, on another device). */
export async function expectAnswer(
  scope: Page | Locator,
  id: string,
  value: AnswerValue,
): Promise<void> {
  const q = question(id)
  const target = field(scope, id)
  switch (q.type) {
    case 'text':
    case 'long_text':
    case 'number':
    case 'integer':
      expect(await target.inputValue(), id).toBe(String(value))
      return
    case 'multi_choice': {
      const want = value as (string | number)[]
      for (const o of q.options ?? [])
        expect(await option(target, o.label).isChecked(), `${id}: ${o.label}`).toBe(
          want.includes(o.value),
        )
      return
    }
    default:
      expect(
        await option(target, optionLabel(id, value as string | number | boolean)).isChecked(),
        `${id} = ${String(value)}`,
      ).toBe(true)
  }
}

/** The page's main heading, once it says `text`. */
export async function heading(page: Page, text: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: text }).waitFor()
}

/** What the export holds for answers to a form: multiple choices as one 0/1 column per option. */
export function exported(
  formQuestions: readonly Question[],
  answers: Readonly<Record<string, AnswerValue>>,
): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {}
  for (const q of formQuestions) {
    const v = answers[q.id]
    // The free text beside an "Other" option is exported as a column of its own.
    if (q.other === true) {
      const other = answers[`${q.id}_other`]
      out[`${q.id}_other`] = typeof other === 'string' ? other : null
    }
    if (q.type === 'multi_choice') {
      for (const o of q.options ?? [])
        out[`${q.id}_${String(o.value)}`] =
          v === undefined ? null : (v as (string | number)[]).includes(o.value) ? 1 : 0
    } else out[q.id] = v ?? null
  }
  return out
}

export { protocol }
