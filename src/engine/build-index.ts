/**
 * Compiles the entries' signatures into a match index. Runs at build time (the Vite plugin and
 * the command line); the result is plain data, so the page does no indexing work on load.
 */
import { COMMON_WORDS } from './common-words.ts'
import { CODE_WEIGHT, MIN_SENTENCE_DISTINCT, SKIP_PAIR_WEIGHT, STOP_PAIR_WEIGHT } from './limits.ts'
import { normalize } from './normalize.ts'
import type { CompiledSignature, EntryHead, MatchIndex } from './types.ts'

/** Marks where a placeholder stood; chosen so no real text produces it. */
const HOLE = 'qqplaceholderqq'
export const PLACEHOLDER =
  /\{(mailbox|address|server|batch|database|domain|guid|endpoint|folder|tenant|any)\}/g

/** The comparable tokens of a signature, with `*` where a placeholder stands. */
export function signatureTokens(text: string): string[] {
  return normalize(text.replace(PLACEHOLDER, ` ${HOLE} `)).tokens.map((t) =>
    t.t === HOLE ? '*' : t.t,
  )
}

function pairWeight(a: string, b: string): number {
  return COMMON_WORDS.has(a) && COMMON_WORDS.has(b) ? STOP_PAIR_WEIGHT : 1
}

/** The grams of a token sequence with their weights, each gram once. */
export function gramsOf(
  tokens: readonly string[],
  kind: CompiledSignature['kind'],
): Map<string, number> {
  const grams = new Map<string, number>()
  if (kind === 'code' || tokens.length === 1) {
    for (const t of tokens) if (t !== '*') grams.set(t, kind === 'code' ? CODE_WEIGHT : 1)
    return grams
  }
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i] as string
    const b = tokens[i + 1] as string
    if (a === '*') continue
    if (b !== '*') {
      if (!grams.has(`${a} ${b}`)) grams.set(`${a} ${b}`, pairWeight(a, b))
    } else {
      const c = tokens[i + 2]
      if (c !== undefined && c !== '*' && !grams.has(`${a} _ ${c}`))
        grams.set(`${a} _ ${c}`, SKIP_PAIR_WEIGHT)
    }
  }
  return grams
}

/**
 * The sentences of a multi-sentence message. Each is indexed as a fragment of its own, so a paste
 * that starts or ends in the middle of a long message still matches on the sentences it has.
 */
export function sentencesOf(text: string): string[] {
  const sentences = text.split(/(?<=[.!?])\s+(?=[A-Z'"])/)
  if (sentences.length < 2) return []
  return sentences.filter((s) => {
    const words = new Set(signatureTokens(s).filter((t) => t !== '*' && !COMMON_WORDS.has(t)))
    return words.size >= MIN_SENTENCE_DISTINCT
  })
}

/** Builds the index for a list of entries. Pure: same entries in, same index out. */
export function buildIndex(entries: readonly Pick<EntryHead, 'signatures'>[]): MatchIndex {
  const signatures: CompiledSignature[] = []
  const postings: Record<string, number[]> = Object.create(null) as Record<string, number[]>
  const vocabulary = new Set<string>()
  entries.forEach((entry, entryIndex) => {
    for (const sig of entry.signatures) {
      const parts = [sig.text, ...(sig.kind === 'message' ? sentencesOf(sig.text) : [])]
      parts.forEach((text, part) => {
        const tokens = signatureTokens(text)
        for (const t of tokens) if (t !== '*' && !t.startsWith('<')) vocabulary.add(t)
        const grams = gramsOf(tokens, part === 0 ? sig.kind : 'fragment')
        const index = signatures.length
        const weights = [...grams.values()]
        signatures.push({
          entry: entryIndex,
          id: sig.id,
          part,
          kind: part === 0 ? sig.kind : 'fragment',
          total: weights.reduce((s, w) => s + w, 0),
          satisfies: sig.satisfies,
        })
        for (const [g, w] of grams) (postings[g] ??= []).push(index, w)
      })
    }
  })
  return { signatures, postings, vocabulary: [...vocabulary].sort() }
}
