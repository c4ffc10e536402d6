import type { Issue } from '../errors.js'
import { applyChange } from '../interview/apply-change.js'
import {
  emptyInterview,
  type InterviewChange,
  type InterviewState,
} from '../interview/interview-state.js'
import type { Protocol } from '../protocol/protocol.js'
import type { Result } from '../result.js'

/**
 * A small protocol for interview tests, small enough to reason about by hand:
 * one ego form (every question type, an "other" option, skip logic), three
 * name generators (work_contact ≤ 3, refers_to ≤ 2, cannot_refer optional),
 * a sector for each alter (with an "other" text) grouped into org_type,
 * 5 alters in all, two alter forms (the second only for refers_to, with a
 * required question shown only when capacity is "closed"), and a tie census
 * of the first 3 alters.
 */
export const smallProtocol: Protocol = {
  format: 'spnet-protocol',
  schemaVersion: 1,
  id: 'small',
  version: 1,
  name: 'Small',
  alterName: 'name',
  maxAlters: 5,
  derived: [
    {
      id: 'org_type',
      label: 'Grouped sector',
      from: 'sector',
      map: { gp: 'primary_care', pcn: 'primary_care', charity: 'vcse' },
    },
    {
      id: 'host_sector',
      label: 'Host sector',
      from: 'employer',
      map: { pcn: 'primary_care', vcse: 'vcse', other: 'other' },
    },
  ],
  stages: [
    { kind: 'information', id: 'welcome', title: 'Welcome', body: 'Hello.' },
    {
      kind: 'ego_form',
      id: 'you',
      title: 'You',
      questions: [
        {
          id: 'role',
          label: 'Role',
          type: 'choice',
          required: true,
          options: [
            { value: 'link_worker', label: 'Link worker' },
            { value: 'senior', label: 'Senior' },
          ],
        },
        {
          id: 'employer',
          label: 'Employer',
          type: 'choice',
          other: true,
          options: [
            { value: 'pcn', label: 'PCN' },
            { value: 'vcse', label: 'VCSE' },
            { value: 'other', label: 'Other' },
          ],
        },
        { id: 'hours', label: 'Hours', type: 'number', min: 0, max: 60, unit: 'hours' },
        { id: 'months', label: 'Months', type: 'integer', min: 0, max: 600 },
        { id: 'note', label: 'Note', type: 'text', maxLength: 10 },
        { id: 'story', label: 'Story', type: 'long_text' },
        { id: 'directory', label: 'Uses a directory', type: 'boolean' },
        {
          id: 'directory_name',
          label: 'Which directory',
          type: 'text',
          required: true,
          showIf: { variable: 'directory', equals: true },
        },
        {
          id: 'background',
          label: 'Background',
          type: 'multi_choice',
          options: [
            { value: 'health', label: 'Health' },
            { value: 'vcse', label: 'VCSE' },
            { value: 'other', label: 'Other' },
          ],
        },
      ],
    },
    {
      kind: 'name_generator',
      id: 'ng_work',
      title: 'Work contacts',
      generator: 'work_contact',
      prompt: 'Who do you work with?',
      maxAlters: 3,
      quickAdd: ['name', 'sector'],
    },
    {
      kind: 'name_generator',
      id: 'ng_refer',
      title: 'Referrals',
      generator: 'refers_to',
      prompt: 'Who do you refer to?',
      maxAlters: 2,
      quickAdd: ['name'],
    },
    {
      kind: 'name_generator',
      id: 'ng_cannot',
      title: 'Cannot refer',
      generator: 'cannot_refer',
      prompt: 'Who can you not refer to?',
      quickAdd: ['name'],
      optional: true,
    },
    {
      kind: 'alter_form',
      id: 'contacts',
      title: 'Each contact',
      questions: [
        { id: 'name', label: 'Name', type: 'text', required: true, maxLength: 30 },
        {
          id: 'sector',
          label: 'Sector',
          type: 'choice',
          required: true,
          other: true,
          options: [
            { value: 'gp', label: 'GP' },
            { value: 'pcn', label: 'PCN' },
            { value: 'charity', label: 'Charity' },
          ],
        },
        {
          id: 'frequency',
          label: 'Frequency',
          type: 'ordinal',
          options: [
            { value: 1, label: 'Rarely' },
            { value: 2, label: 'Monthly' },
            { value: 3, label: 'Weekly' },
          ],
        },
        {
          id: 'mode',
          label: 'Mode',
          type: 'multi_choice',
          options: [
            { value: 'phone', label: 'Phone' },
            { value: 'email', label: 'Email' },
          ],
        },
      ],
    },
    {
      kind: 'alter_form',
      id: 'referrals',
      title: 'Referral services',
      generators: ['refers_to'],
      questions: [
        {
          id: 'capacity',
          label: 'Capacity',
          type: 'choice',
          required: true,
          options: [
            { value: 'open', label: 'Open' },
            { value: 'closed', label: 'Closed' },
          ],
        },
        {
          id: 'closed_weeks',
          label: 'Closed for how many weeks',
          type: 'integer',
          required: true,
          min: 1,
          showIf: { variable: 'capacity', equals: 'closed' },
        },
      ],
    },
    {
      kind: 'tie_census',
      id: 'ties',
      title: 'Ties',
      prompt: 'Do {a} and {b} work together?',
      maxAlters: 3,
    },
    { kind: 'review', id: 'review', title: 'Review' },
  ],
}

/** Applies changes in order from `from` (default: an empty interview); throws at the first refusal. */
export function applyAll(
  protocol: Protocol,
  changes: readonly InterviewChange[],
  from: InterviewState = emptyInterview,
): InterviewState {
  let state = from
  for (const change of changes) {
    const next = applyChange(protocol, state, change)
    if (!next.ok)
      throw new Error(`test interview: ${next.error.message} (${JSON.stringify(change)})`)
    state = next.value
  }
  return state
}

/** An add_alter change: `alter` named `name` under `generator`, with more answers. */
export function addAlter(
  alter: string,
  name: string,
  generator = 'work_contact',
  answers: Readonly<Record<string, string | number>> = {},
): InterviewChange {
  return { kind: 'add_alter', alter, generator, answers: { name, ...answers } }
}

/** The error code and issues of a refused result (throws when it was accepted). */
export function refusal(result: Result<unknown>): {
  readonly code: string
  readonly issues: readonly Issue[]
} {
  if (result.ok) throw new Error('test: expected a refusal, but the change was accepted')
  return { code: result.error.code, issues: result.error.issues }
}
