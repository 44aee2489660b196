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
  /** The tokens as objects, made when first read (matching reads `list`). */
  tokens: Token[]
  /** The same tokens as columns. */
  list: TokenList
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

/**
 * The tokens as columns, with no object per token (a megabyte of text has some 90,000 tokens):
 * token `i` is at place `i` of each, for `i` below `length` (the number columns have room for
 * more).
 */
export interface TokenList {
  length: number
  /** the comparable forms */
  t: string[]
  kind: TokenKind[]
  start: Int32Array
  end: Int32Array
  line: Int32Array
  /** 1 on a line of PowerShell decoration */
  noise: Int32Array
}

export interface NormalizeOptions {
  /**
   * Tokens of PowerShell decoration lines (marked `noise`): kept by default, for callers that
   * mask or show the whole text; matching never reads them, so `diagnose` leaves them out.
   */
  noiseTokens?: boolean
}

/**
 * Characters folded one-for-one, so offsets stay valid: typographic quotes, dashes and odd
 * spaces, and the ASCII character each becomes.
 */
const FOLD_FROM =
  '\u2018\u2019\u201a\u201b\u2032\u00b4\u0060\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u2010\u2011\u2012\u2013\u2014\u2212\u00a0\u2007\u202f\u200b\u200c\u200d\ufeff'
const FOLD_TO = `'''''''"""""""------       `
// The zero-width joiner is in the class as a character of its own, to be folded to a space.
/* eslint-disable no-misleading-character-class */
const FOLDABLE = new RegExp(`[${FOLD_FROM}]`)
const FOLDABLE_ALL = new RegExp(`[${FOLD_FROM}]`, 'g')
/* eslint-enable no-misleading-character-class */

/** Folds typographic quotes, dashes and odd spaces to ASCII, one character for one. */
export function foldText(text: string): string {
  return FOLDABLE.test(text)
    ? text.replace(FOLDABLE_ALL, (c) => FOLD_TO[FOLD_FROM.indexOf(c)] as string)
    : text
}

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

/** Characters no TOKEN alternative starts with or goes on over (bar a link's `://`). */
const SPACE = '[\\s,;:()[\\]{}<>"=|/\\\\!?*&#$~^`]'
/** Where no token goes on: the line's end, a SPACE, or one of `.%+'-` before either. */
const ENDS = `(?=$|${SPACE}|[.%+'-](?:$|${SPACE}))`

/**
 * Most tokens are plain words. The sticky PLAIN finds one without trying TOKEN's alternatives: a
 * word of ASCII letters with only SPACE characters and `.%+'-` before it, and an end after it.
 * No TOKEN alternative can start before such a word or take it in: only an address can start at
 * one of `.%+'-`, and it needs an `@` where its run of characters stops, which here is a SPACE
 * character or the end; a GUID needs a hyphen and hex digits after the word, a dotted name a
 * letter or digit after the dot, a link `://`. So TOKEN would find this same word here.
 */
const PLAIN = new RegExp(`(?:${SPACE}|[.%+'-])*[A-Za-z]{1,200}${ENDS}(?!:/)`, 'y')

/** Enhanced status codes of delivery reports (RFC 3463): class 2, 4 or 5, subject, detail. */
const NDR_CODE = /^[245]\.\d{1,3}\.\d{1,3}$/

/** A dotted name is a host name when it ends in a top-level or internal domain. */
const HOST_END =
  /\.(?:com|net|org|edu|gov|mil|int|io|co|uk|us|de|fr|nl|be|ch|at|au|ca|jp|cn|in|br|es|it|se|no|dk|fi|pl|ru|nz|za|ie|local|lan|corp|internal|intra|home|arpa|biz|info|cloud|microsoft)$/i

const owns = new WeakMap<ReadonlySet<string>, Map<string, string>>()

/**
 * Each word of a vocabulary to itself, made once per set. A token keeps the vocabulary's own
 * string for its word rather than the one just made: the words of a megabyte paste that the
 * knowledge base knows (most of them) are then held once, not once per token, and the maps the
 * matcher looks them up in already know their hashes. (Were the set changed later, a word it
 * gained would only keep its new string.)
 */
function ownWords(vocabulary: ReadonlySet<string>): Map<string, string> {
  let own = owns.get(vocabulary)
  if (!own) owns.set(vocabulary, (own = new Map([...vocabulary].map((w) => [w, w]))))
  return own
}

