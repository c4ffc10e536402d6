import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { beforeAll, expect, it } from 'vitest'
import { networkAlters } from '../../src/core/interview/apply-change.js'
import { pairKey, type InterviewState } from '../../src/core/interview/interview-state.js'
import { linkWorkerProtocol } from '../../src/core/protocol/link-worker-protocol.js'
import { DbAreaStore } from '../../src/cli/area/db-area-store.js'
import { importAreaFiles } from '../../src/cli/area/import-area-files.js'
import { addDemoStudy, ensureDemoStudy } from '../../src/server/bootstrap.js'
import { official } from '../support/area-files.js'
import {
  axe,
  desktop,
  newContext,
  phone,
  screenshot,
  shots,
  signIn,
  withFailureShots,
  type E2eServer,
  e2eFile,
  repo,
} from './e2e-support.js'
import { heading, optionLabel } from './interview-driver.js'

/**
 * The researcher's side on collected data: a study of synthetic link
 * workers, most of whom sent their interviews, loaded through the store
 * as participants' answers. Progress, one participant's network and
 * answers, the measures table and a group comparison must show what the
 * interviews hold; a withdrawn link stops working at once, even for a page
 * already open; bad input gets a message on its field; a viewer cannot
 * change or export anything; every page fits a 360 px phone and has no
 * serious or critical axe-core violation.
 */

const e2e = e2eFile()
let server: E2eServer
let browser: Browser
let studyId: string
type Collected = { label: string; state: InterviewState; status: string; alters: number }
let sent: Collected[]
beforeAll(async () => {
  ;({ server, browser } = e2e)
  studyId = (await ensureDemoStudy(server.store, 10))!
  const detail = (await server.store.studies.get(studyId))!
  const states = new Map(
    (await server.store.interviews.ofStudy(studyId, false)).map((i) => [i.label, i.state]),
  )
  sent = detail.participantList
    .filter((p) => p.status === 'submitted')
    .map((p) => ({
      label: p.label,
      state: states.get(p.label)!,
      status: p.status,
      alters: p.alters,
    }))
}, 60_000)

/** A table as text: header cells, then one array of cells per row. */
async function tableText(page: Page, table: string): Promise<string[][]> {
  return page.evaluate<string[][]>(`[...document.querySelectorAll(${JSON.stringify(table)} + ' tr')]
    .map((tr) => [...tr.children].map((c) => c.textContent.trim()))`)
}

const ties = (state: InterviewState) => {
  const alters = networkAlters(state)
  const count = { yes: 0, no: 0, dont_know: 0 }
  for (let i = 0; i < alters.length; i++)
    for (let j = i + 1; j < alters.length; j++) {
      const s = state.ties[pairKey(alters[i]!.id, alters[j]!.id)]
      if (s !== undefined) count[s]++
    }
  return count
}

