// @vitest-environment node
/**
 * normalize() keeps its tokens in columns, finds most plain words without TOKEN's alternatives,
 * and joins words cut by a wrap as it goes. These tests hold it to a plain reading of the same
 * rules: every token found by the one TOKEN expression, kept as an object, and wrapped words
 * joined in a pass of their own afterwards. Both must give the same tokens (comparable form,
 * kind, offsets, line, decoration mark), with and without a vocabulary and decoration tokens.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { generated, readJsonl } from '../../scripts/noisy.ts'
import { foldText, normalize, type Token, type TokenKind } from '../../src/engine/normalize.ts'
import { anyText } from '../helpers/hostile.ts'
import { kb } from '../helpers/kb.ts'

const NOISE_LINE =
  /^\s*(?:\+\s*(?:CategoryInfo|FullyQualifiedErrorId|PSComputerName|InvocationInfo)\b|\+\s*~+\s*$|At line:\s*\d+|At [A-Za-z]:\\|At \S+\.ps1:\d+)/i
const TOKEN =
  /(https?:\/\/[^\s"'<>]{1,2000})|([A-Za-z0-9._%+'-]{1,200}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,10})|([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})|((?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})(?:[T .]\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\.\d{1,7})?(?:\s?[AaPp][Mm])?Z?)?(?![.\d]))|(\d{1,2}:\d{2}:\d{2}(?:\s?[AaPp][Mm])?)|(0[xX][0-9a-fA-F]{1,32})|([\p{L}\p{N}_]{1,200}(?:\.[\p{L}\p{N}_-]{1,63}){2,10})|([\p{L}\p{M}\p{N}_]{1,200})/gu
const HOST_END =
  /\.(?:com|net|org|edu|gov|mil|int|io|co|uk|us|de|fr|nl|be|ch|at|au|ca|jp|cn|in|br|es|it|se|no|dk|fi|pl|ru|nz|za|ie|local|lan|corp|internal|intra|home|arpa|biz|info|cloud|microsoft)$/i

function classify(word: string): { t: string; kind: TokenKind } {
  const digits = word.replace(/[^0-9]/g, '').length
  const letters = word.replace(/[^A-Za-z]/g, '').length
  if (digits === word.length)
    return word.length <= 4 ? { t: word, kind: 'word' } : { t: '<num>', kind: 'number' }
  if (word.length >= 8 && digits > 0 && letters > 0) return { t: '<id>', kind: 'id' }
  return { t: word.toLowerCase(), kind: 'word' }
}

/** The plain reading: TOKEN alone, an object per token, then a pass joining wrapped words. */
function plainTokens(text: string, vocabulary?: Set<string>, noiseTokens = true): Token[] {
  const folded = foldText(text)
  const tokens: Token[] = []
  let lineStart = 0
  folded.split('\n').forEach((lineText, line) => {
    const noise = NOISE_LINE.test(lineText)
    const at = lineStart
    lineStart += lineText.length + 1
    if (noise && !noiseTokens) return
    const push = (t: string, kind: TokenKind, start: number, end: number) =>
      tokens.push({ t, kind, start, end, line, noise })
    for (const m of lineText.matchAll(TOKEN)) {
      const start = at + m.index
      const end = start + m[0].length
      const dotted = m[7]
      if (m[1]) push('<url>', 'url', start, end)
      else if (m[2]) push('<email>', 'email', start, end)
      else if (m[3]) push('<guid>', 'guid', start, end)
      else if (m[4] || m[5]) push('<time>', 'time', start, end)
      else if (m[6]) push(m[6].toLowerCase(), 'hex', start, end)
      else if (dotted && !/^[\d.]+$/.test(dotted) && !HOST_END.test(dotted))
        for (const part of dotted.matchAll(/[\p{L}\p{M}\p{N}_]{1,200}/gu)) {
          const { t, kind } = classify(part[0])
          push(t, kind, start + part.index, start + part.index + part[0].length)
        }
      else if (dotted && /^[245]\.\d{1,3}\.\d{1,3}$/.test(dotted)) push(dotted, 'word', start, end)
      else if (dotted && /^[\d.]+$/.test(dotted)) push('<version>', 'number', start, end)
      else if (dotted) push('<host>', 'id', start, end)
      else {
        const { t, kind } = classify((m[8] ?? '').slice(0, 200))
        push(t, kind, start, end)
      }
    }
  })
  if (!vocabulary) return tokens
  const joinable = new Set(['word', 'hex', 'number', 'id'])
  const out: Token[] = []
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i] as Token
    const b = tokens[i + 1]
    if (
      b &&
      b.line === a.line + 1 &&
      a.noise === b.noise &&
      joinable.has(a.kind) &&
      joinable.has(b.kind) &&
      (!vocabulary.has(a.t) || !vocabulary.has(b.t)) &&
      /^\s*\n\s*$/.test(folded.slice(a.end, b.start))
    ) {
      const raw = folded.slice(a.start, a.end) + folded.slice(b.start, b.end)
      const whole = /^0[xX][0-9a-fA-F]{1,32}$/.test(raw)
        ? { t: raw.toLowerCase(), kind: 'hex' as const }
        : classify(raw)
      if (vocabulary.has(whole.t)) {
        out.push({ ...a, ...whole, end: b.end })
        i++
        continue
      }
    }
    out.push(a)
  }
  return out
}

