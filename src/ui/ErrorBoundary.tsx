import { Component, type ReactNode } from 'react'
import { LoadError } from '../app/loads.ts'

interface Props {
  children: ReactNode
  /** Changing it (the location) gives the page a fresh start after an error. */
  resetKey: string
}

interface State {
  failed: boolean
  /** What failed was fetching something the page needs, not the tool's code. */
  loadFailed: boolean
  key: string
}

/** A bug in one page shows a friendly message with a way back, never a blank screen. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, loadFailed: false, key: this.props.resetKey }

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { failed: true, loadFailed: error instanceof LoadError }
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key
      ? { failed: false, loadFailed: false, key: props.resetKey }
      : null
  }

  override render() {
    if (!this.state.failed) return this.props.children
    if (this.state.loadFailed)
      return (
        <div role="alert">
          <h1>This page could not be loaded</h1>
          <p>
            Part of what it shows could not be fetched from the server: check your connection, then
            reload the page. Your text and answers are still kept in this tab.
          </p>
          <p>
            <button type="button" onClick={() => window.location.reload()}>
              Reload the page
            </button>{' '}
            <a href="#/">Back to the start</a>
          </p>
        </div>
      )
    return (
      <div role="alert">
        <h1>Something went wrong on this page</h1>
        <p>
          This is a bug in the tool, not something you did. Your text and answers are still kept in
          this tab.
        </p>
        <p>
          <a href="#/">Back to the start</a>
        </p>
      </div>
    )
  }
}
