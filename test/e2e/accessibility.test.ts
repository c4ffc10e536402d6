import type { Browser, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { InterviewChange } from '../../src/core/interview/interview-state.js'
import { ensureDemoStudy } from '../../src/server/bootstrap.js'
import {
  axe,
  desktop,
  invite,
  makeStudy,
  newContext,
  phone,
  screenshot,
  signIn,
  withFailureShots,
  type E2eServer,
  e2eFile,
} from './e2e-support.js'
import { heading, protocol } from './interview-driver.js'

/**
 * axe-core on every kind of page: each stage kind of the interview (in the
 * states a participant sees: errors on fields, suggestions open, a contact
 * chosen on the map, things missing on the review page, sent, a broken
 * link, offline) and every researcher page. No serious or critical
 * violation is allowed anywhere.
 */

const e2e = e2eFile()
let server: E2eServer
let browser: Browser
let demoStudy: string
beforeAll(async () => {
  ;({ server, browser } = e2e)
  demoStudy = (await ensureDemoStudy(server.store, 8))!
}, 60_000)

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

describe.concurrent.each([
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

// On a phone, the study page (participants as cards) and a withdrawn link are checked in researcher.test.ts.
it(
  'the researcher pages have no serious or critical axe violations',
  () =>
    withFailureShots(browser, 'a11y-researcher', async () => {
      const { context, problems } = await newContext(browser, desktop)
      const page = await context.newPage()
      const found: string[] = []
      const check = async (where: string) => {
        found.push(...(await axe(page, where)))
        await screenshot(page, `a11y-researcher-${where}`)
      }

      await page.goto(server.url)
      await heading(page, 'Sign in to spnet')
      await page.getByRole('button', { name: 'Sign in' }).click()
      await page.locator('#email-error').waitFor()
      await check('login-with-errors')
      await signIn(page, server.url, 'admin')
      await check('studies')

      await page.getByRole('link', { name: 'Demo study (synthetic data)' }).click()
      await heading(page, 'Demo study (synthetic data)')
      await openLinks(page)
      await check('study')

      const detail = await server.store.studies.get(demoStudy)
      // The smallest sent interview: every kind of content, and a short page for axe to read.
      const sent = detail!.participantList
        .filter((p) => p.status === 'submitted')
        .sort((a, b) => a.alters - b.alters)[0]!
      await page.getByRole('link', { name: sent.label, exact: true }).click()
      await heading(page, `Participant ${sent.label}`)
      await page.locator('.network-map svg').waitFor()
      await check('participant')

      await page.goto(`${server.url}/studies/${demoStudy}/analysis`)
      await heading(page, 'Measures and comparisons')
      await page.getByRole('region', { name: 'Table of measures per participant' }).waitFor()
      await page.getByLabel('Group participants by').fill('implementation_model')
      await page.getByRole('button', { name: 'Compare' }).click()
      await page.getByText('Median (interquartile range) and n, by group').waitFor()
      await check('analysis')

      await page.getByRole('link', { name: 'Users' }).click()
      await heading(page, 'Users')
      await check('users')
      await page.getByRole('link', { name: 'Audit log' }).click()
      await heading(page, 'Audit log')
      await page.locator('table').first().waitFor()
      await check('audit')

      expect(found).toEqual([])
      expect(problems).toEqual([])
      await context.close()
    }),
  120_000,
)

async function openLinks(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: /^Links \(\d+\) for / }).first()
  await button.click()
  await page.getByRole('button', { name: 'Make a new link' }).click()
  await page.getByLabel('Interview link').waitFor()
}
