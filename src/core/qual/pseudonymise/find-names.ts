import type { AlterId } from '../../network/ids.js'
import { codePointIndex } from '../text/code-points.js'
import { ambiguousFirstNames, ukFirstNames } from './uk-first-names.js'

export type NameKind = 'person' | 'org'
export type NameOrigin = 'alter' | 'user' | 'detector'

/** A name to look for: from the case's alter list (with the alter's id and label) or the user's list. */
export type KnownName = {
  readonly text: string
  readonly kind: NameKind
  readonly alterId?: AlterId
  /** Short label used in alter placeholders, e.g. "A03" → [ALTER A03]. */
  readonly alterLabel?: string
}

export type NameMatch = {
  /** Code-point offsets in the text, end-exclusive. */
  readonly start: number
  readonly end: number
  readonly text: string
  readonly kind: NameKind
  readonly origin: NameOrigin
  readonly alterId: AlterId | null
  readonly alterLabel: string | null
  /** The full known name this match stands for (a first name alone stands for "Zoë Clarke"). */
  readonly canonical: string
}

export type FindNamesOptions = {
  readonly alters?: readonly KnownName[]
  readonly userNames?: readonly KnownName[]
  /** Run the capitalised-token detector (titles, common UK first names, organisation words). */
  readonly detect?: boolean
}

/** Folds case, accents and full stops, so "Zoë" matches "zoe" and "Dr. Khan" is "Dr Khan". */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\./g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

