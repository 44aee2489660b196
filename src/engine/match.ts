/**
 * Ranks entries against a normalised paste. Each signature scores the weighted share of its
 * word pairs found in the paste; an entry takes its best signature plus a bonus when another,
 * independent signature of the same entry is found too. Linear in the paste: every paste gram
 * is looked up once in the index.
 */
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
} from './limits.ts'
import type { Normalized, TokenList } from './normalize.ts'
import type { Candidate, CompiledSignature, Kb, SignatureEvidence, Span } from './types.ts'

export interface RankResult {
  /**
   * Best first (ties: knowledge-base order): every entry scoring at or above MATCH_THRESHOLD,
   * then the MAX_LISTED best of the rest that reach CLOSEST_FLOOR. Entries further down are never
   * shown or asked about, so they are not scored in full (see docs/decisions/0012).
   */
  candidates: Candidate[]
  /** entry id → questions the paste itself answers for that entry (for the listed entries) */
  satisfied: Map<string, Set<string>>
}

/**
 * The index in the shape a query walks: grams looked up by their words (a paste builds no gram
 * strings), postings and each signature's grams in flat typed arrays, per-signature scoring
 * constants worked out once, and per-query scratch arrays reused through query stamps.
 */
interface Lookup {
  /** the knowledge base's words that are common words */
  common: Set<string>
  single: Map<string, number>
  pairs: Map<string, Map<string, number>>
  skips: Map<string, Map<string, number>>
  /** gram id → its postings: `postSig`/`postWeight` from `postStart[g]` to `postStart[g + 1]` */
  postStart: Int32Array
  postSig: Int32Array
  postWeight: Int32Array
  /** the gram's place in the posting's signature, in reading order */
  postOrdinal: Int32Array
  /**
   * For what a cut hides, read in the same pass (no jumps to the signature's own grams): the
   * signature's gram in the next and the previous place (−1: none), and the weight of its grams
   * after and before this place (−1: its grams are not in reading order)
   */
  postNext: Int32Array
  postPrev: Int32Array
  postAfter: Int32Array
  postBefore: Int32Array
  /** gram id → 0 single word, 1 pair, 2 pair over a placeholder */
  kinds: Uint8Array
  /** gram id → the gram (its words) */
  gramText: string[]
  /**
   * signature → its gram ids in reading order, `sigGram` from `sigGramStart[s]` to
   * `sigGramStart[s + 1]`
   */
  sigGramStart: Int32Array
  sigGram: Int32Array
  /** the weight (thousandths) of each of those grams, `sigGramWeight[sigGramStart[s] + j]` */
  sigGramWeight: Int32Array
  /** entry → its signatures, `entrySig` from `entrySigStart[e]` to `entrySigStart[e + 1]` */
  entrySigStart: Int32Array
  entrySig: Int32Array
  /**
   * signature → entry index, total weight and, side by side in `sigShown`, its strength over
   * SPECIFICITY_FULL (a code: 1e9, its specificity is always 1) and its other constant factors
   * (see `scoreFor`)
   */
  sigEntry: Int32Array
  sigTotal: Float64Array
  sigShown: Float64Array
  /**
   * per-gram stamp (the query that last saw the gram) and where the paste first has it: the
   * positions of its first and last word
   */
  gramSeen: Int32Array
  gramAt: Int32Array
  gramTo: Int32Array
  /** per-signature stamp and found weight (thousandths); the signatures the paste touches */
  sigSeen: Int32Array
  weight: Float64Array
  /** the first of the paste's grams (in scan order) that the signature has */
  sigFirst: Int32Array
  touched: Int32Array
  /**
   * per signature, with cuts, side by side from `CUT * s` (see LO…BEFORE): the places of its
   * grams the paste has first and last, where they start and end in the paste, the first and last
   * place of any gram it has, and the postings' NEXT, AFTER of the last and PREV, BEFORE of the
   * first
   */
  sigCut: Int32Array
  /** per-entry stamp, best and second-best signature score */
  entrySeen: Int32Array
  best: Float64Array
  second: Float64Array
  entries: Int32Array
  query: number
}

const lookups = new WeakMap<object, Lookup>()

