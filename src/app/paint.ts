/** Longest wait for the first paint: a tab in the background paints nothing. */
const PAINT_WAIT_MS = 1000

let painted: Promise<void> | null = null

/**
 * Resolves once the page's first contentful paint is on the screen (the browser reports it), or
 * after PAINT_WAIT_MS where it is not reported. For work that must not hold up that paint: the
 * app's own script on the pre-rendered start page (main.tsx), the knowledge base's download.
 */
export function afterFirstPaint(): Promise<void> {
  painted ??= new Promise((resolve) => {
    const done = () => resolve()
    setTimeout(done, PAINT_WAIT_MS)
    try {
      const observer = new PerformanceObserver((list) => {
        if (list.getEntriesByName('first-contentful-paint').length === 0) return
        observer.disconnect()
        done()
      })
      observer.observe({ type: 'paint', buffered: true })
    } catch {
      // no paint timing in this browser: the timeout decides
    }
  })
  return painted
}