it(
  'shows progress, a participant’s network, the measures and a comparison of the collected data',
  () =>
    withFailureShots(browser, 'researcher', async () => {
      expect(sent.length).toBeGreaterThanOrEqual(6)
      const { context, problems } = await newContext(browser, desktop)
      const page = await context.newPage()
      await signIn(page, server.url)

      // Progress: the studies list and the study's participants, as the store has them.
      const detail = (await server.store.studies.get(studyId))!
      await page.getByRole('link', { name: 'Demo study (synthetic data)' }).waitFor()
      const studies = await tableText(page, 'table')
      expect(studies[1]!.slice(2, 5)).toEqual([
        String(detail.participants),
        String(detail.started),
        String(detail.submitted),
      ])
      await page.getByRole('link', { name: 'Demo study (synthetic data)' }).click()
      await heading(page, 'Demo study (synthetic data)')
      const rows = (await tableText(page, 'table')).slice(1)
      const words = { submitted: 'Sent', in_progress: 'In progress', not_started: 'Not started' }
      expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual(
        detail.participantList.map((p) => [p.label, words[p.status], String(p.alters)]),
      )
      expect(new Set(detail.participantList.map((p) => p.status))).toEqual(
        new Set(['submitted', 'in_progress', 'not_started']),
      )
      await screenshot(page, 'researcher-study')

      // One participant's network: every contact drawn, solid and dashed lines as answered.
      const biggest = [...sent].sort((a, b) => b.alters - a.alters)[0]!
      await page.getByRole('link', { name: biggest.label, exact: true }).click()
      await heading(page, `Participant ${biggest.label}`)
      const network = networkAlters(biggest.state)
      const count = ties(biggest.state)
      const map = page.locator('.network-map svg')
      expect(await map.locator('circle').count()).toBe(network.length)
      expect(await map.locator('.tie-yes').count()).toBe(count.yes)
      expect(await map.locator('.tie-unknown').count()).toBe(count.dont_know)
      expect(await map.getAttribute('aria-labelledby')).toBe('map-title')
      expect(await page.locator('#map-title').textContent()).toBe(
        `Network of ${network.length} contacts with ${count.yes} ties between them; the table below lists them.`,
      )
      // The answers, in words.
      const answers = (await page.locator('.answer-summary').textContent())!
      for (const a of network) expect(answers).toContain(String(a.answers['name']))
      const model = biggest.state.ego['implementation_model'] as string
      expect(answers).toContain(optionLabel('implementation_model', model))
      await screenshot(page, 'researcher-participant')
      await page
        .locator('.network-map')
        .screenshot({ path: join(shots, 'researcher-network-map.png') })

      // Measures of every sent interview, computed from what was collected.
      await page.getByRole('link', { name: 'Back to the study' }).click()
      await page.getByRole('link', { name: 'Measures, comparisons and exports' }).click()
      await heading(page, 'Measures and comparisons')
      const region = page.getByRole('region', { name: 'Table of measures per participant' })
      await region.waitFor()
      const [head, ...measureRows] = await tableText(page, '.table-scroll table')
      expect(measureRows.map((r) => r[0])).toEqual(sent.map((s) => s.label))
      const column = (name: string) => head!.indexOf(name)
      expect(column('size')).toBeGreaterThan(0)
      for (const [i, s] of sent.entries()) {
        const row = measureRows[i]!
        const c = ties(s.state)
        expect(row[column('size')], `${s.label} size`).toBe(String(networkAlters(s.state).length))
        expect(row[column('ties')], `${s.label} ties`).toBe(String(c.yes))
        // Density over the pairs whose answer is known: "don't know" is left out, not counted as no.
        const density = c.yes + c.no === 0 ? 'NA' : formatted(c.yes / (c.yes + c.no))
        expect(row[column('density')], `${s.label} density`).toBe(density)
      }

      // A grouping that does not exist is said on the field.
      const by = page.getByLabel('Group participants by')
      await by.fill('shoe_size')
      await page.getByRole('button', { name: 'Compare' }).click()
      await page
        .locator('#compare-by-error')
        .getByText(/shoe_size/)
        .waitFor()
      expect(await by.getAttribute('aria-invalid')).toBe('true')

      // Compare by the participants' employer (an answer in the interview).
      await by.fill('implementation_model')
      await page.getByRole('button', { name: 'Compare' }).click()
      await page.getByText('Median (interquartile range) and n, by group').waitFor()
      const groups = new Map<string, number>()
      for (const s of sent) {
        const g = String(s.state.ego['implementation_model'])
        groups.set(g, (groups.get(g) ?? 0) + 1)
      }
      const listed = await page.locator('.comparison > ul.inline-list li').allTextContents()
      expect(listed.map((t) => t.replace(/ \(small: summaries withheld\)$/, '')).sort()).toEqual(
        [...groups]
          .map(([g, n]) => `${g}: ${n} ${n === 1 ? 'participant' : 'participants'}`)
          .sort(),
      )
      const [a, b] = [...groups.keys()]
      // The same group twice is refused on the form.
      await page.getByLabel('First group').selectOption(a!)
      await page.getByLabel('Second group').selectOption(a!)
      await page.getByRole('button', { name: 'Compare' }).click()
      await page.locator('#pair-error').getByText('Choose two different groups.').waitFor()
      await page.getByLabel('Second group').selectOption(b!)
      await page.getByRole('button', { name: 'Compare' }).click()
      await page.getByRole('columnheader', { name: `${a!} vs ${b!} (Wilcoxon)` }).waitFor()
      await screenshot(page, 'researcher-analysis')
      expect(problems).toEqual([])
      await context.close()
    }),
  120_000,
)

