/**
 * Area deprivation: the reference tables, groupings and lookups (pure; the
 * tables are passed in).
 * @module
 */
export * from './area-code.js'
export * from './area-tables.js'
export * from './imd-groups.js'
export * from './rank-scores.js'
export * from './practice-scores.js'
export * from './place-area.js'
export * from './classify-egos.js'
