/**
 * Turns a raw paste into tokens the matcher can compare, keeping where each token came from so
 * evidence can be highlighted in the user's own text, and the values it masked (addresses,
 * GUIDs, server names) so commands can be filled in. Linear in the length of the input.
 */
import { MAX_INPUT_CHARS } from './limits.ts'

export type TokenKind = 'word' | 'email' | 'guid' | 'url' | 'time' | 'number' | 'id' | 'hex'

export interface Token {
  /** The comparable form: a lower-case word, or a mask such as `<email>`. */
  t: string
  kind: TokenKind
  /** Offsets into the original text (UTF-16 code units). */
  start: number
  end: number
  line: number
  /** On a line of PowerShell decoration (`+ CategoryInfo`, `At line:1`, `+ ~~~`). */
  noise: boolean
}

export interface ExtractedValues {
  emails: string[]
  guids: string[]
  servers: string[]
}

export interface Normalized {
  /** The text the offsets refer to (the input, cut at MAX_INPUT_CHARS). */
  text: string
  tokens: Token[]
  values: ExtractedValues
  /** The input was longer than MAX_INPUT_CHARS and only its beginning was read. */
  truncated: boolean
  /** The input looks like binary data rather than text. */
  binary: boolean
  /**
   * Where an ellipsis (`…`, `...`) stands, as offsets into `text`, in order: a console or a table
   * column that ran out of room cut the message there (or the person pasting did).
   */
  cuts: number[]
}

export interface NormalizeOptions {
  /**
   * Tokens of PowerShell decoration lines (marked `noise`): kept by default, for callers that
   * mask or show the whole text; matching never reads them, so `diagnose` leaves them out.
   */
  noiseTokens?: boolean
}

/** Characters folded one-for-one, so offsets stay valid. */
const FOLD: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u00b4': "'",
  '\u0060': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u00a0': ' ',
  '\u2007': ' ',
  '\u202f': ' ',
  '\u200b': ' ',
  '\u200c': ' ',
  '\u200d': ' ',
  '\ufeff': ' ',
}

/** Folds typographic quotes, dashes and odd spaces to ASCII, one character for one. */
export function foldText(text: string): string {
  return FOLDABLE.test(text) ? text.replace(FOLDABLE_ALL, (c) => FOLD[c] ?? c) : text
}

const FOLDABLE_CLASS = `[${Object.keys(FOLD)
  .map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  .join('')}]`
const FOLDABLE = new RegExp(FOLDABLE_CLASS)
const FOLDABLE_ALL = new RegExp(FOLDABLE_CLASS, 'g')

/** Lines that PowerShell adds around an error and that never carry the error itself. */
const NOISE_LINE =
  /^\s*(?:\+\s*(?:CategoryInfo|FullyQualifiedErrorId|PSComputerName|InvocationInfo)\b|\+\s*~+\s*$|At line:\s*\d+|At [A-Za-z]:\\|At \S+\.ps1:\d+)/i

/**
 * One pass of alternatives, most specific first. Every branch is a simple run of character
 * classes, so matching stays linear (no nested quantifiers over the same characters).
 */