/** Case- and accent-folds each code point where that keeps its UTF-16 length, so offsets stay valid. */
function foldAligned(text: string): string {
  let out = ''
  for (const ch of text) {
    const f = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
    out += f.length === ch.length ? f : ch
  }
  return out
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const letter = String.raw`[\p{L}\p{M}\p{N}]`

const titles = String.raw`(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Cllr|Councillor|Rev|Revd|Father|Sister|Nurse|Sir|Dame|Lady|Lord)`
const titleWord = new RegExp(String.raw`^${titles}$`, 'i')
const capWord = String.raw`\p{Lu}[\p{L}\p{M}'’-]*`
const orgWords = String.raw`(?:UK|Trust|Centre|Center|Council|Surgery|Practice|Foundation|Charity|Association|Society|Club|Partnership|Hub|Network|Project|Church|Mosque|Temple|Gurdwara|Hospital|School|College|Academy|CIC|Ltd|Limited|Housing|Pantry|Larder|Food Bank|Foodbank|Advice|Services|Service|Group|Alliance|Collective|Cafe|Café)`

/**
 * Finds person and organisation names in a transcript: (a) the case's alter
 * names, full or by a single capitalised part of a person's name; (b) names
 * the researcher lists; (c) a detector for titles ("Dr Patel"), common UK
 * first names ("Zoë", "Zoë Clarke") and capitalised organisation names
 * ("Riverside Food Bank"). Overlaps keep the longest match (then alter over
 * user over detector). Offsets are code points.
 */
export function findNames(text: string, options: FindNamesOptions): NameMatch[] {
  const index = codePointIndex(text)
  type Raw = {
    s: number
    e: number
    kind: NameKind
    origin: NameOrigin
    known: KnownName | null
    canonical: string
  }
  const raws: Raw[] = []
  // A folded copy of the text with the same UTF-16 length, so indices line up.
  const folded = foldAligned(text)
  const scanKnown = (names: readonly KnownName[], origin: NameOrigin): void => {
    for (const known of names) {
      const full = known.text.trim()
      if (full === '') continue
      const variants: { v: string; needsCap: boolean }[] = [{ v: full, needsCap: false }]
      if (known.kind === 'person') {
        for (const part of full.split(/\s+/)) {
          if (
            part.length >= 3 &&
            part !== full &&
            !/^(?:dr|mr|mrs|ms|miss|the|and)\.?$/i.test(part)
          ) {
            variants.push({ v: part, needsCap: true })
          }
        }
      }
      for (const { v, needsCap } of variants) {
        const needle = foldAligned(v)
          .replace(/\s+/g, ' ')
          .split(' ')
          .map(escapeRe)
          .join(String.raw`[ \t]+`)
        const pattern = new RegExp(String.raw`(?<!${letter})${needle}(?!${letter})`, 'gu')
        for (const m of folded.matchAll(pattern)) {
          // A part of a person's name counts only when capitalised ("Rose" the alter, not "rose").
          if (needsCap && !/^\p{Lu}/u.test(text.slice(m.index, m.index + 2))) continue
          raws.push({
            s: m.index,
            e: m.index + m[0].length,
            kind: known.kind,
            origin,
            known,
            canonical: full,
          })
        }
      }
    }
  }
  scanKnown(options.alters ?? [], 'alter')
  scanKnown(options.userNames ?? [], 'user')

  if (options.detect === true) {
    const add = (s: number, e: number, kind: NameKind): void => {
      raws.push({ s, e, kind, origin: 'detector', known: null, canonical: text.slice(s, e) })
    }
    for (const m of text.matchAll(
      new RegExp(String.raw`(?<!${letter})${titles}\.?[ \t]+${capWord}(?:[ \t]+${capWord})?`, 'gu'),
    )) {
      add(m.index, m.index + m[0].length, 'person')
    }
    for (const m of text.matchAll(
      new RegExp(String.raw`(?<!${letter})(${capWord})(?:[ \t]+(${capWord}))?(?!${letter})`, 'gu'),
    )) {
      const first = foldName(m[1]!)
      if (!ukFirstNames.has(first) && !ambiguousFirstNames.has(first)) continue
      const surname = m[2]
      if (ambiguousFirstNames.has(first) && surname === undefined) continue
      // "Zoë Clarke" as one name; "Zoë The" is not a surname.
      const withSurname =
        surname !== undefined && !/^(?:The|And|But|So|I|At|In|On|From|To)$/.test(surname)
      add(m.index, m.index + (withSurname ? m[0].length : m[1]!.length), 'person')
    }
    for (const m of text.matchAll(
      new RegExp(String.raw`(?<!${letter})(?:${capWord}[ \t]+){1,4}${orgWords}(?!${letter})`, 'gu'),
    )) {
      add(m.index, m.index + m[0].length, 'org')
    }
  }

  const rank: Record<NameOrigin, number> = { alter: 0, user: 1, detector: 2 }
  raws.sort((a, b) => b.e - b.s - (a.e - a.s) || rank[a.origin] - rank[b.origin] || a.s - b.s)
  const taken: Raw[] = []
  for (const r of raws) {
    if (taken.some((t) => r.s < t.e && t.s < r.e)) continue
    taken.push(r)
  }
  taken.sort((a, b) => a.s - b.s)
  // A detected first name alone ("Max") stands for the one detected full
  // name it begins ("Max Bigman", "Dr Max Bigman"), as a part of an alter's
  // name stands for the alter; with two such full names it is left as itself.
  // Names are compared folded, as placeholders are given.
  const fullNames = new Map<string, Map<string, string>>()
  for (const r of taken) {
    if (r.origin !== 'detector' || r.kind !== 'person') continue
    const parts = foldName(r.canonical).split(' ')
    const first = titleWord.test(parts[0]!) ? 1 : 0
    if (parts.length - first < 2) continue
    const names = fullNames.get(parts[first]!) ?? new Map<string, string>()
    names.set(parts.slice(first).join(' '), r.canonical)
    fullNames.set(parts[first]!, names)
  }
  for (const r of taken) {
    if (r.origin !== 'detector' || r.kind !== 'person') continue
    const names = fullNames.get(foldName(r.canonical))
    if (names?.size === 1) r.canonical = [...names.values()][0]!
  }
  return taken.map((r) => ({
    start: index.toCodePoint(r.s),
    end: index.toCodePoint(r.e),
    text: text.slice(r.s, r.e),
    kind: r.kind,
    origin: r.origin,
    alterId: r.known?.alterId ?? null,
    alterLabel: r.known?.alterLabel ?? null,
    canonical: r.canonical,
  }))
}
