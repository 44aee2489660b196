/**
 * Every path and query string of the app comes from here. Links that arrive from outside
 * (share links, ticket systems) are parsed with safe fallbacks: nothing here throws.
 * A share link carries the entry and the answers, never the pasted text.
 */
import type { Kb } from '../engine/types.ts'
import { UNKNOWN } from '../engine/types.ts'

export const paths = {
  home: () => '/',
  question: (step: number) => `/questions/${step}`,
  result: (entryId: string, answers: Record<string, string>, order: readonly string[]) => {
    const q = answersQuery(answers, order)
    return `/result/${encodeURIComponent(entryId)}${q ? `?${q}` : ''}`
  },
  compare: () => '/compare',
  noMatch: () => '/no-match',
  entries: () => '/kb',
  browse: () => '/browse',
  browseType: (type: string) => `/browse/${encodeURIComponent(type)}`,
  entry: (entryId: string) => `/kb/${encodeURIComponent(entryId)}`,
  report: () => '/report',
  csvCheck: () => '/csv-check',
} as const

/** Answers as a query string, in the order they were given. */
export function answersQuery(answers: Record<string, string>, order: readonly string[]): string {
  const params = new URLSearchParams()
  const seen = new Set<string>()
  for (const q of [...order, ...Object.keys(answers)]) {
    const v = answers[q]
    if (v === undefined || seen.has(q)) continue
    seen.add(q)
    params.set(q, v)
  }
  return params.toString()
}

export interface ParsedAnswers {
  answers: Record<string, string>
  order: string[]
  /** Parameters that were dropped because they name no question or no option. */
  ignored: string[]
}

/** Reads answers from a query string, keeping only known questions and options. */
export function parseAnswers(kb: Pick<Kb, 'questions'>, search: string): ParsedAnswers {
  const answers: Record<string, string> = {}
  const order: string[] = []
  const ignored: string[] = []
  let params: URLSearchParams
  try {
    params = new URLSearchParams(search)
  } catch {
    return { answers, order, ignored: [search] }
  }
  for (const [key, value] of params) {
    const q = kb.questions.find((x) => x.id === key)
    const ok = q && (value === UNKNOWN || q.options.some((o) => o.value === value))
    if (!ok || answers[key] !== undefined) {
      ignored.push(key.slice(0, 60))
      continue
    }
    answers[key] = value
    order.push(key)
  }
  return { answers, order, ignored }
}

/** Longest `?error=` value taken from a link; longer ones are cut, as a paste would be. */
const MAX_ERROR_PARAM = 100_000

/**
 * Takes `?error=<text>` from the start URL (before or inside the hash), returns it, and
 * removes it from the address bar so the text does not stay in history or get shared.
 */
export function consumeErrorParam(
  loc: Pick<Location, 'search' | 'hash' | 'pathname'>,
  replace: (url: string) => void,
): string | null {
  const read = (query: string): string | null => {
    try {
      return new URLSearchParams(query).get('error')
    } catch {
      return null
    }
  }
  const hashPath = loc.hash.replace(/^#/, '')
  const qAt = hashPath.indexOf('?')
  const fromHash = qAt >= 0 ? read(hashPath.slice(qAt + 1)) : null
  const fromSearch = read(loc.search)
  const value = fromSearch ?? fromHash
  if (value === null) return null
  const strip = (query: string) => {
    const p = new URLSearchParams(query)
    p.delete('error')
    const s = p.toString()
    return s ? `?${s}` : ''
  }
  // The paste box is on the start page: land there, with the text gone from the address bar.
  replace(`${loc.pathname}${strip(loc.search)}#/`)
  return value.slice(0, MAX_ERROR_PARAM)
}

/** An absolute link to an in-app path, for sharing (hash routing keeps it base-path free). */
export function absoluteLink(
  appPath: string,
  loc: Pick<Location, 'origin' | 'pathname' | 'search'> = window.location,
): string {
  return `${loc.origin === 'null' ? 'file://' : loc.origin}${loc.pathname}#${appPath}`
}