it(
  'withdraws an interview link, which stops working at once',
  () =>
    withFailureShots(browser, 'researcher-revoke', async () => {
      const { context, problems } = await newContext(browser, phone)
      const page = await context.newPage()
      await signIn(page, server.url)
      await page.goto(`${server.url}/studies/${studyId}`)
      const fresh = (await server.store.studies.get(studyId))!.participantList.find(
        (p) => p.status === 'not_started',
      )!
      await page.getByRole('button', { name: `Links (0) for ${fresh.label}` }).tap()
      await page.getByRole('button', { name: 'Make a new link' }).tap()
      const link = await page.getByLabel('Interview link').inputValue()
      await page.getByText('Not opened yet').waitFor()

      // The participant starts, on their phone.
      const { context: pc, problems: participantProblems } = await newContext(browser, phone)
      const participant = await pc.newPage()
      await participant.goto(`${link}?stage=about_you`)
      await heading(participant, 'About your role')
      await participant
        .getByRole('group', { name: 'Which best describes your role?' })
        .getByLabel('Other')
        .tap()
      await participant.locator('.save-status.save-saved').waitFor()

      await page.reload()
      await page.getByRole('button', { name: `Links (1) for ${fresh.label}` }).tap()
      await page.getByText('Opened').waitFor()
      await page.getByRole('button', { name: 'Withdraw this link' }).tap()
      await page.getByText('Withdrawn', { exact: true }).waitFor()
      expect(await page.getByRole('button', { name: 'Withdraw this link' }).count()).toBe(0)
      await screenshot(page, 'researcher-withdrawn')
      // The study page on a phone (participants as cards): no serious or critical axe violation.
      expect(await axe(page, 'phone study page')).toEqual([])

      // The open page cannot save any more, and says why.
      await participant
        .getByRole('group', { name: 'Where are you mainly based day to day?' })
        .getByLabel('Mixed')
        .tap()
      await participant
        .getByRole('alert')
        .getByText(/This link has been withdrawn/)
        .waitFor()
      await screenshot(participant, 'participant-link-withdrawn')
      expect(await axe(participant, 'phone interview, link withdrawn')).toEqual([])
      await participant.reload()
      await heading(participant, 'Interview not available')
      await participant
        .getByText('This link has been withdrawn. Please ask the research team for a new one.')
        .waitFor()
      const state = (await server.store.interviews.get(
        (await server.store.studies.get(studyId))!.participantList.find(
          (p) => p.label === fresh.label,
        )!.id,
      ))!.state
      expect(state.ego).toEqual({ role: 'other' })
      expect(problems).toEqual([])
      expect(participantProblems).toEqual([])
      await pc.close()
      await context.close()
    }),
  60_000,
)

