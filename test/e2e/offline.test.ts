import type { Browser } from 'playwright-core'
import { beforeAll, expect, it } from 'vitest'
import {
  invite,
  makeStudy,
  newContext,
  phone,
  screenshot,
  withFailureShots,
  type E2eServer,
  e2eFile,
} from './e2e-support.js'
import { actFor, answer, heading } from './interview-driver.js'

/**
 * A dropped connection: answers given offline are kept on the device, the
 * save status says they will be sent, and they reach the server when the
 * connection is back, also after the page was closed in between.
 */

const e2e = e2eFile()
let server: E2eServer
let browser: Browser
beforeAll(() => {
  ;({ server, browser } = e2e)
})

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
      await expect.poll(() => status.textContent()).toContain('answers kept on this device')
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
