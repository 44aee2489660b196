#!/usr/bin/env node
// `npm test`: every check the project has, in order — format, types, lint, unit and UI tests,
// build, end-to-end tests in Chromium. It runs them all even when one fails, so one run shows
// everything that is wrong, then prints `N passed, N failed` and exits non-zero on any failure.
// Vitest suites count their tests (from their JSON reports); other checks count as one each.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'

const OUT = 'test-results'
rmSync(OUT, { recursive: true, force: true })
mkdirSync(OUT, { recursive: true })

const steps = [
  { name: 'format', cmd: ['npx', 'prettier', '--check', '.'] },
  { name: 'types', cmd: ['npx', 'tsc', '--noEmit', '-p', 'tsconfig.json'] },
  { name: 'lint', cmd: ['npx', 'eslint', '.', '--max-warnings=0'] },
  {
    name: 'unit and UI tests',
    report: `${OUT}/unit.json`,
    cmd: [
      'npx',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${OUT}/unit.json`,
    ],
  },
  { name: 'build', cmd: ['npx', 'vite', 'build'] },
  { name: 'bundle budget', cmd: ['node', 'scripts/check-bundle.mjs'] },
  {
    name: 'end-to-end tests',
    report: `${OUT}/e2e.json`,
    cmd: [
      'npx',
      'vitest',
      'run',
      '--config',
      'vitest.e2e.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${OUT}/e2e.json`,
    ],
  },
]

let passed = 0
let failed = 0
const rows = []
for (const step of steps) {
  process.stdout.write(`\n=== ${step.name}: ${step.cmd.join(' ')}\n`)
  const started = Date.now()
  const r = spawnSync(step.cmd[0], step.cmd.slice(1), { stdio: 'inherit' })
  const ok = r.status === 0
  let p = ok ? 1 : 0
  let f = ok ? 0 : 1
  if (step.report && existsSync(step.report)) {
    try {
      const j = JSON.parse(readFileSync(step.report, 'utf8'))
      p = j.numPassedTests ?? 0
      f = (j.numFailedTests ?? 0) + (ok || j.numFailedTests > 0 ? 0 : 1)
    } catch {
      // an unreadable report counts as the single failure recorded above
    }
  }
  passed += p
  failed += f
  rows.push({
    step: step.name,
    passed: p,
    failed: f,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  })
}

writeFileSync(`${OUT}/summary.json`, JSON.stringify({ passed, failed, steps: rows }, null, 2))
process.stdout.write('\n')
for (const r of rows)
  process.stdout.write(
    `${r.failed ? 'FAIL' : 'ok  '} ${r.step}: ${r.passed} passed, ${r.failed} failed (${r.seconds} s)\n`,
  )
process.stdout.write(`${passed} passed, ${failed} failed\n`)
process.exit(failed > 0 ? 1 : 0)
