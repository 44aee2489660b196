/**
 * Checks a migration CSV file (staged or IMAP; cutover batches take none) before the batch is
 * created: required and unknown columns, addresses, duplicates, empty passwords, and
 * ForceChangePassword for users in federated domains (KB 2845956). Each finding can carry a
 * fix; the fixed file applies only the fixes the user picked. Pure.
 */
import type { Table } from './parse.ts'

export type CsvKind = 'staged' | 'imap' | 'cutover'

export const COLUMNS: Record<CsvKind, { required: string[]; optional: string[] }> = {
  staged: { required: ['EmailAddress'], optional: ['Password', 'ForceChangePassword'] },
  imap: { required: ['EmailAddress', 'UserName', 'Password'], optional: [] },
  cutover: { required: [], optional: [] },
}

export type Fix =
  | { kind: 'set'; record: number; column: string; value: string }
  | { kind: 'drop-column'; column: string; index: number }
  | { kind: 'drop-record'; record: number }
  | { kind: 'add-column'; column: string }

export interface Finding {
  id: string
  /** Index of the data record (0 = first row after the header); null for the whole file. */
  record: number | null
  /** Line the record starts on (1-based), or 1 for the header. */
  line: number
  column: string | null
  message: string
  /** What the cell holds, passwords masked. */
  shown: string | null
  fixes: Fix[]
  fixLabel: string | null
  /** Findings of one kind share a group, so their fixes can be picked all at once. */
  group: string
}

const ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/

/** A password as the page may show it: never in full. */
export function maskPassword(value: string): string {
  return value ? '•'.repeat(Math.min(8, Math.max(3, value.length))) : '(empty)'
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase()
}

/** Federated domains typed by the user: separated by commas, semicolons or spaces. */
export function parseDomains(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((d) => d.trim().replace(/^@/, '').toLowerCase())
        .filter(Boolean),
    ),
  ]
}

/** What the importer accepts at most (the IMAP troubleshooting article gives both limits). */
export const MAX_ROWS = 50_000

