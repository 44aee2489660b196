/**
 * `npm run triage` — the engine on the command line.
 *
 *   npm run triage -- error.txt            diagnose the text in a file, for people
 *   some-command | npm run triage          … or from standard input
 *   npm run triage -- --json error.txt     one JSON object
 *   npm run triage -- --jsonl < in.jsonl   one {"id","text"} object per line in, one result per line out
 *   npm run triage -- --list --json        every entry with its sources
 *   --fact question=value                  give an answer (repeatable), e.g. --fact users-federated=yes
 */
import { readFileSync } from 'node:fs'
import { loadKb, type LoadedKb } from '../content/compile.ts'
import {
  applies,
  diagnose,
  extractValues,
  fillCsv,
  fillTemplate,
  findEntry,
  type Diagnosis,
  type Kb,
} from '../engine/index.ts'
import { UNKNOWN } from '../engine/types.ts'
import { SHELL_LABEL } from '../content/labels.ts'

interface Options {
  json: boolean
  jsonl: boolean
  list: boolean
  help: boolean
  facts: Record<string, string>
  file: string | null
}

const USAGE = `Usage: npm run triage -- [options] [file]
Reads error text from the file, or from standard input, and prints the diagnosis.
  --json               print one JSON object
  --jsonl              read one {"id": ..., "text": ...} JSON object per line; print one result per line
  --list               list every known problem (with --json: as JSON)
  --fact q=value       an answer to a deployment question (repeatable); see --list --json for questions
  -h, --help           this help`

export function parseArgs(argv: readonly string[]): Options | string {
  const o: Options = { json: false, jsonl: false, list: false, help: false, facts: {}, file: null }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string
    if (a === '--json') o.json = true
    else if (a === '--jsonl') o.jsonl = true
    else if (a === '--list') o.list = true
    else if (a === '-h' || a === '--help') o.help = true
    else if (a === '--fact' || a.startsWith('--fact=')) {
      const v = a === '--fact' ? argv[++i] : a.slice('--fact='.length)
      const m = v ? /^([a-z0-9-]+)=([a-z0-9-]+)$/.exec(v) : null
      if (!m) return `--fact needs question=value, got "${v ?? ''}"`
      o.facts[m[1] as string] = m[2] as string
    } else if (a.startsWith('-') && a !== '-') return `unknown option ${a}`
    else if (o.file === null) o.file = a
    else return `only one file can be given (got "${o.file}" and "${a}")`
  }
  return o
}

function checkFacts(kb: Kb, facts: Record<string, string>): string | null {
  for (const [q, v] of Object.entries(facts)) {
    const question = kb.questions.find((x) => x.id === q)
    if (!question)
      return `--fact: no question "${q}". Questions: ${kb.questions.map((x) => x.id).join(', ')}`
    if (v !== UNKNOWN && !question.options.some((o) => o.value === v))
      return `--fact: "${v}" is not an answer to ${q}. Answers: ${[...question.options.map((o) => o.value), UNKNOWN].join(', ')}`
  }
  return null
}

function sourcesOf(kb: Kb, entryId: string) {
  const e = findEntry(kb, entryId)
  return (e?.sources ?? [])
    .filter((s) => s.role === 'primary')
    .map((s) => ({ kb: s.kb, url: s.url }))
}

/** The machine-readable result (the shape `--json` and `--jsonl` print). */
export function toJson(kb: Kb, d: Diagnosis, id?: unknown) {
  const matches = d.verdict === 'none' ? [] : d.live
  return {
    ...(id !== undefined ? { id } : {}),
    verdict: d.verdict,
    matches: matches.map((c) => ({
      id: c.entryId,
      title: findEntry(kb, c.entryId)?.title ?? c.entryId,
      score: c.score,
      sources: sourcesOf(kb, c.entryId),
    })),
    confirmed: d.confirmed,
    nextQuestion: d.nextQuestion ? { id: d.nextQuestion.id, prompt: d.nextQuestion.prompt } : null,
    closest: d.closest.map((c) => ({ id: c.entryId, score: c.score, reasons: c.reasons })),
  }
}