const TOKEN =
  /(https?:\/\/[^\s"'<>]{1,2000})|([A-Za-z0-9._%+'-]{1,200}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,10})|([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})|((?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})(?:[T .]\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\.\d{1,7})?(?:\s?[AaPp][Mm])?Z?)?(?![.\d]))|(\d{1,2}:\d{2}:\d{2}(?:\s?[AaPp][Mm])?)|(0[xX][0-9a-fA-F]{1,32})|([\p{L}\p{N}_]{1,200}(?:\.[\p{L}\p{N}_-]{1,63}){2,10})|([\p{L}\p{M}\p{N}_]{1,200})/gu

const MAX_WORD = 200

/**
 * A plain word of ASCII letters after characters no TOKEN alternative can start with, and not
 * followed by anything that could make it part of an address, a GUID, a dotted name or a longer
 * word: exactly what TOKEN would find there, found without trying TOKEN's alternatives.
 */
const PLAIN = /[\s,;:()[\]{}<>"=|/\\!?*&#$~^`]*([A-Za-z]{1,200})(?![\p{L}\p{M}\p{N}_.@%+'\-:/])/uy

/** Enhanced status codes of delivery reports (RFC 3463): class 2, 4 or 5, subject, detail. */
const NDR_CODE = /^[245]\.\d{1,3}\.\d{1,3}$/

/** A dotted name is a host name when it ends in a top-level or internal domain. */
const HOST_END =
  /\.(?:com|net|org|edu|gov|mil|int|io|co|uk|us|de|fr|nl|be|ch|at|au|ca|jp|cn|in|br|es|it|se|no|dk|fi|pl|ru|nz|za|ie|local|lan|corp|internal|intra|home|arpa|biz|info|cloud|microsoft)$/i

function classifyWord(word: string): { t: string; kind: TokenKind } {
  // One pass over the characters instead of three regular expressions: this runs for every word.
  let digits = 0
  let letters = 0
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i)
    if (c >= 48 && c <= 57) digits++
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++
  }
  if (digits === word.length)
    return word.length <= 4 ? { t: word, kind: 'word' } : { t: '<num>', kind: 'number' }
  // Mixed letters and digits of some length are machine names, request ids or build stamps.
  if (word.length >= 8 && digits > 0 && letters > 0) return { t: '<id>', kind: 'id' }
  return { t: word.toLowerCase(), kind: 'word' }
}

/**
 * Normalises a paste: folds quotes, tokenises with masks, marks PowerShell decoration, joins
 * words that a console wrap cut in two (when `vocabulary` knows the joined word), and collects
 * the values it masked.
 */
export function normalize(
  input: string,
  vocabulary?: ReadonlySet<string>,
  options: NormalizeOptions = {},
): Normalized {
  const keepNoise = options.noiseTokens !== false
  const raw = typeof input === 'string' ? input : ''
  const truncated = raw.length > MAX_INPUT_CHARS
  const text = truncated ? raw.slice(0, MAX_INPUT_CHARS) : raw
  const binary = looksBinary(text)
  const folded = foldText(text)
  const tokens: Token[] = []
  const values: ExtractedValues = { emails: [], guids: [], servers: [] }
  const seen = new Set<string>()
  const keep = (list: string[], value: string) => {
    const key = `${list === values.emails ? 'e' : list === values.guids ? 'g' : 's'}:${value.toLowerCase()}`
    if (!seen.has(key) && list.length < 50) {
      seen.add(key)
      list.push(value)
    }
  }

  let lineStart = 0
  let line = 0
  while (lineStart <= folded.length) {
    let lineEnd = folded.indexOf('\n', lineStart)
    if (lineEnd < 0) lineEnd = folded.length
    const lineText = folded.slice(lineStart, lineEnd)
    const noise = NOISE_LINE.test(lineText)
    if (noise) collectServer(lineText, (s) => keep(values.servers, s))
    // Decoration lines are still read for the values they name, but make no tokens unless asked.
    const emit = keepNoise || !noise
    let from = 0
    for (;;) {
      // Most tokens are plain words: the sticky PLAIN finds them without trying TOKEN's
      // alternatives; anything else (or nothing found) goes through TOKEN from the same place.
      PLAIN.lastIndex = from
      const p = PLAIN.exec(lineText)
      if (p) {
        const word = p[1] as string
        const end = lineStart + PLAIN.lastIndex
        if (emit)
          tokens.push({
            t: word.toLowerCase(),
            kind: 'word',
            start: end - word.length,
            end,
            line,
            noise,
          })
        from = PLAIN.lastIndex
        continue
      }
      TOKEN.lastIndex = from
      const m = TOKEN.exec(lineText)
      if (m === null) break
      from = TOKEN.lastIndex
      const start = lineStart + m.index
      const end = start + m[0].length
      let t: string
      let kind: TokenKind
      if (m[1] !== undefined) {
        t = '<url>'
        kind = 'url'
      } else if (m[2] !== undefined) {
        t = '<email>'
        kind = 'email'
        keep(values.emails, m[2].replace(/^['.]+|['.]+$/g, ''))
      } else if (m[3] !== undefined) {
        t = '<guid>'
        kind = 'guid'
        keep(values.guids, m[3])
      } else if (m[4] !== undefined || m[5] !== undefined) {
        t = '<time>'
        kind = 'time'
      } else if (m[6] !== undefined) {
        t = m[6].toLowerCase()
        kind = 'hex'
      } else if (m[7] !== undefined && !/^[\d.]+$/.test(m[7]) && !HOST_END.test(m[7])) {
        // Dotted words that are no host name (RESOLVER.ADR.RecipNotFound, STOREDRV.Deliver…):
        // each part is a word of the error.
        for (const part of m[7].matchAll(/[\p{L}\p{M}\p{N}_]{1,200}/gu)) {
          const at = start + (part.index ?? 0)
          if (emit)
            tokens.push({
              ...classifyWord(part[0]),
              start: at,
              end: at + part[0].length,
              line,
              noise,
            })
        }
        continue
      } else if (m[7] !== undefined) {
        // Dotted names with three or more parts: host names, version numbers, or the status
        // codes of delivery reports (5.1.1, 4.4.7), which name the error and stay as they are.
        t = NDR_CODE.test(m[7]) ? m[7] : /^[\d.]+$/.test(m[7]) ? '<version>' : '<host>'
        kind = t === '<host>' ? 'id' : t === '<version>' ? 'number' : 'word'
        if (t === '<host>') keep(values.servers, m[7])
      } else {
        const word = (m[8] ?? '').slice(0, MAX_WORD)
        ;({ t, kind } = classifyWord(word))
      }
      if (emit) tokens.push({ t, kind, start, end, line, noise })
    }
    lineStart = lineEnd + 1
    line++
  }

  const cuts: number[] = []
  for (const m of folded.matchAll(/\u2026|\.{3,}/g)) cuts.push(m.index)
  return {
    text,
    tokens: vocabulary ? joinWrappedWords(tokens, folded, vocabulary) : tokens,
    cuts,
    values,
    truncated,
    binary,
  }
}

/** `[Server=EXCH01,RequestId=…]` in FullyQualifiedErrorId names the server that answered. */
function collectServer(line: string, add: (s: string) => void): void {
  const m = /Server=([A-Za-z0-9.-]{1,253})/.exec(line)
  if (m?.[1]) add(m[1])
}

/**
 * A console or a narrow column can cut a word at the line end ("Messag" + "ing"). When the two
 * halves are not words the knowledge base knows but their join is, they become one token.
 */
function joinWrappedWords(
  tokens: Token[],
  folded: string,
  vocabulary: ReadonlySet<string>,
): Token[] {
  let out: Token[] | null = null
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i] as Token
    const b = tokens[i + 1]
    // Cheapest test first: only the last token of a line and the first of the next can join.
    const joined =
      b &&
      b.line === a.line + 1 &&
      // PowerShell's decoration is never the rest of an error's word, nor the reverse.
      a.noise === b.noise &&
      JOINABLE.has(a.kind) &&
      JOINABLE.has(b.kind) &&
      (!vocabulary.has(a.t) || !vocabulary.has(b.t)) &&
      /^\s*\n\s*$/.test(folded.slice(a.end, b.start))
        ? joinedToken(folded.slice(a.start, a.end) + folded.slice(b.start, b.end))
        : null
    if (b && joined && vocabulary.has(joined.t)) {
      out ??= tokens.slice(0, i)
      out.push({ ...a, ...joined, end: b.end, line: a.line, noise: a.noise && b.noise })
      i++
      continue
    }
    out?.push(a)
  }
  return out ?? tokens
}

/** Kinds of token a wrap can cut: words, and codes cut into a hex part and a number ("0x8" "0040115"). */
const JOINABLE: ReadonlySet<TokenKind> = new Set<TokenKind>(['word', 'hex', 'number', 'id'])

/** The token two halves of a wrapped word make together. */
function joinedToken(raw: string): { t: string; kind: TokenKind } {
  return /^0[xX][0-9a-fA-F]{1,32}$/.test(raw)
    ? { t: raw.toLowerCase(), kind: 'hex' }
    : classifyWord(raw)
}

/** More than one in ten characters being control characters means this is not text. */
function looksBinary(text: string): boolean {
  if (text.length === 0) return false
  const sample = text.length > 65536 ? text.slice(0, 65536) : text
  let control = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) control++
  }
  return control / sample.length > 0.1
}