function lookupOf(index: Kb['index'], entryCount: number): Lookup {
  let l = lookups.get(index)
  if (l) return l
  const single = new Map<string, number>()
  const pairs = new Map<string, Map<string, number>>()
  const skips = new Map<string, Map<string, number>>()
  const lists: number[][] = []
  const kinds: number[] = []
  const gramText: string[] = []
  const sigCount = index.signatures.length
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
    gramText.push(gram)
  }
  // Postings and each signature's grams as compressed rows.
  const postStart = new Int32Array(lists.length + 1)
  const sigGramCount = new Int32Array(sigCount + 1)
  let postings = 0
  lists.forEach((list, g) => {
    postStart[g] = postings
    for (let k = 0; k + 2 < list.length; k += 3) {
      const s = list[k] as number
      if (s >= 0 && s < sigCount) {
        postings++
        sigGramCount[s + 1] = (sigGramCount[s + 1] as number) + 1
      }
    }
  })
  postStart[lists.length] = postings
  const postSig = new Int32Array(postings)
  const postWeight = new Int32Array(postings)
  const postOrdinal = new Int32Array(postings)
  const sigGramStart = new Int32Array(sigCount + 1)
  for (let s = 0; s < sigCount; s++)
    sigGramStart[s + 1] = (sigGramStart[s] as number) + (sigGramCount[s + 1] as number)
  const sigGram = new Int32Array(postings)
  const sigGramWeight = new Int32Array(postings)
  const sigGramOrdinal = new Int32Array(postings)
  const fill = sigGramStart.slice(0, sigCount)
  let p = 0
  lists.forEach((list, g) => {
    for (let k = 0; k + 2 < list.length; k += 3) {
      const s = list[k] as number
      if (s < 0 || s >= sigCount) continue
      postSig[p] = s
      postWeight[p] = Math.round((list[k + 1] as number) * 1000)
      postOrdinal[p] = list[k + 2] as number
      p++
      const at = fill[s] as number
      sigGram[at] = g
      sigGramWeight[at] = Math.round((list[k + 1] as number) * 1000)
      sigGramOrdinal[at] = list[k + 2] as number
      fill[s] = at + 1
    }
  })
  // Each signature's grams put in reading order (ordinals are 0..n−1 for a signature of n grams;
  // a signature whose ordinals are not keeps its grams as listed).
  const regular = new Uint8Array(sigCount).fill(1)
  for (let s = 0; s < sigCount; s++) {
    const start = sigGramStart[s] as number
    const n = (sigGramStart[s + 1] as number) - start
    const weightByPlace = new Int32Array(n)
    const gramByPlace = new Int32Array(n).fill(-1)
    let placed = 0
    for (let i = 0; i < n; i++) {
      const ordinal = sigGramOrdinal[start + i] as number
      if (ordinal >= 0 && ordinal < n && gramByPlace[ordinal] === -1) {
        weightByPlace[ordinal] = sigGramWeight[start + i] as number
        gramByPlace[ordinal] = sigGram[start + i] as number
        placed++
      }
    }
    if (placed === n) {
      sigGram.set(gramByPlace, start)
      sigGramWeight.set(weightByPlace, start)
    } else regular[s] = 0
  }
  // What each posting tells of its neighbours in its signature: for a signature in reading
  // order, `placeBefore` is the weight of its grams before each place.
  const postNext = new Int32Array(postings)
  const postPrev = new Int32Array(postings)
  const postAfter = new Int32Array(postings)
  const postBefore = new Int32Array(postings)
  const placeBefore = new Int32Array(postings + 1)
  for (let s = 0; s < sigCount; s++) {
    let sum = 0
    for (let j = sigGramStart[s] as number; j < (sigGramStart[s + 1] as number); j++) {
      placeBefore[j] = sum
      sum += sigGramWeight[j] as number
    }
  }
  for (let k = 0; k < postings; k++) {
    const s = postSig[k] as number
    const o = postOrdinal[k] as number
    const start = sigGramStart[s] as number
    const end = sigGramStart[s + 1] as number
    const n = end - start
    postNext[k] = o + 1 >= 0 && o + 1 < n ? (sigGram[start + o + 1] as number) : -1
    postPrev[k] = o > 0 && o - 1 < n ? (sigGram[start + o - 1] as number) : -1
    if (regular[s] === 1) {
      const before = placeBefore[start + o] as number
      const all = (placeBefore[end - 1] as number) + (sigGramWeight[end - 1] as number)
      postBefore[k] = before
      postAfter[k] = all - before - (sigGramWeight[start + o] as number)
    } else postAfter[k] = postBefore[k] = -1
  }
  const sigEntry = new Int32Array(sigCount)
  const sigTotal = new Float64Array(sigCount)
  const sigShown = new Float64Array(2 * sigCount)
  index.signatures.forEach((sig, s) => {
    sigEntry[s] = sig.entry >= 0 && sig.entry < entryCount ? sig.entry : -1
    sigTotal[s] = sig.total
    // Short signatures cannot prove much: scale by how much wording they carry (its specificity
    // is min(1, sigShown[2 * s])).
    sigShown[2 * s] = sig.kind === 'code' ? 1e9 : sig.strength / SPECIFICITY_FULL
    // A sentence taken out of a longer message counts only as far as its wording is its own:
    // a sentence many entries share (boilerplate) cannot by itself make any one of them first.
    const own = sig.part > 0 && sig.strength > 0 ? Math.min(1, sig.total / sig.strength) : 1
    // An exception name or code alone is shared by many errors: `cap` keeps it below a match.
    sigShown[2 * s + 1] = sig.cap * own
  })
  const entrySigStart = new Int32Array(entryCount + 1)
  for (let s = 0; s < sigCount; s++) {
    const e = sigEntry[s] as number
    if (e >= 0) entrySigStart[e + 1] = (entrySigStart[e + 1] as number) + 1
  }
  for (let e = 0; e < entryCount; e++)
    entrySigStart[e + 1] = (entrySigStart[e + 1] as number) + (entrySigStart[e] as number)
  const entrySig = new Int32Array(entrySigStart[entryCount] as number)
  const entryFill = entrySigStart.slice(0, entryCount)
  for (let s = 0; s < sigCount; s++) {
    const e = sigEntry[s] as number
    if (e < 0) continue
    const at = entryFill[e] as number
    entrySig[at] = s
    entryFill[e] = at + 1
  }
  l = {
    common: new Set(index.common),
    single,
    pairs,
    skips,
    postStart,
    postSig,
    postWeight,
    postOrdinal,
    postNext,
    postPrev,
    postAfter,
    postBefore,
    kinds: Uint8Array.from(kinds),
    gramText,
    sigGramStart,
    sigGram,
    sigGramWeight,
    entrySigStart,
    entrySig,
    sigEntry,
    sigTotal,
    sigShown,
    gramSeen: new Int32Array(lists.length),
    gramAt: new Int32Array(lists.length),
    gramTo: new Int32Array(lists.length),
    sigSeen: new Int32Array(sigCount),
    weight: new Float64Array(sigCount),
    touched: new Int32Array(sigCount),
    entrySeen: new Int32Array(entryCount),
    best: new Float64Array(entryCount),
    second: new Float64Array(entryCount),
    sigFirst: new Int32Array(sigCount),
    sigCut: new Int32Array(CUT * sigCount),
    entries: new Int32Array(entryCount),
    query: 0,
  }
  lookups.set(index, l)
  return l
}

