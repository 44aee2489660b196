// @vitest-environment node
/**
 * The ranker scores in full only the entries that can be listed (docs/decisions/0012). These
 * tests hold it to a plain, unpruned reading of the same scoring rules: every signature scored,
 * every entry ranked, then the list cut the way the ranker's contract says (every entry at or
 * above the match threshold, then the MAX_LISTED best below it). Both must give the same
 * entries, scores, order, evidence and answered questions, on the real knowledge base and on a
 * generated one large enough for pruning to matter.
 */
import { describe, expect, it } from 'vitest'
import { generated, readJsonl } from '../../scripts/noisy.ts'
import { syntheticKb } from '../../scripts/synthetic.ts'
import { loadKb } from '../../src/content/compile.ts'
import { buildIndex } from '../../src/engine/build-index.ts'
import {
  CLOSEST_FLOOR,
  CORROBORATION,
  CUT_WORDING,
  MATCH_THRESHOLD,
  MAX_LISTED,
  SATISFY_COVERAGE,
  SATURATION_SHARE,
  SATURATION_WEIGHT,
  SPECIFICITY_FULL,
} from '../../src/engine/limits.ts'
import { rankCandidates } from '../../src/engine/match.ts'
import { normalize, type Token } from '../../src/engine/normalize.ts'
import type { Kb } from '../../src/engine/types.ts'

interface Gram {
  gram: string
  weight: number
  ordinal: number
}

const signatureGrams = new WeakMap<Kb, Map<number, Gram[]>>()

/** Each signature's grams, read back from the index's postings. */
function gramsBySignature(kb: Kb): Map<number, Gram[]> {
  let bySignature = signatureGrams.get(kb)
  if (bySignature) return bySignature
  bySignature = new Map()
  for (const [gram, list] of Object.entries(kb.index.postings))
    for (let k = 0; k + 2 < list.length; k += 3) {
      const s = list[k] as number
      const grams = bySignature.get(s) ?? []
      grams.push({ gram, weight: list[k + 1] as number, ordinal: list[k + 2] as number })
      bySignature.set(s, grams)
    }
  signatureGrams.set(kb, bySignature)
  return bySignature
}