it(
  'lets a viewer look but not change or export, and an admin add accounts with field-level messages',
  () =>
    withFailureShots(browser, 'researcher-roles', async () => {
      const { context, problems } = await newContext(browser, desktop)
      const page = await context.newPage()
      await signIn(page, server.url, 'viewer')
      expect(await page.getByRole('heading', { name: 'New study' }).count()).toBe(0)
      await page.getByRole('link', { name: 'Demo study (synthetic data)' }).click()
      await heading(page, 'Demo study (synthetic data)')
      expect(await page.getByRole('heading', { name: 'Add a participant' }).count()).toBe(0)
      await page.getByRole('link', { name: 'Measures and comparisons' }).click()
      await heading(page, 'Measures and comparisons')
      await page.getByText('only researchers and admins can make them').waitFor()
      expect(await page.getByRole('link', { name: /CSV/ }).count()).toBe(0)
      await page.getByRole('button', { name: 'Sign out' }).click()

      await signIn(page, server.url, 'admin')
      await page.getByRole('link', { name: 'Users' }).click()
      await heading(page, 'Users')
      await page.getByLabel('Name', { exact: true }).fill('Sam Smith')
      await page.getByLabel('Email address').fill('not an email')
      await page.getByLabel('First password').fill('short')
      await page.getByRole('button', { name: 'Add user' }).click()
      await page.locator('#user-email-error').waitFor()
      await page.locator('#user-password-error').waitFor()
      await screenshot(page, 'researcher-users-errors')
      await page.getByLabel('Email address').fill('sam.smith@example.nhs.uk')
      await page.getByLabel('First password').fill('a long enough password')
      await page.getByRole('button', { name: 'Add user' }).click()
      await page.getByText('Sam Smith can now sign in.').waitFor()
      await page.getByRole('rowheader', { name: 'Sam Smith' }).waitFor()

      // Sam lost it: the admin sets a new one. The form asks whose, then checks its length.
      await page.getByRole('button', { name: 'Save the password' }).click()
      await page.locator('#password-user-error').waitFor()
      await page
        .getByLabel('For', { exact: true })
        .selectOption({ label: 'Sam Smith (sam.smith@example.nhs.uk)' })
      await page.locator('#password-new').fill('short')
      await page.getByRole('button', { name: 'Save the password' }).click()
      await page.locator('#password-new-error').waitFor()
      await page.locator('#password-new').fill('another long password')
      await page.getByRole('button', { name: 'Save the password' }).click()
      await page.getByText('Sam Smith’s new password is saved').waitFor()
      await screenshot(page, 'researcher-users-new-password')
      const { context: samContext } = await newContext(browser, desktop)
      const sam = await samContext.newPage()
      await sam.goto(server.url)
      await sam.getByLabel('Email address').fill('sam.smith@example.nhs.uk')
      await sam.getByLabel('Password').fill('another long password')
      await sam.getByRole('button', { name: 'Sign in' }).click()
      await sam.getByRole('heading', { level: 1, name: 'Studies' }).waitFor()
      await samContext.close()

      await page.getByRole('link', { name: 'Audit log' }).click()
      await heading(page, 'Audit log')
      await page.getByLabel('Kind of record').selectOption({ label: 'User accounts' })
      await page.getByRole('button', { name: 'Show' }).click()
      await page
        .getByRole('row', { name: /Ada Admin \(admin@example\.nhs\.uk\) create user/ })
        .waitFor()
      await page
        .getByRole('row', {
          name: /Ada Admin \(admin@example\.nhs\.uk\) update \(password reset\) user/,
        })
        .waitFor()
      expect(problems).toEqual([])
      await context.close()
    }),
  60_000,
)

