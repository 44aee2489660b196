/**
 * One entry's file in the built app (scripts/kb-plugin.ts writes it, src/app/kb.ts reads it): what
 * a result page shows, so that a link to it needs nothing else in the common case.
 */
import type { EntryBody, EntryHead, Question } from '../engine/types.ts'

export interface EntryFile {
  /** What matching and the questions use. */
  head: EntryHead
  /** Cause, steps, commands, CSV fix, warnings, checks. */
  body: EntryBody
  /** The questions the entry refers to (its conditions, then what tailors its steps), in catalogue order. */
  questions: Question[]
}

/** The questions of the catalogue that `head` refers to, in catalogue order. */
export function entryQuestions(head: EntryHead, catalogue: readonly Question[]): Question[] {
  const ids = new Set([...head.conditions.map((c) => c.question), ...head.tailoring])
  return catalogue.filter((q) => ids.has(q.id))
}
