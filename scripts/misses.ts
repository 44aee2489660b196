/**
 * `npx tsx scripts/misses.ts` — the generated knowledge base `npm run bench` measures (10,000
 * entries, 1,000 noisy pastes, same seed), and the pastes whose expected entry our matcher does
 * not rank first: the paste, the expected and the first entry's text and scores, the rank of the
 * expected entry, and whether minisearch (configured as in the bench) ranks it first. For reading
 * misses when ranking rules change; the bench reports the rates.
 *
 * Options: `--size=N`, `--queries=N`, `--seed=N` (another generated set), `--no-minisearch`
 * (faster: minisearch takes ~50 ms a paste at 10k).
 */
import MiniSearch from 'minisearch'
import { buildIndex, signatureTokens } from '../src/engine/build-index.ts'
import { rankCandidates } from '../src/engine/match.ts'
import { normalize } from '../src/engine/normalize.ts'
import type { Kb } from '../src/engine/types.ts'
import { syntheticKb } from './synthetic.ts'

const option = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback)
const size = option('size', 10_000)
const queryCount = option('queries', 1_000)
const seed = option('seed', 20261125)
const withMinisearch = !process.argv.includes('--no-minisearch')

const { entries, queries, vocabulary } = syntheticKb(size, queryCount, seed)
const kb: Kb = { entries, questions: [], index: buildIndex(entries) }
const textOf = (e: number) => entries[e]?.signatures[0]?.text ?? ''
const index = new Map(entries.map((e, i) => [e.id, i]))
const ms = new MiniSearch<{ id: number; text: string }>({
  fields: ['text'],
  tokenize: (s) => s.split(' '),
  processTerm: (t) => t || null,
})
if (withMinisearch)
  ms.addAll(
    entries.map((_, id) => ({
      id,
      text: signatureTokens(textOf(id))
        .filter((t) => t !== '*')
        .join(' '),
    })),
  )

let top1 = 0
let top3 = 0
let minisearchTop1 = 0
let onlyMinisearch = 0
queries.forEach((q, i) => {
  const normalized = normalize(q.text, vocabulary)
  const { candidates } = rankCandidates(kb, normalized)
  const ranked = candidates.map((c) => index.get(c.entryId) ?? -1)
  const { list } = normalized
  const words = list.t.filter((_, k) => !list.noise[k]).join(' ')
  const theirs = withMinisearch && ms.search(words, { combineWith: 'OR' })[0]?.id === q.expect
  if (theirs) minisearchTop1++
  if (ranked.slice(0, 3).includes(q.expect)) top3++
  if (ranked[0] === q.expect) {
    top1++
    return
  }
  if (theirs) onlyMinisearch++
  const expected = candidates[ranked.indexOf(q.expect)]
  const first = candidates[0]
  console.log(
    `\n#${i} expected ${q.expect} (score ${expected?.score ?? '–'}, rank ${ranked.indexOf(q.expect) + 1 || '–'}), first ${ranked[0]} (score ${first?.score ?? '–'})${withMinisearch ? `, minisearch ${theirs ? 'right' : 'wrong'}` : ''}`,
  )
  console.log(`  paste:    ${q.text.replace(/\n/g, ' ⏎ ')}`)
  console.log(`  expected: ${textOf(q.expect)}`)
  console.log(`  first:    ${textOf(ranked[0] ?? -1)}`)
})
const pct = (n: number) => `${Math.round((n / queries.length) * 1000) / 10}%`
console.log(
  `\n${queries.length} pastes: top-1 ${pct(top1)}, top-3 ${pct(top3)}${withMinisearch ? `; minisearch top-1 ${pct(minisearchTop1)}, right where we miss: ${onlyMinisearch}` : ''}`,
)
