/** Shapes shared by the engine, the content compiler and the shells around them. */
import type { Entry, Question } from '../content/schema.ts'

export type { Entry, Question }

/** What matching and the questions need of an entry; shipped with the page. */
export type EntryHead = Pick<
  Entry,
  | 'id'
  | 'title'
  | 'summary'
  | 'migrationType'
  | 'sources'
  | 'signatures'
  | 'symptoms'
  | 'conditions'
  | 'values'
> & {
  /** Questions the entry's steps and commands depend on, in order of first use. */
  tailoring: string[]
  /** One sample paste, for the examples on the start page (null for symptom-only entries). */
  example: string | null
}

/** What only the result and entry pages need; loaded on demand. */
export type EntryBody = Pick<
  Entry,
  'cause' | 'steps' | 'commands' | 'csvFix' | 'warnings' | 'verify' | 'moreExactThanTheArticle'
>

/** Splits a full entry into the part matching needs and the part loaded on demand. */
export function splitEntry(entry: Entry): { head: EntryHead; body: EntryBody } {
  const {
    cause,
    steps,
    commands,
    csvFix,
    warnings,
    verify,
    moreExactThanTheArticle,
    samples,
    ...rest
  } = entry
  const tailoring: string[] = []
  for (const item of [...steps, ...commands])
    if (item.when && !tailoring.includes(item.when.question)) tailoring.push(item.when.question)
  const body: EntryBody = { cause, steps, commands, warnings, verify, moreExactThanTheArticle }
  if (csvFix) body.csvFix = csvFix
  return { head: { ...rest, tailoring, example: samples[0] ?? null }, body }
}

/** One signature, compiled to the word pairs the matcher compares. */
export interface CompiledSignature {
  /** Index of the entry in `Kb.entries`. */
  entry: number
  id: string
  /** 0 for the signature as written; n > 0 for its n-th sentence, indexed on its own. */
  part: number
  kind: 'message' | 'fragment' | 'code'
  /** Sum of the weights of the signature's grams, shared wording weighed down. */
  total: number
  /** The same sum before shared wording is weighed down: how much the signature says on its own. */
  strength: number
  /** Highest score the signature can give on its own: 1, or less for an exception name or code. */
  cap: number
  satisfies: string[]
}

/** Everything matching needs, computed at build time and shipped as plain data. */
export interface MatchIndex {
  signatures: CompiledSignature[]
  /**
   * gram → flat triples `[signature index, weight, ordinal, …]`, the ordinal being the gram's
   * place among the signature's grams in reading order. Grams are distinct word pairs (`a b`),
   * pairs over a placeholder (`a _ b`) or, for codes, single words.
   */
  postings: Record<string, number[]>
  /** Every word of every signature, for joining words cut by a line wrap. */
  vocabulary: string[]
  /**
   * The words of `vocabulary` that are common words (see common-words.ts): a value filled into a
   * placeholder does not run through them. Shipped instead of the whole list.
   */
  common?: string[]
}

export interface Kb {
  entries: EntryHead[]
  questions: Question[]
  index: MatchIndex
}

/** A stretch of the user's text that matched, as offsets into it. */
export interface Span {
  start: number
  end: number
}

export interface SignatureEvidence {
  signatureId: string
  /** Share of the signature's weighted wording found in the paste, 0..1. */
  coverage: number
  spans: Span[]
}

export interface Candidate {
  entryId: string
  /** 0..1; at or above MATCH_THRESHOLD the entry is a live candidate. */
  score: number
  evidence: SignatureEvidence[]
}

/** The user's answers: question id → option value, or `unknown`. */
export type Answers = Readonly<Record<string, string>>

export const UNKNOWN = 'unknown'