function expectSameTokens(text: string, vocabulary?: Set<string>) {
  expect(normalize(text, vocabulary).tokens).toEqual(plainTokens(text, vocabulary))
  expect(normalize(text, vocabulary, { noiseTokens: false }).tokens).toEqual(
    plainTokens(text, vocabulary, false),
  )
}

const vocabulary = new Set(kb.index.vocabulary)
const WORDINGS = kb.entries.flatMap((e) => e.signatures.map((s) => s.text))

/** Text made of the characters the plain-word rules turn on: letters, `.%+'-`, `@`, `:/`… */
const punctuated = fc
  .array(
    fc.constantFrom(
      ...'abcdefhptsxABCDEFHPTSX0189 _.%+\'-@:/,;()[]"=|\\!?*&#$~^`<>{}\t\r\n\u3000é\u0301…',
      'http://',
      'https://x',
      'deadbeef',
      'a@b.com',
      'x_y@z.org',
      'x.y.z',
      '5.1.1',
      '12:30:45',
      '2026-01-02',
      '0x8004',
      ' AM',
      'At line:1',
      '    + CategoryInfo ',
      'mailbox',
      'Messag\ning',
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(''))

describe('tokens in columns and the plain-word fast path', () => {
  it('give what TOKEN alone gives, on the eval pastes', () => {
    const pastes = [
      ...generated(kb),
      ...readJsonl('tests/eval/corpus.jsonl', 'corpus'),
      ...readJsonl('tests/eval/negatives.jsonl', 'negative'),
    ]
    for (const { text } of pastes) {
      expectSameTokens(text, vocabulary)
      expectSameTokens(text)
    }
  })

  it('give what TOKEN alone gives, on text full of punctuation and on any text', () => {
    fc.assert(
      fc.property(fc.oneof(punctuated, anyText(WORDINGS)), (text) => {
        expectSameTokens(text, vocabulary)
        expectSameTokens(text, new Set(['instant', 'messaging', '0x80040115', 'mailbox']))
        expectSameTokens(text)
      }),
      { numRuns: 3000 },
    )
  })

  it('give what TOKEN alone gives, on every string of up to five pieces that make addresses, links and dotted names', () => {
    const pieces = ['ab', '.', "'", '-', '%', '_', ' ', ':', '/', '@b.com']
    let texts = ['']
    for (let length = 1; length <= 5; length++) {
      texts = texts.flatMap((text) => pieces.map((piece) => text + piece))
      for (const text of texts) expect(normalize(text).tokens, text).toEqual(plainTokens(text))
    }
  })

  it('fold each typographic character to its ASCII one and leave the rest alone', () => {
    const to: Record<string, string> = {}
    for (const c of '\u2018\u2019\u201a\u201b\u2032\u00b4\u0060') to[c] = "'"
    for (const c of '\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb') to[c] = '"'
    for (const c of '\u2010\u2011\u2012\u2013\u2014\u2212') to[c] = '-'
    for (const c of '\u00a0\u2007\u202f\u200b\u200c\u200d\ufeff') to[c] = ' '
    for (let code = 0; code < 0x10000; code++) {
      const c = String.fromCharCode(code)
      expect(foldText(`a${c}b`)).toBe(`a${to[c] ?? c}b`)
    }
  })
})