/** A bucket per thousandth of a score: candidates' scores are rounded to thousandths anyway. */
const BUCKETS = 1001
const histogram = new Int32Array(BUCKETS)
/** What `measure` found for a signature: the total its coverage is measured against, its factors. */
const shown = new Float64Array(2)
/**
 * Room when comparing unrounded bounds with thresholds: scores are compared after rounding to
 * thousandths, so an entry a thousandth below a threshold may still tie with it.
 */
const SLACK = 0.001
/** The layout of `Lookup.sigCut`: a signature's numbers side by side. */
const CUT = 10
const LO = 0
const HI = 1
const FROM = 2
const TO = 3
const MIN = 4
const MAX = 5
const NEXT = 6
const AFTER = 7
const PREV = 8
const BEFORE = 9

/**
 * Builds the lookup of a knowledge base's index now rather than at its first ranking: a page can
 * do it in a task of its own when the knowledge base arrives, so the first paste does not wait.
 */
export function prepareRanking(kb: Kb): void {
  lookupOf(kb.index, kb.entries.length)
}

/**
 * Ranks the knowledge base's entries for a normalised paste.
 */
export function rankCandidates(kb: Kb, normalized: Normalized): RankResult {
  const l = lookupOf(kb.index, kb.entries.length)
  const { list } = normalized
  // The content tokens (PowerShell decoration left out): where each is in the list.
  const content = new Int32Array(list.length)
  let n = 0
  for (let i = 0; i < list.length; i++) if (!list.noise[i]) content[n++] = i
  // Where the paste was cut (an ellipsis): for each content token, how many tokens stand between
  // it and the next cut after it (`cutAhead`, 0 when the cut follows it directly) and the last
  // cut before it (`cutBehind`). Most pastes have none, and then nothing is allocated.
  const hasCuts = n > 0 && normalized.cuts.length > 0
  const cutAhead = new Int32Array(hasCuts ? n : 0)
  const cutBehind = new Int32Array(hasCuts ? n : 0)
  if (hasCuts) {
    const far = 1e9 // no cut that way
    cutAhead.fill(far)
    cutBehind.fill(far)
    let i = 0
    for (const at of normalized.cuts) {
      while (i < n && (list.end[content[i] as number] as number) <= at) i++
      // Only an ellipsis that ends what its line shows can hide the end of a message; one with
      // words after it on its line shortens a value or skips words ("user 2a7c... failed").
      const endsLine =
        i >= n || normalized.text.lastIndexOf('\n', list.start[content[i] as number] as number) > at
      if (i > 0 && endsLine) cutAhead[i - 1] = 0
      if (i < n) cutBehind[i] = 0
    }
    for (let k = n - 2; k >= 0; k--)
      if (cutAhead[k] !== 0) cutAhead[k] = (cutAhead[k + 1] as number) + 1
    for (let k = 1; k < n; k++)
      if (cutBehind[k] !== 0) cutBehind[k] = (cutBehind[k - 1] as number) + 1
  }
  // Query stamps mark what this query has seen without clearing arrays between queries.
  if (l.query >= 0x7ffffff0) {
    l.gramSeen.fill(0)
    l.sigSeen.fill(0)
    l.entrySeen.fill(0)
    l.query = 0
  }
  const q = ++l.query
  const paste: Paste = { list, content, common: l.common, cutAhead, cutBehind, q }
  // Each step in a function of its own: small functions are optimised whole and early, not
  // through the loops of one big one.
  const grams = pasteGrams(l, paste, n, hasCuts)
  const touchedCount = addPostings(l, grams, q, hasCuts)
  const entryCount = scoreTouched(l, paste, touchedCount, hasCuts)
  const cut = listedFloor(l, entryCount)
  const { sigSeen, weight, sigFirst, sigTotal, entries } = l
  // The entries scored in full, with every signature of theirs the paste has, in the order a
  // scan of the paste first meets them (which decides ties between equal signatures).
  const kept = new Map<
    number,
    { s: number; score: number; coverage: number; at: number; found: number }[]
  >()
  for (let k = 0; k < entryCount; k++) {
    const e = entries[k] as number
    if (upper(l, e) < cut) continue
    const hits: { s: number; score: number; coverage: number; at: number; found: number }[] = []
    const end = l.entrySigStart[e + 1] as number
    for (let j = l.entrySigStart[e] as number; j < end; j++) {
      const s = l.entrySig[j] as number
      if (sigSeen[s] !== q) continue
      const found = weight[s] as number
      if (hasCuts) measure(l, paste, s)
      else {
        shown[0] = sigTotal[s] as number
        shown[1] = factorOf(l, s, 1)
      }
      const total = shown[0] as number
      const coverage = total > 0 ? Math.min(1, found / 1000 / total) : 0
      const score = scoreFor(found, total, shown[1] as number)
      hits.push({ s, score, coverage, at: sigFirst[s] as number, found })
    }
    hits.sort((a, b) => a.at - b.at || a.s - b.s)
    kept.set(e, hits)
  }
  const { signatures } = kb.index

  // Token positions of the grams a signature shares with the paste. Pairs cover two tokens; a
  // pair over a placeholder covers the outer two.
  const visitPositions = (s: number, now: boolean, visit: (p: number) => void) => {
    const end = l.sigGramStart[s + 1] as number
    for (let k = l.sigGramStart[s] as number; k < end; k++) {
      const g = l.sigGram[k] as number
      let at: number
      let to: number
      if (now) {
        if (l.gramSeen[g] !== q) continue
        at = l.gramAt[g] as number
        to = l.gramTo[g] as number
      } else {
        const span = spanLater(g)
        if (span === undefined) continue
        ;[at, to] = span
      }
      visit(at)
      if (to !== at) visit(to)
    }
  }
  // Evidence is read after this call returns, when the stamps may belong to a later paste.
  let spanByGram: Map<number, [number, number]> | undefined
  const spanLater = (g: number) =>
    (spanByGram ??= new Map(
      grams.map((id) => [id, [l.gramAt[id] as number, l.gramTo[id] as number]]),
    )).get(g)
  const positionsOf = (s: number): Set<number> => {
    const set = new Set<number>()
    visitPositions(s, false, (p) => set.add(p))
    return set
  }

  // Marks for comparing two signatures' positions without building sets: mark[p] === stamp.
  const bestMark = new Int32Array(n + 2)
  const otherMark = new Int32Array(n + 2)
  let stamp = 0

  const scored: {
    c: Candidate
    at: number
    found: number
    hits: { s: number; coverage: number }[]
  }[] = []
  for (const [entryIndex, hits] of kept) {
    const entry = kb.entries[entryIndex]
    if (!entry) continue
    const scores = hits.length > 1 ? hits.slice().sort((a, b) => b.score - a.score) : hits
    const top = scores[0]
    if (!top) continue
    let total = top.score
    // Corroboration: the strongest other signature that points at different words of the paste.
    if (scores.length > 1) {
      const bestStamp = ++stamp
      visitPositions(top.s, true, (p) => (bestMark[p] = bestStamp))
      for (let k = 1; k < scores.length; k++) {
        const other = scores[k] as (typeof scores)[number]
        const otherStamp = ++stamp
        let shared = 0
        let size = 0
        visitPositions(other.s, true, (p) => {
          if (otherMark[p] === otherStamp) return
          otherMark[p] = otherStamp
          size++
          if (bestMark[p] === bestStamp) shared++
        })
        if (shared <= size / 2) {
          total += CORROBORATION * (1 - total) * other.score
          break
        }
      }
    }
    if (round(total) < CLOSEST_FLOOR) continue
    // Evidence (which words of the paste matched) is worked out when first read: a page shows it
    // for a few candidates.
    let evidence: SignatureEvidence[] | undefined
    const candidate: Candidate = {
      entryId: entry.id,
      score: round(total),
      get evidence() {
        return (evidence ??= hits
          .map((h) => ({
            signatureId: (signatures[h.s] as CompiledSignature).id,
            coverage: round(h.coverage),
            spans: spansOf(positionsOf(h.s), list, content.subarray(0, n)),
          }))
          .sort((a, b) => b.coverage - a.coverage))
      },
      set evidence(value: SignatureEvidence[]) {
        evidence = value
      },
    }
    scored.push({ c: candidate, at: entryIndex, found: top.found, hits: scores })
  }
  // Higher score first; on equal scores, the entry whose best signature accounts for more of the
  // paste's wording (a longer message found whole beats a shorter one inside it), then the order
  // of the knowledge base.
  scored.sort((a, b) => b.c.score - a.c.score || b.found - a.found || a.at - b.at)
  const candidates: Candidate[] = []
  const satisfied = new Map<string, Set<string>>()
  let below = 0
  for (const r of scored) {
    if (r.c.score < MATCH_THRESHOLD && ++below > MAX_LISTED) break
    candidates.push(r.c)
    for (const h of r.hits) {
      const sig = signatures[h.s]
      if (!sig || h.coverage < SATISFY_COVERAGE || sig.satisfies.length === 0) continue
      const set = satisfied.get(r.c.entryId) ?? new Set<string>()
      for (const question of sig.satisfies) set.add(question)
      satisfied.set(r.c.entryId, set)
    }
  }
  return { candidates, satisfied }
}