it(
  'fits every researcher page on a 360 px phone',
  () =>
    withFailureShots(browser, 'researcher-phone', async () => {
      const { context, problems } = await newContext(browser, phone)
      const page = await context.newPage()
      await signIn(page, server.url, 'admin')
      // screenshot() fails on a phone if anything makes the page scroll sideways.
      await screenshot(page, 'phone-researcher-studies')
      await page.getByRole('link', { name: 'Demo study (synthetic data)' }).tap()
      await heading(page, 'Demo study (synthetic data)')
      await screenshot(page, 'phone-researcher-study')
      await page.getByRole('link', { name: sent[0]!.label, exact: true }).tap()
      await heading(page, `Participant ${sent[0]!.label}`)
      await page.getByText('The network as a table').tap()
      await screenshot(page, 'phone-researcher-participant')
      await page.goto(`${server.url}/studies/${studyId}/analysis`)
      await page.getByRole('region', { name: 'Table of measures per participant' }).waitFor()
      await page.getByLabel('Group participants by').fill('implementation_model')
      await page.getByRole('button', { name: 'Compare' }).tap()
      await page.getByText('Median (interquartile range) and n, by group').waitFor()
      await screenshot(page, 'phone-researcher-analysis')
      await page.getByRole('link', { name: 'Users' }).tap()
      await heading(page, 'Users')
      await screenshot(page, 'phone-researcher-users')
      await page.getByRole('link', { name: 'Audit log' }).tap()
      await heading(page, 'Audit log')
      await page.locator('table').first().waitFor()
      await screenshot(page, 'phone-researcher-audit')
      expect(problems).toEqual([])
      await context.close()
    }),
  60_000,
)

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

      const detail = await server.store.studies.get(studyId)
      // The smallest sent interview: every kind of content, and a short page for axe to read.
      const sent = detail!.participantList
        .filter((p) => p.status === 'submitted')
        .sort((a, b) => a.alters - b.alters)[0]!
      await page.getByRole('link', { name: sent.label, exact: true }).click()
      await heading(page, `Participant ${sent.label}`)
      await page.locator('.network-map svg').waitFor()
      await check('participant')

      await page.goto(`${server.url}/studies/${studyId}/analysis`)
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

it(
  'notes on the measures what the study’s data lacks, and says once how the imd_* attributes are computed',
  () =>
    withFailureShots(browser, 'researcher-notes', async () => {
      // The link-worker protocol without its derived variables: contacts have no org_type.
      const protocol = {
        ...linkWorkerProtocol,
        id: 'link_worker_no_org_type',
        name: 'Link workers, without grouped sectors',
        derived: [],
      }
      const system = { kind: 'system' } as const
      await server.store.protocols.save(system, protocol)
      const id = await addDemoStudy(server.store, { egos: 8, protocol, name: 'No org_type study' })
      // Before the test below imports the area files: nobody can be placed yet.
      await server.store.studies.setDeprivation(system, id, {
        by: 'practice_code',
        method: 'practice-weighted',
        edition: 2019,
      })
      const { context, problems } = await newContext(browser, desktop)
      const page = await context.newPage()
      await signIn(page, server.url)
      await page.goto(`${server.url}/studies/${id}/analysis`)
      await heading(page, 'Measures and comparisons')
      await page.getByRole('region', { name: 'Table of measures per participant' }).waitFor()
      // Said as the web app can act on it: no CLI flag to choose another attribute.
      expect(await page.locator('.notes li').allTextContents()).toEqual([
        'Alters have no "org_type" attribute, so the composition and E-I columns are left out, and the brokerage roles and bridging_pairs are NA.',
      ])
      const [head, ...rows] = await tableText(page, '.table-scroll table')
      expect(head!.filter((c) => c.includes('org_type'))).toEqual([])
      expect(rows.length).toBeGreaterThan(0)
      for (const row of rows) expect(row[head!.indexOf('bridging_pairs')]).toBe('NA')
      // The deprivation status once, with what to do, not again among the measures' notes.
      await page.getByRole('link', { name: 'Change the setting on the study page' }).waitFor()
      expect(await page.getByText(/imd_\* attributes/).allTextContents()).toEqual([
        'The imd_* attributes are computed from each participant’s practice_code, read as a GP practice, by its population-weighted score (IoD 2019), but nobody can be placed yet: No area reference data is loaded. Whoever runs this spnet server can load it with spnet area download, or spnet area import FILE... This server reads the reference data from the test database. Change the setting on the study page.',
      ])
      expect(await axe(page, 'analysis page with notes')).toEqual([])
      await screenshot(page, 'researcher-analysis-notes')
      expect(problems).toEqual([])
      await context.close()
    }),
  60_000,
)

