/**
 * Compiles the entries' signatures into a match index. Runs at build time (the Vite plugin and
 * the command line); the result is plain data, so the page does no indexing work on load.
 */
import { COMMON_WORDS } from './common-words.ts'
import {
  CODE_WEIGHT,
  MIN_SENTENCE_DISTINCT,
  SHARED_WORDING,
  SKIP_PAIR_WEIGHT,
  STOP_PAIR_WEIGHT,
  UNIQUE_CODE_WEIGHT,
} from './limits.ts'
import { normalize } from './normalize.ts'
import type { CompiledSignature, EntryHead, MatchIndex } from './types.ts'

/** Marks where a placeholder stood; chosen so no real text produces it. */
const HOLE = 'qqplaceholderqq'
export const PLACEHOLDER =
  /\{(mailbox|address|server|batch|database|domain|guid|endpoint|folder|tenant|any)\}/g

/** The comparable tokens of a signature, with `*` where a placeholder stands. */
export function signatureTokens(text: string): string[] {
  return normalize(text.replace(PLACEHOLDER, ` ${HOLE} `)).list.t.map((t) => (t === HOLE ? '*' : t))
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
  if (tokens.length === 1) {
    for (const t of tokens) if (t !== '*') grams.set(t, kind === 'code' ? CODE_WEIGHT : 1)
    return grams
  }
  if (kind === 'code') {
    // A code written in parts (CTTM-015, MMS-005) is the pair of its parts, not each part alone.
    for (let i = 0; i + 1 < tokens.length; i++)
      grams.set(`${tokens[i]} ${tokens[i + 1]}`, CODE_WEIGHT)
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
  // First pass: every signature's grams, and in how many entries each gram occurs.
  const compiled: {
    entry: number
    id: string
    part: number
    kind: CompiledSignature['kind']
    satisfies: string[]
    grams: Map<string, number>
  }[] = []
  const entriesWith = new Map<string, Set<number>>()
  const vocabulary = new Set<string>()
  entries.forEach((entry, entryIndex) => {
    for (const sig of entry.signatures) {
      const parts = [sig.text, ...(sig.kind === 'message' ? sentencesOf(sig.text) : [])]
      parts.forEach((text, part) => {
        const tokens = signatureTokens(text)
        for (const t of tokens) if (t !== '*' && !t.startsWith('<')) vocabulary.add(t)
        const kind = part === 0 ? sig.kind : 'fragment'
        const grams = gramsOf(tokens, kind)
        for (const g of grams.keys()) {
          const set = entriesWith.get(g) ?? new Set<number>()
          set.add(entryIndex)
          entriesWith.set(g, set)
        }
        compiled.push({
          entry: entryIndex,
          id: sig.id,
          part,
          kind,
          satisfies: sig.satisfies,
          grams,
        })
      })
    }
  })
  // Second pass: wording many entries share (boilerplate such as "Refer to documentation and
  // retry migration") tells them apart less than wording only one entry has.
  const signatures: CompiledSignature[] = []
  const postings: Record<string, number[]> = Object.create(null) as Record<string, number[]>
  for (const c of compiled) {
    const index = signatures.length
    let total = 0
    let strength = 0
    let ordinal = 0
    for (const [g, w] of c.grams) {
      strength += w
      const shared = entriesWith.get(g)?.size ?? 1
      const weight = Math.round((w / (1 + SHARED_WORDING * Math.log(shared))) * 1000) / 1000
      total += weight
      ;(postings[g] ??= []).push(index, weight, ordinal++)
    }
    signatures.push({
      entry: c.entry,
      id: c.id,
      part: c.part,
      kind: c.kind,
      total,
      strength: Math.round(strength * 1000) / 1000,
      cap:
        c.kind !== 'code'
          ? 1
          : [...c.grams.keys()].every((g) => (entriesWith.get(g)?.size ?? 1) === 1)
            ? UNIQUE_CODE_WEIGHT
            : CODE_WEIGHT,
      satisfies: c.satisfies,
    })
  }
  const words = [...vocabulary].sort()
  return {
    signatures,
    postings,
    vocabulary: words,
    common: words.filter((w) => COMMON_WORDS.has(w)),
  }
}