/**
 * Found weights: every posting list of the paste's grams, summed in thousandths. With a cut in
 * the paste, also which of each signature's grams the paste has first and last, where they start
 * and end in it, the first and last place in the signature found, and what the signature has next
 * to them. Returns how many signatures the paste touches (`l.touched`).
 */
function addPostings(l: Lookup, grams: number[], q: number, hasCuts: boolean): number {
  const { postStart, postSig, postWeight, sigSeen, weight, touched, sigFirst } = l
  const { postOrdinal, postNext, postPrev, postAfter, postBefore, gramAt, gramTo, sigCut } = l
  let touchedCount = 0
  for (let order = 0; order < grams.length; order++) {
    const g = grams[order] as number
    const end = postStart[g + 1] as number
    const from = gramAt[g] as number
    const to = gramTo[g] as number
    for (let k = postStart[g] as number; k < end; k++) {
      const s = postSig[k] as number
      if (sigSeen[s] !== q) {
        sigSeen[s] = q
        weight[s] = postWeight[k] as number
        sigFirst[s] = order
        touched[touchedCount++] = s
        if (hasCuts) {
          const c = CUT * s
          const o = postOrdinal[k] as number
          sigCut[c + LO] = sigCut[c + HI] = sigCut[c + MIN] = sigCut[c + MAX] = o
          sigCut[c + FROM] = from
          sigCut[c + TO] = to
          sigCut[c + NEXT] = postNext[k] as number
          sigCut[c + AFTER] = postAfter[k] as number
          sigCut[c + PREV] = postPrev[k] as number
          sigCut[c + BEFORE] = postBefore[k] as number
        }
        continue
      }
      weight[s] = (weight[s] as number) + (postWeight[k] as number)
      if (hasCuts) {
        // The signature's grams found first and last in the paste (grams come in order of where
        // they start; on the same word, the earlier in the signature counts as first).
        const c = CUT * s
        const o = postOrdinal[k] as number
        if (from === sigCut[c + FROM] && o < (sigCut[c + LO] as number)) {
          sigCut[c + LO] = o
          sigCut[c + PREV] = postPrev[k] as number
          sigCut[c + BEFORE] = postBefore[k] as number
        }
        const last = sigCut[c + TO] as number
        if (to > last || (to === last && o > (sigCut[c + HI] as number))) {
          sigCut[c + HI] = o
          sigCut[c + TO] = to
          sigCut[c + NEXT] = postNext[k] as number
          sigCut[c + AFTER] = postAfter[k] as number
        }
        if (o < (sigCut[c + MIN] as number)) sigCut[c + MIN] = o
        else if (o > (sigCut[c + MAX] as number)) sigCut[c + MAX] = o
      }
    }
  }

  return touchedCount
}

