import type { AreaDataset } from './area-datasets.js'
import type { Cell } from './cells.js'

/**
 * Reads one table of an official file row by row (so a 2.7-million-row file
 * never has to be in memory at once), then checks and returns its dataset —
 * or null when the issues it added make it unusable.
 * @internal
 */
export type AreaTableReader = {
  readonly description: string
  readonly row: (cells: readonly Cell[], line: number) => void
  readonly finish: () => AreaDataset | null
}
