/**
 * Authoring check for some entries: `npx tsx scripts/check-entries.ts <id-or-file> …`
 * Validates the whole knowledge base leniently, then reports, for the entries named:
 * schema and cross-reference problems, whether each sample ranks its entry first, which other
 * entries also score on those samples, and the questions the wizard would ask.
 * Exit code 1 when anything named has a problem.
 */
import { basename } from 'node:path'
import { loadKbLeniently } from '../src/content/compile.ts'
import { diagnose } from '../src/engine/diagnose.ts'

const wanted = process.argv.slice(2).map((a) => basename(a, '.json'))
if (wanted.length === 0) {
  console.error('usage: npx tsx scripts/check-entries.ts <entry id or file> …')
  process.exit(2)
}
const { kb, problems } = loadKbLeniently()
let bad = 0
for (const p of problems)
  if (wanted.some((w) => p.startsWith(`entries/${w}.json`)) || p.startsWith('questions/')) {
    console.log(`PROBLEM ${p}`)
    bad++
  }
for (const id of wanted) {
  const entry = kb.full.find((e) => e.id === id)
  if (!entry) {
    console.log(`${id}: not loaded (see problems above, or no such file)`)
    bad++
    continue
  }
  console.log(`\n${id}: ${entry.signatures.length} signatures, ${entry.samples.length} samples`)
  entry.samples.forEach((text, i) => {
    const d = diagnose(kb, text)
    const top = d.candidates[0]
    const ok = top?.entryId === id && d.live.some((c) => c.entryId === id)
    if (!ok) bad++
    const others = d.candidates
      .filter((c) => c.entryId !== id)
      .slice(0, 3)
      .map((c) => `${c.entryId} ${c.score}`)
    console.log(
      `  sample ${i}: ${ok ? 'ok' : 'FAIL'} verdict=${d.verdict} top=${top?.entryId ?? '-'} ${top?.score ?? ''}` +
        `${others.length ? ` | also: ${others.join(', ')}` : ''}` +
        ` | next question: ${d.nextQuestion?.id ?? '-'}`,
    )
  })
}
console.log(`\n${bad === 0 ? 'all good' : `${bad} problem(s)`}`)
process.exit(bad ? 1 : 0)
