import { describe, expect, it } from 'vitest'
import { agreementReference } from '../test-support/agreement-reference.js'
import {
  addCharacterCounts,
  characterCounts,
  characterKappa,
  mergeSpans,
} from './character-kappa.js'

describe('characterKappa', () => {
  it('follows NVivo’s formula on a hand example', () => {
    // N = 100, A = 20, B = 20, AB = 10: Po = (10 + 70)/100 = 0.8,
    // EF1 = 4, EF2 = 64, Pe = 0.68, κ = 0.12/0.32 = 0.375.
    const r = characterKappa({ total: 100, codedA: 20, codedB: 20, codedBoth: 10 })!
    expect(r.agreement).toBeCloseTo(0.8, 15)
    expect(r.kappa).toBeCloseTo(0.375, 14)
  })

  it('equals plain R and psych::cohen.kappa on expanded characters', () => {
    for (const c of agreementReference.characters) {
      const r = characterKappa(c)!
      expect(Math.abs(r.kappa! - c.kappa)).toBeLessThan(1e-12)
      expect(Math.abs(r.kappa! - c.kappaPsych)).toBeLessThan(1e-12)
      expect(Math.abs(r.agreement - c.agreement)).toBeLessThan(1e-12)
    }
  })

  it('is undefined with no characters or when nobody coded anything', () => {
    expect(characterKappa({ total: 0, codedA: 0, codedB: 0, codedBoth: 0 })).toBeNull()
    const none = characterKappa({ total: 10, codedA: 0, codedB: 0, codedBoth: 0 })!
    expect(none.kappa).toBeNull()
    expect(none.agreement).toBe(1)
    expect(() => characterKappa({ total: 10, codedA: 2, codedB: 3, codedBoth: 4 })).toThrow(
      RangeError,
    )
  })
})

describe('characterCounts', () => {
  it('counts overlapping segments of one coder once and clips to the text', () => {
    expect(
      mergeSpans([
        { start: 5, end: 9 },
        { start: 0, end: 6 },
        { start: 9, end: 9 },
      ]),
    ).toEqual([{ start: 0, end: 9 }])
    const c = characterCounts(
      20,
      [
        { start: 0, end: 10 },
        { start: 5, end: 12 },
      ],
      [{ start: 10, end: 25 }],
    )
    expect(c).toEqual({ total: 20, codedA: 12, codedB: 10, codedBoth: 2 })
    expect(addCharacterCounts([c, c])).toEqual({ total: 40, codedA: 24, codedB: 20, codedBoth: 4 })
  })
})
