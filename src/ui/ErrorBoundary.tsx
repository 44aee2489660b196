import { Component, type ReactNode } from 'react'

interface Props {
  children: ReactNode
  /** Changing it (the location) gives the page a fresh start after an error. */
  resetKey: string
}

interface State {
  failed: boolean
  key: string
}

/** A bug in one page shows a friendly message with a way back, never a blank screen. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, key: this.props.resetKey }

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true }
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { failed: false, key: props.resetKey } : null
  }

  override render() {
    if (!this.state.failed) return this.props.children
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