/**
 * Each signature's score, and each entry's best and second-best signature score. Returns how many
 * entries the paste touches (`l.entries`).
 */
function scoreTouched(l: Lookup, paste: Paste, touchedCount: number, hasCuts: boolean): number {
  const { touched, weight, sigEntry, sigTotal, entrySeen, best, second, entries } = l
  const { q } = paste
  let entryCount = 0
  for (let k = 0; k < touchedCount; k++) {
    const s = touched[k] as number
    const e = sigEntry[s] as number
    if (e < 0) continue
    let v: number
    if (hasCuts) {
      measure(l, paste, s)
      v = scoreFor(weight[s] as number, shown[0] as number, shown[1] as number)
    } else v = scoreFor(weight[s] as number, sigTotal[s] as number, factorOf(l, s, 1))
    if (entrySeen[e] !== q) {
      entrySeen[e] = q
      best[e] = v
      second[e] = 0
      entries[entryCount++] = e
    } else if (v > (best[e] as number)) {
      second[e] = best[e] as number
      best[e] = v
    } else if (v > (second[e] as number)) second[e] = v
  }
  return entryCount
}

/**
 * Which entries can be listed: those that can reach the match threshold, and the MAX_LISTED best
 * below it. Only they are scored in full (corroboration needs the positions of their words in the
 * paste); the rest cannot be listed whatever they score. Returns the score an entry's upper bound
 * must reach.
 */
