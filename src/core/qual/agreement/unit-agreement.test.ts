import { describe, expect, it } from 'vitest'
import { createRandom } from '../../demo/random.js'
import { addCoder, codeSegment } from '../coding/edit-project.js'
import { coderId } from '../ids.js'
import { codePointLength } from '../text/code-points.js'
import { now, sampleProject, spanOf, transcriptA, unwrap } from '../test-support/sample-project.js'
import { bootstrapCi } from './bootstrap-ci.js'
import { cohenKappa } from './cohen-kappa.js'
import { krippendorffAlphaNominal } from './krippendorff-alpha.js'
import { unitAgreement } from './unit-agreement.js'

describe('unitAgreement', () => {
  it('compares two coders turn by turn, per code, with hand-computed figures', () => {
    const s = sampleProject()
    const r = unitAgreement(s.project, { unitKind: 'turn' })
    expect(r.coderIds).toEqual([s.coders.ann, s.coders.bob])
    expect(r.declaredUnits).toBe(8)
    const support = r.perCode.find((c) => c.codeId === s.codes.support)!
    // Turns (Ann, Bob): source A: (0,0) (0,0) (0,0) (0,1); source B: (0,0) (1,1) (0,0) (0,0).
    // p_o = 7/8; marginals Ann 1/8, Bob 2/8: p_e = (1/8)(2/8) + (7/8)(6/8) = 44/64.
    expect(support.percentAgreement).toBeCloseTo(7 / 8, 15)
    expect(support.cohenKappa).toBeCloseTo((7 / 8 - 44 / 64) / (1 - 44 / 64), 14)
    expect(support.disagreements.map((d) => [d.sourceId, d.unitId, d.values])).toEqual([
      [s.sources.a, 'turn:3', [0, 1]],
    ])
    // α: n = 16 values, n_1 = 3; D_o = 2·1/16 ... α = 1 − (n − 1)·(2·1) / (n² − Σn_c²) = 1 − 15·2/(256 − 169 − 9).
    expect(support.krippendorffAlpha).toBeCloseTo(1 - (15 * 2) / (256 - 13 * 13 - 3 * 3), 14)
    const funding = r.perCode.find((c) => c.codeId === s.codes.funding)!
    expect(funding.cohenKappa).toBe(1)
    expect(funding.disagreements).toHaveLength(0)
    expect(funding.code).toBe('Barriers / Funding cuts')
  })

  it('gives NVivo character kappa from the coded characters', () => {
    const s = sampleProject()
    const r = unitAgreement(s.project, { unitKind: 'sentence' })
    const feedback = r.perCode.find((c) => c.codeId === s.codes.feedback)!
    const n = codePointLength(transcriptA)
    const len = codePointLength('They never get back to me though.')
    expect(feedback.characterCounts).toMatchObject({ codedA: len, codedB: len, codedBoth: len })
    expect(feedback.characterKappa).toBe(1)
    expect(feedback.characterCounts!.total).toBe(n + codePointLength(s.project.sources[1]!.text))
  })

  it('pools all codes and bootstraps reproducibly', () => {
    const s = sampleProject()
    const opts = {
      unitKind: 'sentence' as const,
      bootstrap: { random: createRandom(42), replicates: 200 },
    }
    const a = unitAgreement(s.project, opts)
    const b = unitAgreement(s.project, {
      ...opts,
      bootstrap: { random: createRandom(42), replicates: 200 },
    })
    expect(a.pooled).toEqual(b.pooled)
    expect(a.pooled.ci!.krippendorffAlpha!.lower).toBeLessThanOrEqual(a.pooled.krippendorffAlpha!)
    expect(a.pooled.ci!.krippendorffAlpha!.upper).toBeGreaterThanOrEqual(
      a.pooled.krippendorffAlpha!,
    )
    // Pooled over 5 codes × sentence units: a unit-code pair is one decision.
    expect(a.pooled.units).toBe(a.declaredUnits * a.perCode.length)
  })

  it('treats a coder who did not code a source as missing, for three coders', () => {
    const s = sampleProject()
    const cy = coderId('00000000-0000-4000-8000-0000000000c1')
    let p = unwrap(addCoder(s.project, { id: cy, name: 'Cy' }))
    p = unwrap(
      codeSegment(
        p,
        {
          sourceId: s.sources.a,
          ...spanOf(transcriptA, 'Buses are hopeless here.'),
          coderId: cy,
          codeIds: [s.codes.transport],
        },
        { newId: s.ids, now },
      ),
    )
    const r = unitAgreement(p, { unitKind: 'turn' })
    expect(r.coderIds).toHaveLength(3)
    const transport = r.perCode.find((c) => c.codeId === s.codes.transport)!
    expect(transport.cohenKappa).toBeNull()
    expect(transport.characterKappa).toBeNull()
    expect(transport.krippendorffAlpha).not.toBeNull()
    // Cy is missing (null) on source B's units.
    const bUnit = unitAgreement(p, { unitKind: 'turn', codeIds: [s.codes.support] }).perCode[0]!
      .disagreements
    expect(bUnit.every((d) => d.sourceId === s.sources.a)).toBe(true)
    expect(bUnit[0]!.values).toEqual([0, 1, 0])
  })

  it('gives the same intervals as resampling the units with the general statistics', () => {
    const s = sampleProject()
    const p = s.project
    // Naive reliability data: for each sentence, did Ann / Bob apply "Support" there?
    const ratings = p.sources.flatMap((src) =>
      src.units
        .filter((u) => u.kind === 'sentence')
        .map((u) =>
          [s.coders.ann, s.coders.bob].map((coder) =>
            p.segments.some(
              (g) =>
                g.sourceId === src.id &&
                g.coderId === coder &&
                g.codeIds.includes(s.codes.support) &&
                Math.min(g.end, u.end) > Math.max(g.start, u.start),
            )
              ? 1
              : 0,
          ),
        ),
    )
    const report = unitAgreement(p, {
      unitKind: 'sentence',
      bootstrap: { random: createRandom(5), replicates: 300 },
    })
    const support = report.perCode.find((c) => c.codeId === s.codes.support)!
    expect(support.krippendorffAlpha).toBeCloseTo(krippendorffAlphaNominal(ratings)!.alpha!, 14)
    // Same seed, same draws: the fast pattern-count bootstrap equals the direct one.
    const alpha = bootstrapCi(ratings, (x) => krippendorffAlphaNominal(x)?.alpha ?? null, {
      random: createRandom(5),
      replicates: 300,
    })!
    const kappa = bootstrapCi(ratings, (x) => cohenKappa(x)?.kappa ?? null, {
      random: createRandom(5),
      replicates: 300,
    })!
    expect(support.ci!.krippendorffAlpha!.lower).toBeCloseTo(alpha.lower, 12)
    expect(support.ci!.krippendorffAlpha!.upper).toBeCloseTo(alpha.upper, 12)
    expect(support.ci!.krippendorffAlpha!.defined).toBe(alpha.defined)
    expect(support.ci!.cohenKappa!.lower).toBeCloseTo(kappa.lower, 12)
    expect(support.ci!.cohenKappa!.upper).toBeCloseTo(kappa.upper, 12)
  })

  it('can leave out the interviewer: units of chosen speakers only', () => {
    const s = sampleProject()
    const r = unitAgreement(s.project, { unitKind: 'turn', speakers: ['LW'] })
    expect(r.declaredUnits).toBe(4)
    const support = r.perCode.find((c) => c.codeId === s.codes.support)!
    // LW turns (Ann, Bob): A1 (0,0), A3 (0,1), B1 (1,1), B3 (0,0): p_o = 3/4, p_e = (1/4)(2/4) + (3/4)(2/4) = 1/2.
    expect(support.cohenKappa).toBeCloseTo((3 / 4 - 1 / 2) / (1 / 2), 14)
    expect(
      unitAgreement(s.project, { unitKind: 'sentence', speakers: ['Interviewer'] }).perCode.every(
        (c) => c.percentAgreement === 1,
      ),
    ).toBe(true)
  })
})
