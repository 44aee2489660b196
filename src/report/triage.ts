/**
 * Diagnoses every row of a report with the engine (text only, no answers) and groups the rows:
 * one group per known problem (or per set of problems the text cannot tell apart), and unknown
 * errors by their masked shape. Pure; the worker and the in-page fallback both call it.
 */
import { diagnose } from '../engine/diagnose.ts'
import { findEntry } from '../engine/lookups.ts'
import type { Entry, Kb } from '../engine/types.ts'
import { escapePowerShell, placeholdersOf } from '../engine/values.ts'
import { maskedKey, maskText } from './mask.ts'
import type { Problem, ReportRow } from './parse.ts'

export interface Group {
  kind: 'known' | 'ambiguous' | 'unknown'
  /** Entry ids: one for `known`, several for `ambiguous`, none for `unknown`. */
  entryIds: string[]
  title: string
  /** For unknown errors: the error of the first row, masked. */
  sample: string
  count: number
  users: string[]
  lines: number[]
}

export interface TriageResult {
  groups: Group[]
  problems: Problem[]
  /** Rows diagnosed plus problems: every record and stray line of the input. */
  total: number
}

const EMAIL = /[A-Za-z0-9._%+-]{1,200}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,10}/g
const GUID = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/g

/**
 * The error with every address and GUID replaced by one fixed value: the engine masks them
 * anyway, so rows that differ only by them share one diagnosis.
 */
export function canonical(error: string): string {
  return error
    .replace(EMAIL, 'user@example.com')
    .replace(GUID, '00000000-0000-0000-0000-000000000000')
}

/** Groups rows as they are added; `result` can be read at any time. */
export function createTriage(kb: Kb) {
  const groups = new Map<string, Group>()
  const seenUsers = new Map<Group, Set<string>>()
  // Rows of one batch repeat the same error with other names: diagnose each shape once.
  const cache = new Map<string, { key: string; group: Omit<Group, 'count' | 'users' | 'lines'> }>()
  let added = 0
  const add = (row: ReportRow) => {
    const shape = canonical(row.error)
    let hit = cache.get(shape)
    if (!hit) {
      const d = diagnose(kb, shape)
      let group: Omit<Group, 'count' | 'users' | 'lines'>
      let key: string
      if (d.verdict === 'match' && d.entryId) {
        key = `k:${d.entryId}`
        group = {
          kind: 'known',
          entryIds: [d.entryId],
          title: findEntry(kb, d.entryId)?.title ?? d.entryId,
          sample: '',
        }
      } else if (d.verdict === 'ambiguous') {
        const ids = d.live.map((c) => c.entryId)
        key = `a:${ids.join(' ')}`
        group = {
          kind: 'ambiguous',
          entryIds: ids,
          title: `One of: ${ids.map((id) => findEntry(kb, id)?.title ?? id).join(' / ')}`,
          sample: '',
        }
      } else {
        key = `u:${maskedKey(d.normalized)}`
        group = {
          kind: 'unknown',
          entryIds: [],
          title: 'No known problem',
          sample: maskText(d.normalized),
        }
      }
      hit = { key, group }
      if (cache.size < 50_000) cache.set(shape, hit)
    }
    let g = groups.get(hit.key)
    if (!g) {
      groups.set(hit.key, (g = { ...hit.group, count: 0, users: [], lines: [] }))
      seenUsers.set(g, new Set())
    }
    g.count++
    const seen = seenUsers.get(g)
    if (row.identity && seen && !seen.has(row.identity)) {
      seen.add(row.identity)
      g.users.push(row.identity)
    }
    g.lines.push(row.line)
    added++
  }
  const result = (problems: readonly Problem[]): TriageResult => {
    const order = { known: 0, ambiguous: 1, unknown: 2 }
    return {
      groups: [...groups.values()].sort(
        (a, b) =>
          order[a.kind] - order[b.kind] || b.count - a.count || a.title.localeCompare(b.title),
      ),
      problems: [...problems].sort((a, b) => a.line - b.line),
      total: added + problems.length,
    }
  }
  return { add, result }
}

/** Diagnoses `rows` in order, reporting progress every `every` rows. */
export function triage(
  kb: Kb,
  rows: readonly ReportRow[],
  problems: readonly Problem[],
  onProgress?: (done: number) => void,
  every = 250,
): TriageResult {
  const t = createTriage(kb)
  rows.forEach((row, i) => {
    t.add(row)
    if (onProgress && (i + 1) % every === 0) onProgress(i + 1)
  })
  onProgress?.(rows.length)
  return t.result(problems)
}

/** Placeholders a per-user script can fill from the user list. */
const PER_USER = new Set(['mailbox', 'address'])

/** Whether a command can run once per user: its only placeholders are the user's. */
export function perUser(template: string): boolean {
  const names = placeholdersOf(template)
  return names.length > 0 && names.every((n) => PER_USER.has(n))
}

/** One script that applies a per-user command to every user of a group. */
export function fixScript(
  command: Pick<Entry['commands'][number], 'template'>,
  users: readonly string[],
): string {
  const list = users.map((u) => `"${escapePowerShell(u)}"`).join(', ')
  const body = command.template.replace(/\{(mailbox|address)\}/g, '$u')
  return `$users = @(${list})\nforeach ($u in $users) {\n  ${body}\n}`
}

/** A CSV field, quoted when it needs it (RFC 4180). */
function csv(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** The grouped result as CSV: one line per group, then one per unreadable line. */
export function resultCsv(result: TriageResult): string {
  const lines = ['Kind,Problem,Count,Users,Lines']
  for (const g of result.groups)
    lines.push(
      [
        g.kind,
        g.kind === 'unknown' ? g.sample : g.title,
        String(g.count),
        g.users.join(' '),
        g.lines.join(' '),
      ]
        .map(csv)
        .join(','),
    )
  for (const p of result.problems)
    lines.push(['unreadable', p.reason, '1', '', String(p.line)].map(csv).join(','))
  return `${lines.join('\r\n')}\r\n`
}

/** The grouped result as Markdown. */
export function resultMarkdown(result: TriageResult): string {
  const esc = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/\s+/g, ' ')
  const out = [`# Report triage`, '', `${result.total} rows read.`, '']
  for (const g of result.groups) {
    out.push(`## ${esc(g.kind === 'unknown' ? `Unknown: ${g.sample}` : g.title)} (${g.count})`, '')
    if (g.users.length) out.push(`Users: ${g.users.map(esc).join(', ')}`, '')
    out.push(`Lines: ${g.lines.join(', ')}`, '')
  }
  if (result.problems.length) {
    out.push('## Rows that could not be read', '')
    for (const p of result.problems) out.push(`- Line ${p.line}: ${esc(p.reason)}`)
    out.push('')
  }
  return out.join('\n')
}
