import type { ReactNode } from 'react'
import { ApiError } from '../api.js'
import type { Resource } from '../lib/use-resource.js'

/** Renders a loaded resource, or its loading / failed state. */
export function LoadState<T>({
  resource,
  children,
}: {
  readonly resource: Resource<T>
  readonly children: (data: T) => ReactNode
}) {
  if (resource.kind === 'loading') return <p role="status">Loading…</p>
  if (resource.kind === 'failed') return <ErrorBox error={resource.error} />
  return <>{children(resource.data)}</>
}

export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return 'Your account is not allowed to do this.'
    if (error.status === 404) return 'This page does not exist, or was removed.'
    return error.message
  }
  return error instanceof Error ? error.message : String(error)
}

export function ErrorBox({ error }: { readonly error: unknown }) {
  const issues = error instanceof ApiError ? error.issues : []
  return (
    <div className="error-summary" role="alert">
      <p>{errorText(error)}</p>
      {issues.length > 0 && (
        <ul>
          {issues.map((i, n) => (
            <li key={n}>
              {i.message}
              {i.fix !== undefined && ` ${i.fix}`}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
