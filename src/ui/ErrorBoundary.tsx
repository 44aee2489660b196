import { Component, type ReactNode } from 'react'
import { LoadError } from '../app/loads.ts'

interface Props {
  children: ReactNode
  /** Changing it (the location) gives the page a fresh start after an error. */
  resetKey: string
}

interface State {
  /** What went wrong: a bug in the tool, or fetching something the page needs. */
  failed: null | 'bug' | 'load'
  key: string
}

/** A bug in one page shows a friendly message with a way back, never a blank screen. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: null, key: this.props.resetKey }

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { failed: error instanceof LoadError ? 'load' : 'bug' }
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { failed: null, key: props.resetKey } : null
  }

  override render() {
    const { failed } = this.state
    if (!failed) return this.props.children
    const load = failed === 'load'
    return (
      <div role="alert">
        <h1>{load ? 'This page could not be loaded' : 'Something went wrong on this page'}</h1>
        <p>
          {load
            ? 'Part of what it shows could not be fetched from the server: check your connection, then reload the page.'
            : 'This is a bug in the tool, not something you did.'}{' '}
          Your text and answers are still kept in this tab.
        </p>
        <p>
          {load && (
            <>
              <button type="button" onClick={() => window.location.reload()}>
                Reload the page
              </button>{' '}
            </>
          )}
          <a href="#/">Back to the start</a>
        </p>
      </div>
    )
  }
}
