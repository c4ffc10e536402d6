/**
 * Parsing the official deprivation, geography and NHS organisation files
 * into datasets, and joining datasets into lookup tables.
 * @module
 */
export * from './area-datasets.js'
export * from './cells.js'
export * from './detect-area-table.js'
export * from './build-area-data.js'
export * from './postcode-file.js'
export type { AreaTableReader } from './table-reader.js'