export function checkMigrationCsv(
  table: Table,
  kind: CsvKind,
  federated: readonly string[],
  /** For IMAP: the domains of the Microsoft 365 mailboxes; each EmailAddress must be in one. */
  targetDomains: readonly string[] = [],
): Finding[] {
  const findings: Finding[] = []
  if (kind === 'cutover' || table.headers.length === 0) return findings
  const label = kind === 'imap' ? 'IMAP' : 'staged'
  for (const p of table.problems)
    findings.push({
      id: `parse:${p.line}`,
      record: null,
      line: p.line,
      column: null,
      message: `${p.reason} Nothing on it was checked, and the fixed file keeps it as it is.`,
      shown: null,
      fixes: [],
      fixLabel: null,
      group: 'parse',
    })
  if (table.records.length > MAX_ROWS)
    findings.push({
      id: 'rows',
      record: null,
      line: 1,
      column: null,
      message: `The file has ${table.records.length} rows; a migration batch takes at most ${MAX_ROWS}. Split it into several files.`,
      shown: null,
      fixes: [],
      fixLabel: null,
      group: 'rows',
    })
  const spec = COLUMNS[kind]
  const known = [...spec.required, ...spec.optional]
  const col = (name: string) =>
    table.headers.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase())
  for (const name of spec.required)
    if (col(name) < 0)
      findings.push({
        id: `missing:${name}`,
        record: null,
        line: 1,
        column: name,
        message: `The required column ${name} is missing.`,
        shown: null,
        fixes: [],
        fixLabel: null,
        group: 'missing',
      })
  table.headers.forEach((h, i) => {
    if (known.some((k) => k.toLowerCase() === h.trim().toLowerCase())) return
    findings.push({
      id: `unknown:${i}`,
      record: null,
      line: 1,
      column: h,
      message: `${h ? `The column "${h}"` : `Column ${i + 1} has no name and`} is not one a ${label} migration file takes.`,
      shown: null,
      fixes: [{ kind: 'drop-column', column: h, index: i }],
      fixLabel: 'Remove this column',
      group: 'unknown',
    })
  })

  const email = col('EmailAddress')
  const password = col('Password')
  const userName = col('UserName')
  const fcp = col('ForceChangePassword')
  const fed = new Set(federated.map((d) => d.toLowerCase()))
  const target = new Set(targetDomains.map((d) => d.toLowerCase()))
  const seen = new Map<string, number>()
  const width = table.headers.length
  table.records.forEach((r, record) => {
    const cell = (i: number) => (i >= 0 ? (r.cells[i] ?? '') : '')
    const before = findings.length
    if (r.cells.length !== width)
      findings.push({
        id: `fields:${record}`,
        record,
        line: r.line,
        column: null,
        message: `The row has ${r.cells.length} field${r.cells.length === 1 ? '' : 's'} and the header ${width}: the import rejects it${r.cells.length > width ? ' (a value with the delimiter in it needs quotes)' : ''}.`,
        shown: null,
        fixes: [],
        fixLabel: null,
        group: 'fields',
      })
    if (email >= 0) {
      const raw = cell(email)
      const trimmed = raw.trim()
      if (!ADDRESS.test(trimmed)) {
        findings.push({
          id: `address:${record}`,
          record,
          line: r.line,
          column: 'EmailAddress',
          message: trimmed ? 'Not a valid email address.' : 'The email address is empty.',
          shown: raw,
          fixes: [],
          fixLabel: null,
          group: 'address',
        })
      } else {
        if (raw !== trimmed)
          findings.push({
            id: `spaces:${record}`,
            record,
            line: r.line,
            column: 'EmailAddress',
            message: 'The address has spaces around it.',
            shown: JSON.stringify(raw),
            fixes: [{ kind: 'set', record, column: table.headers[email] ?? '', value: trimmed }],
            fixLabel: 'Remove the spaces',
            group: 'spaces',
          })
        const key = trimmed.toLowerCase()
        const first = seen.get(key)
        if (first !== undefined)
          findings.push({
            id: `duplicate:${record}`,
            record,
            line: r.line,
            column: 'EmailAddress',
            message: `The same address is on line ${first}.`,
            shown: trimmed,
            fixes: [{ kind: 'drop-record', record }],
            fixLabel: 'Remove this row',
            group: 'duplicate',
          })
        else seen.set(key, r.line)
        if (kind === 'imap' && target.size > 0 && !target.has(domainOf(trimmed)))
          findings.push({
            id: `target:${record}`,
            record,
            line: r.line,
            column: 'EmailAddress',
            message: `${domainOf(trimmed)} is not one of the Microsoft 365 domains you listed: EmailAddress must be an address of the mailbox the mail goes to, not of the old account.`,
            shown: trimmed,
            fixes: [],
            fixLabel: null,
            group: 'target',
          })
        if (kind === 'staged' && fed.has(domainOf(trimmed))) {
          const value = cell(fcp).trim()
          if (value.toLowerCase() !== 'false') {
            findings.push({
              id: `fcp:${record}`,
              record,
              line: r.line,
              column: 'ForceChangePassword',
              message: `${domainOf(trimmed)} is federated: ForceChangePassword must be False, or Microsoft 365 rejects the user (KB 2845956).`,
              shown: fcp < 0 ? '(no column)' : value || '(empty)',
              fixes: [
                ...(fcp < 0
                  ? [{ kind: 'add-column' as const, column: 'ForceChangePassword' }]
                  : []),
                { kind: 'set', record, column: 'ForceChangePassword', value: 'False' },
              ],
              fixLabel: 'Set it to False',
              group: 'fcp',
            })
          }
        }
      }
    }
    if (kind === 'imap' && userName >= 0 && !cell(userName).trim())
      findings.push({
        id: `username:${record}`,
        record,
        line: r.line,
        column: 'UserName',
        message: 'The user name is empty; the IMAP server needs it to open the old mailbox.',
        shown: '(empty)',
        fixes: [],
        fixLabel: null,
        group: 'username',
      })
    if (kind === 'imap' && password >= 0 && !cell(password).trim())
      findings.push({
        id: `password:${record}`,
        record,
        line: r.line,
        column: 'Password',
        message: 'The password is empty; an IMAP migration needs each user’s password.',
        shown: maskPassword(''),
        fixes: [],
        fixLabel: null,
        group: 'password',
      })
    // A row with more or fewer fields than the header: which value is in which column is a
    // guess (a missing quote shifts them), so none of its cells is changed automatically.
    if (r.cells.length !== width)
      for (const f of findings.slice(before))
        if (f.fixes.length > 0) {
          f.fixes = []
          f.fixLabel = null
        }
  })
  return findings
}

export interface Change {
  line: number | null
  text: string
}

