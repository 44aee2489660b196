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
  | { kind: 'drop-column'; column: string }
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

export function checkMigrationCsv(
  table: Table,
  kind: CsvKind,
  federated: readonly string[],
): Finding[] {
  const findings: Finding[] = []
  if (kind === 'cutover' || table.headers.length === 0) return findings
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
      })
  table.headers.forEach((h, i) => {
    if (known.some((k) => k.toLowerCase() === h.trim().toLowerCase())) return
    findings.push({
      id: `unknown:${i}`,
      record: null,
      line: 1,
      column: h,
      message: `${h ? `The column "${h}"` : `Column ${i + 1} has no name and`} is not one a ${kind === 'imap' ? 'IMAP' : 'staged'} migration file takes.`,
      shown: null,
      fixes: [{ kind: 'drop-column', column: h }],
      fixLabel: 'Remove this column',
    })
  })

  const email = col('EmailAddress')
  const password = col('Password')
  const fcp = col('ForceChangePassword')
  const fed = new Set(federated.map((d) => d.toLowerCase()))
  const seen = new Map<string, number>()
  table.records.forEach((r, record) => {
    const cell = (i: number) => (i >= 0 ? (r.cells[i] ?? '') : '')
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
          })
        else seen.set(key, r.line)
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
            })
          }
        }
      }
    }
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
      })
  })
  return findings
}

export interface Change {
  line: number | null
  text: string
}

/** Quotes a field for the file's delimiter when it needs it (RFC 4180). */
function field(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) || /^\s|\s$/.test(value)
    ? `"${value.replace(/"/g, '""')}"`
    : value
}

/**
 * Applies the picked fixes and returns the new file and a summary of every change. Passwords
 * are never named in the summary.
 */
export function applyFixes(
  table: Table,
  findings: readonly Finding[],
  picked: ReadonlySet<string>,
): { csv: string; changes: Change[] } {
  const headers = [...table.headers]
  const rows = table.records.map((r) => {
    const cells = [...r.cells]
    while (cells.length < headers.length) cells.push('')
    return cells
  })
  const changes: Change[] = []
  const dropColumns = new Set<string>()
  const dropRecords = new Set<number>()
  const chosen = findings.filter((f) => picked.has(f.id))
  for (const f of chosen)
    for (const fix of f.fixes)
      if (fix.kind === 'add-column' && !headers.includes(fix.column)) {
        headers.push(fix.column)
        for (const cells of rows) cells.push('')
        changes.push({ line: 1, text: `Added the column ${fix.column}.` })
      }
  for (const f of chosen)
    for (const fix of f.fixes) {
      if (fix.kind === 'set') {
        const i = headers.findIndex((h) => h.trim().toLowerCase() === fix.column.toLowerCase())
        const cells = rows[fix.record]
        if (i < 0 || !cells) continue
        const before = cells[i] ?? ''
        if (before === fix.value) continue
        cells[i] = fix.value
        changes.push({
          line: table.records[fix.record]?.line ?? null,
          text: `${fix.column}: ${JSON.stringify(before)} → ${JSON.stringify(fix.value)}.`,
        })
      } else if (fix.kind === 'drop-column') {
        dropColumns.add(fix.column)
        changes.push({ line: 1, text: `Removed the column "${fix.column}".` })
      } else if (fix.kind === 'drop-record') {
        dropRecords.add(fix.record)
        changes.push({
          line: table.records[fix.record]?.line ?? null,
          text: 'Removed the row (a duplicate address).',
        })
      }
    }
  const keep = headers.map((h) => !dropColumns.has(h))
  const d = table.delimiter
  const line = (cells: string[]) =>
    cells
      .filter((_, i) => keep[i] ?? true)
      .map((c) => field(c, d))
      .join(d)
  const out = [line(headers), ...rows.filter((_, i) => !dropRecords.has(i)).map(line)]
  changes.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
  return { csv: `${out.join('\r\n')}\r\n`, changes }
}