/** The plain reading: no typed arrays, no bounds, no pruning. */
function plainRank(kb: Kb, text: string, vocabulary: Set<string>) {
  const normalized = normalize(text, vocabulary)
  const content = normalized.tokens.filter((t) => !t.noise)
  // Paste grams at their first position, in scan order; a pair over one word stored negated.
  const at = new Map<string, number>()
  const order = new Map<string, number>()
  const see = (g: string, p: number) => {
    if (!at.has(g) && g in kb.index.postings) {
      at.set(g, p)
      order.set(g, order.size)
    }
  }
  content.forEach((t, i) => {
    see(t.t, i)
    const b = content[i + 1]
    if (b) see(`${t.t} ${b.t}`, i)
    const c = content[i + 2]
    if (c) see(`${t.t} _ ${c.t}`, -1 - i)
  })
  const span = (g: string): [number, number] => {
    const p = at.get(g) as number
    if (p < 0) return [-1 - p, 1 - p]
    return [p, g.includes(' ') ? p + 1 : p]
  }
  const positions = (grams: Gram[]) => {
    const set = new Set<number>()
    for (const { gram } of grams) {
      if (!at.has(gram)) continue
      const [a, b] = span(gram)
      set.add(a)
      set.add(b)
    }
    return set
  }

  const bySignature = gramsBySignature(kb)

  // An ellipsis cuts after the last token ending before it, and before the first token after it.
  const endOf = (p: number) => (content[p] as Token).end
  const cutAfter = (p: number) =>
    p >= 0 &&
    p < content.length &&
    normalized.cuts.some((c) => endOf(p) <= c && (p + 1 >= content.length || endOf(p + 1) > c))
  const cutBefore = (p: number) =>
    p >= 0 &&
    p < content.length &&
    normalized.cuts.some((c) => endOf(p) > c && (p === 0 || endOf(p - 1) <= c))
  type Hit = { s: number; score: number; coverage: number; found: number; first: number }
  const hitsOf = new Map<number, Hit[]>()
  kb.index.signatures.forEach((sig, s) => {
    const grams = bySignature.get(s) ?? []
    const matched = grams.filter((g) => at.has(g.gram))
    if (matched.length === 0) return
    const found = matched.reduce((sum, g) => sum + Math.round(g.weight * 1000), 0)
    let total = sig.total
    const firstGram = matched.reduce((a, b) => (b.ordinal < a.ordinal ? b : a))
    const lastGram = matched.reduce((a, b) => (b.ordinal > a.ordinal ? b : a))
    const [from] = span(firstGram.gram)
    const [, to] = span(lastGram.gram)
    const tail = cutAfter(to) || cutAfter(to + 1)
    const head = cutBefore(from) || (from > 0 && cutBefore(from - 1))
    const hidden = grams
      .filter(
        (g) => (tail && g.ordinal > lastGram.ordinal) || (head && g.ordinal < firstGram.ordinal),
      )
      .reduce((sum, g) => sum + Math.round(g.weight * 1000), 0)
    total -= ((1 - CUT_WORDING) * hidden) / 1000
    const w = found / 1000
    const coverage = total > 0 ? Math.min(1, w / total) : 0
    const saturated = total > 0 ? Math.min(1, w / Math.min(total, SATURATION_WEIGHT)) : 0
    const specificity = sig.kind === 'code' ? 1 : Math.min(1, sig.strength / SPECIFICITY_FULL)
    const own = sig.part > 0 && sig.strength > 0 ? Math.min(1, sig.total / sig.strength) : 1
    const score =
      (SATURATION_SHARE * saturated + (1 - SATURATION_SHARE) * coverage) *
      specificity *
      sig.cap *
      own
    const first = Math.min(...matched.map((g) => order.get(g.gram) as number))
    const hits = hitsOf.get(sig.entry) ?? []
    hits.push({ s, score, coverage, found, first })
    hitsOf.set(sig.entry, hits)
  })

  const round = (n: number) => Math.round(n * 1000) / 1000
  const ranked = [...hitsOf].map(([entry, hits]) => {
    hits.sort((a, b) => a.first - b.first || a.s - b.s)
    const scores = hits.slice().sort((a, b) => b.score - a.score)
    const top = scores[0] as Hit
    let score = top.score
    const mine = positions(bySignature.get(top.s) ?? [])
    for (const other of scores.slice(1)) {
      const theirs = positions(bySignature.get(other.s) ?? [])
      const shared = [...theirs].filter((p) => mine.has(p)).length
      if (shared <= theirs.size / 2) {
        score += CORROBORATION * (1 - score) * other.score
        break
      }
    }
    return { entry, score: round(score), found: top.found, hits }
  })
  ranked.sort((a, b) => b.score - a.score || b.found - a.found || a.entry - b.entry)
  let below = 0
  const reached = ranked.filter((r) => r.score >= CLOSEST_FLOOR)
  const listed = reached
    .filter((r) => r.score >= MATCH_THRESHOLD || ++below <= MAX_LISTED)
    .map((r) => ({
      entryId: kb.entries[r.entry]?.id,
      score: r.score,
      evidence: r.hits
        .map((h) => ({
          signatureId: kb.index.signatures[h.s]?.id,
          coverage: round(h.coverage),
          positions: [...positions(bySignature.get(h.s) ?? [])].sort((a, b) => a - b),
        }))
        .sort((a, b) => b.coverage - a.coverage)
        .map(({ signatureId, coverage }) => ({ signatureId, coverage })),
      satisfied: [
        ...new Set(
          r.hits
            .filter((h) => h.coverage >= SATISFY_COVERAGE)
            .flatMap((h) => kb.index.signatures[h.s]?.satisfies ?? []),
        ),
      ].sort(),
    }))
  return { listed, reached: reached.length }
}

function fastRank(kb: Kb, text: string, vocabulary: Set<string>) {
  const { candidates, satisfied } = rankCandidates(kb, normalize(text, vocabulary))
  return candidates.map((c) => ({
    entryId: c.entryId,
    score: c.score,
    evidence: c.evidence.map(({ signatureId, coverage }) => ({ signatureId, coverage })),
    satisfied: [...(satisfied.get(c.entryId) ?? [])].sort(),
  }))
}

describe('ranking scores in full only what can be listed, and loses nothing by it', () => {
  it('on the real knowledge base: generated, hand-written and unrelated pastes, whole and cut', () => {
    const kb = loadKb()
    const vocabulary = new Set(kb.index.vocabulary)
    const texts = [
      ...generated(kb, 2),
      ...readJsonl('tests/eval/corpus.jsonl', 'corpus'),
      ...readJsonl('tests/eval/negatives.jsonl', 'negative'),
    ].map((c) => c.text)
    for (const e of kb.full)
      for (const s of e.samples) texts.push(`${s.slice(0, 60)}…`, `…${s.slice(30)}`, s.slice(0, 25))
    let compared = 0
    for (const text of texts) {
      expect(fastRank(kb, text, vocabulary), text).toEqual(plainRank(kb, text, vocabulary).listed)
      compared++
    }
    expect(compared).toBeGreaterThan(1000)
  }, 120_000)

  it('on a generated knowledge base of 2,000 messages, where most entries share wording', () => {
    const { entries, queries, vocabulary } = syntheticKb(2000, 150, 7)
    const kb: Kb = { entries, questions: [], index: buildIndex(entries) }
    let pruned = 0
    for (const { text } of queries) {
      const plain = plainRank(kb, text, vocabulary)
      expect(fastRank(kb, text, vocabulary), text).toEqual(plain.listed)
      if (plain.reached > plain.listed.length + 100) pruned++
    }
    // Most pastes reach far more entries than are listed: the pruning was exercised.
    expect(pruned).toBeGreaterThan(100)
  }, 120_000)
})
