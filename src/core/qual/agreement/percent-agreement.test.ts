import { describe, expect, it } from 'vitest'
import { agreementReference } from '../test-support/agreement-reference.js'
import { percentAgreement } from './percent-agreement.js'

describe('percentAgreement', () => {
  it('is the share of agreeing units for two coders', () => {
    const r = percentAgreement([
      [1, 1],
      [1, 0],
      [0, 0],
      [0, null],
    ])!
    expect(r.agreement).toBeCloseTo(2 / 3, 15)
    expect(r.units).toBe(3)
    expect(r.unanimousUnits).toBe(2)
  })

  it('averages agreeing pairs per unit for more coders (Fleiss’s P̄)', () => {
    // Unit 1: a,a,b → 2 agreeing of 6 ordered pairs; unit 2: a,a,a → 6/6.
    expect(
      percentAgreement([
        ['a', 'a', 'b'],
        ['a', 'a', 'a'],
      ])!.agreement,
    ).toBeCloseTo((2 / 6 + 1) / 2, 15)
  })

  it('equals plain R on every reference case, including Krippendorff’s', () => {
    for (const c of agreementReference.ratings) {
      expect(Math.abs(percentAgreement(c.ratings)!.agreement - c.percent!), c.label).toBeLessThan(
        1e-12,
      )
    }
  })

  it('is undefined with no pairable unit', () => {
    expect(percentAgreement([[1, null]])).toBeNull()
  })
})
