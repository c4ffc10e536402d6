import { describe, expect, it } from 'vitest'
import { network } from '../test-support/build-network.js'
import { meanFrequency } from './mean-frequency.js'

describe('meanFrequency', () => {
  it('hand-built: 1, 2, 4 → 7/3; 5, 5, 4, 2 → 16/4 = 4', () => {
    expect(
      meanFrequency(network({ alters: ['a', 'b', 'c'], frequency: { a: 1, b: 2, c: 4 } })),
    ).toBe(7 / 3)
    expect(
      meanFrequency(
        network({ alters: ['a', 'b', 'c', 'd'], frequency: { a: 5, b: 5, c: 4, d: 2 } }),
      ),
    ).toBe(4)
  })

  it('alters without a frequency are left out of the mean (numerator and denominator)', () => {
    // 5, missing, 2 → 7/2 (not 7/3).
    const net = network({ alters: ['a', 'b', 'c'], frequency: { a: 5, b: null, c: 2 } })
    expect(meanFrequency(net)).toBe(7 / 2)
    // d has no entry at all.
    expect(
      meanFrequency(network({ alters: ['a', 'b', 'c', 'd'], frequency: { a: 1, b: 3 } })),
    ).toBe(2)
  })

  it('undefined (null) when no alter has a frequency, including n = 0', () => {
    expect(meanFrequency(network({ alters: [] }))).toBeNull()
    expect(meanFrequency(network({ alters: ['a', 'b'] }))).toBeNull()
    expect(meanFrequency(network({ alters: ['a'], frequency: { a: null } }))).toBeNull()
  })

  it('n = 1 → its frequency; n = 2 → the mean of the two', () => {
    expect(meanFrequency(network({ alters: ['a'], frequency: { a: 3 } }))).toBe(3)
    expect(meanFrequency(network({ alters: ['a', 'b'], frequency: { a: 1, b: 4 } }))).toBe(5 / 2)
  })

  it('alter–alter ties do not matter', () => {
    const net = network({
      alters: ['a', 'b', 'c'],
      frequency: { a: 1, b: 2, c: 4 },
      ties: 'a-b',
      unknown: 'b-c',
    })
    expect(meanFrequency(net)).toBe(7 / 3)
  })
})
