#!/usr/bin/env node
// `npm run lighthouse` — builds the app (skip with --no-build when dist/ is current), serves dist/
// on 127.0.0.1 with a small static server, and runs the installed Lighthouse (mobile preset,
// simulated throttling) in Debian's Chromium on the start page and on a result page. Prints the
// four category scores, LCP, FCP, TBT and CLS of each page, and every audit that cost points.
// `--runs=N` runs each page N times and also prints the median of each number (Lighthouse's
// simulation starts from the timings of a real load, so a busy machine moves them; the load
// average is printed with each run). `--json` prints one summary line.
// Reports are written to lighthouse-reports/ (ignored by git); with LH_SAVE_ASSETS=1 in the
// environment, each run's trace and network log too.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import { loadavg } from 'node:os'
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
const runsArg = process.argv.find((a) => a.startsWith('--runs='))
const RUNS = runsArg ? Number(runsArg.slice('--runs='.length)) : 1
if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error('lighthouse: --runs=N takes a whole number of runs, 1 or more')
  process.exit(2)
}
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

/** Runs Lighthouse once on `path`; returns the parsed report, or null when it failed. */
async function lighthouse(name, path, out) {
  const run = await new Promise((ok) => {
    // Asynchronous, so this process keeps serving the pages while Lighthouse loads them.
    const child = spawn(
      bin('lighthouse'),
      [
        `${origin}${path}`,
        '--output=json',
        `--output-path=${out}`,
        '--quiet',
        ...(process.env.LH_SAVE_ASSETS ? ['--save-assets'] : []),
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
  })
  if (run.code !== 0 || !existsSync(out)) {
    console.error(`lighthouse failed on ${name} (exit ${run.code}):\n${run.err.slice(-2000)}`)
    return null
  }
  return JSON.parse(readFileSync(out, 'utf8'))
}

/** The numbers of one report: category scores, metrics, and the audits that cost points. */
function numbers(report) {
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => [c, Math.round((report.categories[c]?.score ?? 0) * 100)]),
  )
  const metric = (id) => report.audits[id]?.numericValue ?? NaN
  const lost = []
  for (const c of CATEGORIES)
    for (const ref of report.categories[c]?.auditRefs ?? []) {
      const a = report.audits[ref.id]
      if (ref.weight > 0 && a && a.score !== null && a.score < 1)
        lost.push(`${c}: ${a.id} (${a.score}) ${a.displayValue ?? ''}`.trim())
    }
  return {
    ...scores,
    lcpMs: Math.round(metric('largest-contentful-paint')),
    fcpMs: Math.round(metric('first-contentful-paint')),
    tbtMs: Math.round(metric('total-blocking-time')),
    cls: Math.round(metric('cumulative-layout-shift') * 1000) / 1000,
    lost,
  }
}

const line = (label, n) =>
  `  ${label.padEnd(14)} performance ${n.performance}  accessibility ${n.accessibility}  best-practices ${n['best-practices']}  seo ${n.seo}  LCP ${(n.lcpMs / 1000).toFixed(2)} s  FCP ${(n.fcpMs / 1000).toFixed(2)} s  TBT ${n.tbtMs} ms  CLS ${n.cls}`

function median(values) {
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

const results = Object.fromEntries(PAGES.map(([name]) => [name, []]))
let failed = false
for (let r = 1; r <= RUNS; r++)
  for (const [name, path] of PAGES) {
    const out = join(outDir, RUNS > 1 ? `${name}-${r}.json` : `${name}.json`)
    const load = loadavg()[0].toFixed(1)
    log(
      `Lighthouse on ${origin}${path}${RUNS > 1 ? ` (run ${r} of ${RUNS})` : ''}, load average ${load} …`,
    )
    const report = await lighthouse(name, path, out)
    if (!report) {
      failed = true
      continue
    }
    const n = numbers(report)
    results[name].push({ ...n, load: Number(load) })
    log(line(RUNS > 1 ? `${name} #${r}` : name, n))
    for (const l of n.lost) log(`    lost points: ${l}`)
  }

const summary = {}
for (const [name, path] of PAGES) {
  const runs = results[name]
  if (runs.length === 0) continue
  if (RUNS === 1) {
    summary[name] = { url: path, ...runs[0] }
    continue
  }
  const keys = [...CATEGORIES, 'lcpMs', 'fcpMs', 'tbtMs', 'cls']
  const m = Object.fromEntries(keys.map((k) => [k, median(runs.map((x) => x[k]))]))
  summary[name] = { url: path, median: m, runs }
  log(line(`${name} median`, m))
}
server.close()
if (json) console.log(JSON.stringify(summary))
log(`Reports: ${outDir}`)
process.exitCode = failed ? 1 : 0
