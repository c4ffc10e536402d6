import { describe, expect, it } from 'vitest'
import { agreementReference } from '../test-support/agreement-reference.js'
import { krippendorffAlphaNominal } from './krippendorff-alpha.js'

// Krippendorff (2011) §C: 4 observers (columns) × 12 units (rows), nominal, with missing values.
const krippendorff2011 = [
  [1, 1, null, 1],
  [2, 2, 3, 2],
  [3, 3, 3, 3],
  [3, 3, 3, 3],
  [2, 2, 2, 2],
  [1, 2, 3, 4],
  [4, 4, 4, 4],
  [1, 1, 2, 1],
  [2, 2, 2, 2],
  [null, 5, 5, 5],
  [null, null, 1, 1],
  [null, 3, null, null],
]

describe('krippendorffAlphaNominal', () => {
  it("reproduces Krippendorff's own nominal example: α = 0.743", () => {
    const r = krippendorffAlphaNominal(krippendorff2011)!
    expect(r.alpha!.toFixed(3)).toBe('0.743')
    // His figures: n = 40 pairable values; unit 12 (one value) is left out.
    expect(r.pairableValues).toBe(40)
    expect(r.units).toBe(11)
    // By hand: Σ_{c≠k} o_ck = 2 (unit 2) + 4 (unit 6) + 2 (unit 8) = 8; n_c = 9, 13, 10, 5, 3.
    // α = 1 − (n − 1)·8 / (n² − Σ n_c²) = 1 − 39·8 / (1600 − 384) = 1 − 312/1216.
    expect(r.alpha).toBeCloseTo(1 - 312 / 1216, 14)
    expect(r.observedDisagreement).toBeCloseTo(8 / 40, 15)
  })

  it('equals the plain-R coincidence-matrix computation on every reference case', () => {
    for (const c of agreementReference.ratings) {
      const r = krippendorffAlphaNominal(c.ratings)
      expect(r?.alpha ?? null, c.label).not.toBeNull()
      expect(Math.abs(r!.alpha! - c.alpha!), c.label).toBeLessThan(1e-12)
    }
  })

  it('is 1 for perfect agreement and 0-ish for systematic independence', () => {
    expect(
      krippendorffAlphaNominal([
        ['a', 'a'],
        ['b', 'b'],
        ['a', 'a'],
      ])!.alpha,
    ).toBe(1)
    // 2 coders, 4 units, every combination once: D_o = 1/2, n = 8, D_e = (64 − 32)/56.
    const r = krippendorffAlphaNominal([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ])!
    expect(r.alpha).toBeCloseTo(1 - 0.5 / (32 / 56), 14)
  })

  it('is undefined when nothing is pairable or only one category occurs', () => {
    expect(krippendorffAlphaNominal([])).toBeNull()
    expect(
      krippendorffAlphaNominal([
        [1, null],
        [null, 2],
      ]),
    ).toBeNull()
    const one = krippendorffAlphaNominal([
      [1, 1],
      [1, 1],
    ])!
    expect(one.alpha).toBeNull()
    expect(one.expectedDisagreement).toBe(0)
  })

  it('throws on ragged input (a bug, not user data)', () => {
    expect(() => krippendorffAlphaNominal([[1, 2], [1]])).toThrow(RangeError)
  })
})