function listedFloor(l: Lookup, entryCount: number): number {
  const { entries, best } = l
  let cut = CLOSEST_FLOOR - SLACK
  if (entryCount > MAX_LISTED) {
    let mayMatch = 0
    const maybe = MATCH_THRESHOLD - SLACK
    histogram.fill(0)
    for (let k = 0; k < entryCount; k++) {
      const e = entries[k] as number
      if (upper(l, e) >= maybe) mayMatch++
      const bucket = Math.min(BUCKETS - 1, Math.floor((best[e] as number) * (BUCKETS - 1)))
      histogram[bucket] = (histogram[bucket] as number) + 1
    }
    // The `needed`-th best lower bound: `needed` entries score at least this much, so an entry
    // whose upper bound is below it has MAX_LISTED entries below the threshold ahead of it.
    const needed = mayMatch + MAX_LISTED
    let seen = 0
    for (let b = BUCKETS - 1; b >= 0; b--) {
      seen += histogram[b] as number
      if (seen >= needed) {
        cut = Math.max(cut, b / (BUCKETS - 1) - SLACK)
        break
      }
    }
  }
  return cut
}

/**
 * What the helpers of one ranking read of its paste. They are functions of the module, not
 * closures made anew for each paste: a closure made per call is a new function each time, and
 * code optimised for the last one is thrown away when the next paste calls its successor.
 */
