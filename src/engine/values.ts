/**
 * Values for the commands: taken from the paste (the mailbox named in the error, the first
 * address, the server that answered), or typed by the user. Filling a command escapes every
 * value for a PowerShell double-quoted string, so pasted text can never become code.
 */
import { foldText } from './normalize.ts'
import type { Diagnosis } from './diagnose.ts'
import type { Entry, EntryHead } from './types.ts'
import type { ValueName } from '../content/schema.ts'

export type Values = Partial<Record<ValueName, string>>

const PLACEHOLDER_IN_TEXT = /\{([a-z]+)\}/

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Up to `n` words at one end of a literal, as a whitespace-tolerant pattern. */
function contextPattern(literal: string, n: number, fromEnd: boolean): string {
  const words = literal.match(/[A-Za-z0-9]+/g) ?? []
  const picked = fromEnd ? words.slice(-n) : words.slice(0, n)
  return picked.map(escapeRegExp).join('[^A-Za-z0-9]{1,20}')
}

/**
 * Builds a pattern that captures the text standing where a signature has a placeholder, using
 * the words around it as anchors. Bounded quantifiers only: linear on any input.
 */
function capturePattern(signatureText: string): { name: string; re: RegExp } | null {
  const m = PLACEHOLDER_IN_TEXT.exec(signatureText)
  if (!m) return null
  const before = signatureText.slice(0, m.index)
  const after = signatureText.slice(m.index + m[0].length)
  const quote = /['"]$/.exec(before)?.[0]
  const left = contextPattern(before, 2, true)
  const right = contextPattern(after, 2, false)
  if (!left) return null
  // A quoted value may be cut by a line wrap; the closing quote bounds it.
  const value = quote ? `${quote}([^${quote}]{1,256})${quote}` : '(\\S{1,256}?)'
  const re = new RegExp(`${left}[^A-Za-z0-9'"]{1,20}${value}[^A-Za-z0-9]{1,20}${right}`, 'i')
  return { name: m[1] ?? '', re }
}

const captureCache = new Map<string, ReturnType<typeof capturePattern>>()

/** Values found in the paste for an entry: placeholders its signatures capture, then generic ones. */
export function extractValues(entry: EntryHead, diagnosis: Diagnosis): Values {
  const values: Values = {}
  const text = foldText(diagnosis.normalized.text)
  for (const sig of entry.signatures) {
    if (!captureCache.has(sig.text)) captureCache.set(sig.text, capturePattern(sig.text))
    const cap = captureCache.get(sig.text)
    if (!cap || cap.name === 'any') continue
    const key = cap.name as keyof Values
    if (values[key]) continue
    const found = cap.re
      .exec(text)?.[1]
      ?.replace(/\s+/g, ' ')
      .replace(/^['"]+|['"]+$/g, '')
      .trim()
    if (found) values[key] = found
  }
  const { emails } = diagnosis.normalized.values
  const email = emails[0]
  if (email) {
    values.address ??= email
    // A display name says less than an address: prefer the address when the paste has one.
    if (!values.mailbox || (!values.mailbox.includes('@') && emails.length === 1))
      values.mailbox = email
  }
  // Servers and GUIDs are filled only where the error text itself names them (captured above):
  // a paste's first GUID or server is as often a request id or a cloud server as the right one.
  if (email) values.domain ??= email.slice(email.indexOf('@') + 1)
  return values
}

/** Escapes a value for use inside a PowerShell double-quoted string. */
export function escapePowerShell(value: string): string {
  // PowerShell also ends a double-quoted string at typographic double quotes: make them plain.
  return value
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[\u201c\u201d\u201e]/g, '"')
    .replace(/[`"$]/g, (c) => `\`${c}`)
    .trim()
}

/** A command template's placeholder names, in order of appearance. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{([a-z]+)\}/g)].map((m) => m[1] ?? '')
}

/**
 * Fills a command template. A value the paste did not give stays as `<name>` so it cannot be
 * run by accident; every filled value is escaped.
 */
export function fillTemplate(template: string, values: Values): string {
  return template.replace(
    /('?)\{([a-z]+)\}('?)/g,
    (_, open: string, name: string, close: string) => {
      const v = values[name as keyof Values]
      if (!v || !v.trim()) return `${open}<${name}>${close}`
      const escaped = escapePowerShell(v)
      // Inside '…' (a -Filter value) a single quote is written twice, or it would end the literal.
      return open && close ? `'${escaped.replace(/'/g, "''")}'` : `${open}${escaped}${close}`
    },
  )
}

/** Whether every placeholder of a template has a value. */
export function isComplete(template: string, values: Values): boolean {
  return placeholdersOf(template).every((n) => !!values[n as keyof Values]?.trim())
}

/** Quotes a CSV field when it needs it (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** The corrected CSV lines of an entry's `csvFix`: header line, then the row. */
export function fillCsv(fix: NonNullable<Entry['csvFix']>, values: Values): string {
  const row = fix.columns.map((col) => {
    const raw = fix.row[col] ?? ''
    return csvField(
      raw.replace(/\{([a-z]+)\}/g, (_, n: string) => values[n as keyof Values]?.trim() || `<${n}>`),
    )
  })
  return `${fix.columns.join(',')}\n${row.join(',')}`
}
