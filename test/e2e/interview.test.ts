import { csvParse } from 'd3-dsv'
import { strFromU8, unzipSync } from 'fflate'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ParticipantDetail } from '../../src/core/api/api.js'
import type { AnswerValue, CensusState } from '../../src/core/interview/interview-state.js'
import type { StudyJson } from '../../src/core/import/study-json.js'
import {
  allSaved,
  desktop,
  newContext,
  phone,
  screenshot,
  signIn,
  withFailureShots,
  type E2eServer,
  e2eFile,
} from './e2e-support.js'
import {
  actFor,
  answer,
  expectAnswer,
  exported,
  heading,
  optionLabel,
  protocol,
  type Act,
} from './interview-driver.js'

/**
 * A researcher sets up a study in the browser and invites a link worker; the
 * link worker completes the whole interview by clicking (or tapping) and
 * typing, reloads half way and opens the link on a second device; the
 * export then holds exactly what was entered, "no" and "don't know"
 * included. Once on a desktop, once on a phone.
 */

const e2e = e2eFile()
let server: E2eServer
let browser: Browser
beforeAll(() => {
  ;({ server, browser } = e2e)
})

const ego: Record<string, AnswerValue> = {
  job_title: 'Social prescribing link worker',
  role: 'link_worker',
  implementation_model: 'vcse',
  base: 'mixed',
  line_manager: 'host_manager',
  months_as_link_worker: 30,
  months_in_post: 14,
  hours_per_week: 37.5,
  practices_covered: 4,
  pcn_code: 'U12345',
  other_link_workers: 2,
  clinical_system_access: 'read_only',
  caseload: 45,
  referrals_per_month: 20,
  background: ['health', 'lived_experience'],
  uses_directory: true,
  directory_name: 'Joy',
}

type Contact = {
  readonly key: string
  readonly name: string
  readonly generators: readonly string[]
  /** Answers to the three alter forms, sector included (given when the contact is added). */
  readonly answers: Readonly<Record<string, AnswerValue>>
}

const contacts: readonly Contact[] = [
  {
    key: 'A',
    name: 'Park Surgery (practice manager)',
    generators: ['work_contact', 'referred_by'],
    answers: {
      sector: 'gp_own_pcn',
      location: 'pcn_area',
      frequency: 5,
      contact_mode: ['face_to_face', 'clinical_system'],
      closeness: 5,
      service_type: ['adult_social_care'],
      referral_direction: 'to_me',
      patients_referred: '0',
      capacity: 'open',
      feedback: 'always',
      trust_reliable: 4,
      trust_open: 3,
      trust_aligned: 4,
      collaboration: 3,
      duration: 'over_2y',
      origin: 'inherited',
    },
  },
  {
    key: 'B',
    name: 'Sefton CVS',
    generators: ['work_contact', 'refers_to', 'advice_support', 'capacity_building'],
    answers: {
      sector: 'vcse',
      location: 'la_area',
      frequency: 4,
      contact_mode: ['email_messaging', 'meetings'],
      closeness: 4,
      service_type: ['social_groups', 'employment'],
      referral_direction: 'both',
      patients_referred: '3_5',
      capacity: 'waiting_list',
      feedback: 'sometimes',
      trust_reliable: 3,
      trust_open: 4,
      trust_aligned: 2,
      collaboration: 2,
      duration: '1_2y',
      origin: 'networking_event',
    },
  },
  {
    key: 'C',
    name: 'Citizens Advice Sefton',
    generators: ['work_contact', 'refers_to'],
    answers: {
      sector: 'vcse',
      location: 'la_area',
      frequency: 3,
      contact_mode: ['phone'],
      closeness: 3,
      service_type: ['money_advice', 'housing'],
      referral_direction: 'to_them',
      patients_referred: 'over_10',
      capacity: 'closed',
      feedback: 'never',
    },
  },
  {
    // Added without a sector: the review page sends the participant back for it.
    key: 'D',
    name: 'Age UK Sefton',
    generators: ['work_contact'],
    answers: { sector: 'vcse', location: 'outside_la', frequency: 1, contact_mode: ['phone'] },
  },
  {
    key: 'E',
    name: 'Sefton Food Bank',
    generators: ['refers_to'],
    answers: {
      sector: 'vcse',
      location: 'pcn_area',
      frequency: 2,
      closeness: 2,
      service_type: ['food_fuel'],
      referral_direction: 'to_them',
      patients_referred: '6_10',
      capacity: 'dont_know',
    },
  },
  {
    key: 'F',
    name: 'Mersey Care mental health team',
    generators: ['referred_by'],
    answers: { sector: 'other_nhs', frequency: 3, referral_direction: 'to_me', feedback: 'always' },
  },
  {
    key: 'G',
    name: 'Jo, senior link worker',
    generators: ['advice_support'],
    answers: { sector: 'social_prescribing', location: 'national', frequency: 4, closeness: 4 },
  },
]
/** Named only as a service the link worker cannot refer to: outside the working network. */
const unreachable = { name: 'Sefton Talking Therapies', sector: 'other_nhs' }

