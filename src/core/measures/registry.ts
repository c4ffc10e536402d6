import { blauSpec } from './blau.js'
import { bridgingPairsSpec } from './bridging-pairs.js'
import { brokerageSpec } from './brokerage.js'
import { componentCountSpec } from './component-count.js'
import { compositionSpec } from './composition.js'
import { constraintSpec } from './constraint.js'
import { densitySpec } from './density.js'
import { diversitySpec } from './diversity.js'
import { effectiveSizeSpec } from './effective-size.js'
import { efficiencySpec } from './efficiency.js'
import { egoBetweennessSpec } from './ego-betweenness.js'
import { egoEiIndexSpec } from './ego-ei-index.js'
import { eiIndexSpec } from './ei-index.js'
import { entropySpec } from './entropy.js'
import { generatorSizeSpec } from './generator-size.js'
import { hierarchySpec } from './hierarchy.js'
import { iqvSpec } from './iqv.js'
import { isolateCountSpec } from './isolate-count.js'
import type { MeasureSpec } from './measure-spec.js'
import { meanFrequencySpec } from './mean-frequency.js'
import { multiplexitySpec } from './multiplexity.js'
import { networkSizeSpec } from './network-size.js'
import { tieCountSpec } from './tie-count.js'

/** Every measure, in the order of the output columns (MEASURES.md). */
export const measureRegistry: readonly MeasureSpec[] = [
  networkSizeSpec,
  tieCountSpec,
  densitySpec,
  componentCountSpec,
  isolateCountSpec,
  effectiveSizeSpec,
  efficiencySpec,
  constraintSpec,
  hierarchySpec,
  egoBetweennessSpec,
  compositionSpec,
  diversitySpec,
  entropySpec,
  blauSpec,
  iqvSpec,
  eiIndexSpec,
  egoEiIndexSpec,
  brokerageSpec,
  bridgingPairsSpec,
  meanFrequencySpec,
  multiplexitySpec,
  generatorSizeSpec,
]
