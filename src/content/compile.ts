/**
 * Loads the knowledge base from its files, checks every file against the schema and the
 * cross-references between files, and compiles the match index. Node only: used by the Vite
 * plugin at build time, by the command line and by tests. A bad file fails with
 * `file → field.path: message`.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildIndex, PLACEHOLDER } from '../engine/build-index.ts'
import { splitEntry, type EntryBody, type Kb } from '../engine/types.ts'
import { entrySchema, questionsFileSchema, type Entry, type Question } from './schema.ts'

export const CONTENT_DIR = fileURLToPath(new URL('.', import.meta.url))

export class ContentError extends Error {
  constructor(public readonly problems: string[]) {
    super(`The knowledge base has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`)
    this.name = 'ContentError'
  }
}

type Issue = { path: PropertyKey[]; message: string }
const describe = (file: string, issues: readonly Issue[]) =>
  issues.map((i) => `${file} → ${i.path.map(String).join('.') || '(file)'}: ${i.message}`)

function readJson(path: string, file: string, problems: string[]): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown
  } catch (e) {
    problems.push(`${file} → (file): not valid JSON (${(e as Error).message})`)
    return undefined
  }
}

/** Checks what one file cannot check alone: ids, references to questions, options, commands. */
export function crossCheck(file: string, entry: Entry, questions: readonly Question[]): string[] {
  const problems: string[] = []
  const at = (path: string, message: string) => problems.push(`${file} → ${path}: ${message}`)
  if (basename(file, '.json') !== entry.id)
    at('id', `must equal the file name "${basename(file, '.json')}"`)
  const byId = new Map(questions.map((q) => [q.id, q]))
  const checkAnswers = (path: string, qid: string, values: readonly string[]) => {
    const q = byId.get(qid)
    if (!q) return at(path, `unknown question "${qid}"`)
    for (const v of values)
      if (!q.options.some((o) => o.value === v))
        at(path, `"${v}" is not an option of question "${qid}"`)
  }
  entry.conditions.forEach((c, i) => checkAnswers(`conditions.${i}.question`, c.question, c.accept))
  const commandIds = new Set(entry.commands.map((c) => c.id))
  const valueNames = new Set(entry.values.map((v) => v.name))
  entry.steps.forEach((s, i) => {
    if (s.when) checkAnswers(`steps.${i}.when`, s.when.question, s.when.in)
    if (s.command && !commandIds.has(s.command))
      at(`steps.${i}.command`, `no command "${s.command}"`)
    if (s.csv && !entry.csvFix) at(`steps.${i}.csv`, 'the entry has no csvFix')
  })
  entry.commands.forEach((c, i) => {
    if (c.when) checkAnswers(`commands.${i}.when`, c.when.question, c.when.in)
    for (const m of c.template.matchAll(/\{([a-z]+)\}/g))
      if (!valueNames.has(m[1] as Entry['values'][number]['name']))
        at(`commands.${i}.template`, `placeholder {${m[1]}} is not declared in values`)
  })
  const sigIds = new Set<string>()
  entry.signatures.forEach((s, i) => {
    if (sigIds.has(s.id)) at(`signatures.${i}.id`, `duplicate signature id "${s.id}"`)
    sigIds.add(s.id)
    for (const q of s.satisfies)
      if (!byId.has(q)) at(`signatures.${i}.satisfies`, `unknown question "${q}"`)
    const stray = s.text.replace(PLACEHOLDER, '').match(/\{[a-z]*\}/)
    if (stray) at(`signatures.${i}.text`, `unknown placeholder ${stray[0]}`)
  })
  if (!entry.sources.some((s) => s.role === 'primary')) at('sources', 'needs one primary source')
  return problems
}

/** The knowledge base as Node code uses it: what the engine needs, plus every entry's body. */
export interface LoadedKb extends Kb {
  bodies: Record<string, EntryBody>
  /** Every entry in full, as authored (samples included). */
  full: Entry[]
}

/** Loads, checks and compiles the knowledge base in `dir`. Throws ContentError on any problem. */
export function loadKb(dir: string = CONTENT_DIR): LoadedKb {
  const { kb, problems } = loadKbLeniently(dir)
  if (problems.length) throw new ContentError(problems)
  return kb
}

/**
 * Like loadKb, but leaves out the files that have problems and reports them instead of throwing.
 * For authoring tools, where one unfinished file must not hide the state of the others.
 */
export function loadKbLeniently(dir: string = CONTENT_DIR): { kb: LoadedKb; problems: string[] } {
  const problems: string[] = []
  // Questions live in several files (one per area) so authors can add them side by side.
  const questions: Question[] = []
  const qIds = new Map<string, string>()
  const qDir = join(dir, 'questions')
  for (const f of readdirSync(qDir)
    .filter((x) => x.endsWith('.json'))
    .sort()) {
    const qFile = `questions/${f}`
    const qRaw = readJson(join(qDir, f), qFile, problems)
    if (qRaw === undefined) continue
    const qParsed = questionsFileSchema.safeParse(qRaw)
    if (!qParsed.success) {
      problems.push(...describe(qFile, qParsed.error.issues))
      continue
    }
    qParsed.data.forEach((q, i) => {
      const other = qIds.get(q.id)
      if (other)
        problems.push(`${qFile} → ${i}.id: question "${q.id}" is already defined in ${other}`)
      else {
        qIds.set(q.id, qFile)
        questions.push(q)
      }
    })
  }

  const entriesDir = join(dir, 'entries')
  const entries: Entry[] = []
  const files = readdirSync(entriesDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
  for (const f of files) {
    const file = `entries/${f}`
    const raw = readJson(join(entriesDir, f), file, problems)
    if (raw === undefined) continue
    const parsed = entrySchema.safeParse(raw)
    if (!parsed.success) {
      problems.push(...describe(file, parsed.error.issues))
      continue
    }
    const crossProblems = crossCheck(file, parsed.data, questions)
    problems.push(...crossProblems)
    if (crossProblems.length === 0) entries.push(parsed.data)
  }
  if (files.length === 0) problems.push('entries/ → (folder): no entry files')
  const heads = []
  const bodies: Record<string, EntryBody> = {}
  for (const e of entries) {
    const { head, body } = splitEntry(e)
    heads.push(head)
    bodies[e.id] = body
  }
  return {
    kb: { entries: heads, questions, index: buildIndex(entries), bodies, full: entries },
    problems,
  }
}
