import type { ReactNode } from 'react'
import { InterviewPage } from './interview/interview-page.js'
import { AgreementPage } from './qual/agreement-page.js'
import { CodingPage } from './qual/coding-page.js'
import { InterviewsPage } from './qual/interviews-page.js'
import { MatrixPage } from './qual/matrix-page.js'
import { RetrievePage } from './qual/retrieve-page.js'
import { ReviewPage } from './qual/review-page.js'
import { AnalysisPage } from './researcher/analysis-page.js'
import { AuditPage } from './researcher/audit-page.js'
import { Layout } from './researcher/layout.js'
import { LoginPage } from './researcher/login-page.js'
import { ParticipantPage } from './researcher/participant-page.js'
import { SessionProvider, isAdmin, useSessionApi, useUser } from './researcher/session.js'
import { StudiesPage } from './researcher/studies-page.js'
import { StudyPage } from './researcher/study-page.js'
import { UsersPage } from './researcher/users-page.js'
import { Link, match, useLocation } from './router.js'

/**
 * Two apps in one bundle: the participant's interview at /i/:token (no
 * account; the link is the key) and the researchers' pages behind sign-in.
 */
export function App() {
  const { path } = useLocation()
  const interview = match('/i/:token', path)
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to main content
      </a>
      {interview !== null ? (
        <InterviewPage key={interview['token']} token={interview['token']!} />
      ) : (
        <SessionProvider>
          <Researcher path={path} />
        </SessionProvider>
      )}
    </>
  )
}

function Researcher({ path }: { readonly path: string }) {
  const { session } = useSessionApi()
  if (session.kind === 'loading')
    return (
      <main id="main" tabIndex={-1} className="page">
        <p role="status">Loading…</p>
      </main>
    )
  if (session.kind === 'failed')
    return (
      <main id="main" tabIndex={-1} className="page page-narrow">
        <h1>spnet is not available</h1>
        <p>{session.message}</p>
      </main>
    )
  if (session.kind === 'anonymous') return <LoginPage />
  return (
    <Layout>
      <Page path={path} />
    </Layout>
  )
}

function Page({ path }: { readonly path: string }): ReactNode {
  const user = useUser()
  let m: Record<string, string> | null
  if (match('/', path) !== null || match('/login', path) !== null) return <StudiesPage />
  if ((m = match('/studies/:id', path)) !== null) return <StudyPage key={m['id']} id={m['id']!} />
  if ((m = match('/studies/:id/analysis', path)) !== null)
    return <AnalysisPage key={m['id']} id={m['id']!} />
  if ((m = match('/studies/:id/qual', path)) !== null)
    return <InterviewsPage key={m['id']} id={m['id']!} />
  if ((m = match('/studies/:id/qual/sources/:source', path)) !== null)
    return <CodingPage key={`${m['id']!}/${m['source']!}`} id={m['id']!} sourceId={m['source']!} />
  if ((m = match('/studies/:id/qual/sources/:source/review', path)) !== null)
    return <ReviewPage key={`${m['id']!}/${m['source']!}`} id={m['id']!} sourceId={m['source']!} />
  if ((m = match('/studies/:id/qual/segments', path)) !== null)
    return <RetrievePage key={m['id']} id={m['id']!} />
  if ((m = match('/studies/:id/qual/matrix', path)) !== null)
    return <MatrixPage key={m['id']} id={m['id']!} />
  if ((m = match('/studies/:id/qual/agreement', path)) !== null)
    return <AgreementPage key={m['id']} id={m['id']!} />
  if ((m = match('/participants/:id', path)) !== null)
    return <ParticipantPage key={m['id']} id={m['id']!} />
  if (isAdmin(user.role) && match('/admin/users', path) !== null) return <UsersPage />
  if (isAdmin(user.role) && match('/admin/audit', path) !== null) return <AuditPage />
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link to="/">Go to your studies</Link>.
      </p>
    </>
  )
}
