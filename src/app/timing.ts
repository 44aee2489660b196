/**
 * Paste → verdict, measured in the page with the User Timing API: a `paste` mark at the input
 * event, a `verdict` mark when the diagnosis of that text is committed to the page, and a
 * `paste-to-verdict` measure between them (its detail says how long the text was and what the
 * verdict was). Read them with `performance.getEntriesByName('paste-to-verdict')`; the
 * end-to-end test tests/e2e/speed.test.ts prints them. Measured, never asserted.
 */

export const PASTE_MARK = 'paste'
export const VERDICT_MARK = 'verdict'
export const PASTE_TO_VERDICT = 'paste-to-verdict'

export interface PasteToVerdictDetail {
  /** Characters in the text that was diagnosed. */
  chars: number
  verdict: string
  /** Whether the verdict waited for the knowledge base to arrive (the text came before it). */
  waitedForKb: boolean
}

/** Where the User Timing API is missing (jsdom), nothing is measured. */
const timing =
  typeof performance !== 'undefined' &&
  typeof performance.mark === 'function' &&
  typeof performance.measure === 'function'

/** Marks an input into the paste box; returns its time, or null where nothing is measured. */
export function markPaste(chars: number): number | null {
  if (!timing) return null
  try {
    return performance.mark(PASTE_MARK, { detail: { chars } }).startTime
  } catch {
    return null
  }
}

/** Marks the verdict on the page and measures from the paste mark taken at `start`. */
export function measureVerdict(start: number, detail: PasteToVerdictDetail): void {
  if (!timing) return
  try {
    const end = performance.mark(VERDICT_MARK, { detail }).startTime
    performance.measure(PASTE_TO_VERDICT, { start, end, detail })
    // Typing adds a pair of marks per key: keep only the measures.
    performance.clearMarks(PASTE_MARK)
    performance.clearMarks(VERDICT_MARK)
  } catch {
    // a browser without User Timing level 3: nothing is measured
  }
}
