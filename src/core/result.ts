import type { SpnetError } from './errors.js'

/**
 * The outcome of something a user can get wrong. Shaped like zod's
 * SafeParseResult: expected failures are values; bugs throw.
 */
export type Result<T, E = SpnetError> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E }

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value }
}

export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error }
}
