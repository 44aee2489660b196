import { startTransition, StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { HashRouter } from 'react-router'
import { AppRoutes } from './app/routes.tsx'
import { routeDataReady, whenSettled } from './app/kb.ts'
import { consumeErrorParam } from './app/paths.ts'
import { adoptPrerendered, HandOver } from './app/prerendered.tsx'
import { registerServiceWorker } from './app/update.ts'
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

// A result link renders once its entry's file is there (briefly waited for), whole at once. The
// first render is a transition: React renders it in slices, yielding to the browser between them,
// so building a long page (a result with its steps and commands) is no single long task.
const root = document.getElementById('root')
if (root) adoptPrerendered(root, (text) => inputsStore.getState().setText(text))
if (root)
  void routeDataReady(window.location.hash).then(() =>
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

// The built app caches itself for offline use (not in development, where files change), once
// the app has painted its page and that page has what it shows: precaching every file (~2 MB)
// must not compete with the script and the data the page is waiting for.
if (import.meta.env.PROD)
  void appShown
    .then(whenSettled)
    .then(registerServiceWorker)
    .catch(() => {})