/** The report for people. */
export function toText(kb: LoadedKb, d: Diagnosis, facts: Record<string, string>): string {
  const out: string[] = []
  if (!d.normalized.text.trim())
    return 'No error text was given. Pass a file or pipe the text in.\n'
  if (d.normalized.binary) out.push('Warning: this looks like binary data rather than error text.')
  if (d.verdict === 'none') {
    out.push(
      'No known match. None of the known problems fits this text' +
        (Object.keys(facts).length ? ' and these facts.' : '.'),
    )
    for (const c of d.closest) {
      out.push(
        `  closest: ${findEntry(kb, c.entryId)?.title ?? c.entryId} (${Math.round(c.score * 100)}%)`,
      )
      for (const r of c.reasons) out.push(`    - ${r}`)
    }
    return out.join('\n') + '\n'
  }
  if (d.verdict === 'ambiguous') {
    out.push('Several known problems fit:')
    for (const c of d.live)
      out.push(`  - ${findEntry(kb, c.entryId)?.title} (${Math.round(c.score * 100)}%)`)
  }
  const entry = d.entryId ? findEntry(kb, d.entryId) : undefined
  const body = entry ? kb.bodies[entry.id] : undefined
  if (entry && body) {
    const values = extractValues(entry, d)
    out.push(
      `${d.confirmed ? 'Diagnosis' : 'Likely diagnosis (answer the question at the end to confirm)'}: ${entry.title}`,
      '',
      entry.summary,
      '',
      'Why:',
      `  ${body.cause}`,
      '',
      'What to do:',
    )
    let n = 1
    for (const step of body.steps) {
      const a = applies(step.when, facts)
      if (a === 'no') continue
      const cond =
        a === 'maybe' && step.when
          ? ` [only if ${step.when.question} = ${step.when.in.join(' or ')}]`
          : ''
      out.push(`  ${n++}. ${step.text}${cond}`)
      const cmd = step.command ? body.commands.find((c) => c.id === step.command) : undefined
      if (cmd && applies(cmd.when, facts) !== 'no') {
        out.push(
          `       Run in ${SHELL_LABEL[cmd.shell]} (${cmd.runsOn}):`,
          `       ${fillTemplate(cmd.template, values)}`,
        )
        if (cmd.risk === 'data-loss')
          out.push(`       WARNING, can lose data: ${cmd.riskNote ?? ''}`)
      }
      if (step.csv && body.csvFix)
        out.push(
          '       Corrected CSV:',
          ...fillCsv(body.csvFix, values)
            .split('\n')
            .map((l) => `         ${l}`),
        )
    }
    if (body.warnings.length) out.push('', 'Warnings:', ...body.warnings.map((w) => `  - ${w}`))
    out.push('', 'Check:', ...body.verify.map((v) => `  - ${v}`))
    out.push(
      '',
      'Source:',
      ...entry.sources.map((s) => `  - ${s.title}${s.kb ? ` (KB ${s.kb})` : ''}: ${s.url}`),
    )
  }
  if (d.nextQuestion) {
    out.push('', `To be sure, answer: ${d.nextQuestion.prompt}`)
    out.push(
      `  --fact ${d.nextQuestion.id}=<${[...d.nextQuestion.options.map((o) => o.value), UNKNOWN].join('|')}>`,
    )
  }
  return out.join('\n') + '\n'
}

function readInput(file: string | null): string {
  return readFileSync(file === null || file === '-' ? 0 : file, 'utf8')
}

export function run(
  argv: readonly string[],
  io: { stdin: () => string; out: (s: string) => void; err: (s: string) => void },
  kb: LoadedKb,
): number {
  const o = parseArgs(argv)
  if (typeof o === 'string') {
    io.err(`${o}\n${USAGE}\n`)
    return 2
  }
  if (o.help) {
    io.out(`${USAGE}\n`)
    return 0
  }
  const bad = checkFacts(kb, o.facts)
  if (bad) {
    io.err(`${bad}\n`)
    return 2
  }
  if (o.list) {
    const list = kb.entries.map((e) => ({
      id: e.id,
      title: e.title,
      migrationType: e.migrationType,
      sources: e.sources.map((s) => ({ kb: s.kb, url: s.url, title: s.title, role: s.role })),
    }))
    if (o.json)
      io.out(
        `${JSON.stringify({ entries: list, questions: kb.questions.map((q) => ({ id: q.id, prompt: q.prompt, options: [...q.options.map((x) => x.value), UNKNOWN] })) })}\n`,
      )
    else
      for (const e of list)
        io.out(`${e.id}\n  ${e.title}\n  ${e.sources.map((s) => s.url).join('\n  ')}\n`)
    return 0
  }
  let input: string
  try {
    input = o.file === null ? io.stdin() : readInput(o.file)
  } catch (e) {
    io.err(`Cannot read ${o.file ?? 'standard input'}: ${(e as Error).message}\n`)
    return 2
  }
  if (o.jsonl) {
    let status = 0
    const lines = input.split(/\r?\n/)
    lines.forEach((line, i) => {
      if (!line.trim()) return
      let obj: unknown
      try {
        obj = JSON.parse(line)
      } catch {
        obj = undefined
      }
      const rec = obj && typeof obj === 'object' ? (obj as Record<string, unknown>) : null
      if (!rec || typeof rec.text !== 'string') {
        io.out(
          `${JSON.stringify({ id: rec?.id ?? null, line: i + 1, error: 'expected a JSON object with a "text" string' })}\n`,
        )
        status = 1
        return
      }
      const facts = { ...o.facts, ...(isFacts(rec.facts) ? rec.facts : {}) }
      io.out(`${JSON.stringify(toJson(kb, diagnose(kb, rec.text, facts), rec.id ?? null))}\n`)
    })
    return status
  }
  const d = diagnose(kb, input, o.facts)
  io.out(o.json ? `${JSON.stringify(toJson(kb, d))}\n` : toText(kb, d, o.facts))
  return 0
}

function isFacts(x: unknown): x is Record<string, string> {
  return !!x && typeof x === 'object' && Object.values(x).every((v) => typeof v === 'string')
}

const isMain =
  process.argv[1] &&
  import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop() ?? '')
if (isMain) {
  let kb: LoadedKb
  try {
    kb = loadKb()
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`)
    process.exit(2)
  }
  const code = run(
    process.argv.slice(2),
    {
      stdin: () => readFileSync(0, 'utf8'),
      out: (s) => process.stdout.write(s),
      err: (s) => process.stderr.write(s),
    },
    kb,
  )
  process.exitCode = code
}
