/** Limits and thresholds shared by the engine. Each carries the reason for its value. */

/** Pastes beyond 1 MiB are read up to this length: error text never needs more, and it bounds time. */
export const MAX_INPUT_CHARS = 1024 * 1024

/**
 * Scoring weights. A signature's score is the share of its weighted word pairs found in the
 * paste, scaled down for short or weak signatures. See docs/decisions/0002-matching.md.
 */
/** A word pair made only of common words ("should be") says little about which error this is. */
export const STOP_PAIR_WEIGHT = 0.2
/** A sentence of a long message is indexed on its own only with this many distinct uncommon words. */
export const MIN_SENTENCE_DISTINCT = 3
/**
 * How much a word pair's weight drops with the number of entries whose error text contains it:
 * weight / (1 + SHARED_WORDING × ln(entries)). Shared boilerplate then decides less than the
 * wording only one problem has; a pair in one entry keeps its full weight.
 */
export const SHARED_WORDING = 1
/** A pair that jumps over a placeholder ("mailbox _ to") is good but looser evidence. */
export const SKIP_PAIR_WEIGHT = 0.75
/**
 * The most tokens a value filled into a placeholder is read as: a display name ("Adele Vance"),
 * a server or domain name split at its dashes and dots ("EX2019-MBX02", "fabrikam.com") or a
 * migration endpoint's name ("Hybrid Migration Endpoint - EWS (Default Web Site)", 7) are
 * several tokens, not one.
 */
export const PLACEHOLDER_TOKENS = 8
/** Signature weight at which a signature counts as fully specific; shorter ones score less. */
export const SPECIFICITY_FULL = 4
/** An exception name or hex code alone is shared by many errors: it can never reach a match. */
export const CODE_WEIGHT = 0.4
/**
 * A code only one entry knows (CTTM-015, HCW8078, 0x800482101033) says more than an exception
 * name many errors share, but still cannot make a match alone: it needs some matching text too.
 */
export const UNIQUE_CODE_WEIGHT = 0.55
/** Share of the best signature's remaining headroom that an independent second signature adds. */
export const CORROBORATION = 0.5

/**
 * A paste that holds this much of a long signature's weighted wording is strong evidence even
 * when it is cut off: most of the score measures the found wording against this amount rather
 * than the whole signature, and the rest against the whole (so fuller matches still rank first).
 */
export const SATURATION_WEIGHT = 10
/** Share of a signature's score that saturates at SATURATION_WEIGHT. */
export const SATURATION_SHARE = 0.8

/** Score at or above which an entry is a candidate the wizard works with. */
export const MATCH_THRESHOLD = 0.6
/** Below this an entry is not mentioned at all, not even as "closest". */
export const CLOSEST_FLOOR = 0.08
/** A leader this far ahead of the next candidate is a clear match without asking. */
export const LEAD_MARGIN = 0.25
/** A signature found to this extent answers the questions it `satisfies`. */
export const SATISFY_COVERAGE = 0.6
/** At most this many entries are listed as "closest" when nothing matches. */
export const MAX_CLOSEST = 3
/**
 * Below the match threshold, this many of the best entries are ranked and listed (the start page
 * shows five, a no-match page three); the rest are never shown, so they are not scored in full.
 */
export const MAX_LISTED = 10