const named = (key: string) => contacts.find((c) => c.key === key)!

/** The census: pairs answered one by one, then lines drawn, then "the rest are no". */
const pairAnswers: readonly [string, CensusState][] = [
  ['AB', 'yes'],
  ['AC', 'no'],
  ['AD', 'dont_know'],
  ['AE', 'no'],
  ['AF', 'yes'],
  ['AG', 'no'],
  ['BC', 'yes'],
  ['BD', 'dont_know'],
  ['BE', 'yes'],
]
const expectedTies: Record<string, CensusState> = {
  AB: 'yes',
  AC: 'no',
  AD: 'dont_know',
  AE: 'no',
  AF: 'yes',
  AG: 'no',
  BC: 'yes',
  BD: 'dont_know',
  BE: 'no', // answered yes, its line then removed on the map, then marked no with the rest
  CE: 'yes', // drawn on the map
  DG: 'yes', // drawn on the map
}
const tieOf = (a: string, b: string): CensusState => expectedTies[a + b] ?? 'no'

const formQuestions = (id: string) => {
  const s = protocol.stages.find((x) => x.id === id)
  if (s?.kind !== 'alter_form' && s?.kind !== 'ego_form') throw new Error(id)
  return s.questions
}

describe.concurrent.each([
  ['desktop', desktop, false],
  ['phone', phone, true],
] as const)('a whole interview on a %s', (device, options, touch) => {
  it(
    'is set up by a researcher, completed by clicking and typing, survives a reload and a second device, and is exported as entered',
    () =>
      withFailureShots(browser, `interview-${device}`, async () => {
        const act = actFor(touch)
        const { context: rc, problems: researcherProblems } = await newContext(browser, options)
        await rc.grantPermissions(['clipboard-read', 'clipboard-write'])
        const researcher = await rc.newPage()
        const { studyId, link } = await setUpStudy(researcher, act, device)

        // Another participant of the study named an organisation already: it is suggested.
        const other = await server.store.studies.addParticipant({ kind: 'system' }, studyId, {
          label: 'LW90',
          attributes: {},
        })
        await server.store.interviews.save({ kind: 'system' }, other.id, protocol, [
          {
            id: 'seed-change-1',
            change: {
              kind: 'add_alter',
              alter: 'seed1',
              generator: 'work_contact',
              answers: { name: named('C').name, sector: 'vcse' },
            },
          },
        ])

        const { context: pc, problems } = await newContext(browser, options)
        const page = await pc.newPage()
        await page.goto(link)
        await heading(page, 'Welcome')
        await screenshot(page, `${device}-01-welcome`)
        await next(page, act)

        await egoForm(page, act, device)
        await nameGenerators(page, act, device)
        await contactsForm(
          page,
          act,
          device,
          async () => (await newContext(browser, options)).context,
        )
        await referralsForm(page, act)
        await relationshipsForm(page, act)
        await census(page, act, device)
        await review(page, act, device)

        await checkExport(rc, studyId)
        await checkResearcherView(researcher, device)
        expect(problems).toEqual([])
        expect(researcherProblems).toEqual([])
        await pc.close()
        await rc.close()
      }),
    180_000,
  )
})

let clipboard: Promise<unknown> = Promise.resolve()
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = clipboard.then(task, task)
  clipboard = run.catch(() => undefined)
  return run
}

