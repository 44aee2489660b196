/**
 * Runs a triage in a Web Worker, with progress and cancel; where there is no Worker (tests,
 * old browsers) it runs in the page in slices, yielding between them so the page stays usable.
 */
import type { Kb } from '../engine/types.ts'
import type { Problem, ReportRow } from './parse.ts'
import { createTriage, type TriageResult } from './triage.ts'

export interface TriageRun {
  promise: Promise<TriageResult | null>
  /** Stops the run; the promise then resolves to null. */
  cancel: () => void
}

const SLICE = 200

export function runTriage(
  kb: Kb,
  rows: ReportRow[],
  problems: Problem[],
  onProgress: (done: number) => void,
): TriageRun {
  if (typeof Worker !== 'undefined') {
    let worker: Worker | null
    try {
      worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })
    } catch {
      worker = null
    }
    if (worker) {
      const w = worker
      let settle: (r: TriageResult | null) => void = () => {}
      const promise = new Promise<TriageResult | null>((resolve, reject) => {
        settle = resolve
        w.onmessage = (e: MessageEvent<{ type: string; done?: number; result?: TriageResult }>) => {
          if (e.data.type === 'progress') onProgress(e.data.done ?? 0)
          else if (e.data.type === 'done') {
            w.terminate()
            resolve(e.data.result ?? null)
          }
        }
        w.onerror = (e) => {
          w.terminate()
          reject(new Error(e.message || 'The triage worker failed.'))
        }
      })
      w.postMessage({ kb, rows, problems })
      return {
        promise,
        cancel: () => {
          w.terminate()
          settle(null)
        },
      }
    }
  }
  let cancelled = false
  const promise = (async () => {
    const t = createTriage(kb)
    for (let i = 0; i < rows.length; i += SLICE) {
      if (cancelled) return null
      for (const row of rows.slice(i, i + SLICE)) t.add(row)
      onProgress(Math.min(rows.length, i + SLICE))
      await new Promise((r) => setTimeout(r, 0))
    }
    return cancelled ? null : t.result(problems)
  })()
  return {
    promise,
    cancel: () => {
      cancelled = true
    },
  }
}
