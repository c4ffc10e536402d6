import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type {
  AgreementFigures,
  AgreementReport,
} from '../../src/core/qual/agreement/unit-agreement.js'
import type { QualProject } from '../../src/core/qual/project.js'
import { codePointLength, sliceCodePoints } from '../../src/core/qual/text/code-points.js'
import { freshDatabase } from '../support/databases.js'
import { sharedDir } from '../support/shared-dir.js'
import {
  axe,
  desktop,
  invite,
  launchBrowser,
  makeStudy,
  newContext,
  phone,
  repo,
  screenshot,
  signIn,
  startServer,
  withFailureShots,
  type E2eServer,
} from './e2e-support.js'
import { heading } from './interview-driver.js'

/**
 * The interviews half as two researchers use it, on a PostgreSQL database
 * that the CLI reads too: a researcher and an admin, each in their own
 * browser, import a transcript each (plain text with an emoji and accented
 * names; a Word file), review and apply the names found, and code both
 * transcripts by selecting text with the mouse (and once by sentence, from
 * the keyboard). The agreement figures on screen must be those of `spnet
 * qual agreement`; the .qdpx downloaded must validate against the REFI-QDA
 * schema; a quote linked to a contact shows from the participant's
 * sociogram. Every new page is checked with axe and fits a 360 px phone.
 */

const transcript = `Interviewer: Thanks for joining, Zoë. How did you build your contacts? 👋
LW01: Mostly through the Food bank, and José Núñez at the surgery introduced me to people. 👍 It took months to feel part of the team.
Interviewer: And in the more deprived wards?
LW01: There are fewer groups there. Transport is a real barrier for patients. The waiting lists are long.
Interviewer: Who do you go to for advice?
LW01: My supervisor Björn, and the other link workers at Riverside Surgery. We meet every week.
`
const months = 'It took months to feel part of the team.'
const transport = 'Transport is a real barrier for patients.'
const waiting = 'The waiting lists are long.'
const learning = 'I really like learning new things.'
const savvy =
  'I guess some less computer-savvy people would have some trouble accessing the internet-based material'

const docx = join(sharedDir(), 'fixtures/transcripts/qualcoder_ID1.docx')
let server: E2eServer
let browser: Browser
let db: Awaited<ReturnType<typeof freshDatabase>>
let studyId: string
let lw02: string
const studyName = 'Link workers 2026'

async function call(path: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(res.status, await res.clone().text()).toBeLessThan(300)
  return res.json()
}

/** A participant who answers and sends their interview, through the interview API. */
async function interviewed(
  label: string,
  attributes: Record<string, number>,
  model: string,
  alters: [string, string, string][],
): Promise<string> {
  const { token, participantId } = await invite(server, studyId, label, attributes)
  const changes = [
    { kind: 'ego_answer', question: 'role', value: 'link_worker' },
    { kind: 'ego_answer', question: 'implementation_model', value: model },
    ...alters.map(([id, name, sector], i) => ({
      kind: 'add_alter',
      alter: id,
      generator: ['work_contact', 'refers_to', 'advice_support'][i % 3],
      answers: { name, sector },
    })),
    { kind: 'tie', a: alters[0]![0], b: alters[1]![0], state: 'yes' },
  ].map((change, i) => ({ id: `${label}-change-${String(i)}`, change }))
  const saved = (await call(`/api/interview/${token}/changes`, { changes })) as {
    rejected: unknown[]
  }
  expect(saved.rejected).toEqual([])
  await call(`/api/interview/${token}/submit`, {})
  return participantId
}

beforeAll(async () => {
  db = await freshDatabase()
  server = await startServer({ databaseUrl: db.url })
  browser = await launchBrowser()
  studyId = await makeStudy(server, studyName)
  await interviewed('LW01', { imd_quintile: 1, imd_decile: 1 }, 'vcse', [
    ['f1', 'Food bank', 'vcse'],
    ['s1', 'Riverside Surgery', 'gp_own_pcn'],
    ['t1', 'Team lead', 'social_prescribing'],
  ])
  lw02 = await interviewed('LW02', {}, 'pcn', [
    ['c1', 'Citizens Advice', 'vcse'],
    ['p1', 'Park Lane Medical Centre', 'gp_own_pcn'],
    ['m1', 'Mind', 'vcse'],
  ])
}, 60_000)

