import type { Browser, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { InterviewChange } from '../../src/core/interview/interview-state.js'
import { pairKey } from '../../src/core/interview/interview-state.js'
import {
  axe,
  desktop,
  e2eFile,
  invite,
  makeStudy,
  newContext,
  phone,
  screenshot,
  withFailureShots,
  type E2eServer,
} from './e2e-support.js'
import { actFor, answer, heading, protocol } from './interview-driver.js'

/**
 * The interview however a participant reaches it: by keyboard alone (Tab,
 * Shift+Tab, Enter, Space, arrow keys; no mouse), over a connection that
 * drops, and with assistive technology (axe-core on every stage kind, in
 * the states a participant sees: errors on fields, suggestions open, a
 * contact chosen on the map, things missing on the review page, offline,
 * sent, a broken link; no serious or critical violation anywhere). The
 * tests run side by side, each on its own study.
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

/** Waits until focus is on the page's new main heading (each step moves it there). */
async function focusedHeading(page: Page, text: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: text }).and(page.locator(':focus')).waitFor()
  expect(await focused(page)).toBe(`h1: ${text}`)
}

const system = { kind: 'system' } as const

/** An interview part way through: four contacts, some answers, two pairs answered. */
async function interviewUnderWay(studyId: string, label: string): Promise<string> {
  const { participantId, link } = await invite(server, studyId, label)
  const add = (
    alter: string,
    generator: string,
    name: string,
    sector: string,
  ): InterviewChange => ({
    kind: 'add_alter',
    alter,
    generator,
    answers: { name, sector },
  })
  const changes: InterviewChange[] = [
    { kind: 'ego_answer', question: 'role', value: 'link_worker' },
    add('a1', 'work_contact', 'Park Surgery', 'gp_own_pcn'),
    add('a2', 'work_contact', 'Sefton CVS', 'vcse'),
    add('a3', 'refers_to', 'Citizens Advice Sefton', 'vcse'),
    add('a4', 'advice_support', 'Jo, senior link worker', 'social_prescribing'),
    { kind: 'alter_answer', alter: 'a1', question: 'frequency', value: 4 },
    { kind: 'tie', a: 'a1', b: 'a2', state: 'yes' },
    { kind: 'tie', a: 'a1', b: 'a3', state: 'dont_know' },
  ]
  const result = await server.store.interviews.save(
    system,
    participantId,
    protocol,
    changes.map((change, i) => ({ id: `a11y-${label}-${String(i)}`, change })),
  )
  expect(result.rejected).toEqual([])
  return link
}

const stage = (link: string, id: string, extra = '') => `${link}?stage=${id}${extra}`

