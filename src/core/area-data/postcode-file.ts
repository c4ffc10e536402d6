import { countryNation, lsoaNation, type Nation } from '../deprivation/area-code.js'
import type { PostcodeIndex, PostcodeRecord } from '../deprivation/area-tables.js'
import { cellText, type Cell } from './cells.js'
import { findColumn, findColumnMatching } from './header-match.js'

/**
 * ONS postcode products: the National Statistics Postcode Lookup (NSPL),
 * the ONS Postcode Directory (ONSPD) and the PCD→OA21→LSOA21→MSOA21→LAD
 * best-fit lookup (about 2.7 million rows, terminated postcodes included).
 * Only what placing a postcode needs is kept — its LSOAs, when it was
 * terminated, and its country — in a compact sorted index of 20 bytes a
 * postcode, searched by bisection.
 */

export type PostcodeColumns = {
  readonly postcode: number
  readonly lsoa21: number
  readonly lsoa11: number
  readonly terminated: number
  readonly country: number
}

export function postcodeColumns(header: readonly Cell[]): PostcodeColumns | null {
  const h = header.map(cellText)
  const postcode = findColumn(h, 'pcds', 'pcd', 'pcd7', 'pcd8', 'pcd2', 'postcode')
  const lsoa21 = findColumnMatching(h, /^(lsoa21|lsoa21cd)$/)
  const lsoa11 = findColumnMatching(h, /^(lsoa11|lsoa11cd)$/)
  if (postcode < 0 || (lsoa21 < 0 && lsoa11 < 0)) return null
  return {
    postcode,
    lsoa21,
    lsoa11,
    terminated: findColumn(h, 'doterm'),
    country: findColumn(h, 'ctry', 'ctry25cd', 'ctry12cd'),
  }
}

const RECORD = 20
const BLOCK = 65_536
const KEY = 7
const NONE = 0xffffffff
// Stored as an index: new nations go at the end so saved indexes keep their meaning.
const nations: readonly Nation[] = [
  'england',
  'wales',
  'scotland',
  'northern_ireland',
  'unknown',
  'channel_islands',
  'isle_of_man',
]

/** Outward code (area, district) then inward code (sector digit, unit letters), spaces removed. */
const ukPostcode = /^[A-Z]{1,2}[0-9][0-9A-Z]?[0-9][A-Z]{2}$/

/** The key of a postcode: upper case, no spaces, padded to 7 characters. */
export function postcodeKey(postcode: string): string {
  return postcode.replace(/\s+/g, '').toUpperCase().padEnd(KEY, ' ').slice(0, KEY)
}

/** Builds the sorted postcode index from rows, in any order. */
export class PostcodeIndexBuilder {
  // Records go into fixed blocks (no copying as the index grows); `finish`
  // lays them out once, sorted, so peak memory is about twice the index.
  readonly #blocks: Uint8Array[] = []
  #count = 0
  #sorted = true
  #lastKey = ''
  readonly #lsoas: string[] = []
  readonly #lsoaIndex = new Map<string, number>()

  get count(): number {
    return this.#count
  }

