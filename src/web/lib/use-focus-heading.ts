import { useEffect, useRef } from 'react'

/**
 * Moves keyboard and screen-reader focus to a page's heading when `key`
 * changes (a new page or step), as a full page load would. The first render
 * is left alone so the skip link stays the first stop.
 */
export function useFocusHeading<T extends HTMLElement>(key: string) {
  const ref = useRef<T>(null)
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    ref.current?.focus()
    window.scrollTo(0, 0)
  }, [key])
  return ref
}