afterAll(async () => {
  // What beforeAll managed to start, should it have failed half way.
  const started = { browser, server, db } as Partial<{
    browser: Browser
    server: E2eServer
    db: typeof db
  }>
  await started.browser?.close()
  await started.server?.close()
  await started.db?.drop()
})

/** Selects a phrase of the transcript on screen by dragging the mouse over it, as a person does. */
async function selectText(page: Page, phrase: string): Promise<void> {
  const find = `(() => {
    const root = document.querySelector('.coding-text .transcript')
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    const nodes = []
    let all = ''
    while (walker.nextNode()) {
      const n = walker.currentNode
      if (n.parentElement.closest('[data-cp]') === null) continue
      nodes.push([n, all.length])
      all += n.data
    }
    const at = all.indexOf(${JSON.stringify(phrase)})
    if (at < 0) return null
    const locate = (i) => {
      for (let k = nodes.length - 1; k >= 0; k--) if (nodes[k][1] <= i) return [nodes[k][0], i - nodes[k][1]]
    }
    const [sn, so] = locate(at)
    const [en, eo] = locate(at + ${String(phrase.length)} - 1)
    sn.parentElement.scrollIntoView({ block: 'center', behavior: 'instant' })
    const rect = (n, o) => { const r = document.createRange(); r.setStart(n, o); r.setEnd(n, o + 1); return r.getClientRects()[0] }
    const a = rect(sn, so)
    const b = rect(en, eo)
    return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 }
  })()`
  const box = await page.evaluate<{ x1: number; y1: number; x2: number; y2: number } | null>(find)
  expect(box, `“${phrase}” is not on the page`).not.toBeNull()
  await page.mouse.move(box!.x1, box!.y1)
  await page.mouse.down()
  await page.mouse.move(box!.x2, box!.y2, { steps: 4 })
  await page.mouse.up()
  await expect.poll(() => page.locator('#selection-text').textContent()).toBe(phrase)
}

const checkbox = (page: Page, path: string[]) =>
  page.getByRole('checkbox', {
    name: path.length === 1 ? path[0]! : `${path[path.length - 1]!} (${path.join(' / ')})`,
    exact: true,
  })

/** Codes the selection (made before) with the codes given by their paths. */
async function code(
  page: Page,
  codes: string[][],
  extra: (p: Page) => Promise<void> = async () => {},
) {
  const mine = async () =>
    Number(/\((\d+)\)/.exec((await page.locator('#mine-heading').textContent()) ?? '')?.[1])
  const before = await mine()
  for (const c of codes) await checkbox(page, c).check()
  await extra(page)
  await page.getByRole('button', { name: 'Code the selection' }).click()
  await page
    .locator('.coded-status')
    .getByText(/^Coded “/)
    .waitFor()
  // The page has read the coding back: the new segment is in the list.
  await expect.poll(mine).toBe(before + 1)
}

async function project(): Promise<QualProject> {
  return (await server.store.qual.get(studyId, studyName)).project
}

