import { useCallback, useEffect, useState } from 'react'

export type Resource<T> =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: unknown }
  | { readonly kind: 'ready'; readonly data: T }

/**
 * Loads data for a page and reloads it on demand (after a change). `key`
 * names what is loaded; a new key loads again, and a late answer for an old
 * key is ignored.
 */
export function useResource<T>(key: string, load: () => Promise<T>): [Resource<T>, () => void] {
  const [resource, setResource] = useState<Resource<T>>({ kind: 'loading' })
  const [version, setVersion] = useState(0)
  useEffect(() => {
    let live = true
    load().then(
      (data) => {
        if (live) setResource({ kind: 'ready', data })
      },
      (error: unknown) => {
        if (live) setResource({ kind: 'failed', error })
      },
    )
    return () => {
      live = false
    }
    // `load` is a new function each render; `key` says when it means something new.
  }, [key, version])
  const reload = useCallback(() => {
    setVersion((v) => v + 1)
  }, [])
  return [resource, reload]
}

/** Sets the browser tab's title, so screen-reader users hear where they are. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – spnet`
  }, [title])
}
