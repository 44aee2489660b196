/**
 * The UI tests' way in: the app's real route table on a memory router, at `path`, with the other
 * pages' code already loaded, as the app has it once its start page has settled (src/main.tsx).
 * tests/app/lazy-views.test.tsx covers a page whose code has not arrived yet.
 */
import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router'
import { loadPages } from '../../src/app/lazy-views.tsx'
import { AppRoutes } from '../../src/app/routes.tsx'

await loadPages()

export function renderApp(path = '/') {
  const user = userEvent.setup()
  render(
    <MemoryRouter initialEntries={[path]}>
      <AppRoutes />
    </MemoryRouter>,
  )
  return user
}
