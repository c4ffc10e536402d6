import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ApiError } from '../core/api/api.js'
import { isSpnetError, type ErrorCode } from '../core/errors.js'

/** HTTP status of each error code: the one place errors become HTTP. */
const statusOf: Record<ErrorCode, ContentfulStatusCode> = {
  validation: 400,
  usage: 400,
  not_found: 404,
  conflict: 409,
  unsupported: 501,
  internal: 500,
}

/** Errors a route raises on purpose: not signed in, not allowed, too many tries, too big. */
export class HttpError extends Error {
  constructor(
    readonly status: 401 | 403 | 404 | 410 | 413 | 415 | 429,
    message: string,
    readonly code: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message)
  }
}

export function errorHandler(log: (line: string) => void) {
  return (error: Error, c: Context): Response => {
    if (error instanceof HttpError) {
      for (const [name, value] of Object.entries(error.headers)) c.header(name, value)
      return c.json(
        { code: error.code, message: error.message, issues: [] } satisfies ApiError,
        error.status,
      )
    }
    if (isSpnetError(error)) {
      const status = statusOf[error.code]
      if (status === 500) log(`internal error: ${error.message} ${String(error.cause)}`)
      return c.json(
        {
          code: error.code,
          message: status === 500 ? 'Something went wrong on the server.' : error.message,
          issues:
            status === 500
              ? []
              : error.issues.map((i) => ({
                  ...(i.path === undefined ? {} : { path: i.path }),
                  message: i.message,
                  ...(i.fix === undefined ? {} : { fix: i.fix }),
                })),
        } satisfies ApiError,
        status,
      )
    }
    // A bug: log the detail, tell the browser nothing it could misuse.
    log(`internal error: ${error.stack ?? error.message}`)
    return c.json(
      {
        code: 'internal',
        message: 'Something went wrong on the server.',
        issues: [],
      } satisfies ApiError,
      500,
    )
  }
}
