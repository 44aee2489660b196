/**
 * The knowledge base in the page. Built and validated at build time (scripts/kb-plugin.ts), it
 * ships as data beside the script, in three kinds of JSON file, so the initial JavaScript stays
 * the same size however many problems the knowledge base knows, and no page waits for more than
 * it shows:
 *
 * - the knowledge base proper (entry heads and the match index), fetched once the page has
 *   painted: the start page shows its paste box without it, and keeps what is typed meanwhile;
 * - the question catalogue, which a result page needs at once to read the answers in its link;
 * - one file per entry (its head and its body: cause, steps, commands…), fetched when a result or
 *   entry page opens it, or when the start page sees the entry match.
 *
 * In development, tests and the single-file build everything is inlined and already settled.
 */
import { use, useSyncExternalStore } from 'react'
import source from 'virtual:kb'
import { findEntry } from '../engine/diagnose.ts'
import type { EntryBody, EntryHead, Kb, Question } from '../engine/types.ts'

/** A promise React's `use` can read synchronously once settled (React's thenable protocol). */
type Thenable<T> = Promise<T> & {
  status?: 'pending' | 'fulfilled' | 'rejected'
  value?: T
  reason?: unknown
}

function track<T>(promise: Promise<T>): Thenable<T> {
  const t = promise as Thenable<T>
  t.status = 'pending'
  promise.then(
    (value) => {
      t.status = 'fulfilled'
      t.value = value
    },
    (reason: unknown) => {
      t.status = 'rejected'
      t.reason = reason
    },
  )
  // A failed load is shown where a page asks for it (error boundary or status line).
  promise.catch(() => {})
  return t
}

function settled<T>(value: T): Thenable<T> {
  const t = Promise.resolve(value) as Thenable<T>
  t.status = 'fulfilled'
  t.value = value
  return t
}

/** An entry's head (what matching and the questions use) and body (what its page shows). */
export interface EntryFile {
  head: EntryHead
  body: EntryBody
}

async function fetchJson<T>(url: string, what: string): Promise<T> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${what} could not be loaded (HTTP ${response.status}).`)
  return (await response.json()) as T
}

/** The inlined data (development, tests, single-file build), or null when it is fetched. */
const inline = 'data' in source ? source : null
/** Where the data is fetched from (the built app), or null when it is inlined. */
const remote = 'data' in source ? null : source

/** Longest wait for a painted frame: a tab in the background draws none. */
const PAINT_WAIT_MS = 300

/**
 * Resolves once the browser has painted the current frame. The knowledge base is large: fetched
 * after the first paint, it does not take the network from the script and the page shows sooner.
 */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => resolve()
    requestAnimationFrame(() => setTimeout(done, 0))
    setTimeout(done, PAINT_WAIT_MS)
  })
}

let questionsLoad: Thenable<Question[]> | null = null

function loadQuestions(): Thenable<Question[]> {
  if (!questionsLoad)
    questionsLoad = remote
      ? track(fetchJson<Question[]>(remote.questionsUrl, 'The questions'))
      : settled(inline?.data.questions ?? [])
  return questionsLoad
}

/** The question catalogue; fetched on the first call. */
export function questionCatalogue(): Promise<Question[]> {
  return loadQuestions()
}

let kbLoad: Thenable<Kb> | null = null

function loadKb(): Thenable<Kb> {
  if (!kbLoad) {
    if (inline) kbLoad = settled(inline.data)
    else if (remote) {
      const url = remote.url
      kbLoad = track(
        afterPaint().then(async () => {
          const [shipped, questions] = await Promise.all([
            fetchJson<Omit<Kb, 'questions'>>(url, 'The knowledge base'),
            loadQuestions(),
          ])
          return { entries: shipped.entries, questions, index: shipped.index }
        }),
      )
    }
  }
  return kbLoad as Thenable<Kb>
}

/** The whole knowledge base (entry heads, questions, match index); fetched after the next paint. */
export function knowledgeBase(): Promise<Kb> {
  return loadKb()
}

/** The knowledge base; suspends until it has arrived. */
export function useKb(): Kb {
  return use(knowledgeBase())
}

function subscribeKb(onChange: () => void): () => void {
  let subscribed = true
  const notify = () => {
    if (subscribed) onChange()
  }
  loadKb().then(notify, notify)
  return () => {
    subscribed = false
  }
}

const kbStatus = () => loadKb().status ?? 'pending'

/**
 * The knowledge base once it has arrived, `null` while it loads (starting the load), without
 * suspending: for pages that show most of themselves before it. Throws (for the error boundary)
 * when it could not be loaded.
 */
export function useKbIfLoaded(): Kb | null {
  const status = useSyncExternalStore(subscribeKb, kbStatus, kbStatus)
  const load = loadKb()
  if (status === 'rejected') throw load.reason
  return status === 'fulfilled' ? (load.value ?? null) : null
}

/** The question catalogue; suspends until it has arrived. */
export function useQuestions(): Question[] {
  return use(questionCatalogue())
}

/** What entry ids look like (the content schema's); anything else names no file. */
const ENTRY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

const entryLoads = new Map<string, Thenable<EntryFile | null>>()

/**
 * An entry's head and body, loaded once per visit; `null` when the knowledge base has no such
 * entry. Its file is fetched at once, without waiting for the knowledge base; only when that
 * fails does the knowledge base tell an unknown id (null) from a failed load (rejects).
 */
export function entryFile(id: string): Promise<EntryFile | null> {
  return loadEntryFile(id)
}

function loadEntryFile(id: string): Thenable<EntryFile | null> {
  let load = entryLoads.get(id)
  if (!load) {
    if (inline) {
      const head = findEntry(inline.data, id)
      const body = Object.hasOwn(inline.bodies, id) ? inline.bodies[id] : undefined
      load = settled(head && body ? { head, body } : null)
    } else if (!remote || !ENTRY_ID.test(id)) load = settled(null)
    else {
      const url = new URL(`${remote.entriesDir}${id}.json`, new URL(remote.url, document.baseURI))
      load = track(
        fetchJson<EntryFile>(url.href, 'The details').catch(async (err: unknown) => {
          const kb = await loadKb()
          if (!findEntry(kb, id)) return null
          throw err
        }),
      )
    }
    entryLoads.set(id, load)
  }
  return load
}

/** An entry's head and body, or null for an unknown id; suspends until known. */
export function useEntryFile(id: string): EntryFile | null {
  return use(entryFile(id))
}

const bodyLoads = new Map<string, Thenable<EntryBody>>()

/** An entry's body, loaded once per visit. Rejects for an unknown id. */
export function entryBody(id: string): Promise<EntryBody> {
  let load = bodyLoads.get(id)
  if (!load) {
    const file = loadEntryFile(id)
    load =
      file.status === 'fulfilled' && file.value
        ? settled(file.value.body)
        : track(
            file.then((f) => {
              if (!f) throw new Error(`No problem is called ${id}.`)
              return f.body
            }),
          )
    bodyLoads.set(id, load)
  }
  return load
}

/** An entry's body; suspends until it has arrived. */
export function useEntryBody(id: string): EntryBody {
  return use(entryBody(id))
}

/**
 * Entry heads and questions in the shape the engine's lookups take (`findEntry`, `findQuestion`
 * and `failedConditions` read only `entries` and `questions`), for a result page shown before
 * the match index has arrived. Never for matching: it has no index.
 * tests/app/kb-lookups.test.ts checks that these lookups answer as with the whole knowledge base.
 */
export function lookupsOnly(entries: EntryHead[], questions: Question[]): Kb {
  return { entries, questions } as Omit<Kb, 'index'> as Kb
}
