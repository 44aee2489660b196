import { startTransition, StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { HashRouter } from 'react-router'
import { AppRoutes } from './app/routes.tsx'
import { routeDataReady, whenSettled } from './app/kb.ts'
import { consumeErrorParam } from './app/paths.ts'
import { loadPages, viewReady } from './app/lazy-views.tsx'
import { adoptPrerendered, HandOver } from './app/prerendered.tsx'
import { registerServiceWorker } from './app/update.ts'
import { afterNextPaint } from './app/use-after-paint.ts'
import { inputsStore } from './store/inputs.ts'
import './styles.css'

// `?error=<text>` pre-fills the paste box (links from ticket systems), then leaves the address bar.
const fromLink = consumeErrorParam(window.location, (url) =>
  window.history.replaceState(null, '', url),
)
if (fromLink !== null) inputsStore.getState().setText(fromLink)

// Settled once the app's first render is on the page (see HandOver).
let shown = () => {}
const appShown = new Promise<void>((resolve) => (shown = resolve))

// A link to another page than the start page renders once that page's code is there, a result
// link also once its entry's file is (briefly waited for): the page paints whole at once. The
// first render is a transition: React renders it in slices, yielding to the browser between them,
// so building a long page (a result with its steps and commands) is no single long task.
const root = document.getElementById('root')
if (root) adoptPrerendered(root, (text) => inputsStore.getState().setText(text))
if (root)
  void Promise.all([routeDataReady(window.location.hash), viewReady(window.location.hash)]).then(
    () =>
      startTransition(() =>
        createRoot(root).render(
          <StrictMode>
            <HashRouter>
              <HandOver onShown={shown}>
                <AppRoutes />
              </HandOver>
            </HashRouter>
          </StrictMode>,
        ),
      ),
  )

// Once the app has painted its page and that page has what it shows, the other pages' code loads
// (choosing a diagnosis then shows its page at once), and the built app caches itself for offline
// use (not in development, where files change): neither may compete with the script and the data
// the page is waiting for, and precaching every file (~2 MB) waits for the pages' code too.
void appShown
  // (after the paint of the app's first render: a request started before it would compete with
  // what that paint needs)
  .then(() => new Promise<void>((resolve) => afterNextPaint(resolve)))
  .then(whenSettled)
  .then(() => loadPages().catch(() => {}))
  .then(() => (import.meta.env.PROD ? registerServiceWorker() : undefined))
  .catch(() => {})
