/**
 * The pages other than the start page come in a chunk of their own (src/app/lazy-views.tsx):
 * a page whose code has not arrived shows a loading line, then itself; a failed load says what
 * happened and is tried again on the next visit. Each test imports the app afresh, so no code is
 * loaded yet.
 */
import { screen, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { MemoryRouter } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

// Importing the app afresh transforms its modules again: slower than the other UI tests.
vi.setConfig({ testTimeout: 20_000 })

async function freshApp() {
  vi.resetModules()
  const { AppRoutes } = await import('../../src/app/routes.tsx')
  const lazy = await import('../../src/app/lazy-views.tsx')
  return { AppRoutes, ...lazy }
}

// Rendered as in the browser, outside React's test scheduling (`act`), which retries a page that
// waited for its code only when the first render itself was awaited.
const roots: Root[] = []
function render(node: ReactNode) {
  const container = document.body.appendChild(document.createElement('div'))
  const root = createRoot(container)
  roots.push(root)
  root.render(node)
}

let actEnvironment: unknown
beforeEach(() => {
  const g = globalThis as { IS_REACT_ACT_ENVIRONMENT?: unknown }
  actEnvironment = g.IS_REACT_ACT_ENVIRONMENT
  g.IS_REACT_ACT_ENVIRONMENT = false
})

afterEach(() => {
  for (const root of roots.splice(0)) root.unmount()
  document.body.replaceChildren()
  ;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: unknown }).IS_REACT_ACT_ENVIRONMENT = actEnvironment
  vi.doUnmock('../../src/app/views.ts')
})

describe('pages whose code loads apart', () => {
  it('shows a loading line until the page has arrived, then the page', async () => {
    const { AppRoutes, loadViews } = await freshApp()
    render(
      <MemoryRouter initialEntries={['/kb']}>
        <AppRoutes />
      </MemoryRouter>,
    )
    expect(await screen.findByRole('status')).toHaveTextContent('Loading this page…')
    await loadViews()
    expect(await screen.findByRole('heading', { level: 1, name: 'Known problems' })).toBeVisible()
    expect(screen.queryByText('Loading this page…')).not.toBeInTheDocument()
  })

  it('renders a page whose code is here in the same render, with no loading line', async () => {
    const { AppRoutes, loadPages } = await freshApp()
    // (the pages' code, and the matcher's, which the knowledge base the page lists waits for)
    await loadPages()
    render(
      <MemoryRouter initialEntries={['/kb']}>
        <AppRoutes />
      </MemoryRouter>,
    )
    await waitFor(() => expect(screen.getByRole('main')).not.toBeEmptyDOMElement())
    expect(screen.getByRole('heading', { level: 1, name: 'Known problems' })).toBeVisible()
    expect(screen.queryByText('Loading this page…')).not.toBeInTheDocument()
  })

  it('says the page could not be loaded when its code does not arrive, and loads it again later', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    vi.resetModules()
    vi.doMock('../../src/app/views.ts', () => {
      throw new TypeError('Failed to fetch dynamically imported module')
    })
    const { AppRoutes } = await import('../../src/app/routes.tsx')
    const { loadViews } = await import('../../src/app/lazy-views.tsx')
    render(
      <MemoryRouter initialEntries={['/kb']}>
        <AppRoutes />
      </MemoryRouter>,
    )
    expect(
      await screen.findByRole('heading', { level: 1, name: 'This page could not be loaded' }),
    ).toBeVisible()
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeInTheDocument()
    // The connection is back: the next attempt loads the code instead of repeating the failure.
    vi.doUnmock('../../src/app/views.ts')
    expect(await loadViews()).toHaveProperty('EntriesRoute')
  })
})

describe('which links wait for the pages’ code before the first render', () => {
  it.each([
    ['', false],
    ['#/', false],
    ['#/?error=x', false],
    ['#/report', false],
    ['#/csv-check?x=1', false],
    ['#/result/some-entry', false],
    ['#/kb', true],
    ['#/questions/1', true],
    ['#/no-such-page', true],
  ])('%j waits: %s', async (hash, waits) => {
    const { viewReady } = await freshApp()
    const load = vi.fn()
    vi.doMock('../../src/app/views.ts', () => {
      load()
      return {}
    })
    await viewReady(hash)
    expect(load).toHaveBeenCalledTimes(waits ? 1 : 0)
  })
})
