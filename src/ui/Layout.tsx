import { Suspense } from 'react'
import { Link, NavLink, Outlet, useLocation } from 'react-router'
import { ErrorBoundary } from './ErrorBoundary.tsx'
import { paths } from '../app/paths.ts'
import { useUpdate } from '../app/update.ts'

/** Offers the newer version of the app once its service worker waits. */
function UpdateNotice() {
  const waiting = useUpdate((s) => s.waiting)
  const apply = useUpdate((s) => s.apply)
  return (
    <div aria-live="polite" className="update-notice">
      {waiting && (
        <p>
          A new version is available —{' '}
          <button type="button" onClick={apply}>
            Reload
          </button>
        </p>
      )}
    </div>
  )
}

export function Layout() {
  const location = useLocation()
  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault()
          document.getElementById('main')?.focus()
        }}
      >
        Skip to content
      </a>
      <header className="site-header">
        <Link to={paths.home()} className="brand">
          Migration error triage
        </Link>
        <nav aria-label="Main">
          <NavLink to={paths.home()} end>
            Diagnose
          </NavLink>
          <NavLink to={paths.browse()}>No error message</NavLink>
          <NavLink to={paths.entries()}>Known problems</NavLink>
        </nav>
      </header>
      <UpdateNotice />
      <main id="main" tabIndex={-1}>
        <ErrorBoundary resetKey={location.pathname + location.search}>
          <Suspense
            fallback={
              <p role="status" className="loading">
                Loading this page…
              </p>
            }
          >
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
      <footer className="site-footer">
        <p>
          Runs entirely in your browser: what you paste is never sent anywhere. Not affiliated with
          Microsoft; every diagnosis links the public article it is based on.
        </p>
      </footer>
    </>
  )
}
