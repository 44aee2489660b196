#!/usr/bin/env node
// Fails when the JavaScript the start page loads passes its gzip budget. Reads dist/ (run after
// `vite build`): follows index.html's module script and its static imports.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

/** Budget for the initial JavaScript, gzip, with the whole knowledge base matchable. */
const BUDGET_KB = 100

const html = readFileSync('dist/index.html', 'utf8')
const entry = /<script type="module"[^>]*src="\.?\/?([^"]+)"/.exec(html)?.[1]
if (!entry) {
  console.error('check-bundle: no module script in dist/index.html')
  process.exit(1)
}
const seen = new Set()
const visit = (file) => {
  if (seen.has(file)) return
  seen.add(file)
  const code = readFileSync(join('dist', file), 'utf8')
  for (const m of code.matchAll(
    /(?:^|[;\s])import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([\w.-]+\.js)["']/g,
  ))
    visit(join('assets', m[1]))
}
visit(entry)
let total = 0
for (const f of seen) total += gzipSync(readFileSync(join('dist', f))).length
const kb = total / 1024
console.log(
  `initial JS: ${[...seen].join(', ')} = ${kb.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB)`,
)
// Reported, not budgeted: the knowledge-base data the page fetches beside its script.
const data = readdirSync('dist/assets').filter((f) => /^kb-.*\.json$/.test(f))
for (const f of data) {
  const size = gzipSync(readFileSync(join('dist/assets', f))).length / 1024
  console.log(`knowledge base data: assets/${f} = ${size.toFixed(1)} KB gzip`)
}
process.exit(kb > BUDGET_KB ? 1 : 0)