function classifyWord(word: string): { t: string; kind: TokenKind } {
  if (/^\d+$/.test(word))
    return word.length <= 4 ? { t: word, kind: 'word' } : { t: '<num>', kind: 'number' }
  // Mixed letters and digits of some length are machine names, request ids or build stamps.
  if (word.length >= 8 && /\d/.test(word) && /[A-Za-z]/.test(word)) return { t: '<id>', kind: 'id' }
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
  // Room for 16 tokens to begin with: columns that small are made quickly (inside the heap),
  // and most texts normalised are a signature or a short paste.
  const list: TokenList = {
    length: 0,
    t: [],
    kind: [],
    start: new Int32Array(16),
    end: new Int32Array(16),
    line: new Int32Array(16),
    noise: new Int32Array(16),
  }
  const values: ExtractedValues = { emails: [], guids: [], servers: [] }
  const seen = new Set<string>()
  const keep = (list: string[], value: string) => {
    const key = `${list === values.emails ? 'e' : list === values.guids ? 'g' : 's'}:${value.toLowerCase()}`
    if (!seen.has(key) && list.length < 50) {
      seen.add(key)
      list.push(value)
    }
  }
  const own = vocabulary && ownWords(vocabulary)
  // The token a wrap joined last: it joins nothing more.
  let joined = -1
  // The line being read, and 1 when it is PowerShell decoration.
  let line = 0
  let noise = 0

  const add = (start: number, end: number, kind: TokenKind, t: string) => {
    const a = list.length - 1
    // A console or a narrow column can cut a word at the line end ("Messag" + "ing"). When the
    // two halves are not words the knowledge base knows but their join is, they make one token.
    // Cheapest test first: only the last token of a line and the first of the next can join.
    if (
      vocabulary &&
      a > joined &&
      list.line[a] === line - 1 &&
      // PowerShell's decoration is never the rest of an error's word, nor the reverse.
      list.noise[a] === noise &&
      JOINABLE.has(kind) &&
      JOINABLE.has(list.kind[a] as TokenKind) &&
      (!vocabulary.has(list.t[a] as string) || !vocabulary.has(t)) &&
      /^\s*\n\s*$/.test(folded.slice(list.end[a], start))
    ) {
      const whole = joinedToken(folded.slice(list.start[a], list.end[a]) + folded.slice(start, end))
      if (vocabulary.has(whole.t)) {
        list.end[a] = end
        list.kind[a] = whole.kind
        list.t[a] = whole.t
        joined = a
        return
      }
    }
    const i = list.length++
    if (i === list.start.length) {
      // Full: twice the room.
      const more = (column: Int32Array) => {
        const wider = new Int32Array(i * 2)
        wider.set(column)
        return wider
      }
      list.start = more(list.start)
      list.end = more(list.end)
      list.line = more(list.line)
      list.noise = more(list.noise)
    }
    list.start[i] = start
    list.end[i] = end
    list.line[i] = line
    list.kind[i] = kind
    list.noise[i] = noise
    list.t[i] = own?.get(t) ?? t
  }

  let lineStart = 0
  while (lineStart <= folded.length) {
    let lineEnd = folded.indexOf('\n', lineStart)
    if (lineEnd < 0) lineEnd = folded.length
    const lineText = folded.slice(lineStart, lineEnd)
    noise = NOISE_LINE.test(lineText) ? 1 : 0
    // `[Server=EXCH01,RequestId=…]` in FullyQualifiedErrorId names the server that answered.
    const server = noise ? /Server=([A-Za-z0-9.-]{1,253})/.exec(lineText)?.[1] : undefined
    if (server) keep(values.servers, server)
    // Decoration lines are still read for the values they name, but make no tokens unless asked.
    const emit = keepNoise || !noise
    let from = 0
    for (;;) {
      // A plain word first; anything else (or nothing found) goes through TOKEN from the same place.
      PLAIN.lastIndex = from
      if (PLAIN.test(lineText)) {
        const end = PLAIN.lastIndex
        // The word is the run of letters the match ends with.
        let start = end
        while (start > from && ((lineText.charCodeAt(start - 1) | 32) - 97) >>> 0 < 26) start--
        if (emit)
          add(lineStart + start, lineStart + end, 'word', lineText.slice(start, end).toLowerCase())
        from = end
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
          const word = classifyWord(part[0])
          if (emit) add(at, at + part[0].length, word.kind, word.t)
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
      if (emit) add(start, end, kind, t)
    }
    lineStart = lineEnd + 1
    line++
  }

  const cuts: number[] = []
  for (const m of folded.matchAll(/\u2026|\.{3,}/g)) cuts.push(m.index)
  return new Pasted(text, list, values, truncated, binary, cuts)
}

/**
 * A normalised paste. Its tokens as objects are made for the few callers that want them, when
 * first asked for (a getter on the class: an object literal with one is slow to make).
 */
class Pasted implements Normalized {
  #tokens: Token[] | undefined
  constructor(
    readonly text: string,
    readonly list: TokenList,
    readonly values: ExtractedValues,
    readonly truncated: boolean,
    readonly binary: boolean,
    readonly cuts: number[],
  ) {}
  get tokens(): Token[] {
    const { list } = this
    return (this.#tokens ??= Array.from({ length: list.length }, (_, i) => ({
      t: list.t[i] as string,
      kind: list.kind[i] as TokenKind,
      start: list.start[i] as number,
      end: list.end[i] as number,
      line: list.line[i] as number,
      noise: list.noise[i] === 1,
    })))
  }
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
  const sample = text.slice(0, 65536)
  let control = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) control++
  }
  return control / sample.length > 0.1
}
