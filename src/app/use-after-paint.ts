import { startTransition, useEffect, useState } from 'react'

/** Longest wait for the paint: a tab in the background paints nothing and runs no frames. */
const PAINT_WAIT_MS = 500

/**
 * Calls `done` once the browser has painted what is on the page now (two frames, then a task),
 * or after PAINT_WAIT_MS; returns a function that cancels the call.
 */
export function afterNextPaint(done: () => void): () => void {
  let called = false
  const once = () => {
    if (called) return
    called = true
    cancel()
    done()
  }
  // The next frame's callback runs before that frame is painted; the one after it, once the
  // frame is on the screen.
  let frame = requestAnimationFrame(() => {
    frame = requestAnimationFrame(() => {
      afterFrame = window.setTimeout(once, 0)
    })
  })
  let afterFrame = 0
  const fallback = window.setTimeout(once, PAINT_WAIT_MS)
  function cancel() {
    cancelAnimationFrame(frame)
    clearTimeout(afterFrame)
    clearTimeout(fallback)
  }
  return cancel
}

/**
 * False in a component's first render, true from a render of its own once the browser has
 * painted that first one. A long page renders what the screen shows first and the rest after:
 * the top is not held up by building what is below it.
 */
export function useAfterPaint(): boolean {
  const [painted, setPainted] = useState(false)
  useEffect(() => afterNextPaint(() => startTransition(() => setPainted(true))), [])
  return painted
}
