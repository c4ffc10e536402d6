import type { Browser, Page } from 'playwright-core'
import { beforeAll, expect, it } from 'vitest'
import { pairKey } from '../../src/core/interview/interview-state.js'
import {
  invite,
  makeStudy,
  newContext,
  screenshot,
  withFailureShots,
  type E2eServer,
  e2eFile,
} from './e2e-support.js'
import { protocol } from './interview-driver.js'

/**
 * The interview by keyboard alone (Tab, Shift+Tab, Enter, Space, arrow
 * keys; no mouse): the ego form, adding contacts (one from the study's
 * suggestions), naming one under a second question, and answering the tie
 * census both as pair questions and on the map. What the server kept is
 * then checked.
 */

const e2e = e2eFile()
let server: E2eServer
let browser: Browser
beforeAll(() => {
  ;({ server, browser } = e2e)
})

/** What has keyboard focus, in words: its accessible name and role, as a screen reader would say. */
async function focused(page: Page): Promise<string> {
  return page.evaluate<string>(`(() => {
    const el = document.activeElement
    if (!el || el === document.body) return 'nothing'
    const role = el.getAttribute('role') || (el.tagName === 'INPUT' ? el.type : el.tagName.toLowerCase())
    const label = el.getAttribute('aria-label') ||
      (el.labels && el.labels[0] ? el.labels[0].textContent : '') ||
      el.textContent || ''
    return role + ': ' + label.replace(/\\s+/g, ' ').trim()
  })()`)
}

/** Whether the focused control shows that it has focus (WCAG 2.4.7): a focus ring, or a map node's thick ring. */
async function focusShown(page: Page): Promise<boolean> {
  return page.evaluate<boolean>(`(() => {
    const el = document.activeElement
    if (!el) return false
    if (el.matches('g[role=button]')) return getComputedStyle(el.querySelector('circle')).strokeWidth === '5px'
    const s = getComputedStyle(el)
    return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2
  })()`)
}

