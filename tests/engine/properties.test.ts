// @vitest-environment node
/**
 * Properties of the engine on any input: it never throws, and what it returns is well formed.
 * (No timing is asserted: time depends on the machine.)
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { diagnose } from '../../src/engine/diagnose.ts'
import { MAX_INPUT_CHARS } from '../../src/engine/limits.ts'
import { normalize } from '../../src/engine/normalize.ts'
import { UNKNOWN, type Answers } from '../../src/engine/types.ts'
import { escapePowerShell, extractValues, fillTemplate } from '../../src/engine/values.ts'
import { anyText, hugeText } from '../helpers/hostile.ts'
import { kb } from '../helpers/kb.ts'

/**
 * Megabyte inputs take a while on a loaded machine; the runner's limit is raised for them so a
 * busy CI box does not fail them. (Nothing here measures or asserts time.)
 */
const HUGE_INPUT_TEST_TIMEOUT = 120_000

const WORDINGS = kb.entries.flatMap((e) => e.signatures.map((s) => s.text))
const ENTRY_IDS = new Set(kb.entries.map((e) => e.id))
const QUESTION_IDS = new Set(kb.questions.map((q) => q.id))
const TEMPLATES = Object.values(kb.bodies).flatMap((b) => b.commands.map((c) => c.template))
const VALUE_NAMES = [
  ...new Set(TEMPLATES.flatMap((t) => [...t.matchAll(/\{([a-z]+)\}/g)].map((m) => m[1] ?? ''))),
]

/** Answers to real questions (real options, `unknown`, or garbage). */
const answers: fc.Arbitrary<Answers> = fc
  .array(
    fc.tuple(
      fc.constantFrom(...kb.questions),
      fc.oneof(fc.constant(UNKNOWN), fc.string({ maxLength: 10 }), fc.nat()),
    ),
    { maxLength: 6 },
  )
  .map((pairs) =>
    Object.fromEntries(
      pairs.map(([q, pick]) => [
        q.id,
        typeof pick === 'number' ? (q.options[pick % q.options.length]?.value ?? UNKNOWN) : pick,
      ]),
    ),
  )

function expectWellFormedNormalized(input: string) {
  const n = normalize(input)
  expect(n.text.length).toBeLessThanOrEqual(MAX_INPUT_CHARS)
  expect(n.truncated).toBe(input.length > MAX_INPUT_CHARS)
  expect(typeof n.binary).toBe('boolean')
  // One check over all tokens (a 1 MiB paste has hundreds of thousands of them).
  let last = 0
  const bad = n.tokens.find((t) => {
    const wrong = !t.t || t.start < last || t.end <= t.start || t.end > n.text.length
    last = t.start
    return wrong
  })
  expect(bad).toBeUndefined()
  for (const list of [n.values.emails, n.values.guids, n.values.servers])
    for (const v of list) expect(typeof v).toBe('string')
}

function expectWellFormedDiagnosis(text: string, given: Answers = {}) {
  const d = diagnose(kb, text, given)
  expect(['match', 'ambiguous', 'none']).toContain(d.verdict)
  for (const c of d.candidates) {
    expect(ENTRY_IDS.has(c.entryId)).toBe(true)
    expect(c.score).toBeGreaterThanOrEqual(0)
    expect(c.score).toBeLessThanOrEqual(1)
  }
  const scores = d.candidates.map((c) => c.score)
  expect(scores).toEqual([...scores].sort((a, b) => b - a))
  const candidateIds = new Set(d.candidates.map((c) => c.entryId))
  for (const c of d.live) expect(candidateIds.has(c.entryId)).toBe(true)
  if (d.verdict === 'match') {
    expect(d.entryId).not.toBeNull()
    expect(d.live.map((c) => c.entryId)).toContain(d.entryId)
  } else if (d.verdict === 'none') expect(d.live).toEqual([])
  if (d.nextQuestion) expect(QUESTION_IDS.has(d.nextQuestion.id)).toBe(true)
  for (const q of d.answeredByText) expect(QUESTION_IDS.has(q)).toBe(true)
  return d
}

/**
 * The PowerShell characters that end a double-quoted string or start an expansion, not escaped
 * by a backtick: `"`, the typographic double quotes PowerShell also accepts, and `$`.
 */
function unescapedSpecials(command: string): string {
  let out = ''
  for (let i = 0; i < command.length; i++) {
    const c = command[i] ?? ''
    if (c === '`') i++
    else if ('"$\u201c\u201d\u201e'.includes(c)) out += c
  }
  return out
}

