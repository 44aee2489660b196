// @vitest-environment node
/**
 * A result page opened from a link renders before the match index has arrived, from the entry's
 * own file: its head, its body and the questions it refers to (src/app/kb.ts `lookupsOnly`, and
 * the whole catalogue only when the link answers other questions). Its lookups must answer
 * exactly as they do with the whole knowledge base, for every entry and every answer its
 * conditions take.
 */
import { describe, expect, it } from 'vitest'
import { entryQuestions } from '../../src/app/entry-file.ts'
import { entryFile, lookupsOnly, questionCatalogue } from '../../src/app/kb.ts'
import { parseAnswers } from '../../src/app/paths.ts'
import { failedConditions, findEntry, findQuestion } from '../../src/engine/lookups.ts'
import { UNKNOWN } from '../../src/engine/types.ts'
import { kb } from '../helpers/kb.ts'

describe('a result page without the match index', () => {
  it('reads links and rules out entries as the whole knowledge base does', () => {
    let cases = 0
    for (const entry of kb.entries) {
      const own = entryQuestions(entry, kb.questions)
      for (const questions of [own, kb.questions]) {
        const early = lookupsOnly([entry], questions)
        expect(findEntry(early, entry.id)).toBe(entry)
        for (const c of entry.conditions) {
          const q = findQuestion(kb, c.question)
          expect(findQuestion(early, c.question)).toBe(q)
          for (const value of [...(q?.options.map((o) => o.value) ?? []), UNKNOWN, 'nonsense']) {
            // With its own questions the page reads only links that answer nothing else.
            const search =
              questions === own ? `${c.question}=${value}` : `${c.question}=${value}&colour=blue`
            const parsed = parseAnswers(early, search)
            expect(parsed).toEqual(parseAnswers(kb, search))
            expect(failedConditions(early, entry, parsed.answers)).toEqual(
              failedConditions(kb, entry, parsed.answers),
            )
            cases++
          }
        }
      }
      // The steps' conditions are among its own questions too.
      for (const qid of entry.tailoring) expect(own.map((q) => q.id)).toContain(qid)
    }
    expect(cases).toBeGreaterThan(100)
  })

  it('gives each entry its head and body, and null for an unknown id', async () => {
    expect(await questionCatalogue()).toEqual(kb.questions)
    const first = kb.entries[0]
    if (!first) throw new Error('The knowledge base has no entries.')
    const file = await entryFile(first.id)
    expect(file?.head).toEqual(first)
    expect(file?.body).toEqual(kb.bodies[first.id])
    expect(file?.questions).toEqual(entryQuestions(first, kb.questions))
    expect(await entryFile('no-such-problem')).toBeNull()
    expect(await entryFile('../kb')).toBeNull()
  })
})
