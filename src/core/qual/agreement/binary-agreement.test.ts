import { describe, expect, it } from 'vitest'
import { createRandom } from '../../demo/random.js'
import { binaryFigures, patternSpace } from './binary-agreement.js'
import { cohenKappa } from './cohen-kappa.js'
import { krippendorffAlphaNominal } from './krippendorff-alpha.js'
import { percentAgreement } from './percent-agreement.js'

describe('binaryFigures', () => {
  it('equals the general statistics on random binary data with missing values, 2 to 5 coders', () => {
    const r = createRandom(11)
    for (let trial = 0; trial < 60; trial++) {
      const coders = 2 + (trial % 4)
      const space = patternSpace(coders)
      const units = Array.from({ length: r.int(3, 40) }, () => {
        const base = r.int(0, 1)
        return Array.from({ length: coders }, () =>
          r.chance(0.15) ? 2 : r.chance(0.7) ? base : 1 - base,
        )
      })
      const h = new Float64Array(space.size)
      for (const u of units) h[space.id(u)]!++
      const f = binaryFigures(space, h)
      const ratings = units.map((u) => u.map((x) => (x === 2 ? null : x)))
      const close = (a: number | null, b: number | null | undefined) => {
        if (a === null || b === null || b === undefined) expect(a).toBe(b ?? null)
        else expect(Math.abs(a - b)).toBeLessThan(1e-12)
      }
      close(f.percentAgreement, percentAgreement(ratings)?.agreement)
      close(f.krippendorffAlpha, krippendorffAlphaNominal(ratings)?.alpha)
      if (coders === 2) close(f.cohenKappa, cohenKappa(ratings)?.kappa)
      else expect(f.cohenKappa).toBeNull()
      expect(f.units).toBe(percentAgreement(ratings)?.units ?? 0)
    }
  })

  it('weights patterns (a bootstrap resample counts a unit as often as drawn)', () => {
    const space = patternSpace(2)
    const h = new Float64Array(9)
    h[space.id([1, 1])] = 2
    h[space.id([0, 1])] = 1
    h[space.id([0, 0])] = 1
    const f = binaryFigures(space, h)
    const ratings = [
      [1, 1],
      [1, 1],
      [0, 1],
      [0, 0],
    ]
    expect(f.cohenKappa).toBeCloseTo(cohenKappa(ratings)!.kappa!, 14)
    expect(f.prevalence).toBeCloseTo(5 / 8, 15)
  })
})