describe.concurrent('the interview', () => {
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
        ).toBe(
          await page.getByRole('option', { name: 'Citizens Advice Sefton' }).getAttribute('id'),
        )
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
        await page
          .getByText('Line between Sefton CVS and Citizens Advice Sefton removed.')
          .waitFor()
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

  it(
    'keeps answers given offline and saves them when the connection is back',
    () =>
      withFailureShots(browser, 'offline', async () => {
        const studyId = await makeStudy(server, 'Offline study')
        const { participantId, link } = await invite(server, studyId, 'LW01')
        const saved = async () => (await server.store.interviews.get(participantId))?.state ?? null
        const { context, problems } = await newContext(browser, phone)
        const act = actFor(true)
        let page = await context.newPage()
        await page.goto(`${link}?stage=about_you`)
        await heading(page, 'About your role')
        const status = page.locator('.save-status')
        // What the status shows (a hidden copy is announced to screen readers).
        const says = (text: string) => status.locator(':scope > span', { hasText: text }).waitFor()

        await context.setOffline(true)
        await answer(page, 'job_title', 'Link worker', act)
        await answer(page, 'role', 'link_worker', act)
        await answer(page, 'hours_per_week', 30, act)
        await says('Offline — will save when back')
        await status.getByText(/answers? kept on this device/).waitFor()
        // Said to screen readers too, once.
        expect(await page.getByRole('status').filter({ hasText: 'Offline' }).count()).toBe(1)
        await act(page.getByRole('button', { name: 'Next' }))
        await heading(page, 'Your work contacts')
        await page.getByRole('combobox', { name: /Organisation/ }).fill('Sefton CVS')
        await act(page.getByRole('button', { name: 'Add', exact: true }))
        await page.locator('.alter-list .alter-name', { hasText: 'Sefton CVS' }).waitFor()
        await screenshot(page, 'offline-status')
        // Nothing has reached the server.
        expect((await saved())?.ego ?? {}).toEqual({})

        // "Try now" while still offline: still kept, still waiting.
        await act(status.getByRole('button', { name: 'Try now' }))
        await says('Offline — will save when back')

        await context.setOffline(false)
        await says('All answers saved')
        const state = (await saved())!
        expect(state.ego).toEqual({
          job_title: 'Link worker',
          role: 'link_worker',
          hours_per_week: 30,
        })
        expect(state.alters.map((a) => a.answers['name'])).toEqual(['Sefton CVS'])
        expect(state.stage).toBe('ng1_work_contacts')

        // Offline again, and the page is closed before the connection comes back.
        await context.setOffline(true)
        await page.getByRole('combobox', { name: /Organisation/ }).fill('Park Surgery')
        await act(page.getByRole('button', { name: 'Add', exact: true }))
        await says('Offline — will save when back')
        await page.close()
        await context.setOffline(false)
        expect((await saved())!.alters).toHaveLength(1)
        page = await context.newPage()
        await page.goto(link)
        await heading(page, 'Your work contacts')
        await page.locator('.save-status').getByText('All answers saved').waitFor()
        expect((await saved())!.alters.map((a) => a.answers['name'])).toEqual([
          'Sefton CVS',
          'Park Surgery',
        ])
        expect(problems).toEqual([])
        await context.close()
      }),
    60_000,
  )

  describe.each([
    ['desktop', desktop],
    ['phone', phone],
  ] as const)('on a %s', (device, options) => {
    it(
      'the interview has no serious or critical axe violations on any stage',
      () =>
        withFailureShots(browser, `a11y-interview-${device}`, async () => {
          const studyId = await makeStudy(server, `Accessibility (${device})`)
          const link = await interviewUnderWay(studyId, 'LW01')
          const { context, problems } = await newContext(browser, options)
          const page = await context.newPage()
          const found: string[] = []
          const check = async (where: string) => {
            found.push(...(await axe(page, `${device} ${where}`)))
            await screenshot(page, `a11y-${device}-${where}`)
          }

          await page.goto(stage(link, 'welcome'))
          await heading(page, 'Welcome')
          await check('information')

          await page.goto(stage(link, 'about_you'))
          await heading(page, 'About your role')
          await page.getByLabel('What is your typical active caseload?').fill('lots')
          await page.getByLabel('What is your typical active caseload?').press('Tab')
          await page.getByText('Enter a number, for example 12.').waitFor()
          await check('ego-form-with-error')

          await page.goto(stage(link, 'ng2_referral_destinations'))
          await heading(page, 'Where you refer people')
          const box = page.getByRole('combobox', { name: /Organisation/ })
          await box.fill('sefton cvs')
          await page.getByText('You named Sefton CVS earlier.').waitFor()
          await check('name-generator-match')
          await box.fill('')
          await box.pressSequentially('se', { delay: 20 })
          await page.getByRole('option').first().waitFor()
          await check('name-generator-suggestions')
          await box.fill('')
          await page.getByRole('button', { name: 'Remove Citizens Advice Sefton' }).click()
          await page.getByRole('group', { name: 'Remove Citizens Advice Sefton?' }).waitFor()
          await check('name-generator-remove')
          await page.getByRole('button', { name: 'Keep' }).click()

          await page.goto(stage(link, 'about_contacts'))
          await heading(page, 'Park Surgery')
          await page.getByText('All contacts in this part (4)').click()
          await page.getByText(/Step 9 of 13/).click()
          await check('alter-form')

          await page.goto(stage(link, 'who_works_together'))
          await heading(page, 'Who works with whom')
          await check('census-pairs')
          await page.getByRole('button', { name: 'Draw on a map' }).click()
          await page
            .getByRole('button', { name: /^\d+\. Sefton CVS, \d+ lines?$/ })
            .locator('circle')
            .click()
          await page.getByText('Sefton CVS chosen.').waitFor()
          await page.getByText('Names of the numbered contacts').click()
          await page.getByRole('button', { name: /I have drawn every line/ }).click()
          await check('census-map')

          await page.goto(stage(link, 'review'))
          await heading(page, 'Check and send')
          await page.getByRole('heading', { name: /Still to answer/ }).waitFor()
          await check('review-missing')

          // Offline: the save status says so, with a button to try again.
          await context.setOffline(true)
          await page.goto(stage(link, 'about_you')).catch(() => undefined)
          await context.setOffline(false)
          await page.goto(stage(link, 'about_you'))
          await heading(page, 'About your role')
          await context.setOffline(true)
          await page
            .getByRole('group', { name: 'Where are you mainly based day to day?' })
            .getByLabel('Mixed')
            .check()
          await page.locator('.save-status.save-offline').waitFor()
          await check('offline')
          await context.setOffline(false)
          await page.locator('.save-status.save-saved').waitFor()

          // Sent: a complete interview, then the thank-you page.
          const done = await invite(server, studyId, 'LW02')
          await server.store.interviews.save(system, done.participantId, protocol, [
            {
              id: 'a11y-done-1',
              change: { kind: 'ego_answer', question: 'role', value: 'link_worker' },
            },
            {
              id: 'a11y-done-2',
              change: { kind: 'ego_answer', question: 'implementation_model', value: 'pcn' },
            },
            ...['work_contact', 'refers_to', 'advice_support'].map((g, i) => ({
              id: `a11y-done-${String(i + 3)}`,
              change: {
                kind: 'add_alter' as const,
                alter: `d${String(i)}`,
                generator: g,
                answers: { name: `Service ${String(i)}`, sector: 'vcse' },
              },
            })),
          ])
          await page.goto(stage(done.link, 'review'))
          await page.getByText('Everything that is needed has been answered.').waitFor()
          await page.getByRole('button', { name: 'Send my answers' }).click()
          await heading(page, 'Thank you')
          await page.getByText('See the answers you sent').click()
          await check('sent')

          await page.goto(`${server.url}/i/${'x'.repeat(43)}`)
          await heading(page, 'Interview not available')
          await check('broken-link')

          expect(found).toEqual([])
          expect(problems).toEqual([])
          await context.close()
        }),
      120_000,
    )
  })
})