/** A field as the file writes it: quoted when it was, or when it must be (RFC 4180). */
function field(value: string, delimiter: string, quoted: boolean): string {
  return quoted || value.includes(delimiter) || /["\r\n]/.test(value) || /^\s|\s$/.test(value)
    ? `"${value.replace(/"/g, '""')}"`
    : value
}

/**
 * Applies the picked fixes to the file and returns the new text and a summary of every change.
 * Only lines a fix touches are rewritten (with the quoting they had); every other byte of the
 * file, its line breaks and lines that could not be read included, stays as it was. Passwords
 * are never named in the summary.
 */
export function applyFixes(
  table: Table,
  findings: readonly Finding[],
  picked: ReadonlySet<string>,
): { csv: string; changes: Change[] } {
  const source = table.source
  if (!source) return { csv: '', changes: [] }
  const d = table.delimiter
  const width = table.headers.length
  const headers = [...table.headers]
  const headerQuoted = [...source.quoted]
  const allQuoted = (flags: readonly boolean[]) => flags.length > 0 && flags.every(Boolean)
  const changes: Change[] = []
  const dropColumns = new Set<number>()
  const dropRecords = new Set<number>()
  const sets = new Map<number, Map<number, string>>()
  const chosen = findings.filter((f) => picked.has(f.id))
  const indexOf = (name: string) =>
    headers.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase())
  for (const f of chosen)
    for (const fix of f.fixes)
      if (fix.kind === 'add-column' && indexOf(fix.column) < 0) {
        headers.push(fix.column)
        headerQuoted.push(allQuoted(source.quoted))
        changes.push({
          line: 1,
          text: `Added the column ${fix.column} (empty on rows without a fix).`,
        })
      }
  for (const f of chosen)
    for (const fix of f.fixes) if (fix.kind === 'drop-record') dropRecords.add(fix.record)
  for (const f of chosen)
    for (const fix of f.fixes) {
      if (fix.kind === 'set') {
        const i = indexOf(fix.column)
        const r = table.records[fix.record]
        // A removed row needs no other change; a misshapen row gets none.
        if (i < 0 || !r || r.cells.length !== width || dropRecords.has(fix.record)) continue
        const before = r.cells[i] ?? ''
        if (before === fix.value) continue
        let row = sets.get(fix.record)
        if (!row) sets.set(fix.record, (row = new Map()))
        row.set(i, fix.value)
        changes.push({
          line: r.line,
          text: `${fix.column}: ${JSON.stringify(before)} → ${JSON.stringify(fix.value)}.`,
        })
      } else if (fix.kind === 'drop-column') {
        dropColumns.add(fix.index)
        changes.push({ line: 1, text: `Removed the column "${fix.column}" from every row.` })
      } else if (fix.kind === 'drop-record') {
        changes.push({
          line: table.records[fix.record]?.line ?? null,
          text: 'Removed the row (a duplicate address).',
        })
      }
    }
  const reshaped = dropColumns.size > 0 || headers.length > width
  const line = (cells: readonly string[], quoted: readonly boolean[]) => {
    const newQuoted = allQuoted(quoted)
    const out: string[] = []
    for (let i = 0; i < headers.length; i++)
      if (!dropColumns.has(i))
        out.push(field(cells[i] ?? '', d, i < quoted.length ? (quoted[i] ?? false) : newQuoted))
    return out.join(d)
  }
  const edits: { start: number; end: number; text: string }[] = []
  if (reshaped)
    edits.push({
      start: source.header.start,
      end: source.header.end,
      text: line(headers, headerQuoted),
    })
  table.records.forEach((r, record) => {
    const span = r.span
    if (!span) return
    if (dropRecords.has(record)) {
      edits.push({ start: span.start, end: span.next, text: '' })
      return
    }
    const set = sets.get(record)
    if (!set && !reshaped) return
    if (r.cells.length !== width) {
      changes.push({
        line: r.line,
        text: `Left as it was: the row has ${r.cells.length} field${r.cells.length === 1 ? '' : 's'} and the header ${width}, so which value belongs to which column is unclear. Fix it by hand.`,
      })
      return
    }
    const cells = headers.map((_, i) => set?.get(i) ?? r.cells[i] ?? '')
    edits.push({ start: span.start, end: span.end, text: line(cells, r.quoted ?? []) })
  })
  edits.sort((a, b) => a.start - b.start)
  let csv = ''
  let at = 0
  for (const e of edits) {
    csv += source.text.slice(at, e.start) + e.text
    at = e.end
  }
  csv += source.text.slice(at)
  changes.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
  return { csv, changes }
}

/** Picks or unpicks every fixable finding of a group at once. */
export function pickGroup(
  picked: ReadonlySet<string>,
  findings: readonly Finding[],
  group: string,
  on: boolean,
): Set<string> {
  const next = new Set(picked)
  for (const f of findings)
    if (f.group === group && f.fixes.length > 0) {
      if (on) next.add(f.id)
      else next.delete(f.id)
    }
  return next
}