/** Presses Tab (at most `max` times) until the focused control matches; it must show its focus. */
async function tabTo(page: Page, want: RegExp, max = 60): Promise<void> {
  const seen: string[] = []
  for (let i = 0; i < max; i++) {
    const now = await focused(page)
    if (want.test(now)) {
      expect(await focusShown(page), `focus ring on ${now}`).toBe(true)
      return
    }
    seen.push(now)
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${String(want)}; went through:\n${seen.join('\n')}`)
}

async function next(page: Page): Promise<void> {
  await tabTo(page, /^button: Next$/)
  await page.keyboard.press('Enter')
}

async function focusedHeading(page: Page, text: string): Promise<void> {
  await expect.poll(() => focused(page)).toBe(`h1: ${text}`)
}

it(
  'completes the ego form, adds contacts and answers census pairs by keyboard alone',
  () =>
    withFailureShots(browser, 'keyboard', async () => {
      const studyId = await makeStudy(server, 'Keyboard study')
      const other = await invite(server, studyId, 'LW90')
      await server.store.interviews.save({ kind: 'system' }, other.participantId, protocol, [
        {
          id: 'kb-seed-1',
          change: {
            kind: 'add_alter',
            alter: 'seed1',
            generator: 'work_contact',
            answers: { name: 'Citizens Advice Sefton', sector: 'vcse' },
          },
        },
      ])
      const { participantId, link } = await invite(server, studyId, 'LW01')
      const { context, problems } = await newContext(browser)
      const page = await context.newPage()
      const k = page.keyboard
      await page.goto(link)
      await page.getByRole('heading', { name: 'Welcome' }).waitFor()

      // The skip link comes first and lands on the page's main part.
      await k.press('Tab')
      expect(await focused(page)).toBe('a: Skip to main content')
      await next(page)

      // Ego form: focus moves to the new step's heading.
      await focusedHeading(page, 'About your role')
      await k.press('Tab')
      expect(await focused(page)).toBe('text: What is your job title?')
      await k.type('Link worker')
      await k.press('Tab')
      // Radio buttons: Tab enters the group, arrows choose.
      expect(await focused(page)).toBe('radio: Social prescribing link worker')
      await k.press('ArrowDown')
      expect(await focused(page)).toBe('radio: Senior or lead link worker')
      await k.press('Tab')
      expect(await focused(page)).toBe('radio: PCN or lead GP practice')
      await k.press('Space')
      await tabTo(page, /^text: How long have you worked as a link worker\?$/)
      await k.type('18')
      await tabTo(page, /^checkbox: Health$/)
      await k.press('Space')
      await tabTo(page, /^radio: Yes$/)
      await k.press('Space')
      // A question shown by the answer before it is next in the tab order.
      await k.press('Tab')
      expect(await focused(page)).toBe('text: Which directory or platform?')
      await k.type('Elemental')
      await screenshot(page, 'keyboard-ego')
      await next(page)

      // A name generator: type and press Enter to add; pick a suggestion with the arrow keys.
      await focusedHeading(page, 'Your work contacts')
      await tabTo(page, /^combobox: Organisation/)
      await k.type('Sefton CVS')
      await k.press('Tab')
      expect(await focused(page)).toBe('select: Which sector are they in?')
      await k.press('V') // jumps to "Voluntary, community or social enterprise …"
      await tabTo(page, /^button: Add$/)
      await k.press('Enter')
      await page.getByText('Sefton CVS added.').waitFor()
      expect(await focused(page)).toMatch(/^combobox: Organisation/)
      await k.type('citiz', { delay: 30 })
      await page.getByRole('option', { name: 'Citizens Advice Sefton' }).waitFor()
      await k.press('ArrowDown')
      expect(
        await page
          .getByRole('combobox', { name: /Organisation/ })
          .getAttribute('aria-activedescendant'),
      ).toBe(await page.getByRole('option', { name: 'Citizens Advice Sefton' }).getAttribute('id'))
      await k.press('Enter') // takes the suggestion
      expect(await page.getByRole('combobox', { name: /Organisation/ }).inputValue()).toBe(
        'Citizens Advice Sefton',
      )
      await k.press('Enter') // adds it
      await page.getByText('Citizens Advice Sefton added.').waitFor()
      await k.type('Park Surgery')
      await k.press('Enter')
      await page.getByText('Park Surgery added.').waitFor()
      await next(page)

      // Named before: the contact is added here with Enter on its button, and focus stays in the list.
      await focusedHeading(page, 'Where you refer people')
      await tabTo(page, /^button: \+ Citizens Advice Sefton \(add to this list\)$/)
      await k.press('Enter')
      await page.getByText('Citizens Advice Sefton added to this list.').waitFor()
      expect(await focused(page)).toMatch(/^button: \+ (Sefton CVS|Park Surgery)/)
      await screenshot(page, 'keyboard-ng2')

      // To the census through the list of steps.
      await k.press('Shift+Tab')
      await tabTo(page, /^summary: Step 4 of 13/, 80)
      await k.press('Enter')
      await tabTo(page, /^a: Who works with whom$/)
      await k.press('Enter')
      await focusedHeading(page, 'Who works with whom')

      // Pairs: the three answers are buttons; focus stays put while the next pair comes up.
      await tabTo(page, /^button: Yes$/)
      await k.press('Enter')
      await page.getByText('Pair 2 of 3', { exact: true }).waitFor()
      expect(await focused(page)).toBe('button: Yes')
      await k.press('Tab')
      expect(await focused(page)).toBe('button: No')
      await k.press('Space')
      await page.getByText('Pair 3 of 3', { exact: true }).waitFor()
      await k.press('Tab')
      expect(await focused(page)).toBe('button: Don’t know')
      await k.press('Enter')
      await page.getByText('3 of 3 pairs answered.').waitFor()

      // The map: contacts are buttons; Enter on one and Space on another changes their line.
      await k.press('Shift+Tab')
      await tabTo(page, /^button: Draw on a map$/)
      await k.press('Enter')
      await tabTo(page, /^button: 1\. Sefton CVS, 1 line$/)
      await k.press('Enter')
      await page.getByText(/^Sefton CVS chosen\./).waitFor()
      await k.press('Tab')
      expect(await focused(page)).toBe('button: 2. Citizens Advice Sefton, 1 line')
      await k.press('Space') // removes the line they had
      await page.getByText('Line between Sefton CVS and Citizens Advice Sefton removed.').waitFor()
      await k.press('Tab')
      await k.press('Enter')
      await k.press('Escape')
      await page.getByText('Nothing chosen.', { exact: true }).waitFor()
      await screenshot(page, 'keyboard-map')

      // What the server kept.
      await page.locator('.save-status.save-saved').waitFor()
      const saved = (await server.store.interviews.get(participantId))!.state
      expect(saved.ego).toEqual({
        job_title: 'Link worker',
        role: 'senior_link_worker',
        implementation_model: 'pcn',
        months_as_link_worker: 18,
        background: ['health'],
        uses_directory: true,
        directory_name: 'Elemental',
      })
      const byName = new Map(saved.alters.map((a) => [a.answers['name'], a]))
      expect([...byName.keys()]).toEqual(['Sefton CVS', 'Citizens Advice Sefton', 'Park Surgery'])
      expect(byName.get('Sefton CVS')!.answers['sector']).toBe('vcse')
      expect(byName.get('Citizens Advice Sefton')!.generators).toEqual([
        'work_contact',
        'refers_to',
      ])
      const id = (name: string) => byName.get(name)!.id
      // Sefton CVS – Citizens Advice was answered yes, then its line removed on the map: unanswered.
      expect(saved.ties).toEqual({
        [pairKey(id('Park Surgery'), id('Sefton CVS'))]: 'no',
        [pairKey(id('Citizens Advice Sefton'), id('Park Surgery'))]: 'dont_know',
      })
      expect(problems).toEqual([])
      await context.close()
    }),
  120_000,
)