async function next(page: Page, act: Act): Promise<void> {
  await act(page.getByRole('button', { name: /^Next( contact)?$/ }))
}

async function setUpStudy(
  page: Page,
  act: Act,
  device: string,
): Promise<{ studyId: string; link: string }> {
  await signIn(page, server.url)
  const study = `Pilot study (${device})`
  // A study needs a name: the form says so on the field.
  await act(page.getByRole('button', { name: 'Create study' }))
  await page.locator('#study-name-error').waitFor()
  expect(await page.getByLabel('Name').getAttribute('aria-invalid')).toBe('true')
  await page.getByLabel('Name').fill(study)
  await page.getByLabel('Protocol').selectOption({ label: `${protocol.name} (version 1)` })
  await act(page.getByRole('button', { name: 'Create study' }))
  await heading(page, study)
  const studyId = new URL(page.url()).pathname.split('/').pop()!

  // A name is refused as a participant code, on the field.
  await page.getByLabel('Participant code').fill('Jane Smith')
  await act(page.getByRole('button', { name: 'Add participant' }))
  await page.locator('#participant-label-error').waitFor()
  expect(await page.locator('#participant-label-error').textContent()).toMatch(/code such as LW01/)
  await page.getByLabel('Participant code').fill('LW01')
  await act(page.getByRole('button', { name: 'Add participant' }))
  await page.getByRole('link', { name: 'LW01' }).waitFor()

  await act(page.getByRole('button', { name: /Links \(0\) for LW01/ }))
  await page.getByLabel('Days until it expires').fill('400')
  await act(page.getByRole('button', { name: 'Make a new link' }))
  await page
    .locator('[id$="-days-error"]')
    .getByText('Enter a whole number of days, from 1 to 365.')
    .waitFor()
  await page.getByLabel('Days until it expires').fill('14')
  await act(page.getByRole('button', { name: 'Make a new link' }))
  // The clipboard is the browser's, shared by both devices' runs: one copy and paste at a time.
  const link = await oneAtATime(async () => {
    await act(page.getByRole('button', { name: 'Copy link' }))
    await page.getByText('Copied.').waitFor()
    return page.evaluate<string>('navigator.clipboard.readText()')
  })
  expect(link).toBe(await page.getByLabel('Interview link').inputValue())
  expect(link).toMatch(new RegExp(`^${server.url}/i/[A-Za-z0-9_-]{43}$`))
  await screenshot(page, `${device}-00-study-with-link`)
  return { studyId, link }
}

async function egoForm(page: Page, act: Act, device: string): Promise<void> {
  await heading(page, 'About your role')
  expect(await page.title()).toBe('About your role (step 2 of 13) – spnet')
  // Bad input first: words in a number box, and a number out of range, each said on the field.
  await answer(page, 'caseload', 'about forty', act)
  await page.getByText('Enter a number, for example 12.').waitFor()
  await answer(page, 'hours_per_week', 90, act)
  await page.getByText('Enter 60 or less.').waitFor()
  await screenshot(page, `${device}-02-ego-errors`)
  for (const [id, value] of Object.entries(ego)) await answer(page, id, value, act)
  expect(await page.getByText('Enter a number, for example 12.').count()).toBe(0)
  expect(await page.getByText('Enter 60 or less.').count()).toBe(0)
  await allSaved(page)
  await screenshot(page, `${device}-03-ego`)
  await next(page, act)
}

async function addContact(
  page: Page,
  act: Act,
  name: string,
  sector: string | null,
  opts: { suggestion?: string } = {},
): Promise<void> {
  const box = page.getByRole('combobox', { name: /Organisation/ })
  await act(box)
  if (opts.suggestion === undefined) await box.fill(name)
  else {
    await box.pressSequentially(opts.suggestion, { delay: 20 })
    // From another participant of the study, asked of the server.
    await act(page.getByRole('option', { name }))
    expect(await box.inputValue()).toBe(name)
  }
  if (sector !== null)
    await page
      .getByLabel('Which sector are they in?')
      .selectOption({ label: optionLabel('sector', sector) })
  await act(page.getByRole('button', { name: 'Add', exact: true }))
  await page.getByRole('listitem').filter({ hasText: name }).first().waitFor()
}

async function namedHere(page: Page): Promise<string[]> {
  return page.locator('.alter-list .alter-name').allTextContents()
}

