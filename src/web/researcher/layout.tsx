import type { ReactNode } from 'react'
import { Link, navigate, useLocation } from '../router.js'
import { isAdmin, useSessionApi, useUser } from './session.js'

/** The researcher pages' header (site name, sections, who is signed in) around the page. */
export function Layout({ children }: { readonly children: ReactNode }) {
  const user = useUser()
  const { signOut } = useSessionApi()
  const { path } = useLocation()
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
      <main id="main" tabIndex={-1} className="page">
        {children}
      </main>
    </>
  )
}