describe('normalize, on any text', () => {
  it('never throws; tokens are ordered and lie inside the text', () => {
    fc.assert(fc.property(anyText(WORDINGS), expectWellFormedNormalized), { numRuns: 1000 })
  })

  it('leaving out the tokens of PowerShell decoration changes nothing else', () => {
    const vocabulary = new Set(kb.index.vocabulary)
    const decoration = fc.constantFrom(
      '\n    + CategoryInfo          : NotSpecified: (alex@contoso.com:String) [], RemoteException',
      '\nAt line:1 char:1\n+ ~~~~~~',
      '\n    + FullyQualifiedErrorId : [Server=EXCH01,RequestId=5b1c2e7a-0f3d-4a77-9a43-2d6f1f7c0e11] X',
    )
    const pasted = fc
      .array(fc.oneof(anyText(WORDINGS), decoration), { maxLength: 6 })
      .map((parts) => parts.join(''))
    fc.assert(
      fc.property(pasted, (text) => {
        const all = normalize(text, vocabulary)
        const lean = normalize(text, vocabulary, { noiseTokens: false })
        expect(lean.tokens).toEqual(all.tokens.filter((t) => !t.noise))
        expect(lean.values).toEqual(all.values)
        expect(lean.cuts).toEqual(all.cuts)
      }),
      { numRuns: 1000 },
    )
  })

  it(
    'never throws on inputs up to and past 1 MiB, and reads at most MAX_INPUT_CHARS',
    () => {
      fc.assert(fc.property(hugeText, expectWellFormedNormalized), { numRuns: 8 })
    },
    HUGE_INPUT_TEST_TIMEOUT,
  )
})

describe('diagnose with the real knowledge base, on any text and answers', () => {
  it('never throws and returns a coherent verdict', () => {
    fc.assert(
      fc.property(anyText(WORDINGS), answers, (t, a) => void expectWellFormedDiagnosis(t, a)),
      {
        numRuns: 500,
      },
    )
  })

  it('a known wording with noise spliced in still gets a coherent verdict', () => {
    fc.assert(
      fc.property(fc.constantFrom(...WORDINGS), (w) => void expectWellFormedDiagnosis(w)),
      { numRuns: 200 },
    )
  })

  it(
    'never throws on inputs up to and past 1 MiB',
    () => {
      fc.assert(
        fc.property(hugeText, (t) => void expectWellFormedDiagnosis(t)),
        { numRuns: 6 },
      )
    },
    HUGE_INPUT_TEST_TIMEOUT,
  )
})

describe('values from the paste, and commands filled with them', () => {
  it('extractValues never throws and gives trimmed, non-empty, single-line strings', () => {
    fc.assert(
      fc.property(anyText(WORDINGS), fc.constantFrom(...kb.entries), (text, entry) => {
        const values = extractValues(entry, diagnose(kb, text))
        for (const v of Object.values(values)) {
          expect(typeof v).toBe('string')
          expect(v).toBe(v.trim())
          expect(v.length).toBeGreaterThan(0)
          expect(v).not.toMatch(/[\r\n]/)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('escapePowerShell leaves no unescaped quote, dollar or backtick, and no line break', () => {
    fc.assert(
      fc.property(anyText(WORDINGS), (value) => {
        const escaped = escapePowerShell(value)
        expect(unescapedSpecials(escaped)).toBe('')
        expect(escaped).not.toMatch(/[\r\n\t]/)
        // Escaping never ends on a lone backtick that would swallow the template's closing quote.
        expect(/(^|[^`])(``)*`$/.test(escaped)).toBe(false)
      }),
      { numRuns: 2000 },
    )
  })

  it('a filled command has exactly the quotes and dollars of its template: a value adds none', () => {
    const valueRecord = fc.dictionary(fc.constantFrom(...VALUE_NAMES), anyText(WORDINGS), {
      maxKeys: VALUE_NAMES.length,
    })
    fc.assert(
      fc.property(fc.constantFrom(...TEMPLATES), valueRecord, (template, values) => {
        const filled = fillTemplate(template, values)
        const neutral = template.replace(/\{([a-z]+)\}/g, 'x')
        expect(unescapedSpecials(filled)).toBe(unescapedSpecials(neutral))
        expect(filled.split('\n').length).toBe(template.split('\n').length)
      }),
      { numRuns: 2000 },
    )
  })

  it('values extracted from a hostile paste, filled into every command of the match, add no code', () => {
    fc.assert(
      fc.property(noisyPaste(), (text) => {
        const d = diagnose(kb, text)
        const id = d.candidates[0]?.entryId
        const entry = kb.entries.find((e) => e.id === id)
        if (!entry || !id) return
        const values = extractValues(entry, d)
        for (const c of kb.bodies[id]?.commands ?? []) {
          const neutral = c.template.replace(/\{([a-z]+)\}/g, 'x')
          expect(unescapedSpecials(fillTemplate(c.template, values))).toBe(
            unescapedSpecials(neutral),
          )
        }
      }),
      { numRuns: 300 },
    )
  })
})

/** A known wording whose placeholders are filled with hostile values. */
function noisyPaste() {
  return fc
    .tuple(
      fc.constantFrom(...WORDINGS),
      fc.array(anyText(WORDINGS), { minLength: 4, maxLength: 4 }),
    )
    .map(([w, fills]) => {
      let i = 0
      return w.replace(/\{[a-z]+\}/g, () => fills[i++ % fills.length] ?? '')
    })
}
