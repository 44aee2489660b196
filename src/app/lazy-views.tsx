/**
 * The pages in ./views.ts, loaded apart from the start page's script (which must stay within its
 * budget with the whole matcher in it). Unlike `React.lazy`, a page whose code is already here
 * renders at once, in the same render: the start page loads the code once it has settled, so
 * choosing a diagnosis shows the next page without a loading line in between.
 */
import { use, type ComponentType } from 'react'
import { LoadError, track, type Thenable } from './loads.ts'
import type * as ViewsModule from './views.ts'

type Views = typeof ViewsModule

let load: Thenable<Views> | null = null

/** The pages' code; loaded on the first call, again after a failed load. */
export function loadViews(): Promise<Views> {
  if (!load || load.status === 'rejected')
    load = track(
      import('./views.ts').catch(() => {
        throw new LoadError('This page could not be loaded (no connection to the server).')
      }),
    )
  return load
}

/** A page of ./views.ts; suspends while its code loads. */
export function lazyView(name: keyof Views): ComponentType {
  function View() {
    // Once the code is here, `use` reads it from the settled promise without suspending.
    const Page = use(loadViews())[name] as ComponentType
    return <Page />
  }
  View.displayName = name
  return View
}

/** The start page (`#/`, `#/?…`): the one page whose code is in the app's own script. */
const START_PAGE = /^(?:#\/?(?:[?#]|$)|$)/

/** Resolves once the code of the page a link opens is here (at once for the start page). */
export function viewReady(hash: string): Promise<void> {
  if (START_PAGE.test(hash) || /^#\/(?:report|csv-check)(?:[/?#]|$)/.test(hash))
    return Promise.resolve()
  return loadViews().then(
    () => {},
    () => {},
  )
}