interface Paste {
  list: TokenList
  /** where each content token is in `list` */
  content: Int32Array
  /** the knowledge base's common words */
  common: ReadonlySet<string>
  /** see rankCandidates */
  cutAhead: Int32Array
  cutBehind: Int32Array
  /** the query stamp */
  q: number
}

/**
 * The index's grams in the paste, each once at its first position (`gramAt`, `gramTo`: its first
 * and last word), in the order a scan of the paste meets them: at each position the single word,
 * the pair, then pairs over a placeholder whose value is one token, two, … as far as a value can
 * run. Words either side of a cut were not next to each other in the message: no pair spans one.
 */
function pasteGrams(l: Lookup, paste: Paste, n: number, hasCuts: boolean): number[] {
  const { list, content, cutBehind, q } = paste
  const { t } = list
  const grams: number[] = []
  for (let i = 0; i < n; i++) {
    const a = t[content[i] as number] as string
    note(l, grams, q, l.single.get(a), i, i)
    // (A cut lies between tokens i and j when the last cut before j comes after i.)
    if (i + 1 >= n || (hasCuts && cutBehind[i + 1] === 0)) continue
    const m = l.pairs.get(a)
    if (m) note(l, grams, q, m.get(t[content[i + 1] as number] as string), i, i + 1)
    const skip = l.skips.get(a)
    if (!skip) continue
    // Over a value of one token of any kind, or of value words.
    const last = Math.min(n - 1, i + 1 + PLACEHOLDER_TOKENS)
    for (let j = i + 2; j <= last && !(hasCuts && (cutBehind[j] as number) < j - i); j++) {
      if (j > i + 2 && !valueWord(list, content[j - 1] as number, paste.common)) break
      if (j === i + 3 && !valueWord(list, content[i + 1] as number, paste.common)) break
      note(l, grams, q, skip.get(t[content[j] as number] as string), i, j)
    }
  }
  return grams
}

/** Adds gram `id` (if the index has it) at tokens `at`..`to`, unless the paste had it before. */
function note(
  l: Lookup,
  grams: number[],
  q: number,
  id: number | undefined,
  at: number,
  to: number,
): void {
  if (id !== undefined && l.gramSeen[id] !== q) {
    l.gramSeen[id] = q
    l.gramAt[id] = at
    l.gramTo[id] = to
    grams.push(id)
  }
}

/** A signature's constant factors with `inView` of its weighted wording in view (1: all). */
function factorOf(l: Lookup, s: number, inView: number): number {
  const { sigShown } = l
  return Math.min(1, (sigShown[2 * s] as number) * inView) * (sigShown[2 * s + 1] as number)
}

/**
 * A signature's score for a found weight (in thousandths, so sums are exact in any order), the
 * total its coverage is measured against and its constant factors.
 */
function scoreFor(found: number, total: number, factor: number): number {
  const w = found / 1000
  const coverage = total > 0 ? Math.min(1, w / total) : 0
  // A cut-off paste holding SATURATION_WEIGHT of a long signature's wording is strong evidence.
  const saturated = total > 0 ? Math.min(1, w / Math.min(total, SATURATION_WEIGHT)) : 0
  return (SATURATION_SHARE * saturated + (1 - SATURATION_SHARE) * coverage) * factor
}

/** An entry scores at least its best signature and at most what its two best signatures give. */
function upper(l: Lookup, e: number): number {
  const top = l.best[e] as number
  return top + CORROBORATION * (1 - top) * (l.second[e] as number)
}

/**
 * With cuts in the paste: the total signature `s`'s coverage is measured against and its
 * factors, in `shown` (a typed array: numbers kept there are not boxed). A cut just after the
 * last word the paste has of it hides the signature's later wording; so does a cut after a half
 * word that begins the signature's next word, and, where the signature has a placeholder next, a
 * cut in or after what can be its value (one token of any kind, or a run of value words; a value
 * of one token may be followed by such a half word). Likewise, the other way round, a cut before
 * the first word found hides the signature's earlier wording. Hidden wording the paste does not
 * have elsewhere is neither found nor missing: coverage is measured on the wording left in view.
 */
