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
import { COMMON_WORDS } from '../../src/engine/common-words.ts'
import {
  CLOSEST_FLOOR,
  CORROBORATION,
  MATCH_THRESHOLD,
  MAX_LISTED,
  PLACEHOLDER_TOKENS,
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
  // An ellipsis cuts after the last token ending before it, and before the first token after it.
  const endOf = (p: number) => (content[p] as Token).end
  const cutsAfter = (p: number) =>
    p >= 0 && p < content.length
      ? normalized.cuts.filter(
          (c) => endOf(p) <= c && (p + 1 >= content.length || endOf(p + 1) > c),
        )
      : []
  const cutAfter = (p: number) => cutsAfter(p).length > 0
  // Only an ellipsis with no more words after it on its line can hide the end of a message.
  const endingCutAfter = (p: number) =>
    cutsAfter(p).some(
      (c) =>
        p + 1 >= content.length ||
        !/^[^\n]*$/.test(normalized.text.slice(c, (content[p + 1] as Token).start)),
    )
  const cutBefore = (p: number) =>
    p >= 0 &&
    p < content.length &&
    normalized.cuts.some((c) => endOf(p) > c && (p === 0 || endOf(p - 1) <= c))
  // A value filled into a placeholder: one token of any kind, or up to PLACEHOLDER_TOKENS words
  // that are not common words, machine ids and numbers.
  const valueWord = (t: Token | undefined) =>
    t !== undefined &&
    (t.kind === 'word'
      ? !(COMMON_WORDS.has(t.t) && kb.index.vocabulary.includes(t.t))
      : t.kind === 'number' || t.t === '<id>')
  const isValue = (from: number, length: number) =>
    length === 1 ||
    (length <= PLACEHOLDER_TOKENS && content.slice(from, from + length).every(valueWord))
  // Paste grams at their first place (the positions of their first and last word), in scan
  // order: at each position the word, the pair, then pairs over values one, two, … tokens long;
  // no pair spans a cut.
  const at = new Map<string, [number, number]>()
  const order = new Map<string, number>()
  const see = (g: string, from: number, to: number) => {
    if (!at.has(g) && g in kb.index.postings) {
      at.set(g, [from, to])
      order.set(g, order.size)
    }
  }
  const uncut = (i: number, j: number) =>
    !Array.from({ length: j - i }, (_, d) => i + d).some(cutAfter)
  content.forEach((t, i) => {
    see(t.t, i, i)
    const b = content[i + 1]
    if (b && uncut(i, i + 1)) see(`${t.t} ${b.t}`, i, i + 1)
    for (let j = i + 2; j < content.length && isValue(i + 1, j - i - 1) && uncut(i, j); j++)
      see(`${t.t} _ ${(content[j] as Token).t}`, i, j)
  })
  const span = (g: string): [number, number] => at.get(g) as [number, number]
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

  // Tokens between a token and the next cut after it / the last cut before it.
  const tokensToCut = (p: number, step: 1 | -1) => {
    for (let d = 0; p + step * d >= 0 && p + step * d < content.length; d++)
      if (step === 1 ? endingCutAfter(p + d) : cutBefore(p - d)) return d
    return Infinity
  }
  const wordsOf = (gram: string) => gram.split(' ')
  const allValueWords = (from: number, length: number) =>
    length <= PLACEHOLDER_TOKENS && content.slice(from, from + length).every(valueWord)
  type Hit = { s: number; score: number; coverage: number; found: number; first: number }
  const hitsOf = new Map<number, Hit[]>()
  kb.index.signatures.forEach((sig, s) => {
    const grams = bySignature.get(s) ?? []
    const matched = grams.filter((g) => at.has(g.gram))
    if (matched.length === 0) return
    const found = matched.reduce((sum, g) => sum + Math.round(g.weight * 1000), 0)
    let total = sig.total
    // The grams found first and last in the paste (on the same word, the earlier / later in the
    // signature), and the signature's grams next to them.
    const firstGram = matched.reduce((a, b) => {
      const [fa, fb] = [span(a.gram)[0], span(b.gram)[0]]
      return fb < fa || (fb === fa && b.ordinal < a.ordinal) ? b : a
    })
    const lastGram = matched.reduce((a, b) => {
      const [ta, tb] = [span(a.gram)[1], span(b.gram)[1]]
      return tb > ta || (tb === ta && b.ordinal > a.ordinal) ? b : a
    })
    const [from] = span(firstGram.gram)
    const [, to] = span(lastGram.gram)
    const next = grams.find((g) => g.ordinal === lastGram.ordinal + 1)
    const prev = grams.find((g) => g.ordinal === firstGram.ordinal - 1)
    // Tokens between the words found and the cut: none; a half of the signature's next word; or,
    // where a placeholder comes next, its value (its last token maybe cut), or a value of one
    // token and such a half word. The same the other way round before the first word found.
    let tail = false
    if (next) {
      const between = tokensToCut(to, 1)
      const word = wordsOf(next.gram).at(-1) as string
      const half = () => word.startsWith((content[to + between] as Token).t)
      tail =
        between === 0 ||
        (next.gram.includes(' _ ')
          ? between === 1 || allValueWords(to + 1, between - 1) || (between === 2 && half())
          : between === 1 && half())
    }
    let head = false
    if (prev) {
      const between = tokensToCut(from, -1)
      const word = wordsOf(prev.gram)[0] as string
      const half = () => word.endsWith((content[from - between] as Token).t)
      head =
        between === 0 ||
        (prev.gram.includes(' _ ')
          ? between === 1 ||
            allValueWords(from - between + 1, between - 1) ||
            (between === 2 && half())
          : between === 1 && half())
    }
    // Hidden wording is neither found nor missing, and the signature is only as specific as its
    // strength in proportion to the share of its wording left in view.
    const hiddenGrams = grams.filter(
      (g) =>
        !at.has(g.gram) &&
        ((tail && g.ordinal > lastGram.ordinal) || (head && g.ordinal < firstGram.ordinal)),
    )
    const hidden = hiddenGrams.reduce((sum, g) => sum + Math.round(g.weight * 1000), 0)
    total -= hidden / 1000
    const w = found / 1000
    const coverage = total > 0 ? Math.min(1, w / total) : 0
    const saturated = total > 0 ? Math.min(1, w / Math.min(total, SATURATION_WEIGHT)) : 0
    const specificity =
      sig.kind === 'code'
        ? 1
        : hidden > 0
          ? Math.min(1, (sig.strength / SPECIFICITY_FULL) * (total / sig.total))
          : Math.min(1, sig.strength / SPECIFICITY_FULL)
    const own = sig.part > 0 && sig.strength > 0 ? Math.min(1, sig.total / sig.strength) : 1
    const score =
      (SATURATION_SHARE * saturated + (1 - SATURATION_SHARE) * coverage) *
      (specificity * (sig.cap * own))
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
