import { describe, expect, it } from 'vitest'
import { egoNetworkOf } from '../test-support/build-network.js'
import { constraint } from './constraint.js'
import { density } from './density.js'
import { effectiveSize } from './effective-size.js'
import { efficiency } from './efficiency.js'
import { egoBetweenness } from './ego-betweenness.js'
import { hierarchy } from './hierarchy.js'
import { networkSize } from './network-size.js'
import { tieCount } from './tie-count.js'

// Borgatti's example network (MEASURES.md worked example; networkx
// structuralholes tests; UCINET), read in the ego-network model G_e.
const edges = 'A-B A-F A-G A-E E-G F-G B-G B-D D-G G-C'

describe("Borgatti's example, ego-network model (MEASURES.md)", () => {
  it('ego A', () => {
    const a = egoNetworkOf(edges, 'A')
    expect(networkSize(a)).toBe(4)
    expect(tieCount(a)).toBe(3)
    expect(density(a)).toBe(0.5)
    expect(effectiveSize(a)).toBe(2.5)
    expect(efficiency(a)).toBe(0.625)
    // c_B = c_E = c_F = (1/4 + 1/16)², c_G = (1/4 + 3/8)²: C = 175/256.
    expect(constraint(a)).toBeCloseTo(175 / 256, 15)
    expect(constraint(a)!.toFixed(4)).toBe('0.6836')
    expect(hierarchy(a)!.toFixed(4)).toBe('0.1678')
    expect(egoBetweenness(a)).toBe(1.5)
  })

  it('ego G', () => {
    const g = egoNetworkOf(edges, 'G')
    expect(networkSize(g)).toBe(6)
    expect(tieCount(g)).toBe(4)
    expect(density(g)).toBeCloseTo(4 / 15, 15)
    expect(effectiveSize(g)).toBeCloseTo(6 - 8 / 6, 15)
    expect(efficiency(g)!.toFixed(3)).toBe('0.778')
    expect(constraint(g)!.toFixed(4)).toBe('0.4003')
    expect(hierarchy(g)!.toFixed(4)).toBe('0.0947')
    expect(egoBetweenness(g)).toBe(9)
  })

  it('ego C: one alter', () => {
    const c = egoNetworkOf(edges, 'C')
    expect(networkSize(c)).toBe(1)
    expect(tieCount(c)).toBe(0)
    expect(density(c)).toBeNull()
    expect(effectiveSize(c)).toBe(1)
    expect(efficiency(c)).toBe(1)
    expect(constraint(c)).toBe(1)
    expect(hierarchy(c)).toBeNull()
    expect(egoBetweenness(c)).toBe(0)
  })
})