function measure(l: Lookup, paste: Paste, s: number): void {
  const total = l.sigTotal[s] as number
  shown[0] = total
  shown[1] = factorOf(l, s, 1)
  // Tokens between the words found and the nearest cut after (before) them. Most signatures'
  // words found stop too far from any cut to be hidden by it.
  const { sigCut } = l
  const c = CUT * s
  const to = sigCut[c + TO] as number
  const from = sigCut[c + FROM] as number
  const ahead = paste.cutAhead[to] as number
  const behind = paste.cutBehind[from] as number
  if (ahead > PLACEHOLDER_TOKENS + 1 && behind > PLACEHOLDER_TOKENS + 1) return
  // The signature's grams next to its words found (−1: none that way).
  const next = sigCut[c + NEXT] as number
  const prev = sigCut[c + PREV] as number
  let hidden = 0
  if (next >= 0 && hides(l, paste, ahead, next, to, 1)) hidden += hide(l, paste.q, s, true)
  if (prev >= 0 && hides(l, paste, behind, prev, from, -1)) hidden += hide(l, paste.q, s, false)
  if (hidden === 0) return
  const shownTotal = total - hidden / 1000
  shown[0] = shownTotal
  // A signature seen only in part is only as specific as the part shown: its strength in
  // proportion to the share of its (weighted) wording left in view.
  shown[1] = factorOf(l, s, shownTotal / total)
}

/**
 * Whether the `between` tokens from a signature's words found (at `at`) to a cut, going `step`
 * (1: to a cut after them, −1: before them), leave its wording beyond hidden, `gram` being its
 * gram next to them: none; one that can be part of the signature's next (previous) word; or,
 * where a placeholder comes first, its value (one token of any kind, or value words with the
 * last cut short), or a value of one token then such a part of a word.
 */
function hides(
  l: Lookup,
  paste: Paste,
  between: number,
  gram: number,
  at: number,
  step: 1 | -1,
): boolean {
  if (between === 0) return true
  if (between > PLACEHOLDER_TOKENS + 1) return false
  const { list, content } = paste
  const placeholder = l.kinds[gram] === 2
  if (placeholder) {
    let k = 1
    while (k < between && valueWord(list, content[at + step * k] as number, paste.common)) k++
    if (k === between) return true
  }
  if (between !== (placeholder ? 2 : 1)) return false
  const text = l.gramText[gram] as string
  const half = list.t[content[at + step * between] as number] as string
  return step === 1
    ? text.startsWith(half, text.lastIndexOf(' ') + 1)
    : text.endsWith(half, text.indexOf(' '))
}

/**
 * Weight of the grams of signature `s` after its last place found in the paste (`tail`) or
 * before its first, that the paste (query `q`) does not have. The postings told the weight of
 * all of them: that is it when the paste has none of them (its places found are all on the near
 * side).
 */
function hide(l: Lookup, q: number, s: number, tail: boolean): number {
  const { sigCut } = l
  const c = CUT * s
  const all = sigCut[c + (tail ? AFTER : BEFORE)] as number
  const lo = sigCut[c + LO] as number
  const hi = sigCut[c + HI] as number
  if (all >= 0 && (tail ? (sigCut[c + MAX] as number) <= hi : (sigCut[c + MIN] as number) >= lo))
    return all
  const { sigGramStart, sigGram, sigGramWeight, gramSeen } = l
  const start = sigGramStart[s] as number
  const from = tail ? start + hi + 1 : start
  const to = tail ? (sigGramStart[s + 1] as number) : start + lo
  let weight = 0
  for (let j = from; j < to; j++)
    if (gramSeen[sigGram[j] as number] !== q) weight += sigGramWeight[j] as number
  return weight
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000
}

/** Turns matched token positions into merged spans of the original text. */
function spansOf(positions: Set<number>, list: TokenList, content: Int32Array): Span[] {
  const sorted = [...positions].filter((p) => p >= 0 && p < content.length).sort((a, b) => a - b)
  const spans: Span[] = []
  let run: Span | null = null
  let last = -2
  for (const p of sorted) {
    const i = content[p] as number
    if (run && p === last + 1) run.end = list.end[i] as number
    else {
      if (run) spans.push(run)
      run = { start: list.start[i] as number, end: list.end[i] as number }
    }
    last = p
  }
  if (run) spans.push(run)
  return spans
}

/**
 * A token that can be part of a value several tokens long: a word that is not one of the
 * knowledge base's common words, a machine id or a number (names, server names split at dashes, a
 * GUID split by a line wrap). An address, a GUID, a URL, a time or a host name is a whole value on
 * its own, and common words ("when", "with", "the") are the message's own wording again.
 */
function valueWord(list: TokenList, i: number, common: ReadonlySet<string>): boolean {
  const kind = list.kind[i]
  return kind === 'word'
    ? !common.has(list.t[i] as string)
    : kind === 'number' || list.t[i] === '<id>'
}