async function nameGenerators(page: Page, act: Act, device: string): Promise<void> {
  await heading(page, 'Your work contacts')
  // An empty name is refused on the field.
  await act(page.getByRole('button', { name: 'Add', exact: true }))
  await page.getByText('Enter a name.').waitFor()
  await addContact(page, act, named('A').name, 'gp_own_pcn')
  await addContact(page, act, named('B').name, 'vcse')
  await addContact(page, act, named('C').name, 'vcse', { suggestion: 'citiz' })
  await addContact(page, act, named('D').name, null)
  // A name typed but not added stops Next once.
  await page.getByRole('combobox', { name: /Organisation/ }).fill('Southport Library')
  await next(page, act)
  await page.getByText('You typed “Southport Library” but have not added it.').waitFor()
  await page.getByRole('combobox', { name: /Organisation/ }).fill('')
  expect(await namedHere(page)).toEqual(['A', 'B', 'C', 'D'].map((k) => named(k).name))
  await screenshot(page, `${device}-04-ng1`)
  await next(page, act)

  await heading(page, 'Where you refer people')
  // Named before: one tap adds the same contact here.
  await act(page.getByRole('button', { name: `${named('C').name} (add to this list)` }))
  // Typed again under another question: offered as the same contact, not a new one.
  await page.getByRole('combobox', { name: /Organisation/ }).fill('sefton  cvs')
  await page.getByText(`You named ${named('B').name} earlier.`).waitFor()
  await act(page.getByRole('button', { name: `Add ${named('B').name} to this list` }))
  await addContact(page, act, named('E').name, 'vcse')
  expect(await namedHere(page)).toEqual(['B', 'C', 'E'].map((k) => named(k).name))
  await screenshot(page, `${device}-05-ng2-dedup`)
  await next(page, act)

  await heading(page, 'Who refers people to you')
  await act(page.getByRole('button', { name: `${named('A').name} (add to this list)` }))
  await addContact(page, act, named('F').name, 'other_nhs')
  expect(await namedHere(page)).toEqual(['A', 'F'].map((k) => named(k).name))
  await next(page, act)

  await heading(page, 'Advice and support')
  await act(page.getByRole('button', { name: `${named('B').name} (add to this list)` }))
  await addContact(page, act, named('G').name, 'social_prescribing')
  // A contact added by mistake is removed again (after a question, since only this list named it).
  await addContact(page, act, 'Wrong entry', 'private')
  await act(page.getByRole('button', { name: 'Remove Wrong entry' }))
  await act(page.getByRole('button', { name: 'Remove', exact: true }))
  await page
    .locator('.alter-list .alter-name', { hasText: 'Wrong entry' })
    .waitFor({ state: 'detached' })
  expect(await namedHere(page)).toEqual(['B', 'G'].map((k) => named(k).name))
  await next(page, act)

  await heading(page, 'Building local services')
  await act(page.getByRole('button', { name: `${named('B').name} (add to this list)` }))
  expect(await namedHere(page)).toEqual([named('B').name])
  await next(page, act)

  await heading(page, 'Services you cannot refer to')
  await addContact(page, act, unreachable.name, unreachable.sector)
  await allSaved(page)
  await next(page, act)
}

/** Answers the alter form's questions for a contact, skipping those already given. */
async function answerContact(
  page: Page,
  act: Act,
  stage: string,
  key: string,
  skip: readonly string[] = [],
): Promise<void> {
  const c = named(key)
  await heading(page, c.name)
  for (const q of formQuestions(stage)) {
    const value = c.answers[q.id]
    if (value === undefined || skip.includes(q.id) || q.id === 'name') continue
    await answer(page, q.id, value, act)
  }
}

