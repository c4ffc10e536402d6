/**
 * The ego-network measures of MEASURES.md: one pure function per file, and
 * the registry that lists them in output-column order.
 * @module
 */
export { blau } from './blau.js'
export { bridgingPairs } from './bridging-pairs.js'
export { brokerage, type Brokerage } from './brokerage.js'
export { componentCount } from './component-count.js'
export { composition } from './composition.js'
export { constraint } from './constraint.js'
export { density } from './density.js'
export { diversity } from './diversity.js'
export { effectiveSize } from './effective-size.js'
export { efficiency } from './efficiency.js'
export { egoBetweenness } from './ego-betweenness.js'
export { egoEiIndex } from './ego-ei-index.js'
export { eiIndex } from './ei-index.js'
export { entropy } from './entropy.js'
export { generatorSize } from './generator-size.js'
export { hierarchy } from './hierarchy.js'
export { iqv } from './iqv.js'
export { isolateCount } from './isolate-count.js'
export { meanFrequency } from './mean-frequency.js'
export { multiplexity } from './multiplexity.js'
export { networkSize } from './network-size.js'
export { tieCount } from './tie-count.js'
export type {
  AttributeLevels,
  EgoFacts,
  MeasureContext,
  MeasureSpec,
  MeasureValue,
} from './measure-spec.js'
export {
  computeMeasures,
  measureContext,
  type MeasureTable,
  type MeasureOptions,
} from './compute-measures.js'
export { measureRegistry } from './registry.js'
