/**
 * What the user put into the two power tools — the report and its chosen columns and filter,
 * the migration CSV file and the choices made on it — kept like the wizard's inputs
 * (src/store/inputs.ts): in this tab's sessionStorage, so reload, Back and Forward lose nothing
 * and closing the tab forgets it; sanitised when read back. Text longer than a tool's limit is
 * not stored (sessionStorage holds about five million characters per site, shared with the
 * wizard); the page then says the text will not survive a reload.
 */
import { createStore, useStore, type StoreApi } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { tabStorage } from '../store/tab-storage.ts'
import type { CsvKind } from './csv-check.ts'
import type { Encoding } from './decode.ts'

/** The file a text came from; null when it was pasted or typed. */
export interface FileSource {
  name: string
  encoding: Encoding
  bom: boolean
}

export interface ReportInputs {
  text: string
  source: FileSource | null
  /** Columns the user picked; null: the guessed one. */
  identity: number | null
  error: number | null
  filter: string
  /** The last run finished: after a reload it runs again, so the result comes back. */
  diagnosed: boolean
}

export interface CsvCheckInputs {
  kind: CsvKind
  text: string
  source: FileSource | null
  /** Federated domains as typed (staged). */
  domains: string
  /** Microsoft 365 domains as typed (IMAP). */
  targets: string
  /** Ids of the findings whose fix the user ticked. */
  picked: string[]
}

export const REPORT_EMPTY: ReportInputs = {
  text: '',
  source: null,
  identity: null,
  error: null,
  filter: '',
  diagnosed: false,
}

export const CSV_EMPTY: CsvCheckInputs = {
  kind: 'staged',
  text: '',
  source: null,
  domains: '',
  targets: '',
  picked: [],
}

/** Longest text each tool keeps across a reload, in characters. */
export const REPORT_KEEP_LIMIT = 2_000_000
export const CSV_KEEP_LIMIT = 1_000_000

const REPORT_KEY = 'mmt-report'
const CSV_KEY = 'mmt-csv-check'

/** Which stored copies the browser refused (storage full): the page says so. */
export const storageHealth = createStore<{ refused: Record<string, boolean> }>()(() => ({
  refused: {},
}))

function markRefused(key: string, refused: boolean) {
  if ((storageHealth.getState().refused[key] ?? false) !== refused)
    storageHealth.setState((s) => ({ refused: { ...s.refused, [key]: refused } }))
}

const str = (x: unknown, max = Infinity): x is string => typeof x === 'string' && x.length <= max
const column = (x: unknown): number | null =>
  Number.isInteger(x) && (x as number) >= -1 && (x as number) < 100_000 ? (x as number) : null

function sanitizeSource(x: unknown): FileSource | null {
  if (!x || typeof x !== 'object') return null
  const v = x as Record<string, unknown>
  const encodings: Encoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']
  if (!str(v.name, 1000) || !encodings.includes(v.encoding as Encoding)) return null
  return { name: v.name, encoding: v.encoding as Encoding, bom: v.bom === true }
}

/** A damaged or foreign stored value must not break the page: keep only well-formed fields. */
export function sanitizeReport(value: unknown): Partial<ReportInputs> {
  if (!value || typeof value !== 'object') return {}
  const v = value as Record<string, unknown>
  if (!str(v.text)) return {}
  return {
    text: v.text,
    source: sanitizeSource(v.source),
    identity: column(v.identity),
    error: column(v.error),
    filter: str(v.filter, 10_000) ? v.filter : '',
    diagnosed: v.diagnosed === true,
  }
}

export function sanitizeCsvCheck(value: unknown): Partial<CsvCheckInputs> {
  if (!value || typeof value !== 'object') return {}
  const v = value as Record<string, unknown>
  const kinds: CsvKind[] = ['staged', 'imap', 'cutover']
  const out: Partial<CsvCheckInputs> = {}
  if (kinds.includes(v.kind as CsvKind)) out.kind = v.kind as CsvKind
  if (str(v.text)) {
    out.text = v.text
    out.source = sanitizeSource(v.source)
  }
  if (str(v.domains, 10_000)) out.domains = v.domains
  if (str(v.targets, 10_000)) out.targets = v.targets
  if (Array.isArray(v.picked) && v.picked.every((p) => str(p, 200)))
    out.picked = (v.picked as string[]).slice(0, 200_000)
  return out
}

function toolStore<T extends { text: string }>(
  key: string,
  empty: T,
  limit: number,
  sanitize: (v: unknown) => Partial<T>,
) {
  return createStore<T>()(
    persist(() => ({ ...empty }), {
      name: key,
      storage: createJSONStorage(() => tabStorage((key, stored) => markRefused(key, !stored))),
      version: 1,
      // Text past the limit is not kept, nor anything chosen about it (it would not match).
      partialize: (s) => (s.text.length > limit ? { ...empty } : s),
      merge: (persisted, current) => ({ ...current, ...sanitize(persisted) }),
    }),
  )
}

export const reportStore = toolStore(REPORT_KEY, REPORT_EMPTY, REPORT_KEEP_LIMIT, sanitizeReport)
export const csvCheckStore = toolStore(CSV_KEY, CSV_EMPTY, CSV_KEEP_LIMIT, sanitizeCsvCheck)

export function useReportInputs<T>(selector: (s: ReportInputs) => T): T {
  return useStore(reportStore, selector)
}

export function useCsvCheckInputs<T>(selector: (s: CsvCheckInputs) => T): T {
  return useStore(csvCheckStore, selector)
}

/** Whether the text in a tool will come back after a reload. */
export function useKept(which: 'report' | 'csv-check'): boolean {
  const store = which === 'report' ? reportStore : csvCheckStore
  const limit = which === 'report' ? REPORT_KEEP_LIMIT : CSV_KEEP_LIMIT
  const key = which === 'report' ? REPORT_KEY : CSV_KEY
  const long = useStore(store as StoreApi<{ text: string }>, (s) => s.text.length > limit)
  const refused = useStore(storageHealth, (s) => s.refused[key] ?? false)
  return !long && !refused
}

/**
 * Forgets a tool's inputs, in memory and in the tab's storage. With `keepChoices` the CSV
 * checker keeps the kind of migration and the domains typed (they are no file content).
 */
export function clearTool(which: 'report' | 'csv-check', { keepChoices = false } = {}): void {
  if (which === 'report') reportStore.setState({ ...REPORT_EMPTY }, true)
  else {
    const { kind, domains, targets } = csvCheckStore.getState()
    csvCheckStore.setState(
      keepChoices ? { ...CSV_EMPTY, kind, domains, targets } : { ...CSV_EMPTY },
      true,
    )
  }
}
