import * as z from 'zod/mini'
import { isImdField, type ImdFields } from '../deprivation/imd-fields.js'
import { placementMethods, type PlacementMethod } from '../deprivation/place-area.js'

/**
 * A study's area-deprivation setting and what it gives each participant
 * (PUT/DELETE /api/studies/:id/deprivation; the placements come with
 * GET /api/studies/:id and /api/participants/:id).
 *
 * Precedence: while the setting is on, the computed imd_* fields are the
 * participant's, for every participant (NA with the reason when one cannot
 * be placed); imd_* attributes typed by hand are kept, unchanged, but not
 * used, and the pages say so. With the setting off, the typed values are
 * used as before.
 */

export const deprivationSettingSchema = z.strictObject({
  by: z.string({ error: 'Enter the attribute or question to place participants by.' }).check(
    z.trim(),
    z.minLength(
      1,
      'Enter the attribute or question to place participants by, such as practice_code.',
    ),
    z.maxLength(60, 'Use at most 60 characters.'),
    z.regex(
      /^[a-z][a-z0-9_]*$/,
      'Use the attribute’s name as written: lower-case letters, digits and _, such as practice_code.',
    ),
    z.refine((by) => !isImdField(by), {
      message: 'This is one of the fields spnet computes; place by a code such as practice_code.',
    }),
  ),
  method: z.enum(placementMethods, { error: 'Choose how to place participants.' }),
  edition: z.union([z.literal(2019), z.literal(2025)], {
    error: 'Choose the 2019 or the 2025 edition.',
  }),
})
export type DeprivationSetting = z.infer<typeof deprivationSettingSchema>

/** What placing one participant gave. */
export type ParticipantDeprivation =
  | {
      readonly placed: true
      /** The value placed (a practice, PCN, LSOA code or postcode). */
      readonly value: string
      /** What was ranked: an LSOA, practice or PCN code. */
      readonly unit: string
      readonly fields: ImdFields
      readonly warnings: readonly string[]
    }
  | {
      readonly placed: false
      /** The value that could not be placed; null when there was none. */
      readonly value: string | null
      readonly reason: string
      readonly fix: string | null
    }

/** The reference data behind the placements, for the record. */
export type ReferenceDataset = {
  readonly title: string
  readonly source: string
  readonly sha256: string
  readonly importedAt: string
}

export type StudyDeprivation = {
  readonly setting: DeprivationSetting
  /** Why nobody could be placed (reference data missing), with what to do; null when ready. */
  readonly problem: { readonly message: string; readonly fix: string | null } | null
  readonly placed: number
  /** By participant id. */
  readonly participants: Readonly<Record<string, ParticipantDeprivation>>
  readonly reference: readonly ReferenceDataset[]
}

/** How a value is read, as a phrase for a sentence: "…each participant’s practice_code, read as …". */
export const methodPhrase: Readonly<Record<PlacementMethod, string>> = {
  'practice-weighted': 'a GP practice, by its population-weighted score',
  'pcn-mean': 'a primary care network, by the mean of its practices’ weighted scores',
  'practice-lsoa': 'a GP practice, by the area (LSOA) of its postcode',
  lsoa: 'an LSOA code',
  postcode: 'a postcode',
}

/** The methods in plain English, for forms and pages. */
export const methodWords: Readonly<Record<PlacementMethod, string>> = {
  'practice-weighted':
    'GP practice, population-weighted score (recommended; the OHID Fingertips method)',
  'pcn-mean': 'Primary care network (PCN): mean of its practices’ weighted scores',
  'practice-lsoa': 'GP practice, the area (LSOA) of its postcode',
  lsoa: 'An area code (LSOA, 2011 or 2021) given directly',
  postcode: 'A postcode given directly',
}
