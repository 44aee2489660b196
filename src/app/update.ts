/**
 * Whether a newer version of the app is waiting (its service worker installed, not yet in
 * control), and how to switch to it. Set by the service-worker registration in main.tsx, read
 * by the update notice in the layout.
 */
import { createStore, useStore } from 'zustand'
import { addManifestLink } from './manifest-link.ts'

export interface UpdateState {
  /** A new version is installed and waits for the page to reload into it. */
  waiting: boolean
  /** Activates the waiting version and reloads the page. */
  apply: () => void
}

export const updateStore = createStore<UpdateState>()(() => ({ waiting: false, apply: () => {} }))

/**
 * Makes the built app installable and usable offline: adds the web-app manifest's link, and
 * registers the service worker (where the browser supports one).
 */
export async function registerServiceWorker(): Promise<void> {
  addManifestLink(document)
  if (!('serviceWorker' in navigator)) return
  const { registerSW } = await import('virtual:pwa-register')
  const update = registerSW({
    onNeedRefresh: () => updateStore.setState({ waiting: true }),
    // Offline use is a bonus: a browser that refuses the worker still runs the app.
    onRegisterError: () => {},
  })
  updateStore.setState({ apply: () => void update(true) })
}

export function useUpdate<T>(selector: (s: UpdateState) => T): T {
  return useStore(updateStore, selector)
}
