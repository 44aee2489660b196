/**
 * Ranks entries against a normalised paste. Each signature scores the weighted share of its
 * word pairs found in the paste; an entry takes its best signature plus a bonus when another,
 * independent signature of the same entry is found too. Linear in the paste: every paste gram
 * is looked up once in the index.
 */
import {
  CLOSEST_FLOOR,
  CORROBORATION,
  SATISFY_COVERAGE,
  SATURATION_SHARE,
  SATURATION_WEIGHT,
  SPECIFICITY_FULL,
} from './limits.ts'
import type { Normalized, Token } from './normalize.ts'
import type { Candidate, Kb, SignatureEvidence, Span } from './types.ts'

export interface RankResult {
  /** Every entry that scored above CLOSEST_FLOOR, best first (ties: knowledge-base order). */
  candidates: Candidate[]
  /** entry id → questions the paste itself answers for that entry */
  satisfied: Map<string, Set<string>>
}

interface Hit {
  weight: number
  /** token positions in the content sequence that produced matched grams */
  positions: number[]
}

/**
 * Ranks the knowledge base's entries for a normalised paste.
 */
export function rankCandidates(kb: Kb, normalized: Normalized): RankResult {
  const content: Token[] = normalized.tokens.filter((t) => !t.noise)
  const firstAt = new Map<string, number>()
  const note = (gram: string, i: number) => {
    if (!firstAt.has(gram)) firstAt.set(gram, i)
  }
  for (let i = 0; i < content.length; i++) {
    const a = (content[i] as Token).t
    note(a, i)
    const b = content[i + 1]
    if (b) note(`${a} ${b.t}`, i)
    const c = content[i + 2]
    if (c) note(`${a} _ ${c.t}`, -1 - i)
  }

  const { signatures, postings } = kb.index
  const hits = new Map<number, Hit>()
  for (const [gram, at] of firstAt) {
    const list = postings[gram]
    if (!list) continue
    for (let k = 0; k + 1 < list.length; k += 2) {
      const s = list[k] as number
      const w = list[k + 1] as number
      let hit = hits.get(s)
      if (!hit) hits.set(s, (hit = { weight: 0, positions: [] }))
      hit.weight += w
      // Pairs cover two tokens; a pair over a placeholder covers the outer two (stored negated).
      if (at >= 0) {
        hit.positions.push(at)
        if (!gram.includes(' ')) continue
        hit.positions.push(at + 1)
      } else {
        hit.positions.push(-1 - at, 1 - at)
      }
    }
  }

  const byEntry = new Map<number, { score: number; positions: Set<number> }[]>()
  const evidence = new Map<number, SignatureEvidence[]>()
  const satisfied = new Map<string, Set<string>>()
  for (const [s, hit] of hits) {
    const sig = signatures[s]
    if (!sig) continue
    const entry = kb.entries[sig.entry]
    if (!entry) continue
    const coverage = sig.total > 0 ? Math.min(1, hit.weight / sig.total) : 0
    const saturated =
      sig.total > 0 ? Math.min(1, hit.weight / Math.min(sig.total, SATURATION_WEIGHT)) : 0
    // Short signatures cannot prove much: scale by how much wording they carry.
    const specificity = sig.kind === 'code' ? 1 : Math.min(1, sig.strength / SPECIFICITY_FULL)
    // An exception name or code alone is shared by many errors: it is capped well below a match.
    const found = SATURATION_SHARE * saturated + (1 - SATURATION_SHARE) * coverage
    const score = found * specificity * sig.cap
    const positions = new Set(hit.positions)
    ;(byEntry.get(sig.entry) ?? byEntry.set(sig.entry, []).get(sig.entry)!).push({
      score,
      positions,
    })
    ;(evidence.get(sig.entry) ?? evidence.set(sig.entry, []).get(sig.entry)!).push({
      signatureId: sig.id,
      coverage: round(coverage),
      spans: spansOf(positions, content),
    })
    if (coverage >= SATISFY_COVERAGE && sig.satisfies.length > 0) {
      const set = satisfied.get(entry.id) ?? new Set<string>()
      for (const q of sig.satisfies) set.add(q)
      satisfied.set(entry.id, set)
    }
  }

  const candidates: Candidate[] = []
  for (const [entryIndex, scores] of byEntry) {
    const entry = kb.entries[entryIndex]
    if (!entry) continue
    scores.sort((a, b) => b.score - a.score)
    const best = scores[0]
    if (!best) continue
    let score = best.score
    // Corroboration: the strongest other signature that points at different words of the paste.
    for (const other of scores.slice(1)) {
      let shared = 0
      for (const p of other.positions) if (best.positions.has(p)) shared++
      if (shared <= other.positions.size / 2) {
        score += CORROBORATION * (1 - score) * other.score
        break
      }
    }
    if (score < CLOSEST_FLOOR) continue
    const ev = (evidence.get(entryIndex) ?? []).sort((a, b) => b.coverage - a.coverage)
    candidates.push({ entryId: entry.id, score: round(score), evidence: ev })
  }
  const order = new Map(kb.entries.map((e, i) => [e.id, i]))
  // Fixed tie-break: higher score first, then the order of the knowledge base.
  candidates.sort(
    (a, b) => b.score - a.score || (order.get(a.entryId) ?? 0) - (order.get(b.entryId) ?? 0),
  )
  return { candidates, satisfied }
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000
}

/** Turns matched token positions into merged spans of the original text. */
function spansOf(positions: Set<number>, content: readonly Token[]): Span[] {
  const sorted = [...positions].filter((p) => p >= 0 && p < content.length).sort((a, b) => a - b)
  const spans: Span[] = []
  let run: Span | null = null
  let last = -2
  for (const p of sorted) {
    const tok = content[p] as Token
    if (run && p === last + 1) run.end = tok.end
    else {
      if (run) spans.push(run)
      run = { start: tok.start, end: tok.end }
    }
    last = p
  }
  if (run) spans.push(run)
  return spans
}
