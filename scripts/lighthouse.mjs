#!/usr/bin/env node
// `npm run lighthouse` — builds the app (skip with --no-build when dist/ is current), serves dist/
// on 127.0.0.1 with a small static server, and runs the installed Lighthouse (mobile preset) in
// Debian's Chromium on the start page and on a result page. Prints the four category scores and
// the LCP of each page, and every audit that cost points. `--json` prints one summary line.
// Reports are written to lighthouse-reports/ (ignored by git).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, join, resolve, sep } from 'node:path'
import { gzipSync } from 'node:zlib'

const CHROME_FLAGS =
  '--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync'
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo']
const PAGES = [
  ['start', '/'],
  [
    'result',
    '/#/result/staged-migration-federated-users-force-change-password?users-federated=yes',
  ],
]
const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
}

const json = process.argv.includes('--json')
const log = (s) => {
  if (!json) console.log(s)
}
const root = resolve('dist')
const bin = (name) => resolve('node_modules', '.bin', name)

if (!process.argv.includes('--no-build')) {
  log('Building…')
  const built = spawnSync(bin('vite'), ['build', '--logLevel', 'warn'], { stdio: 'inherit' })
  if (built.status !== 0) process.exit(built.status ?? 1)
}
if (!existsSync(join(root, 'index.html'))) {
  console.error('lighthouse: no dist/index.html; run without --no-build')
  process.exit(1)
}

const server = createServer((req, res) => {
  void (async () => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end()
      return
    }
    let pathname
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)
    } catch {
      res.writeHead(400).end('Bad request')
      return
    }
    if (pathname.endsWith('/')) pathname += 'index.html'
    const file = resolve(root, `.${pathname}`)
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end('Forbidden')
      return
    }
    try {
      const info = await stat(file)
      if (!info.isFile()) throw new Error('not a file')
      const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
      // Compressed as any static host serves text, so the numbers are those of a real deployment.
      const gzip =
        /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') &&
        /text|json|svg|javascript/.test(type)
      const raw = await readFile(file)
      const body = gzip ? gzipSync(raw) : raw
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Length': body.length,
        ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
        'X-Content-Type-Options': 'nosniff',
      })
      res.end(req.method === 'HEAD' ? undefined : body)
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found')
    }
  })()
})
await new Promise((ok, fail) => {
  server.once('error', fail)
  server.listen(0, '127.0.0.1', ok)
})
const origin = `http://127.0.0.1:${server.address().port}`
const outDir = resolve('lighthouse-reports')
mkdirSync(outDir, { recursive: true })

const summary = {}
let failed = false
for (const [name, path] of PAGES) {
  const out = join(outDir, `${name}.json`)
  log(`Lighthouse on ${origin}${path} …`)
  const run = await new Promise((ok) => {
    // Asynchronous, so this process keeps serving the pages while Lighthouse loads them.
    {
      const child = spawn(
        bin('lighthouse'),
        [
          `${origin}${path}`,
          '--output=json',
          `--output-path=${out}`,
          '--quiet',
          `--only-categories=${CATEGORIES.join(',')}`,
          `--chrome-flags=${CHROME_FLAGS}`,
        ],
        {
          stdio: ['ignore', 'ignore', 'pipe'],
          env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
        },
      )
      let err = ''
      child.stderr.on('data', (d) => (err += d))
      child.on('close', (code) => ok({ code, err }))
    }
  })
  if (run.code !== 0 || !existsSync(out)) {
    console.error(`lighthouse failed on ${name} (exit ${run.code}):\n${run.err.slice(-2000)}`)
    failed = true
    continue
  }
  const report = JSON.parse(readFileSync(out, 'utf8'))
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => [c, Math.round((report.categories[c]?.score ?? 0) * 100)]),
  )
  const lcp = report.audits['largest-contentful-paint']
  const lost = []
  for (const c of CATEGORIES)
    for (const ref of report.categories[c]?.auditRefs ?? []) {
      const a = report.audits[ref.id]
      if (ref.weight > 0 && a && a.score !== null && a.score < 1)
        lost.push(`${c}: ${a.id} (${a.score}) ${a.displayValue ?? ''}`.trim())
    }
  summary[name] = { url: path, ...scores, lcpMs: Math.round(lcp?.numericValue ?? NaN), lost }
  log(
    `  ${name.padEnd(7)} performance ${scores.performance}  accessibility ${scores.accessibility}  best-practices ${scores['best-practices']}  seo ${scores.seo}  LCP ${lcp?.displayValue ?? '?'}`,
  )
  for (const l of lost) log(`    lost points: ${l}`)
}
server.close()
if (json) console.log(JSON.stringify(summary))
log(`Reports: ${outDir}`)
process.exitCode = failed ? 1 : 0
