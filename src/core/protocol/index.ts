/**
 * Study protocols as data: the schema, its checks, and the built-in
 * link-worker protocol.
 * @module
 */
export * from './protocol.js'
export * from './validate-protocol.js'
export * from './link-worker-protocol.js'
