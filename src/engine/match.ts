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
import type { Candidate, CompiledSignature, Kb, SignatureEvidence, Span } from './types.ts'

export interface RankResult {
  /** Every entry that scored above CLOSEST_FLOOR, best first (ties: knowledge-base order). */
  candidates: Candidate[]
  /** entry id → questions the paste itself answers for that entry */
  satisfied: Map<string, Set<string>>
}

/** The index's grams, looked up by their words so a paste builds no gram strings. */
interface Lookup {
  single: Map<string, number>
  pairs: Map<string, Map<string, number>>
  skips: Map<string, Map<string, number>>
  /** gram id → flat `[signature index, weight, …]` (the index's own arrays) */
  lists: number[][]
  /** gram id → 0 single word, 1 pair, 2 pair over a placeholder */
  kinds: Uint8Array
  /** signature index → ids of its grams */
  sigGrams: number[][]
  /** per-gram stamp (the query that last saw the gram) and where the paste first has it */
  gramSeen: Int32Array
  gramAt: Int32Array
  /** per-signature stamp and summed weight */
  sigSeen: Int32Array
  weight: Float64Array
  query: number
}

const lookups = new WeakMap<object, Lookup>()

function lookupOf(index: Kb['index']): Lookup {
  let l = lookups.get(index)
  if (l) return l
  const single = new Map<string, number>()
  const pairs = new Map<string, Map<string, number>>()
  const skips = new Map<string, Map<string, number>>()
  const lists: number[][] = []
  const kinds: number[] = []
  const sigGrams: number[][] = index.signatures.map(() => [])
  const add = (to: Map<string, Map<string, number>>, a: string, b: string, id: number) => {
    let m = to.get(a)
    if (!m) to.set(a, (m = new Map()))
    m.set(b, id)
  }
  for (const gram of Object.keys(index.postings)) {
    const list = index.postings[gram]
    if (!Array.isArray(list)) continue
    const parts = gram.split(' ')
    const id = lists.length
    if (parts.length === 1) single.set(gram, id)
    else if (parts.length === 2) add(pairs, parts[0] as string, parts[1] as string, id)
    else if (parts.length === 3 && parts[1] === '_')
      add(skips, parts[0] as string, parts[2] as string, id)
    else continue
    lists.push(list)
    kinds.push(parts.length === 1 ? 0 : parts.length === 2 ? 1 : 2)
    for (let k = 0; k < list.length; k += 2) (sigGrams[list[k] as number] ??= []).push(id)
  }
  l = {
    single,
    pairs,
    skips,
    lists,
    kinds: Uint8Array.from(kinds),
    sigGrams,
    gramSeen: new Int32Array(lists.length),
    gramAt: new Int32Array(lists.length),
    sigSeen: new Int32Array(sigGrams.length),
    weight: new Float64Array(sigGrams.length),
    query: 0,
  }
  lookups.set(index, l)
  return l
}

const orders = new WeakMap<object, Map<string, number>>()

/**
 * Ranks the knowledge base's entries for a normalised paste.
 */