it(
  'two coders import, review, code, compare and export transcripts in the browser',
  () =>
    withFailureShots(browser, 'qual', async () => {
      const found: string[] = []
      const check = async (page: Page, where: string) => {
        found.push(...(await axe(page, where)))
        await screenshot(page, `qual-${where}`)
      }
      const { context: rc, problems: rProblems } = await newContext(browser, desktop)
      const { context: ac, problems: aProblems } = await newContext(browser, desktop)
      const r = await rc.newPage()
      const a = await ac.newPage()
      await signIn(r, server.url, 'researcher')
      await signIn(a, server.url, 'admin')

      // The researcher records LW02's deprivation on the participant page.
      await r.goto(`${server.url}/participants/${lw02}`)
      await heading(r, 'Participant LW02')
      await r.getByRole('button', { name: 'Change the attributes' }).click()
      for (const [i, [name, kind, value]] of [
        ['imd_decile', 'Number', '9'],
        ['imd_quintile', 'Number', '5'],
        ['practice_code', 'Text', 'Y01234'],
      ].entries()) {
        await r.getByRole('button', { name: 'Add an attribute' }).click()
        const row = r.getByRole('group', { name: `Attribute ${String(i + 1)}` })
        await row.getByLabel('Name').fill(name!)
        await row.getByLabel('Kind').selectOption({ label: kind! })
        await row.getByLabel('Value').fill(value!)
      }
      await r.getByRole('button', { name: 'Save the attributes' }).click()
      await r.getByText('Attributes saved.').waitFor()
      // The page then loads the participant again: the confirmation stays, beside the values.
      await r.locator('dl.facts dt', { hasText: 'practice_code' }).waitFor()
      expect(await r.getByText('Attributes saved.').isVisible()).toBe(true)
      const saved = (await server.store.studies.participant(lw02))!.attributes
      expect(saved).toEqual({ imd_decile: 9, imd_quintile: 5, practice_code: 'Y01234' })

      // The interviews area of the study, from the study page.
      await r.goto(`${server.url}/studies/${studyId}`)
      await r.getByRole('link', { name: 'Interviews: transcripts, coding and themes' }).click()
      await heading(r, 'Interviews')
      await r.getByText('No transcripts yet.').waitFor()
      await r.getByRole('button', { name: 'Start from the starter codebook' }).click()
      await r.getByText(/^Added \d+ codes from the starter codebook\.$/).waitFor()

      // A damaged Word file gets a message on the page and adds nothing.
      await r.getByRole('button', { name: 'Import and review names' }).click()
      await r.locator('#transcript-file-error').getByText('Choose a transcript file').waitFor()
      await r.getByLabel('Transcript file').setInputFiles({
        name: 'LW01 broken.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        // The first half of a real Word file: it names word/document.xml, but cannot be read.
        buffer: readFileSync(docx).subarray(0, 6000),
      })
      await r.getByRole('button', { name: 'Import and review names' }).click()
      await r.getByRole('alert').getByText('LW01 broken.docx is a damaged Word document.').waitFor()
      expect((await project()).sources).toEqual([])

      // A transcript with an emoji and accented names, one more name to hide.
      await r.getByLabel('Transcript file').setInputFiles({
        name: 'LW01 interview.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from(transcript),
      })
      await r.getByLabel('Other names to hide (optional)').fill('Björn')
      await r.getByRole('button', { name: 'Import and review names' }).click()
      await heading(r, 'Names in LW01 interview')
      const legends = await r.locator('.proposal-list legend').allTextContents()
      expect(legends.map((l) => l.replace(/ \(.*\)$/, ''))).toEqual([
        '1. “Zoë”',
        '2. “Food bank”',
        '3. “José Núñez”',
        '4. “Björn”',
        '5. “Riverside Surgery”',
      ])
      await check(r, 'review')
      // Nothing is applied while a name is undecided.
      await r.getByRole('button', { name: 'Apply the replacements and start coding' }).click()
      await r.getByRole('alert').getByText('Decide on the 5 names still to review first.').waitFor()
      await r.getByLabel('Keep “Zoë” as written').check()
      await r.getByText('1 to keep').waitFor()
      await r.getByText('Use another placeholder for “José Núñez”').click()
      await r.getByLabel('Placeholder for “José Núñez”').fill('[GP 1]')
      await r
        .locator('.proposal-item', { hasText: 'José Núñez' })
        .getByRole('button', { name: 'Use this placeholder' })
        .click()
      await r.getByLabel('Replace with [GP 1]').waitFor()
      await r.getByRole('button', { name: 'Replace all the names still to decide (3)' }).click()
      await r.getByText('5 names found: 4 to replace, 1 to keep, 0 still to decide.').waitFor()
      await screenshot(r, 'qual-review-decided')
      await r.getByRole('button', { name: 'Apply the replacements and start coding' }).click()
      await heading(r, 'Coding: LW01 interview')
      await r.getByText('Replaced 4 names. You can code this transcript now.').waitFor()
      const shown = (await r.locator('.transcript').textContent())!
      expect(shown).toContain('Thanks for joining, Zoë.')
      expect(shown).toContain('[ALTER A01], and [GP 1] at the surgery')
      expect(shown).toMatch(
        /My supervisor \[PERSON \d\], and the other link workers at \[ALTER A02\]\./,
      )
      expect(shown).not.toMatch(/José|Björn|Food bank|Riverside/)

      // A code of one's own, with a colour, a definition and an example.
      await r.getByText('Add a code', { exact: true }).click()
      await r.getByLabel('Code name').fill('Belonging')
      await r
        .getByLabel('Inside', { exact: true })
        .selectOption({ label: 'Cross-cutting / Facilitators of networking' })
      await r.getByLabel('Colour', { exact: true }).fill('#9467bd')
      await r
        .getByLabel('Definition', { exact: true })
        .fill('Feeling part of a team or a network of peers.')
      await r.getByLabel('Examples (optional)').fill('I feel part of the team now.')
      await r.getByRole('button', { name: 'Add the code' }).click()
      await r.getByText('Added the code “Belonging”.').waitFor()
      const codebook = r.getByRole('region', { name: 'Codebook' })
      await codebook.locator('summary', { hasText: 'Belonging' }).click()
      await codebook.getByRole('button', { name: 'Change the code Belonging' }).click()
      await codebook
        .locator('.codebook-list')
        .getByLabel('Definition', { exact: true })
        .fill('Feeling part of a team, or of a network of peers.')
      await codebook.getByRole('button', { name: 'Save the code' }).click()
      await r.getByText('Saved the code “Belonging”.').waitFor()
      await codebook.getByText('Feeling part of a team, or of a network of peers.').waitFor()

      // The researcher codes by dragging the mouse over the text: after an emoji, so the offsets
      // the browser counts (UTF-16) differ from those stored (code points).
      const belonging = ['Cross-cutting', 'Facilitators of networking', 'Belonging']
      const integration = ['Role and implementation model', 'Integration into practice team']
      await selectText(r, months)
      await code(r, [integration, belonging], async (p) => {
        await p.getByLabel('Coding memo (optional)').fill('Months before the team trusted her.')
      })
      await selectText(r, '[ALTER A01]')
      await code(r, [['Building and maintaining connections', 'Finding contacts']], async (p) => {
        await p
          .getByLabel('About a contact or tie in the network (optional)')
          .selectOption({ label: 'Food bank (A01)' })
      })
      await selectText(r, transport)
      await code(r, [['Deprivation context', 'Transport']])
      // From the keyboard: a sentence chosen from the list.
      await r.getByText('Choose sentences or turns instead').click()
      const from = r.getByLabel('From', { exact: true })
      const option = await from.locator('option', { hasText: waiting }).textContent()
      await from.selectOption({ label: option! })
      await expect.poll(() => r.locator('#selection-text').textContent()).toBe(waiting)
      await code(r, [['Referral work', 'Waiting lists']])
      await r
        .getByLabel('Memo on the case LW01')
        .fill('Deprived area, few groups; relies on the food bank.')
      await r.getByRole('button', { name: 'Add the memo' }).first().click()
      await r
        .locator('.memo-text')
        .getByText('Deprived area, few groups; relies on the food bank.')
        .waitFor()
      await r.getByRole('heading', { name: 'Your coding (4)' }).waitFor()
      // A memo added to one's own segment afterwards.
      await r.getByRole('button', { name: 'Change the coding of “[ALTER A01]”' }).click()
      await r.getByLabel('Coding memo', { exact: true }).fill('The food bank is where it started.')
      await r.getByRole('button', { name: 'Save', exact: true }).click()
      await r.getByText('Memo: The food bank is where it started.').waitFor()

      let p = await project()
      const t1 = p.sources.find((s) => s.name === 'LW01 interview')!
      const at = (phrase: string) => {
        const start = codePointLength(t1.text.slice(0, t1.text.indexOf(phrase)))
        return { start, end: start + codePointLength(phrase) }
      }
      const researcherId = p.coders.find((c) => c.name === 'Rea Searcher')!.id
      const mine = p.segments.filter((s) => s.coderId === researcherId)
      const months1 = mine.find((s) => sliceCodePoints(t1.text, s.start, s.end) === months)
      expect(months1, JSON.stringify(mine)).toBeDefined()
      expect({ start: months1!.start, end: months1!.end }).toEqual(at(months))
      // Two emoji before the phrase: its UTF-16 index is two more than its code-point offset.
      expect(t1.text.indexOf(months)).toBe(months1!.start + 2)
      expect(months1!.codeIds).toHaveLength(2)
      expect(months1!.memo).toBe('Months before the team trusted her.')
      const linked = mine.find((s) => s.link !== null)!
      expect(sliceCodePoints(t1.text, linked.start, linked.end)).toBe('[ALTER A01]')
      expect(linked.link).toEqual({ kind: 'alter', alterId: 'f1' })
      expect(mine.map((s) => sliceCodePoints(t1.text, s.start, s.end)).sort()).toEqual(
        ['[ALTER A01]', months, transport, waiting].sort(),
      )
      await check(r, 'coding')

      // The admin imports a Word transcript for LW02, chosen from the list; no names are found.
      await a.goto(`${server.url}/studies/${studyId}/qual`)
      await heading(a, 'Interviews')
      await a.getByLabel('Transcript file').setInputFiles(docx)
      await a.getByLabel('Participant', { exact: true }).selectOption('LW02')
      await a.getByRole('button', { name: 'Import and review names' }).click()
      await heading(a, 'Names in qualcoder_ID1')
      await a.getByText('No names were found in this transcript.').waitFor()
      await a.getByRole('button', { name: 'Mark as reviewed and start coding' }).click()
      await heading(a, 'Coding: qualcoder_ID1')
      await selectText(a, learning)
      await code(a, [['Cross-cutting', 'Skills']])
      // A slip, removed again.
      await selectText(a, 'I also like the other students in the course.')
      await code(a, [['Cross-cutting', 'Skills']])
      await a
        .getByRole('button', {
          name: 'Remove the coding of “I also like the other students in the c…”',
        })
        .click()
      await a
        .getByRole('button', {
          name: 'Yes, remove the coding of “I also like the other students in the c…”',
        })
        .click()
      await a.getByRole('heading', { name: 'Your coding (1)' }).waitFor()

      // The admin codes the first transcript too, and compares with the researcher.
      await a.getByRole('link', { name: 'Interviews', exact: true }).click()
      await heading(a, 'Interviews')
      await a.getByRole('link', { name: 'LW01 interview' }).click()
      await heading(a, 'Coding: LW01 interview')
      await selectText(a, transport)
      await code(a, [['Deprivation context', 'Transport']])
      await selectText(a, waiting)
      await code(a, [['Deprivation context', 'Transport']])
      await selectText(a, months)
      await code(a, [integration])
      await a.getByLabel(/^Compare with the other coders/).check()
      const others = a.getByRole('region', { name: /Other coders’ coding/ })
      await a.getByRole('heading', { name: 'Other coders’ coding (4)' }).waitFor()
      expect(await a.locator('.hl-other').count()).toBeGreaterThan(3)
      // Another coder's work can be read, not changed.
      expect(await others.getByRole('button').count()).toBe(0)
      await a.getByRole('heading', { name: 'Your coding (3)' }).waitFor()
      await check(a, 'coding-compare')

      // The key, for admins only.
      await a.goto(`${server.url}/studies/${studyId}/qual/sources/${t1.id}/review`)
      await a.getByText('The names in this transcript have been reviewed and replaced.').waitFor()
      await a.getByRole('button', { name: 'Show the key' }).click()
      await a.getByRole('row', { name: '[GP 1] Person José Núñez' }).waitFor()
      await a.getByRole('row', { name: '[ALTER A01] Organisation Food bank' }).waitFor()
      await check(a, 'key')

      // The researcher codes the Word transcript as well.
      await r.getByRole('link', { name: 'Transcripts and cases' }).click()
      await heading(r, 'Interviews')
      await r.getByRole('link', { name: 'qualcoder_ID1' }).click()
      await heading(r, 'Coding: qualcoder_ID1')
      await selectText(r, learning)
      await code(r, [['Cross-cutting', 'Skills']])
      await selectText(r, savvy)
      await code(r, [['Deprivation context', 'Digital exclusion']])

      // Agreement on screen, and the same figures from the command line.
      await r.getByRole('link', { name: 'Agreement', exact: true }).click()
      await heading(r, 'Inter-coder agreement')
      await r
        .getByRole('heading', { name: 'Agreement between Rea Searcher and Ada Admin' })
        .waitFor()
      const screen = await r.evaluate<Record<string, Record<string, string>>>(`(() => {
        const out = {}
        for (const tr of document.querySelectorAll('.agreement-table tr[data-code]')) {
          const row = { units: tr.querySelector('td[data-label="Units"]').textContent.trim() }
          for (const td of tr.querySelectorAll('td[data-figure]')) {
            const f = td.querySelector('.figure')
            const ci = td.querySelector('.ci')
            row[td.dataset.figure] = (f ? f.textContent : 'not defined') + (ci ? ci.textContent : '')
          }
          out[tr.dataset.code] = row
        }
        return out
      })()`)
      const cli = JSON.parse(
        execFileSync(
          process.execPath,
          [
            join(repo, 'dist/spnet.js'),
            'qual',
            'agreement',
            '--study',
            studyId,
            '--format',
            'json',
          ],
          { env: { ...process.env, DATABASE_URL: db.url }, encoding: 'utf8' },
        ),
      ) as AgreementReport
      const expected: Record<string, Record<string, string>> = {
        '(pooled)': figures(cli.pooled),
      }
      for (const c of cli.perCode) expected[c.code] = figures(c)
      expect(screen).toEqual(expected)
      expect(Object.keys(expected)).toHaveLength(cli.perCode.length + 1)
      const t = cli.perCode.find((c) => c.code === 'Deprivation context / Transport')!
      expect(t.disagreements).toHaveLength(1)
      expect(t.cohenKappa).not.toBeNull()
      // The disagreeing unit, with each coder's decision.
      await r
        .getByRole('button', { name: 'Show 1 disagreement on Deprivation context / Transport' })
        .click()
      const drill = r.locator('.disagreements')
      await drill.getByText(waiting).waitFor()
      expect(await drill.locator('.decisions li').allTextContents()).toEqual([
        'Rea Searcher: Not applied',
        'Ada Admin: Applied',
      ])
      await check(r, 'agreement')
      // Speaker turns instead of sentences: the page asks the server again.
      await r.getByLabel('Speaker turns').check()
      await r.getByRole('button', { name: 'Work out agreement' }).click()
      await r.getByText(/^Over \d+ speaker turns of 2 transcripts\./).waitFor()

      // Quotes for a code, filtered by the cases' attributes.
      await r.getByRole('link', { name: 'Find quotes' }).click()
      await heading(r, 'Find quotes')
      await r.getByLabel('Code', { exact: true }).selectOption({ label: 'Deprivation context' })
      await r.getByLabel('IMD quintile of the case').selectOption('1')
      await r.getByRole('button', { name: 'Find quotes' }).click()
      await r.getByText('3 quotes coded Deprivation context (sub-codes included).').waitFor()
      expect(await r.locator('.quote-list > li').count()).toBe(3)
      await r
        .locator('.quote-list')
        .getByText(/LW01 \(IMD quintile 1, model vcse, network size 3/)
        .first()
        .waitFor()
      await check(r, 'quotes')
      await r.getByLabel('IMD quintile of the case').selectOption('5')
      await r.getByRole('button', { name: 'Find quotes' }).click()
      await r.getByText('1 quote coded Deprivation context (sub-codes included).').waitFor()
      await r.locator('.quote-list').getByText(savvy).waitFor()
      await r.getByLabel('Other conditions on the case (optional)').fill('size is big')
      await r.getByRole('button', { name: 'Find quotes' }).click()
      await r
        .locator('#q-where-error')
        .getByText(/is not a condition on a case attribute/)
        .waitFor()

      // The framework matrix: grouped by IMD quintile, then by constraint, highest first.
      await r.getByRole('link', { name: 'Framework matrix' }).click()
      await heading(r, 'Framework matrix')
      await r.getByLabel('Then order them by').selectOption('constraint')
      await r.getByLabel('Highest first').check()
      await r.getByRole('button', { name: 'Show the matrix' }).click()
      await r.getByRole('rowheader', { name: 'LW01' }).waitFor()
      const groups = await r.locator('.group-row th').allTextContents()
      expect(groups).toEqual(['IMD quintile: 1 (1 case)', 'IMD quintile: 5 (1 case)'])
      // The row's cells: the constraint it is ordered by, then one per theme.
      const themeColumn = (await r.locator('.matrix thead th').allTextContents()).indexOf(
        'Deprivation context',
      )
      const cell = r
        .getByRole('row', { name: /^LW01/ })
        .locator('td')
        .nth(themeColumn - 1)
      await cell.getByText('3 segments, 1 transcript').waitFor()
      await cell
        .getByRole('button', { name: 'Write a summary for LW01, Deprivation context' })
        .click()
      await r
        .getByLabel('Summary for LW01, Deprivation context')
        .fill('Transport and waiting lists.')
      await r
        .getByRole('button', { name: 'Save the summary for LW01, Deprivation context' })
        .click()
      // Shown once saved, the matrix read again.
      await cell
        .getByRole('button', { name: 'Change the summary for LW01, Deprivation context' })
        .waitFor()
      await cell.locator('.cell-summary').getByText('Transport and waiting lists.').waitFor()
      p = await project()
      expect(p.summaries.map((s) => s.text)).toEqual(['Transport and waiting lists.'])
      const csvDownload = r.waitForEvent('download')
      await r.getByRole('link', { name: 'Download (CSV)' }).click()
      const csv = readFileSync(await (await csvDownload).path(), 'utf8')
      expect(csv).toContain('LW01')
      expect(csv).toContain('Transport and waiting lists.')
      await r.getByRole('region', { name: 'Code co-occurrence' }).waitFor()
      await check(r, 'matrix')

      // The cases carry the network: attributes on the interviews page.
      await r.getByRole('link', { name: 'Transcripts and cases' }).click()
      await heading(r, 'Interviews')
      await r.getByRole('region', { name: 'Table of cases and their attributes' }).waitFor()
      const cases = await r.evaluate<
        string[][]
      >(`[...document.querySelectorAll('[aria-label="Table of cases and their attributes"] tr')]
        .map((tr) => [...tr.children].map((c) => c.textContent.trim()))`)
      const column = (name: string) => cases[0]!.indexOf(name)
      expect(cases.slice(1).map((row) => row[0])).toEqual(['LW01', 'LW02'])
      expect(cases[1]![column('IMD quintile')]).toBe('1')
      expect(cases[2]![column('IMD quintile')]).toBe('5')
      expect(cases[1]![column('Implementation model')]).toBe('vcse')
      expect(cases[1]![column('Network size')]).toBe('3')
      expect(cases[1]![column('Segments')]).toBe('7')
      await check(r, 'interviews')

      // The project as REFI-QDA, downloaded from the browser, validates against the schema.
      const qdpxDownload = r.waitForEvent('download')
      await r.getByRole('link', { name: 'Project (.qdpx)' }).click()
      const qdpx = readFileSync(await (await qdpxDownload).path())
      const files = unzipSync(new Uint8Array(qdpx))
      const qde = strFromU8(files['project.qde']!)
      expect(qde).toMatch(/<Variable [^>]*name="imd_quintile"/)
      expect(qde.match(/<Coding /g)?.length).toBeGreaterThanOrEqual(10)
      const dir = mkdtempSync(join(tmpdir(), 'spnet-e2e-qdpx-'))
      writeFileSync(join(dir, 'project.qde'), qde)
      expect(
        existsSync('/usr/bin/xmllint'),
        'xmllint is missing: apt-get install libxml2-utils',
      ).toBe(true)
      const xsd = join(sharedDir(), 'fixtures/refi-qda-schema/Project.xsd')
      execFileSync('xmllint', ['--noout', '--schema', xsd, join(dir, 'project.qde')], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      })

      // The quote linked to the food bank, from LW01's sociogram.
      const lw01 = (await server.store.studies.get(studyId))!.participantList.find(
        (x) => x.label === 'LW01',
      )!
      await r.goto(`${server.url}/participants/${lw01.id}`)
      await heading(r, 'Participant LW01')
      await r.getByRole('button', { name: 'Food bank: 1 quote' }).click()
      await r.getByRole('heading', { name: 'Quotes about Food bank' }).waitFor()
      const about = r.locator('.contact-quotes .quote-list blockquote')
      expect(await about.allTextContents()).toEqual(['[ALTER A01]'])
      await r.getByRole('button', { name: 'Team lead: 0 quotes' }).press('Enter')
      await r.getByText('No coded quotes are linked to Team lead yet.').waitFor()
      await check(r, 'participant')

      expect(found).toEqual([])
      expect(rProblems).toEqual([])
      expect(aProblems).toEqual([])
      await rc.close()
      await ac.close()
    }),
  120_000,
)

