import type { Context } from 'hono'
import type * as z from 'zod/mini'
import { SpnetError } from '../core/errors.js'
import { HttpError } from './error-handler.js'

/**
 * The request's JSON body, checked against `schema`. A body that is not
 * JSON, or not what the route takes, is refused with one issue per field
 * (`path` as the form names it), and nothing is changed.
 */
export async function readBody<S extends z.ZodMiniType>(
  c: Context,
  schema: S,
): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? ''
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpError(
      415,
      'Send the request body as JSON (Content-Type: application/json).',
      'unsupported_media_type',
    )
  }
  let raw: unknown
  try {
    raw = JSON.parse(await c.req.text())
  } catch {
    throw new SpnetError('validation', 'The request body is not valid JSON.')
  }
  return parseWith(schema, raw)
}

/** Checks a value (a body or a query) against a schema, as readBody does. */
export function parseWith<S extends z.ZodMiniType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    throw new SpnetError('validation', 'Some answers need correcting.', {
      issues: parsed.error.issues.map((i) => ({
        path: i.path.map(String).join('.'),
        message: i.message,
      })),
    })
  }
  return parsed.data
}