async function contactsForm(
  page: Page,
  act: Act,
  device: string,
  secondDevice: () => Promise<BrowserContext>,
): Promise<void> {
  await page.getByText('About each contact · contact 1 of 7').waitFor()
  // The sector given when adding is already there.
  await expectAnswer(page, 'sector', 'gp_own_pcn')
  await answerContact(page, act, 'about_contacts', 'A', ['sector'])
  await next(page, act)
  await answerContact(page, act, 'about_contacts', 'B', ['sector'])
  await next(page, act)
  await answerContact(page, act, 'about_contacts', 'C', ['sector'])

  // Half way: reload at once, before the last answers may have reached the server.
  await page.reload()
  await heading(page, named('C').name)
  for (const [id, value] of Object.entries(named('C').answers)) {
    if (
      ['service_type', 'referral_direction', 'patients_referred', 'capacity', 'feedback'].includes(
        id,
      )
    )
      continue
    await expectAnswer(page, id, value)
  }
  await allSaved(page)

  // The same link on another device resumes at the same step, with every answer.
  const second = await secondDevice()
  const other = await second.newPage()
  await other.goto(page.url().replace(/\?.*$/, ''))
  await heading(other, named('A').name)
  expect(new URL(other.url()).searchParams.get('stage')).toBe('about_contacts')
  // Every answer about the contacts done so far.
  const aboutContacts = (key: string) =>
    formQuestions('about_contacts').filter((q) => named(key).answers[q.id] !== undefined)
  for (const q of aboutContacts('A')) await expectAnswer(other, q.id, named('A').answers[q.id]!)
  await act(other.getByRole('button', { name: 'Next contact' }))
  await heading(other, named('B').name)
  for (const q of aboutContacts('B')) await expectAnswer(other, q.id, named('B').answers[q.id]!)
  await act(other.getByText(/^Step \d+ of 13/))
  await act(other.getByRole('link', { name: 'About your role' }))
  await heading(other, 'About your role')
  for (const [id, value] of Object.entries(ego)) await expectAnswer(other, id, value)
  await act(other.getByText(/^Step \d+ of 13/))
  await act(other.getByRole('link', { name: 'Where you refer people' }))
  await heading(other, 'Where you refer people')
  expect(await namedHere(other)).toEqual(['B', 'C', 'E'].map((k) => named(k).name))
  await screenshot(other, `${device}-06-second-device`)
  await second.close()

  await next(page, act)
  // D was added without a sector: left for the review page to catch.
  await answerContact(page, act, 'about_contacts', 'D', ['sector'])
  for (const key of ['E', 'F', 'G']) {
    await next(page, act)
    await answerContact(page, act, 'about_contacts', key, ['sector'])
  }
  await screenshot(page, `${device}-07-contact`)
  await next(page, act)
}

async function referralsForm(page: Page, act: Act): Promise<void> {
  await page.getByText('About the services you refer to · contact 1 of 5').waitFor()
  const keys = ['A', 'B', 'C', 'E', 'F']
  for (const [i, key] of keys.entries()) {
    if (i > 0) await next(page, act)
    await answerContact(page, act, 'about_referrals', key)
  }
  await next(page, act)
}

async function relationshipsForm(page: Page, act: Act): Promise<void> {
  await page.getByText('About your working relationships · contact 1 of 7').waitFor()
  await answerContact(page, act, 'about_relationships', 'A')
  await next(page, act)
  await answerContact(page, act, 'about_relationships', 'B')
  // Jump to the last contact from the list, and go on from there.
  await act(page.getByText('All contacts in this part (7)'))
  await act(page.getByRole('link', { name: named('G').name }))
  await heading(page, named('G').name)
  await next(page, act)
}

