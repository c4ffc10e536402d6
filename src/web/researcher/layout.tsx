import { useEffect, useRef, type ReactNode } from 'react'
import { Link, navigate, useLocation } from '../router.js'
import { isAdmin, useSessionApi, useUser } from './session.js'

/** The researcher pages' header (site name, sections, who is signed in) around the page. */
export function Layout({ children }: { readonly children: ReactNode }) {
  const user = useUser()
  const { signOut } = useSessionApi()
  const { path } = useLocation()
  const mainRef = useRef<HTMLElement>(null)
  const first = useRef(true)
  // A new page moves keyboard and screen-reader focus to its heading, as a page load would
  // put them at the top; the first page is left alone so the skip link stays the first stop.
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    const frame = requestAnimationFrame(() => {
      window.scrollTo(0, 0)
      const heading = mainRef.current?.querySelector('h1')
      if (heading !== null && heading !== undefined) {
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1')
        heading.focus()
      } else mainRef.current?.focus()
    })
    return () => {
      cancelAnimationFrame(frame)
    }
  }, [path])
  const current = (prefix: string) =>
    (
      prefix === '/'
        ? path === '/' || path.startsWith('/studies') || path.startsWith('/participants')
        : path.startsWith(prefix)
    )
      ? 'page'
      : undefined
  return (
    <>
      <header className="site-header">
        <Link to="/" className="site-name">
          spnet
        </Link>
        <nav aria-label="Sections" className="site-nav">
          <ul>
            <li>
              <Link to="/" aria-current={current('/')}>
                Studies
              </Link>
            </li>
            {isAdmin(user.role) && (
              <>
                <li>
                  <Link to="/admin/users" aria-current={current('/admin/users')}>
                    Users
                  </Link>
                </li>
                <li>
                  <Link to="/admin/audit" aria-current={current('/admin/audit')}>
                    Audit log
                  </Link>
                </li>
              </>
            )}
          </ul>
        </nav>
        <div className="site-user">
          <span>
            {user.name} <span className="tag">{user.role}</span>
          </span>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              void signOut().then(() => {
                navigate('/')
              })
            }}
          >
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="page" ref={mainRef}>
        {children}
      </main>
    </>
  )
}
