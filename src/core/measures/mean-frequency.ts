import type { EgoNetwork } from '../network/ego-network.js'
import type { MeasureSpec } from './measure-spec.js'

/**
 * Mean ego–alter contact frequency (an ordinal scale such as 1 = less than
 * every three months … 5 = several times a week), over alters that have one.
 *
 *   mean_frequency = Σ_j f_j / |{ j : f_j given }|
 *
 * Undefined (null) when no alter has a frequency.
 *
 * @see Marsden, P. V. & Campbell, K. E. (1984). Measuring tie strength.
 *      Social Forces, 63(2), 482–501.
 */
export function meanFrequency(net: EgoNetwork): number | null {
  return meanFrequencyOf(Float64Array.from(net.alters, (a) => a.frequency ?? Number.NaN))
}

/** `meanFrequency` of the alters' frequencies, NaN where none was given. @internal */
export function meanFrequencyOf(frequencies: ArrayLike<number>): number | null {
  let sum = 0
  let count = 0
  for (let j = 0; j < frequencies.length; j++) {
    const f = frequencies[j]!
    if (Number.isNaN(f)) continue
    sum += f
    count++
  }
  if (count === 0) return null
  if (Number.isFinite(sum)) return sum / count
  // Values near the largest double overflow the sum; a running mean cannot.
  let mean = 0
  let k = 0
  for (let j = 0; j < frequencies.length; j++) {
    const f = frequencies[j]!
    if (Number.isNaN(f)) continue
    mean += (f - mean) / ++k
  }
  return mean
}

export const meanFrequencySpec: MeasureSpec = {
  id: 'mean_frequency',
  label: 'Mean contact frequency',
  columnPattern: 'mean_frequency',
  formula: 'mean ego–alter frequency over alters that have one',
  undefinedWhen: 'no alter has a frequency',
  citation: 'Marsden & Campbell (1984), Social Forces 63(2)',
  columns: () => ['mean_frequency'],
  compute: (_ctx, facts, row, at) => {
    row[at] = meanFrequencyOf(facts.frequencies)
  },
}
