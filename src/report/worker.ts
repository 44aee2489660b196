/** Triage off the main thread: the knowledge base and the rows come in one message. */
import type { Kb } from '../engine/types.ts'
import type { Problem, ReportRow } from './parse.ts'
import { triage } from './triage.ts'

export interface TriageRequest {
  kb: Kb
  rows: ReportRow[]
  problems: Problem[]
}

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<TriageRequest>) => void) | null
  postMessage: (message: unknown) => void
}

scope.onmessage = (e) => {
  const { kb, rows, problems } = e.data
  const result = triage(kb, rows, problems, (done) => scope.postMessage({ type: 'progress', done }))
  scope.postMessage({ type: 'done', result })
}