const census = async (page: Page, act: Act, device: string): Promise<void> => {
  await heading(page, 'Who works with whom')
  const order = ['A', 'B', 'C', 'D', 'E', 'F', 'G']
  const pairs: string[] = []
  for (let i = 0; i < order.length; i++)
    for (let j = i + 1; j < order.length; j++) pairs.push(order[i]! + order[j]!)
  const words = { yes: 'Yes', no: 'No', dont_know: 'Don’t know' } as const
  const question = page.locator('.pair-question')
  for (const [pair, state] of pairAnswers) {
    const legend = question.locator('legend')
    await legend.filter({ hasText: named(pair[0]!).name }).waitFor()
    const text = (await legend.textContent())!
    expect(text).toContain(named(pair[1]!).name)
    expect(await question.locator('.step-count').textContent()).toBe(
      `Pair ${pairs.indexOf(pair) + 1} of 21`,
    )
    await act(question.getByRole('button', { name: words[state], exact: true }))
  }
  await page.getByText(`${pairAnswers.length} of 21 pairs answered.`).waitFor()
  await screenshot(page, `${device}-08-pairs`)

  await act(page.getByRole('button', { name: 'Draw on a map' }))
  const node = (key: string) =>
    page.getByRole('button', {
      name: new RegExp(`^\\d+\\. ${escape(named(key).name)}, \\d+ lines?$`),
    })
  const draw = async (a: string, b: string) => {
    await act(node(a).locator('circle'))
    await act(node(b).locator('circle'))
  }
  await draw('C', 'E')
  await page
    .getByText(`Line drawn: ${named('C').name} and ${named('E').name} work together.`)
    .waitFor()
  await draw('D', 'G')
  // Drawing an existing line again removes it.
  await draw('B', 'E')
  await page.getByText(`Line between ${named('B').name} and ${named('E').name} removed.`).waitFor()
  expect(await page.locator('.sociogram .tie-yes').count()).toBe(5) // AB AF BC CE DG
  expect(await page.locator('.sociogram .tie-unknown').count()).toBe(2) // AD BD
  await screenshot(page, `${device}-09-map`)
  await act(page.getByRole('button', { name: /I have drawn every line/ }))
  await act(page.getByRole('button', { name: 'Yes, mark them as no' }))
  await page.getByText('21 of 21 pairs answered.').waitFor()

  // Back to the questions: the first pair shows its answer.
  await act(page.getByRole('button', { name: 'Pair by pair' }))
  const pressed = async () =>
    (await question.getByRole('button', { pressed: true }).allTextContents()).join()
  while ((await question.locator('.step-count').textContent()) !== 'Pair 1 of 21')
    await act(page.getByRole('button', { name: 'Previous pair' }))
  expect(await pressed()).toBe('Yes')
  await act(page.getByRole('button', { name: 'Next pair' }))
  expect(await pressed()).toBe('No')
  await act(page.getByRole('button', { name: 'Next pair' }))
  expect(await pressed()).toBe('Don’t know')
  await allSaved(page)
  await next(page, act)
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

async function review(page: Page, act: Act, device: string): Promise<void> {
  await heading(page, 'Check and send')
  // Age UK's sector was never given: the review page says so and links to the question.
  const missing = page.getByRole('link', {
    name: `Please answer for ${named('D').name}: Which sector are they in?`,
  })
  await missing.waitFor()
  await screenshot(page, `${device}-10-review-missing`)
  await act(missing)
  await heading(page, named('D').name)
  // On the question the link named.
  await page.locator('input[name$="-sector"]:focus').waitFor()
  await answer(page, 'sector', 'vcse', act)
  await act(page.getByText(/^Step \d+ of 13/))
  await act(page.getByRole('link', { name: 'Check and send' }))
  await heading(page, 'Check and send')
  await page.getByText('Everything that is needed has been answered.').waitFor()
  const summary = page.locator('.answer-summary')
  const text = (await summary.textContent())!
  expect(text).toContain('5 pairs work together')
  expect(text).toContain('14 do not')
  expect(text).toContain('2 you don’t know')
  expect(text).toContain(optionLabel('implementation_model', 'vcse'))
  for (const c of contacts) expect(text).toContain(c.name)
  await screenshot(page, `${device}-11-review`)
  await act(page.getByRole('button', { name: 'Send my answers' }))
  await heading(page, 'Thank you')
  await screenshot(page, `${device}-12-sent`)
  // A reload shows the answers were sent, and they cannot change.
  await page.reload()
  await heading(page, 'Thank you')
}

async function checkExport(context: BrowserContext, studyId: string): Promise<void> {
  const base = `${server.url}/api/studies/${studyId}`
  const study = (await (await context.request.get(base)).json()) as {
    participantList: { id: string; label: string }[]
  }
  const participantId = study.participantList.find((p) => p.label === 'LW01')!.id
  const detail = (await (
    await context.request.get(`${server.url}/api/participants/${participantId}`)
  ).json()) as ParticipantDetail
  const idOf = new Map(detail.state!.alters.map((a) => [a.answers['name'], a.id]))
  const id = (key: string) => idOf.get(named(key).name)!

  const json = await context.request.get(`${base}/export?format=json`)
  expect(json.status()).toBe(200)
  const data = JSON.parse(await json.text()) as StudyJson
  // Only sent interviews: LW90 is still in progress.
  expect(data.egos.map((e) => e.id)).toEqual(['LW01'])
  const lw01 = data.egos[0]!
  expect(lw01.attributes).toEqual({
    ...exported(formQuestions('about_you'), ego),
    sector: 'vcse',
    cannot_refer_count: 1,
  })
  const alterQuestions = [
    ...formQuestions('about_contacts'),
    ...formQuestions('about_referrals'),
    ...formQuestions('about_relationships'),
  ].filter((q) => q.id !== 'name' && q.id !== 'frequency')
  const orgType = protocol.derived.find((d) => d.id === 'org_type')!.map
  const expectedAlters = contacts.map((c) => ({
    id: id(c.key),
    attributes: {
      ...exported(alterQuestions, c.answers),
      org_type: orgType[String(c.answers['sector'])]!,
    },
    frequency: c.answers['frequency'] ?? null,
    generators: c.generators,
  }))
  expect(lw01.alters).toEqual(expectedAlters)
  const expectedTieRows: { from: string; to: string; state: string }[] = []
  for (let i = 0; i < contacts.length; i++)
    for (let j = i + 1; j < contacts.length; j++)
      expectedTieRows.push({
        from: id(contacts[i]!.key),
        to: id(contacts[j]!.key),
        state: tieOf(contacts[i]!.key, contacts[j]!.key),
      })
  expect(lw01.ties.map(({ from, to, state }) => ({ from, to, state }))).toEqual(expectedTieRows)
  expect(lw01.ties.filter((t) => t.state === 'no')).toHaveLength(14)
  expect(lw01.ties.filter((t) => t.state === 'dont_know')).toHaveLength(2)
  // Contacts' names stay out of a researcher's export.
  for (const c of contacts) expect(await json.text()).not.toContain(c.name)

  const zip = await context.request.get(`${base}/export?format=csv`)
  expect(zip.headers()['content-type']).toBe('application/zip')
  const files = unzipSync(new Uint8Array(await zip.body()))
  const folder = Object.keys(files)[0]!.split('/')[0]!
  const csv = (name: string) => csvParse(strFromU8(files[`${folder}/${name}`]!))
  const cell = (v: AnswerValue | undefined) => (v === null || v === undefined ? '' : String(v))
  const egoRow = csv('egos.csv')
  expect(egoRow.map((r) => r['ego_id'])).toEqual(['LW01'])
  for (const [k, v] of Object.entries(lw01.attributes)) expect(egoRow[0]![k], k).toBe(cell(v))
  const alterRows = csv('alters.csv')
  expect(alterRows.map((r) => r['alter_id'])).toEqual(contacts.map((c) => id(c.key)))
  for (const [i, a] of expectedAlters.entries()) {
    const row = alterRows[i]!
    for (const [k, v] of Object.entries(a.attributes)) expect(row[k], `${a.id} ${k}`).toBe(cell(v))
    expect(row['frequency']).toBe(cell(a.frequency))
    for (const g of data.generators)
      expect(row[g], `${a.id} ${g}`).toBe(a.generators.includes(g) ? '1' : '0')
  }
  expect(csv('ties.csv').map((r) => ({ from: r['from'], to: r['to'], state: r['state'] }))).toEqual(
    expectedTieRows,
  )
}

async function checkResearcherView(page: Page, device: string): Promise<void> {
  await page.reload()
  await page.getByRole('row', { name: /LW01/ }).getByText('Sent').waitFor()
  // Contacts named: the seven of the working network and the one that cannot be referred to.
  expect(await page.getByRole('row', { name: /LW01/ }).getByRole('cell').nth(1).textContent()).toBe(
    '8',
  )
  await page.getByRole('row', { name: /LW90/ }).getByText('In progress').waitFor()
  await page.getByRole('link', { name: 'LW01' }).click()
  await heading(page, 'Participant LW01')
  expect(await page.locator('.network-map svg circle').count()).toBe(7)
  expect(await page.locator('.network-map svg .tie-yes').count()).toBe(5)
  expect(await page.locator('.network-map svg .tie-unknown').count()).toBe(2)
  await screenshot(page, `${device}-13-researcher-participant`)
}
