import { describe, expect, it } from 'vitest'
import { agreementReference, ratingsFromTable } from '../test-support/agreement-reference.js'
import { cohenKappa } from './cohen-kappa.js'

describe('cohenKappa', () => {
  it('reproduces the textbook table (Fleiss, Levin & Paik 2003, Table 18.1): κ = 0.68', () => {
    // Two psychiatrists, 100 patients, diagnoses psychotic / neurotic / organic.
    const table = [
      [75, 1, 4],
      [5, 4, 1],
      [0, 0, 10],
    ]
    const r = cohenKappa(ratingsFromTable(table))!
    expect(r.observed).toBeCloseTo(0.89, 15)
    expect(r.expected).toBeCloseTo(0.66, 15)
    expect(r.kappa).toBeCloseTo(0.23 / 0.34, 14)
    expect(r.kappa!.toFixed(2)).toBe('0.68')
    expect(r.units).toBe(100)
  })

  it('equals psych::cohen.kappa and the plain-R formula on every reference table and case', () => {
    for (const t of agreementReference.tables) {
      const r = cohenKappa(ratingsFromTable(t.table))!
      expect(Math.abs(r.kappa! - t.kappaPsych), t.label).toBeLessThan(1e-12)
      expect(Math.abs(r.kappa! - t.kappa), t.label).toBeLessThan(1e-12)
    }
    const twoCoder = agreementReference.ratings.filter((c) => c.kappa !== null)
    expect(twoCoder.length).toBeGreaterThanOrEqual(6)
    for (const c of twoCoder) {
      const r = cohenKappa(c.ratings)!
      expect(Math.abs(r.kappa! - c.kappaPsych!), c.label).toBeLessThan(1e-12)
    }
  })

  it('skips units with a missing rating', () => {
    const r = cohenKappa([
      ['x', 'x'],
      ['y', 'y'],
      ['x', null],
      [null, 'y'],
    ])!
    expect(r.units).toBe(2)
    expect(r.kappa).toBe(1)
  })

  it('gives 2x2 hand values and the undefined case', () => {
    // 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no: p_o = 0.7, p_e = 0.5·0.6 + 0.5·0.4 = 0.5.
    const r = cohenKappa(
      ratingsFromTable([
        [20, 5],
        [10, 15],
      ]),
    )!
    expect(r.kappa).toBeCloseTo(0.4, 15)
    expect(
      cohenKappa([
        [1, 1],
        [1, 1],
      ])!.kappa,
    ).toBeNull()
    expect(cohenKappa([])).toBeNull()
    expect(() => cohenKappa([[1, 1, 1]])).toThrow(RangeError)
  })

  it('differs from QualCoder’s union-only “kappa” (QUAL-ANCHORS.md §1.1)', () => {
    // 100 characters; A codes 0–20, B codes 10–30. QualCoder: U = 30, Po = 10/30,
    // Pyes = (20/30)², Pno = (10/30)², Pe = Pyes·Pno — not Cohen's.
    const ratings = Array.from({ length: 100 }, (_, i) => [
      i < 20 ? 1 : 0,
      i >= 10 && i < 30 ? 1 : 0,
    ])
    const po = 10 / 30
    const pe = (20 / 30) ** 2 * (10 / 30) ** 2
    const qualcoder = (po - pe) / (1 - pe)
    const r = cohenKappa(ratings)!
    // Cohen: p_o = 0.8, p_e = 0.2·0.2 + 0.8·0.8 = 0.68.
    expect(r.kappa).toBeCloseTo((0.8 - 0.68) / 0.32, 14)
    expect(Math.abs(r.kappa! - qualcoder)).toBeGreaterThan(0.05)
  })
})
