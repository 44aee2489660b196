/** The engine's public surface. Plain TypeScript: no React, router, zustand or DOM. */
export { normalize, foldText } from './normalize.ts'
export type { Normalized, Token, ExtractedValues } from './normalize.ts'
export { buildIndex } from './build-index.ts'
export { rankCandidates } from './match.ts'
export { diagnose, prepare } from './diagnose.ts'
export { findEntry, findQuestion, failedConditions, applies } from './lookups.ts'
export type { Diagnosis, RuledOut, VerdictKind } from './diagnose.ts'
export {
  extractValues,
  fillTemplate,
  fillCsv,
  escapePowerShell,
  isComplete,
  placeholdersOf,
} from './values.ts'
export type { Values } from './values.ts'
export * from './types.ts'
export { MATCH_THRESHOLD, MAX_INPUT_CHARS } from './limits.ts'
