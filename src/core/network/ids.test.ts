import { describe, expect, expectTypeOf, it } from 'vitest'
import { alterId, alterIdSchema, egoId, egoIdSchema, type AlterId, type EgoId } from './ids.js'

describe('branded ids', () => {
  it('keep ego and alter ids apart at compile time', () => {
    expectTypeOf(egoId('E1')).toEqualTypeOf<EgoId>()
    expectTypeOf(alterId('A1')).not.toEqualTypeOf<EgoId>()
    expectTypeOf<EgoId>().not.toExtend<AlterId>()
    expectTypeOf<string>().not.toExtend<EgoId>()
  })
  it('reject empty ids at the boundary', () => {
    expect(egoIdSchema.safeParse('').success).toBe(false)
    expect(alterIdSchema.safeParse('A1').success).toBe(true)
  })
})
