// @vitest-environment node
/**
 * A result page opened from a link renders before the match index has arrived, from the entry's
 * own file and the questions (src/app/kb.ts `lookupsOnly`). Its lookups must answer exactly as
 * they do with the whole knowledge base, for every entry and every answer its conditions take.
 */
import { describe, expect, it } from 'vitest'
import { entryFile, lookupsOnly, questionCatalogue } from '../../src/app/kb.ts'
import { parseAnswers } from '../../src/app/paths.ts'
import { failedConditions, findEntry, findQuestion } from '../../src/engine/diagnose.ts'
import { UNKNOWN } from '../../src/engine/types.ts'
import { kb } from '../helpers/kb.ts'

describe('a result page without the match index', () => {
  it('reads links and rules out entries as the whole knowledge base does', () => {
    let cases = 0
    for (const entry of kb.entries) {
      const early = lookupsOnly([entry], kb.questions)
      expect(findEntry(early, entry.id)).toBe(entry)
      for (const c of entry.conditions) {
        const q = findQuestion(kb, c.question)
        expect(findQuestion(early, c.question)).toBe(q)
        for (const value of [...(q?.options.map((o) => o.value) ?? []), UNKNOWN, 'nonsense']) {
          const search = `${c.question}=${value}&colour=blue`
          const parsed = parseAnswers(early, search)
          expect(parsed).toEqual(parseAnswers(kb, search))
          expect(failedConditions(early, entry, parsed.answers)).toEqual(
            failedConditions(kb, entry, parsed.answers),
          )
          cases++
        }
      }
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
    expect(await entryFile('no-such-problem')).toBeNull()
    expect(await entryFile('../kb')).toBeNull()
  })
})