  /** Adds one row; returns a problem in words, or null. */
  add(cells: readonly Cell[], cols: PostcodeColumns): string | null {
    const raw = cellText(cells[cols.postcode])
    if (raw === '') return null
    const key = postcodeKey(raw)
    if (!ukPostcode.test(raw.replace(/\s+/g, '').toUpperCase()))
      return `"${raw}" is not a postcode.`
    const l21 = cols.lsoa21 >= 0 ? cellText(cells[cols.lsoa21]).toUpperCase() : ''
    const l11 = cols.lsoa11 >= 0 ? cellText(cells[cols.lsoa11]).toUpperCase() : ''
    const term = cols.terminated >= 0 ? cellText(cells[cols.terminated]) : ''
    const country = cols.country >= 0 ? cellText(cells[cols.country]).toUpperCase() : ''
    const nation: Nation =
      country !== ''
        ? countryNation(country)
        : (lsoaNation(l21 || l11) ?? (/^BT/.test(key) ? 'northern_ireland' : 'unknown'))
    const slot = this.#count % BLOCK
    if (slot === 0) this.#blocks.push(new Uint8Array(BLOCK * RECORD))
    const block = this.#blocks[this.#blocks.length - 1]!
    const at = slot * RECORD
    for (let i = 0; i < KEY; i++) block[at + i] = key.charCodeAt(i)
    block[at + KEY] = nations.indexOf(nation)
    const view = new DataView(block.buffer)
    view.setUint32(at + 8, this.#lsoa(l21))
    view.setUint32(at + 12, this.#lsoa(l11))
    view.setUint32(at + 16, /^\d{6}$/.test(term) ? Number(term) : term === '' ? 0 : 1)
    if (key < this.#lastKey) this.#sorted = false
    this.#lastKey = key
    this.#count++
    return null
  }

  #lsoa(code: string): number {
    if (code === '') return NONE
    let i = this.#lsoaIndex.get(code)
    if (i === undefined) {
      i = this.#lsoas.length
      this.#lsoas.push(code)
      this.#lsoaIndex.set(code, i)
    }
    return i
  }

  /** The index's bytes (sorted by key; a later row for the same postcode wins) and its LSOA codes. */
  finish(): {
    readonly bytes: Uint8Array
    readonly lsoas: readonly string[]
    readonly count: number
  } {
    const record = (i: number): Uint8Array => {
      const at = (i % BLOCK) * RECORD
      return this.#blocks[Math.floor(i / BLOCK)]!.subarray(at, at + RECORD)
    }
    const bytes = new Uint8Array(this.#count * RECORD)
    if (this.#sorted) {
      for (let i = 0; i < this.#count; i++) bytes.set(record(i), i * RECORD)
    } else {
      // Sort record numbers by their key bytes (4 bytes a row, no strings).
      const order = new Uint32Array(this.#count)
      for (let i = 0; i < order.length; i++) order[i] = i
      const blocks = this.#blocks
      order.sort((a, b) => {
        const x = blocks[Math.floor(a / BLOCK)]!
        const y = blocks[Math.floor(b / BLOCK)]!
        const xa = (a % BLOCK) * RECORD
        const yb = (b % BLOCK) * RECORD
        for (let k = 0; k < KEY; k++) {
          const d = x[xa + k]! - y[yb + k]!
          if (d !== 0) return d
        }
        return a - b
      })
      order.forEach((from, to) => {
        bytes.set(record(from), to * RECORD)
      })
    }
    this.#blocks.length = 0
    // Drop repeated postcodes, keeping the last row of each.
    let out = 0
    for (let i = 0; i < this.#count; i++) {
      const next = i + 1 < this.#count && sameKey(bytes, i, i + 1)
      if (next) continue
      if (out !== i) bytes.copyWithin(out * RECORD, i * RECORD, i * RECORD + RECORD)
      out++
    }
    return { bytes: bytes.subarray(0, out * RECORD), lsoas: this.#lsoas, count: out }
  }
}

function sameKey(bytes: Uint8Array, a: number, b: number): boolean {
  for (let k = 0; k < KEY; k++) if (bytes[a * RECORD + k] !== bytes[b * RECORD + k]) return false
  return true
}

/** Searches a built index. */
export function postcodeIndex(bytes: Uint8Array, lsoas: readonly string[]): PostcodeIndex {
  const count = Math.floor(bytes.length / RECORD)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length)
  const compare = (i: number, key: string): number => {
    for (let k = 0; k < KEY; k++) {
      const d = bytes[i * RECORD + k]! - key.charCodeAt(k)
      if (d !== 0) return d
    }
    return 0
  }
  return {
    find: (postcode) => {
      if (!ukPostcode.test(postcode.replace(/\s+/g, '').toUpperCase())) return null
      const key = postcodeKey(postcode)
      let lo = 0
      let hi = count - 1
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1
        const c = compare(mid, key)
        if (c < 0) lo = mid + 1
        else if (c > 0) hi = mid - 1
        else return record(mid, postcode)
      }
      return null
    },
  }

  function record(i: number, postcode: string): PostcodeRecord {
    const at = i * RECORD
    const l21 = view.getUint32(at + 8)
    const l11 = view.getUint32(at + 12)
    const term = view.getUint32(at + 16)
    return {
      postcode,
      nation: nations[bytes[at + KEY]!] ?? 'unknown',
      lsoa21: l21 === NONE ? null : (lsoas[l21] ?? null),
      lsoa11: l11 === NONE ? null : (lsoas[l11] ?? null),
      terminated: term === 0 ? null : term === 1 ? 'unknown date' : String(term),
    }
  }
}
