/**
 * From a paste and the answers given so far to a verdict: which entries are still possible,
 * which question to ask next, and — when nothing fits — what came closest and why it was ruled out.
 */
import { LEAD_MARGIN, MATCH_THRESHOLD, MAX_CLOSEST } from './limits.ts'
import { failedConditions, findEntry, findQuestion } from './lookups.ts'
import { prepareRanking, rankCandidates } from './match.ts'
import { normalize, type Normalized } from './normalize.ts'
import {
  UNKNOWN,
  type Answers,
  type Candidate,
  type EntryHead,
  type Kb,
  type Question,
} from './types.ts'

export type VerdictKind = 'match' | 'ambiguous' | 'none'

export interface RuledOut {
  entryId: string
  score: number
  /** Plain-language reasons, one per failed condition or for too little matching text. */
  reasons: string[]
}

export interface Diagnosis {
  normalized: Normalized
  /** Every entry with some textual resemblance, best first. */
  candidates: Candidate[]
  /** Candidates at or above the match threshold that no answer has ruled out, best first. */
  live: Candidate[]
  verdict: VerdictKind
  /** The entry of a `match` verdict. */
  entryId: string | null
  /** The question to ask now, or null when asking more cannot change the outcome. */
  nextQuestion: Question | null
  /** A match whose every confirming question is answered or answered by the text itself. */
  confirmed: boolean
  /** Questions the paste itself answered for the leading entry. */
  answeredByText: string[]
  /** For `none` (and for transparency otherwise): close entries and why they do not fit. */
  closest: RuledOut[]
}

let vocabCache: { kb: Kb; set: Set<string> } | null = null
function vocabularyOf(kb: Kb): Set<string> {
  if (vocabCache?.kb !== kb) vocabCache = { kb, set: new Set(kb.index.vocabulary) }
  return vocabCache.set
}

/** Prepares what diagnosing needs (the vocabulary, the match lookup) ahead of the first paste. */
export function prepare(kb: Kb): void {
  vocabularyOf(kb)
  prepareRanking(kb)
}

/**
 * Diagnoses a paste given the answers so far. Total: any string in, a result out.
 */
export function diagnose(kb: Kb, text: string, answers: Answers = {}): Diagnosis {
  // Matching reads no PowerShell decoration: its tokens are not made at all (a 1 MB paste of
  // errors carries tens of thousands of them).
  const normalized = normalize(text, vocabularyOf(kb), { noiseTokens: false })
  const { candidates, satisfied } = rankCandidates(kb, normalized)
  return decide(kb, normalized, candidates, satisfied, answers)
}

/**
 * Diagnoses from a symptom instead of error text: the entries the user picked in the symptom
 * browser are the candidates, and the same questions confirm or rule them out.
 */
export function diagnoseBySymptom(
  kb: Kb,
  entryIds: readonly string[],
  answers: Answers = {},
): Diagnosis {
  const candidates: Candidate[] = entryIds
    .filter((id) => findEntry(kb, id))
    .map((entryId) => ({ entryId, score: 1, evidence: [] }))
  return decide(kb, normalize(''), candidates, new Map(), answers)
}

function decide(
  kb: Kb,
  normalized: Normalized,
  candidates: Candidate[],
  satisfied: Map<string, Set<string>>,
  answers: Answers,
): Diagnosis {
  const live: Candidate[] = []
  const closest: RuledOut[] = []
  for (const c of candidates) {
    const entry = findEntry(kb, c.entryId)
    if (!entry) continue
    const failed = failedConditions(kb, entry, answers)
    if (c.score >= MATCH_THRESHOLD && failed.length === 0) live.push(c)
    else
      closest.push({
        entryId: c.entryId,
        score: c.score,
        reasons: c.score >= MATCH_THRESHOLD ? failed : [textReason(entry, c), ...failed],
      })
  }

  const top = live[0]
  const contested = top ? live.filter((c) => top.score - c.score < LEAD_MARGIN) : []
  const leader = top && contested.length === 1 ? top : null
  const verdict: VerdictKind = !top ? 'none' : leader ? 'match' : 'ambiguous'

  let nextQuestion: Question | null = null
  let confirmed = false
  if (contested.length > 1) nextQuestion = bestSplit(kb, contested, answers, satisfied)
  if (!nextQuestion && leader) {
    const entry = findEntry(kb, leader.entryId)
    const known = satisfied.get(leader.entryId) ?? new Set<string>()
    if (entry) {
      const confirm = entry.conditions
        .filter((c) => c.role === 'confirm' && !known.has(c.question))
        .map((c) => c.question)
      confirmed = confirm.every((q) => answers[q] !== undefined && answers[q] !== UNKNOWN)
      const id = [...confirm, ...entry.tailoring].find((q) => answers[q] === undefined)
      nextQuestion = id ? (findQuestion(kb, id) ?? null) : null
    }
  }

  return {
    normalized,
    candidates,
    live,
    verdict,
    entryId: leader ? leader.entryId : null,
    nextQuestion,
    confirmed,
    answeredByText: top ? [...(satisfied.get(top.entryId) ?? [])] : [],
    closest: closest.slice(0, MAX_CLOSEST),
  }
}

/**
 * Among the questions the contested entries depend on, the one whose answers leave the fewest
 * entries on average. A question that leaves every option with the same entries cannot change
 * the outcome and is never asked. Ties go to the catalogue's order.
 */
function bestSplit(
  kb: Kb,
  contested: readonly Candidate[],
  answers: Answers,
  satisfied: Map<string, Set<string>>,
): Question | null {
  const entries = contested.map((c) => findEntry(kb, c.entryId)).filter((e): e is EntryHead => !!e)
  let best: { q: Question; cost: number } | null = null
  for (const q of kb.questions) {
    if (answers[q.id] !== undefined) continue
    const relevant = entries.some((e) => e.conditions.some((c) => c.question === q.id))
    if (!relevant) continue
    const outcomes = q.options.map((o) =>
      entries
        .filter((e) => {
          if (satisfied.get(e.id)?.has(q.id)) return true
          const c = e.conditions.find((x) => x.question === q.id)
          return !c || c.accept.includes(o.value)
        })
        .map((e) => e.id)
        .join('|'),
    )
    if (new Set(outcomes).size < 2) continue
    const cost = outcomes.reduce((s, o) => s + (o ? o.split('|').length : 0), 0) / outcomes.length
    if (!best || cost < best.cost) best = { q, cost }
  }
  return best?.q ?? null
}

/** Why an entry's text match falls short, in words a helpdesk person can check. */
function textReason(entry: EntryHead, c: Candidate): string {
  const best = c.evidence[0]
  const sig = entry.signatures.find((s) => s.id === best?.signatureId)
  if (!best || !sig) return 'None of its error text appears in your paste.'
  if (sig.kind === 'code')
    return `Only "${sig.text}" matched. That name or code is shared by many different errors, so it is not enough on its own.`
  const pct = Math.round(best.coverage * 100)
  return `Only part of its error text is in your paste (about ${pct}% of "${shorten(sig.text)}").`
}

function shorten(s: string): string {
  return s.length > 90 ? `${s.slice(0, 87)}…` : s
}
