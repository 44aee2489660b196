import { startTransition, useEffect, useState } from 'react'

/** Longest wait for the paint: a tab in the background paints nothing and runs no frames. */
const PAINT_WAIT_MS = 500

/**
 * False in a component's first render, true from a render of its own once the browser has
 * painted that first one (a frame, then a task after it). A long page renders what the screen
 * shows first and the rest after: the top is not held up by building what is below it.
 */
export function useAfterPaint(): boolean {
  const [painted, setPainted] = useState(false)
  useEffect(() => {
    const done = () => startTransition(() => setPainted(true))
    let afterFrame = 0
    const frame = requestAnimationFrame(() => {
      afterFrame = window.setTimeout(done, 0)
    })
    const fallback = window.setTimeout(done, PAINT_WAIT_MS)
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(afterFrame)
      clearTimeout(fallback)
    }
  }, [])
  return painted
}
