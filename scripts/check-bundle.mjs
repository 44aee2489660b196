#!/usr/bin/env node
// Fails when the JavaScript the start page loads to match a paste passes its gzip budget. Reads
// dist/ (run after `vite build`): the app's module script, which index.html's inline loader adds
// (see scripts/prerender-plugin.ts), and its static imports (all a result link without a paste
// runs), plus the matcher's chunk and its imports, which the start page loads with the knowledge
// base (src/app/kb.ts `loadMatcher`).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

/** Budget for the initial JavaScript, gzip, with the whole knowledge base matchable. */
const BUDGET_KB = 100

const html = readFileSync('dist/index.html', 'utf8')
const entry = /script\.src = "\.?\/?([^"]+\.js)"/.exec(html)?.[1]
if (!entry) {
  console.error('check-bundle: no app script in the loader of dist/index.html')
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
const gzipKb = (files) =>
  [...files].reduce((sum, f) => sum + gzipSync(readFileSync(join('dist', f))).length, 0) / 1024
visit(entry)
const appFiles = [...seen]
console.log(`app script: ${appFiles.join(', ')} = ${gzipKb(appFiles).toFixed(1)} KB gzip`)
const matcher = /import\(\s*[`"']\.\/(matcher-[\w-]+\.js)[`"']/.exec(
  readFileSync(join('dist', entry), 'utf8'),
)?.[1]
if (!matcher) {
  console.error('check-bundle: the app script loads no matcher chunk (matcher-*.js)')
  process.exit(1)
}
visit(join('assets', matcher))
const kb = gzipKb(seen)
console.log(
  `initial JS with the matcher: ${[...seen].filter((f) => !appFiles.includes(f)).join(', ')} ` +
    `and the app script = ${kb.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB)`,
)
// Reported, not budgeted: the knowledge-base data the page fetches beside its script.
const gz = (path) => gzipSync(readFileSync(path)).length / 1024
const assets = readdirSync('dist/assets')
for (const f of assets.filter((x) => /^(kb|questions)-.*\.json$/.test(x)))
  console.log(`knowledge base data: assets/${f} = ${gz(join('dist/assets', f)).toFixed(1)} KB gzip`)
for (const dir of assets.filter((x) => /^e-[0-9a-f]+$/.test(x))) {
  const sizes = readdirSync(join('dist/assets', dir))
    .map((f) => gz(join('dist/assets', dir, f)))
    .sort((a, b) => a - b)
  console.log(
    `entry files: assets/${dir}/ = ${sizes.length} files, median ${sizes[sizes.length >> 1].toFixed(1)} KB, largest ${sizes[sizes.length - 1].toFixed(1)} KB gzip`,
  )
}
process.exit(kb > BUDGET_KB ? 1 : 0)