export function rankCandidates(kb: Kb, normalized: Normalized): RankResult {
  const content: Token[] = normalized.tokens.filter((t) => !t.noise)
  const l = lookupOf(kb.index)
  // Query stamps mark what this query has seen without clearing arrays between queries.
  if (l.query >= 0x7ffffff0) {
    l.gramSeen.fill(0)
    l.sigSeen.fill(0)
    l.query = 0
  }
  const q = ++l.query
  // The index's grams in the paste, each once at its first position, in the order a scan of
  // the paste meets them (single word, pair, pair over one word at each position).
  const grams: number[] = []
  const note = (id: number | undefined, at: number) => {
    if (id !== undefined && l.gramSeen[id] !== q) {
      l.gramSeen[id] = q
      l.gramAt[id] = at
      grams.push(id)
    }
  }
  for (let i = 0; i < content.length; i++) {
    const a = (content[i] as Token).t
    note(l.single.get(a), i)
    const b = content[i + 1]
    if (b) {
      const m = l.pairs.get(a)
      if (m) note(m.get(b.t), i)
    }
    const c = content[i + 2]
    if (c) {
      const m = l.skips.get(a)
      if (m) note(m.get(c.t), -1 - i)
    }
  }

  const { signatures } = kb.index
  const hitOrder: number[] = []
  for (const id of grams) {
    const list = l.lists[id] as number[]
    for (let k = 0; k + 1 < list.length; k += 2) {
      const s = list[k] as number
      if (l.sigSeen[s] !== q) {
        l.sigSeen[s] = q
        l.weight[s] = 0
        hitOrder.push(s)
      }
      l.weight[s] = (l.weight[s] as number) + (list[k + 1] as number)
    }
  }

  // Token positions of the grams a signature shares with the paste. Pairs cover two tokens; a
  // pair over a placeholder covers the outer two (its position is stored negated).
  const visitPositions = (
    s: number,
    atOf: (gram: number) => number | undefined,
    visit: (p: number) => void,
  ) => {
    for (const g of l.sigGrams[s] ?? []) {
      const at = atOf(g)
      if (at === undefined) continue
      if (at >= 0) {
        visit(at)
        if (l.kinds[g] !== 0) visit(at + 1)
      } else {
        visit(-1 - at)
        visit(1 - at)
      }
    }
  }
  const atNow = (g: number) => (l.gramSeen[g] === q ? (l.gramAt[g] as number) : undefined)
  // Evidence is read after this call returns, when the stamps may belong to a later paste.
  let atByGram: Map<number, number> | undefined
  const atLater = (g: number) =>
    (atByGram ??= new Map(grams.map((id) => [id, l.gramAt[id] as number]))).get(g)
  const positionsOf = (s: number): Set<number> => {
    const set = new Set<number>()
    visitPositions(s, atLater, (p) => set.add(p))
    return set
  }

  const byEntry = new Map<number, { score: number; s: number; coverage: number }[]>()
  const satisfied = new Map<string, Set<string>>()
  for (const s of hitOrder) {
    const sig = signatures[s]
    if (!sig) continue
    const entry = kb.entries[sig.entry]
    if (!entry) continue
    const weight = l.weight[s] as number
    const coverage = sig.total > 0 ? Math.min(1, weight / sig.total) : 0
    const saturated =
      sig.total > 0 ? Math.min(1, weight / Math.min(sig.total, SATURATION_WEIGHT)) : 0
    // Short signatures cannot prove much: scale by how much wording they carry.
    const specificity = sig.kind === 'code' ? 1 : Math.min(1, sig.strength / SPECIFICITY_FULL)
    // An exception name or code alone is shared by many errors: it is capped well below a match.
    const found = SATURATION_SHARE * saturated + (1 - SATURATION_SHARE) * coverage
    // A sentence taken out of a longer message counts only as far as its wording is its own:
    // a sentence many entries share (boilerplate) cannot by itself make any one of them first.
    const own = sig.part > 0 && sig.strength > 0 ? Math.min(1, sig.total / sig.strength) : 1
    const score = found * specificity * sig.cap * own
    ;(byEntry.get(sig.entry) ?? byEntry.set(sig.entry, []).get(sig.entry)!).push({
      score,
      s,
      coverage,
    })
    if (coverage >= SATISFY_COVERAGE && sig.satisfies.length > 0) {
      const set = satisfied.get(entry.id) ?? new Set<string>()
      for (const question of sig.satisfies) set.add(question)
      satisfied.set(entry.id, set)
    }
  }

  // Marks for comparing two signatures' positions without building sets: mark[p] === stamp.
  const bestMark = new Int32Array(content.length + 2)
  const otherMark = new Int32Array(content.length + 2)
  let stamp = 0

  const candidates: Candidate[] = []
  for (const [entryIndex, hits] of byEntry) {
    const entry = kb.entries[entryIndex]
    if (!entry) continue
    const scores = hits.length > 1 ? hits.slice().sort((a, b) => b.score - a.score) : hits
    const best = scores[0]
    if (!best) continue
    let score = best.score
    // Corroboration: the strongest other signature that points at different words of the paste.
    if (scores.length > 1) {
      const bestStamp = ++stamp
      visitPositions(best.s, atNow, (p) => (bestMark[p] = bestStamp))
      for (let k = 1; k < scores.length; k++) {
        const other = scores[k] as (typeof scores)[number]
        const otherStamp = ++stamp
        let shared = 0
        let size = 0
        visitPositions(other.s, atNow, (p) => {
          if (otherMark[p] === otherStamp) return
          otherMark[p] = otherStamp
          size++
          if (bestMark[p] === bestStamp) shared++
        })
        if (shared <= size / 2) {
          score += CORROBORATION * (1 - score) * other.score
          break
        }
      }
    }
    if (score < CLOSEST_FLOOR) continue
    // Evidence (which words of the paste matched) is worked out when first read: a page shows it
    // for a few candidates, while a large knowledge base can give thousands.
    let evidence: SignatureEvidence[] | undefined
    const candidate: Candidate = {
      entryId: entry.id,
      score: round(score),
      get evidence() {
        return (evidence ??= hits
          .map((h) => ({
            signatureId: (signatures[h.s] as CompiledSignature).id,
            coverage: round(h.coverage),
            spans: spansOf(positionsOf(h.s), content),
          }))
          .sort((a, b) => b.coverage - a.coverage))
      },
      set evidence(value: SignatureEvidence[]) {
        evidence = value
      },
    }
    candidates.push(candidate)
  }
  let order = orders.get(kb.entries)
  if (!order) orders.set(kb.entries, (order = new Map(kb.entries.map((e, i) => [e.id, i]))))
  const rank = order
  // Fixed tie-break: higher score first, then the order of the knowledge base.
  const ranked = candidates.map((c) => ({ c, at: rank.get(c.entryId) ?? 0 }))
  ranked.sort((a, b) => b.c.score - a.c.score || a.at - b.at)
  return { candidates: ranked.map((r) => r.c), satisfied }
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
