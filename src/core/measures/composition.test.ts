import { describe, expect, it } from 'vitest'
import { network } from '../test-support/build-network.js'
import { compositionExample } from '../test-support/worked-examples.js'
import { composition } from './composition.js'

describe('composition', () => {
  it('MEASURES.md composition example: GP 2/6 = 1/3, VCS 3/6 = 1/2, LA 1/6', () => {
    expect(composition(compositionExample(), 'sector', ['GP', 'VCS', 'LA'])).toEqual([
      1 / 3,
      1 / 2,
      1 / 6,
    ])
  })

  it('columns follow the order of the levels given', () => {
    expect(composition(compositionExample(), 'sector', ['LA', 'GP', 'VCS'])).toEqual([
      1 / 6,
      1 / 3,
      1 / 2,
    ])
  })

  it('a category no alter has is 0, not null (egor gives NA)', () => {
    // K = 4 with NHS declared: NHS 0/6.
    const props = composition(compositionExample(), 'sector', ['GP', 'VCS', 'LA', 'NHS'])
    expect(props).toEqual([1 / 3, 1 / 2, 1 / 6, 0])
    expect(props![3]).toBe(0)
  })

  it('hand-built: 4 alters, 3 vcse and 1 primary_care → 3/4 and 1/4', () => {
    const net = network({
      alters: {
        a: { org_type: 'vcse' },
        b: { org_type: 'primary_care' },
        c: { org_type: 'vcse' },
        d: { org_type: 'vcse' },
      },
    })
    expect(composition(net, 'org_type', ['primary_care', 'vcse'])).toEqual([1 / 4, 3 / 4])
  })

  it('undefined (null) when n = 0', () => {
    expect(composition(network({ alters: [] }), 'org_type', ['vcse', 'primary_care'])).toBeNull()
  })

  it('n = 1 and n = 2', () => {
    expect(
      composition(network({ alters: { a: { org_type: 'vcse' } } }), 'org_type', ['vcse', 'la']),
    ).toEqual([1, 0])
    const two = network({ alters: { a: { org_type: 'vcse' }, b: { org_type: 'la' } } })
    expect(composition(two, 'org_type', ['vcse', 'la'])).toEqual([1 / 2, 1 / 2])
  })

  it('missing values (null, empty text, attribute absent) count in n but in no numerator', () => {
    // n = 5; vcse 1, primary_care 1; three missing → 1/5, 1/5, summing to 2/5 < 1.
    const net = network({
      alters: {
        a: { org_type: 'vcse' },
        b: { org_type: null },
        c: { org_type: 'primary_care' },
        d: { org_type: '' },
        e: {},
      },
    })
    expect(composition(net, 'org_type', ['primary_care', 'vcse'])).toEqual([1 / 5, 1 / 5])
  })

  it('every value missing → all proportions 0 (n > 0), not null', () => {
    const net = network({ alters: { a: { org_type: null }, b: { org_type: null } } })
    expect(composition(net, 'org_type', ['primary_care', 'vcse'])).toEqual([0, 0])
  })

  it('numbers and booleans match their text: imd_quintile 1 is level "1"', () => {
    const net = network({
      alters: { a: { q: 1 }, b: { q: '1' }, c: { q: 2 }, d: { ok: true }, e: { q: 5 } },
    })
    expect(composition(net, 'q', ['1', '2', '3', '4', '5'])).toEqual([2 / 5, 1 / 5, 0, 0, 1 / 5])
    expect(composition(net, 'ok', ['true', 'false'])).toEqual([1 / 5, 0])
  })

  it('ties of any state do not matter', () => {
    const alters = { a: { s: 'x' }, b: { s: 'y' }, c: { s: 'x' } }
    expect(composition(network({ alters, ties: 'a-b', unknown: 'b-c' }), 's', ['x', 'y'])).toEqual([
      2 / 3,
      1 / 3,
    ])
  })
})