it(
  'fits the interview pages on a 360 px phone',
  () =>
    withFailureShots(browser, 'qual-phone', async () => {
      const { context, problems } = await newContext(browser, phone)
      const page = await context.newPage()
      await signIn(page, server.url, 'admin')
      const p = await project()
      const t1 = p.sources.find((s) => s.name === 'LW01 interview')!
      const pages: [string, string, string][] = [
        ['', 'Interviews', 'interviews'],
        [`/sources/${t1.id}`, 'Coding: LW01 interview', 'coding'],
        [`/sources/${t1.id}/review`, 'Names in LW01 interview', 'review'],
        [`/segments?code=${p.codebook.codes[0]!.id}`, 'Find quotes', 'quotes'],
        ['/matrix', 'Framework matrix', 'matrix'],
        ['/agreement', 'Inter-coder agreement', 'agreement'],
      ]
      const found: string[] = []
      for (const [path, title, short] of pages) {
        await page.goto(`${server.url}/studies/${studyId}/qual${path}`)
        await heading(page, title)
        await expect.poll(() => page.getByText('Loading…').count()).toBe(0)
        const name = `phone-qual-${short}`
        await screenshot(page, name)
        found.push(...(await axe(page, name)))
      }
      expect(found).toEqual([])
      expect(problems).toEqual([])
      await context.close()
    }),
  60_000,
)

/** The figures of one row as the agreement page writes them. */
function figures(f: AgreementFigures): Record<string, string> {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`
  const coef = (x: number) => x.toFixed(3)
  const one = (
    key: 'percentAgreement' | 'cohenKappa' | 'krippendorffAlpha' | 'characterKappa',
    format: (x: number) => string,
  ) => {
    const v = f[key]
    if (v === null) return 'not defined'
    const ci = f.ci?.[key]
    return `${format(v)}${ci === null || ci === undefined ? '' : ` 95% interval (${format(ci.lower)} to ${format(ci.upper)})`}`
  }
  return {
    units: String(f.units),
    percentAgreement: one('percentAgreement', pct),
    cohenKappa: one('cohenKappa', coef),
    krippendorffAlpha: one('krippendorffAlpha', coef),
    characterKappa: one('characterKappa', coef),
  }
}
