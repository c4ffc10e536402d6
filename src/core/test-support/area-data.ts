import type { SpnetError } from '../errors.js'
import type { Result } from '../result.js'
import {
  editionAreaCount,
  type Edition,
  type IodArea,
  type IodTable,
  type LsoaChange,
  type LsoaCrosswalk,
  type LsoaLink,
  type PostcodeIndex,
  type PostcodeRecord,
} from '../deprivation/area-tables.js'
import { decileOfRank } from '../deprivation/imd-groups.js'

/**
 * Small hand-made reference tables for the deprivation tests. The lookups
 * take the tables as arguments, so tests build exactly the LSOAs, links and
 * postcodes they reason about.
 */

export type HandArea = {
  readonly rank: number
  readonly decile: number
  readonly score?: number | null
  readonly name?: string | null
  readonly lad?: string | null
  readonly population?: number | null
}

/** First code of the filler LSOAs (E01200000, E01200001, …); no hand-made code uses this range. */
export const fillerBase = 200_000

/**
 * An IoD table holding the given LSOAs. With `national`, filler LSOAs take
 * every other rank, so the table has the edition's full national size
 * (32,844 or 33,755 LSOAs), as a complete official file has: the lookups
 * use the table's size as the national total for split areas.
 */
export function iodTableOf(
  edition: Edition,
  areas: Readonly<Record<string, HandArea>>,
  options: { readonly national?: boolean } = {},
): IodTable {
  const map = new Map<string, IodArea>()
  for (const [code, a] of Object.entries(areas)) {
    map.set(code, {
      rank: a.rank,
      decile: a.decile,
      score: a.score ?? null,
      name: a.name ?? null,
      lad: a.lad ?? null,
      population: a.population ?? null,
    })
  }
  if (options.national === true) {
    const total = editionAreaCount[edition]
    const used = new Set([...map.values()].map((a) => a.rank))
    let next = fillerBase
    for (let rank = 1; rank <= total; rank++) {
      if (used.has(rank)) continue
      map.set(`E01${String(next++).padStart(6, '0')}`, {
        rank,
        decile: decileOfRank(rank, total),
        score: null,
        name: null,
        lad: null,
        population: null,
      })
    }
  }
  return { edition, areas: map }
}

/** A crosswalk from ONS-style rows [lsoa11, lsoa21, change]. */
export function crosswalkOf(
  rows: readonly (readonly [string, string, LsoaChange])[],
): LsoaCrosswalk {
  const to2021 = new Map<string, LsoaLink[]>()
  const to2011 = new Map<string, LsoaLink[]>()
  const push = (map: Map<string, LsoaLink[]>, key: string, link: LsoaLink) => {
    const list = map.get(key)
    if (list === undefined) map.set(key, [link])
    else list.push(link)
  }
  for (const [a, b, change] of rows) {
    push(to2021, a, { code: b, change })
    push(to2011, b, { code: a, change })
  }
  return { to2021, to2011 }
}

/**
 * A postcode index over records keyed exactly by their normalised postcode
 * (e.g. "SW1A 1AA"), recording every query it is asked.
 */
export function postcodeStub(
  records: readonly PostcodeRecord[],
): PostcodeIndex & { readonly queries: string[] } {
  const byPostcode = new Map(records.map((r) => [r.postcode, r]))
  const queries: string[] = []
  return {
    queries,
    find: (postcode) => {
      queries.push(postcode)
      return byPostcode.get(postcode) ?? null
    },
  }
}

/** The value of a result expected to succeed (fails the test with the error otherwise). */
export function success<T>(result: Result<T>): T {
  if (!result.ok) {
    throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`)
  }
  return result.value
}

/** The error of a result expected to fail (fails the test with the value otherwise). */
export function failure<T>(result: Result<T>): SpnetError {
  if (result.ok) throw new Error(`expected failure, got ${JSON.stringify(result.value)}`)
  return result.error
}

/** The first issue's fix of an error, or null. */
export function fixOf(error: SpnetError): string | null {
  return error.issues[0]?.fix ?? null
}