it(
  'places the participants on the IMD from the study page, with messages on the fields',
  () =>
    withFailureShots(browser, 'researcher-imd', async () => {
      await importAreaFiles(
        [{ path: official.fingertips() }],
        {
          stdout: { write: () => undefined },
          stderr: { write: () => undefined },
          env: {},
          cwd: repo,
        },
        new DbAreaStore(server.store, 'the test database'),
      )
      const { context, problems } = await newContext(browser, desktop)
      const page = await context.newPage()
      await signIn(page, server.url)
      await page.goto(`${server.url}/studies/${studyId}`)
      await heading(page, 'Demo study (synthetic data)')
      await page.getByRole('button', { name: 'Place participants automatically' }).click()
      const by = page.getByLabel('Place each participant by')
      await by.fill('')
      await page.getByRole('button', { name: 'Save the setting' }).click()
      await page
        .locator('#deprivation-by-error')
        .getByText(/Enter the attribute/)
        .waitFor()
      expect(await by.getAttribute('aria-invalid')).toBe('true')
      await by.fill('practice_code')
      await page.getByLabel(/GP practice, population-weighted score/).check()
      await page.getByLabel(/IoD 2019/).check()
      await page.getByRole('button', { name: 'Save the setting' }).click()
      const detail = (await server.store.studies.get(studyId))!
      await page
        .getByText(
          `${detail.participantList.length} of ${detail.participantList.length} participants placed.`,
        )
        .waitFor()
      // The demo's typed quintiles come from the same OHID scores: the computed ones agree.
      const [head, ...rows] = await tableText(page, 'table')
      const column = head!.indexOf('IMD quintile')
      expect(column).toBeGreaterThan(0)
      expect(rows.map((r) => r[column]!.split(' ')[0])).toEqual(
        detail.participantList.map((p) => String(p.attributes['imd_quintile'])),
      )
      expect(await axe(page, 'study page with IMD placement')).toEqual([])
      await screenshot(page, 'researcher-study-imd')

      const first = detail.participantList[0]!
      await page.getByRole('link', { name: first.label, exact: true }).click()
      await heading(page, `Participant ${first.label}`)
      await page.getByRole('heading', { name: 'Area deprivation (IMD)' }).waitFor()
      await page
        .getByText(`practice_code ${String(first.attributes['practice_code'])} was placed`)
        .waitFor()
      expect(await axe(page, 'participant page with IMD placement')).toEqual([])

      // The analysis page says how the imd_* attributes are computed, once.
      await page.goto(`${server.url}/studies/${studyId}/analysis`)
      await page.getByRole('region', { name: 'Table of measures per participant' }).waitFor()
      const toStudy = page.getByRole('link', { name: 'Change the setting on the study page' })
      await toStudy.waitFor()
      const n = detail.participantList.length
      expect(await page.getByText(/imd_\* attributes/).allTextContents()).toEqual([
        `The imd_* attributes are computed from each participant’s practice_code, read as a GP practice, by its population-weighted score (IoD 2019): ${n} of ${n} participants placed. Change the setting on the study page.`,
      ])
      expect(await page.locator('.notes').count()).toBe(0)
      await toStudy.click()
      await page.getByRole('button', { name: 'Change how participants are placed' }).click()
      await page.getByRole('button', { name: 'Stop placing participants' }).click()
      await page.getByText(/no longer placed automatically/).waitFor()
      expect((await server.store.studies.get(studyId))!.deprivationSetting).toBeNull()
      expect(problems).toEqual([])
      await context.close()
    }),
  60_000,
)

async function openLinks(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: /^Links \(\d+\) for / }).first()
  await button.click()
  await page.getByRole('button', { name: 'Make a new link' }).click()
  await page.getByLabel('Interview link').waitFor()
}

/** As the measures table shows a number: whole numbers plain, else three decimals. */
function formatted(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(3)
}
