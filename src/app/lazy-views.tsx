/**
 * The pages in ./views.ts, loaded apart from the start page's script (which must stay within its
 * budget with the whole matcher in it). Unlike `React.lazy`, a page whose code is already here
 * renders at once, in the same render: the start page loads the code once it has settled, so
 * choosing a diagnosis shows the next page without a loading line in between.
 */
import { use, type ComponentType } from 'react'
import { loadMatcher } from './kb.ts'
import { chunk } from './loads.ts'
import { OWN_CODE } from './page-code.ts'
import type * as ViewsModule from './views.ts'

type Views = typeof ViewsModule

/** The pages' code. */
export const loadViews = chunk(() => import('./views.ts'), 'This page')

/**
 * The result page's fix, ticket note and share link, which it renders once its top has painted
 * (src/routes/ResultRest.tsx).
 */
export const loadResultRest = chunk(() => import('../routes/ResultRest.tsx'), 'This page')

/**
 * Every chunk above and the matcher: what the start page loads once it has settled, and the UI
 * tests first.
 */
export function loadPages(): Promise<unknown> {
  return Promise.all([loadViews(), loadResultRest(), loadMatcher()])
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

/** Resolves once the code of the page a link opens is here (at once for those of OWN_CODE). */
export function viewReady(hash: string): Promise<void> {
  if (OWN_CODE.test(hash)) return Promise.resolve()
  return loadViews().then(
    () => {},
    () => {},
  )
}
