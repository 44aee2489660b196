/**
 * Properties of what arrives from outside the app — share links, `?error=` links, the state
 * stored in the tab — on any input: never a throw, always a well-formed result.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { answersQuery, consumeErrorParam, parseAnswers } from '../../src/app/paths.ts'
import { UNKNOWN, type Kb } from '../../src/engine/types.ts'
import { inputsStore } from '../../src/store/inputs.ts'
import { anyText, codeUnit, hugeText } from '../helpers/hostile.ts'
import source from 'virtual:kb'

// This file runs in jsdom (the store needs sessionStorage), where the knowledge base comes from
// the same Vite plugin as in the app (inlined in tests).
if (!('data' in source)) throw new Error('The tests expect the knowledge base inlined.')
const kb: Kb = source.data

const WORDINGS = kb.entries.flatMap((e) => e.signatures.slice(0, 1).map((s) => s.text))
const QUESTIONS = new Map(kb.questions.map((q) => [q.id, q]))

/** Query strings: random text, real question ids with random or real values, broken escapes. */
const queryString = fc.oneof(
  anyText(WORDINGS),
  fc
    .array(
      fc.tuple(
        fc.oneof(fc.constantFrom(...QUESTIONS.keys()), fc.string({ unit: codeUnit })),
        fc.oneof(
          fc.constant(UNKNOWN),
          fc.constantFrom(...kb.questions.flatMap((q) => q.options.map((o) => o.value))),
          fc.string({ unit: codeUnit }),
          fc.constantFrom('%', '%E0%A4%A', '%ZZ', '%00', '+', '&&', '=='),
        ),
      ),
      { maxLength: 12 },
    )
    .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&')),
)

describe('parseAnswers, on any query string', () => {
  it('never throws; keeps only known questions with their own options, each once', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          queryString,
          fc.constant('?').chain(() => queryString),
        ),
        (search) => {
          const { answers, order, ignored } = parseAnswers(kb, search)
          expect(order).toEqual(Object.keys(answers))
          expect(new Set(order).size).toBe(order.length)
          for (const [q, v] of Object.entries(answers)) {
            const question = QUESTIONS.get(q)
            expect(question).toBeDefined()
            expect(v === UNKNOWN || question?.options.some((o) => o.value === v)).toBe(true)
          }
          for (const i of ignored) expect(typeof i).toBe('string')
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('round-trips any valid answers through answersQuery', () => {
    const valid = fc
      .uniqueArray(fc.constantFrom(...kb.questions), { selector: (q) => q.id, maxLength: 8 })
      .chain((qs) =>
        fc.tuple(
          ...qs.map((q) =>
            fc.constantFrom(UNKNOWN, ...q.options.map((o) => o.value)).map((v) => [q.id, v]),
          ),
        ),
      )
    fc.assert(
      fc.property(valid, (pairs) => {
        const answers = Object.fromEntries(pairs)
        const order = pairs.map(([q]) => q as string)
        expect(parseAnswers(kb, answersQuery(answers, order))).toEqual({
          answers,
          order,
          ignored: [],
        })
      }),
      { numRuns: 500 },
    )
  })
})

describe('consumeErrorParam, on any start address', () => {
  const part = fc.oneof(queryString, anyText(WORDINGS))
  const withError = fc
    .tuple(part, anyText(WORDINGS), part)
    .map(([a, e, b]) => `${a}&error=${e}&${b}`)
  const location = fc.record({
    search: fc.oneof(
      part,
      withError.map((q) => `?${q}`),
    ),
    hash: fc.oneof(
      part,
      withError.map((q) => `#/?${q}`),
      fc.constant('#/'),
    ),
    pathname: fc.oneof(fc.constant('/'), fc.constant('/tools/triage/index.html'), part),
  })

  it('never throws; takes the text at most 100,000 characters long and strips it from the address', () => {
    fc.assert(
      fc.property(location, (loc) => {
        const replaced: string[] = []
        const value = consumeErrorParam(loc, (url) => replaced.push(url))
        if (value === null) {
          expect(replaced).toEqual([])
          return
        }
        expect(typeof value).toBe('string')
        expect(value.length).toBeLessThanOrEqual(100_000)
        expect(replaced).toHaveLength(1)
        const url = replaced[0] ?? ''
        expect(url.startsWith(loc.pathname)).toBe(true)
        expect(url.endsWith('#/')).toBe(true)
        expect(new URLSearchParams(url.slice(loc.pathname.length, -2)).has('error')).toBe(false)
      }),
      { numRuns: 2000 },
    )
  })

  it('never throws on a 1 MiB link', () => {
    fc.assert(
      fc.property(hugeText, (text) => {
        const value = consumeErrorParam(
          { search: `?error=${text}`, hash: '', pathname: '/' },
          () => {},
        )
        expect((value ?? '').length).toBeLessThanOrEqual(100_000)
      }),
      { numRuns: 5 },
    )
  })
})

describe('the stored state of the tab, whatever it holds', () => {
  const junk = fc.oneof(
    fc.jsonValue(),
    fc.record(
      {
        text: fc.oneof(fc.jsonValue(), anyText(WORDINGS)),
        answers: fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.string())),
        order: fc.oneof(fc.jsonValue(), fc.array(fc.string())),
        values: fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.string())),
        symptom: fc.jsonValue(),
      },
      { requiredKeys: [] },
    ),
  )
  const stored = fc.oneof(
    junk.map((state) => JSON.stringify({ state, version: 1 })),
    fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null'),
    anyText(WORDINGS),
  )

  it('is read without a throw into a well-formed state', async () => {
    await fc.assert(
      fc.asyncProperty(stored, async (raw) => {
        inputsStore.setState({ text: '', answers: {}, order: [], values: {}, symptom: null })
        sessionStorage.setItem('mmt-inputs', raw)
        await inputsStore.persist.rehydrate()
        const s = inputsStore.getState()
        const isPlainRecord = (x: unknown) =>
          !!x &&
          typeof x === 'object' &&
          !Array.isArray(x) &&
          Object.values(x).every((v) => typeof v === 'string')
        expect(typeof s.text).toBe('string')
        expect(isPlainRecord(s.answers)).toBe(true)
        expect(isPlainRecord(s.values)).toBe(true)
        expect(Array.isArray(s.order)).toBe(true)
        for (const q of s.order) expect(Object.hasOwn(s.answers, q)).toBe(true)
        expect(s.symptom === null || typeof s.symptom === 'string').toBe(true)
        // The actions survive whatever was stored.
        expect(typeof s.setText).toBe('function')
        s.setText('after')
        expect(inputsStore.getState().text).toBe('after')
      }),
      { numRuns: 500 },
    )
  })
})
