/**
 * Lookups in the knowledge base that need no matching: an entry or a question by id, the answers
 * that rule an entry out, whether a step applies. Apart from the matcher (./diagnose.ts) so a page
 * that shows an entry without a paste to match (a result link) loads none of the matcher's code.
 */
import type { When } from '../content/schema.ts'
import { UNKNOWN, type Answers, type EntryHead, type Kb, type Question } from './types.ts'

/** Looks up a question by id. */
export function findQuestion(kb: Kb, id: string): Question | undefined {
  return kb.questions.find((q) => q.id === id)
}

const entryMaps = new WeakMap<Kb, Map<string, EntryHead>>()

/** Looks up an entry by id. */
export function findEntry(kb: Kb, id: string): EntryHead | undefined {
  let map = entryMaps.get(kb)
  if (!map) entryMaps.set(kb, (map = new Map(kb.entries.map((e) => [e.id, e]))))
  return map.get(id)
}

/** The reasons an entry's conditions are contradicted by the answers (empty: still possible). */
export function failedConditions(kb: Kb, entry: EntryHead, answers: Answers): string[] {
  const reasons: string[] = []
  for (const c of entry.conditions) {
    const a = answers[c.question]
    if (a === undefined || a === UNKNOWN || c.accept.includes(a)) continue
    const q = findQuestion(kb, c.question)
    const label = q?.options.find((o) => o.value === a)?.label ?? a
    reasons.push(`You answered "${label}" to "${q?.prompt ?? c.question}". ${c.why}`)
  }
  return reasons
}

/**
 * Whether a step or command applies given the answers: `yes`, `no`, or `maybe` when the
 * question was not answered or the answer was "I don't know" (then both variants are shown).
 */
export function applies(when: When | undefined, answers: Answers): 'yes' | 'no' | 'maybe' {
  if (!when) return 'yes'
  const a = answers[when.question]
  if (a === undefined || a === UNKNOWN) return 'maybe'
  return when.in.includes(a) ? 'yes' : 'no'
}
