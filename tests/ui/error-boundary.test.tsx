import { render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { LoadError } from '../../src/app/loads.ts'
import { ErrorBoundary } from '../../src/ui/ErrorBoundary.tsx'

/** A page that throws `error` as it renders, inside the boundary. */
function renderFailing(error: Error) {
  vi.spyOn(console, 'error').mockImplementation(() => {})
  function Failing(): never {
    throw error
  }
  render(
    <ErrorBoundary resetKey="/x">
      <Failing />
    </ErrorBoundary>,
  )
}

describe('the error boundary', () => {
  it('shows a friendly page with a way back instead of a blank screen', () => {
    renderFailing(new Error('boom'))
    expect(
      screen.getByRole('heading', { name: 'Something went wrong on this page' }),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Back to the start' })).toHaveAttribute('href', '#/')
  })

  it('tells a failed load (a connection problem, not a bug) apart, and offers a reload', () => {
    renderFailing(new LoadError('The details could not be loaded (HTTP 404).'))
    expect(
      screen.getByRole('heading', { name: 'This page could not be loaded' }),
    ).toBeInTheDocument()
    expect(screen.queryByText(/bug in the tool/)).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Back to the start' })).toHaveAttribute('href', '#/')
  })
})
