/**
 * The noisy pastes `npm run eval` and `npm run bench` share: a seeded generator, placeholder
 * filling with varying names, addresses, GUIDs and servers, the formats people paste (admin
 * center details, Format-List output, PowerShell errors with their decoration), line wraps, curly
 * quotes, case changes and truncation, and the hand-written JSONL corpora.
 */
import { existsSync, readFileSync } from 'node:fs'
import type { LoadedKb } from '../src/content/compile.ts'
import { diagnose } from '../src/engine/diagnose.ts'

export interface Case {
  id: string
  text: string
  expect: string | null
  source: 'generated' | 'corpus' | 'negative'
}

/** A small seeded generator (mulberry32), so the corpus is the same on every run. */
export function rng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const FIRST = [
  'adele',
  'megan',
  'nestor',
  'lidia',
  'isaiah',
  'diego',
  'patti',
  'johanna',
  'grady',
  'lynne',
  'alex',
  'miriam',
]
export const LAST = [
  'vance',
  'bowen',
  'wilke',
  'holloway',
  'langer',
  'siciliani',
  'fernandez',
  'lauer',
  'archie',
  'robbins',
]
export const DOMAINS = [
  'contoso.com',
  'fabrikam.com',
  'northwind.com',
  'contoso.onmicrosoft.com',
  'tailspintoys.com',
]
export const SERVERS = [
  'EXCH01',
  'EX2019-MBX02',
  'exhyb01.contoso.local',
  'BN8PR12MB3456',
  'mail.fabrikam.com',
]

export function fill(text: string, r: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T
  const hex = (n: number) =>
    Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join('')
  const name = `${pick(FIRST)}.${pick(LAST)}`
  const address = `${name}@${pick(DOMAINS)}`
  return text.replace(/\{([a-z]+)\}/g, (_, p: string) => {
    switch (p) {
      case 'mailbox':
        return r() < 0.7
          ? address
          : `${name.replace('.', ' ').replace(/\b\w/g, (c) => c.toUpperCase())}`
      case 'address':
        return address
      case 'server':
        return pick(SERVERS)
      case 'guid':
        return `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`
      case 'domain':
        return pick(DOMAINS)
      case 'database':
        return `DB${Math.floor(r() * 20) + 1}`
      case 'batch':
        return `Wave${Math.floor(r() * 9) + 1}`
      case 'endpoint':
        return 'Hybrid Migration Endpoint - EWS (Default Web Site)'
      case 'folder':
        return '\\Sales\\Contracts'
      case 'tenant':
        return 'contoso.onmicrosoft.com'
      default:
        return pick(['value', '12', 'something'])
    }
  })
}

export function wrap(text: string, width: number, indent: string): string {
  const out: string[] = []
  for (let i = 0; i < text.length; i += width) out.push(text.slice(i, i + width))
  return out.join(`\n${indent}`)
}

const CURLY: Record<string, string> = { "'": '\u2019', '"': '\u201d' }

/** One noisy paste of an error message. */
export function variant(message: string, r: () => number): string {
  let text = message
  if (r() < 0.4) text = text.replace(/['"]/g, (c) => CURLY[c] ?? c)
  if (r() < 0.15) text = r() < 0.5 ? text.toUpperCase() : text.toLowerCase()
  const cut = r()
  // Only long messages get cut: half of a short one does not identify an error.
  const long = message.split(/\s+/).length >= 25
  if (cut < 0.25 && long) text = `${text.slice(0, Math.floor(text.length * (0.5 + r() * 0.4)))}…`
  else if (cut < 0.35 && long) text = `…${text.slice(Math.floor(text.length * 0.3))}`
  const format = Math.floor(r() * 4)
  const guid = fill('{guid}', r)
  if (format === 0)
    return `Identity       : ${fill('{address}', r)}\nStatus         : Failed\nStatusDetail   : FailedOther\nMessage        : ${wrap(text, 100, '                 ')}`
  if (format === 1)
    return `${text}\n    + CategoryInfo          : NotSpecified: (:) [], RemoteException\n    + FullyQualifiedErrorId : [Server=${fill('{server}', r)},RequestId=${guid},TimeStamp=11/20/2026 8:41:07 AM] [FailureCategory=Cmdlet-Exception] 4F2A19C3`
  if (format === 2)
    return `11/20/2026 8:41:07 AM [${fill('{server}', r)}] Transient error occurred.\n${wrap(text, 80, '')}`
  return `Error: ${text}`
}

export function generated(kb: LoadedKb, variantsPerSignature = 4): Case[] {
  const cases: Case[] = []
  const r = rng(20261123)
  for (const e of kb.full)
    for (const s of e.signatures) {
      // Codes and fragments too short to identify an error on their own are not tried alone.
      if (s.kind === 'code' || diagnose(kb, fill(s.text, r)).live.length === 0) continue
      for (let i = 0; i < variantsPerSignature; i++)
        cases.push({
          id: `${e.id}/${s.id}/${i}`,
          text: variant(fill(s.text, r), r),
          expect: e.id,
          source: 'generated',
        })
    }
  return cases
}

export function readJsonl(path: string, source: Case['source']): Case[] {
  if (!existsSync(path)) return []
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const j = JSON.parse(l) as { id: string; text: string; expect?: string | null }
      return {
        id: j.id,
        text: j.text,
        expect: source === 'negative' ? null : (j.expect ?? null),
        source,
      }
    })
}
