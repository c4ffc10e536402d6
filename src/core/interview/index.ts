/**
 * Interviews: the state built from autosaved changes, the checks against the
 * protocol, and the ego network an interview describes.
 * @module
 */
export * from './interview-state.js'
export * from './apply-change.js'
export * from './check-complete.js'
export * from './interview-network.js'
