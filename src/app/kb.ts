/**
 * The knowledge base in the page. Built and validated at build time (scripts/kb-plugin.ts), it
 * ships as data beside the script, in three kinds of JSON file, so the initial JavaScript stays
 * the same size however many problems the knowledge base knows, and no page waits for more than
 * it shows:
 *
 * - the knowledge base proper (entry heads and the match index), fetched once the page has
 *   painted, with the matcher's code (a chunk of its own, see docs/decisions/0016): the start page
 *   shows its paste box without them, and keeps what is typed meanwhile;
 * - the question catalogue, fetched with it, or by a result link that answers questions its
 *   entry does not refer to;
 * - one file per entry (its head, its body — cause, steps, commands… — and the questions it
 *   refers to), all a result link needs; fetched when a result or entry page opens it, or when
 *   the start page sees the entry match. See docs/decisions/0005.
 *
 * In development, tests and the single-file build everything is inlined and already settled.
 */
import { use, useSyncExternalStore } from 'react'
import source from 'virtual:kb'
import { findEntry } from '../engine/lookups.ts'
import type * as MatcherModule from '../engine/matcher.ts'
import type { EntryBody, EntryHead, Kb, Question } from '../engine/types.ts'
import { entryQuestions, type EntryFile } from './entry-file.ts'
import { chunk, derived, LoadError, pending, settled, track, type Thenable } from './loads.ts'

/** Resolves in a later task (the browser may paint and handle input in between). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

async function fetchJson<T>(url: string, what: string): Promise<T> {
  let response: Response
  try {
    response = await fetch(url)
  } catch {
    throw new LoadError(`${what} could not be loaded (no connection to the server).`)
  }
  if (!response.ok) throw new LoadError(`${what} could not be loaded (HTTP ${response.status}).`)
  return (await response.json()) as T
}

/** The inlined data (development, tests, single-file build), or null when it is fetched. */
const inline = 'data' in source ? source : null
/** Where the data is fetched from (the built app), or null when it is inlined. */
const remote = 'data' in source ? null : source

/** Longest wait for the first paint: a tab in the background paints nothing. */
const PAINT_WAIT_MS = 1000

let painted: Promise<void> | null = null

/**
 * Resolves once the page's first contentful paint is on the screen (the browser reports it), or
 * after PAINT_WAIT_MS where it is not reported. The knowledge base is large: fetched after the
 * first paint, it does not take the network from the page (index.html's loader waits for the
 * same paint before it asks for the app's script, see scripts/prerender-plugin.ts).
 */
function afterFirstPaint(): Promise<void> {
  painted ??= new Promise((resolve) => {
    const done = () => resolve()
    setTimeout(done, PAINT_WAIT_MS)
    try {
      const observer = new PerformanceObserver((list) => {
        if (list.getEntriesByName('first-contentful-paint').length === 0) return
        observer.disconnect()
        done()
      })
      observer.observe({ type: 'paint', buffered: true })
    } catch {
      // no paint timing in this browser: the timeout decides
    }
  })
  return painted
}

/**
 * Resolves once the page has painted and every load it started has settled (arrived or failed):
 * the moment to start work that competes for the network, such as the service worker's
 * precaching of the whole app.
 */
export async function whenSettled(): Promise<void> {
  if (inline) return
  await afterFirstPaint()
  while (pending.size > 0) await Promise.allSettled([...pending])
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

/** The matcher's code: diagnosing a paste, and taking the command values out of it. */
export type Engine = typeof MatcherModule

/** The knowledge base with the code that matches pastes against it. */
export interface Matcher {
  kb: Kb
  engine: Engine
}

/**
 * The matcher's code, a chunk of its own: loaded with the knowledge base, so a page that matches
 * nothing (a result link without a paste) neither waits for it nor parses it.
 */
export const loadMatcher = chunk(() => import('../engine/matcher.ts'), 'The matcher')

let kbLoad: Thenable<Matcher> | null = null

/**
 * The whole knowledge base (entry heads, questions, match index) and the matcher's code; fetched
 * after the first paint.
 */
function loadKb(): Thenable<Matcher> {
  if (!kbLoad) {
    if (inline) {
      const data = inline.data
      kbLoad = derived(loadMatcher(), (engine) => ({ kb: data, engine }))
    } else if (remote) {
      const url = remote.url
      kbLoad = track(
        afterFirstPaint().then(async () => {
          const [shipped, questions, engine] = await Promise.all([
            fetchJson<Omit<Kb, 'questions'>>(url, 'The knowledge base'),
            loadQuestions(),
            loadMatcher(),
          ])
          const kb: Kb = { entries: shipped.entries, questions, index: shipped.index }
          // Reading the file, preparing the matcher and showing the page each get a task of their
          // own: no single long task holds up typing when the knowledge base arrives.
          await nextTask()
          engine.prepare(kb)
          await nextTask()
          return { kb, engine }
        }),
      )
    }
  }
  return kbLoad as Thenable<Matcher>
}

/** The knowledge base; suspends until it (and the matcher's code) has arrived. */
export function useKb(): Kb {
  return use(loadKb() as Promise<Matcher>).kb
}

const subscriptions = new WeakMap<Thenable<unknown>, (onChange: () => void) => () => void>()

/** A `useSyncExternalStore` subscription to a load settling, one per load (so it is stable). */
function subscription(load: Thenable<unknown>): (onChange: () => void) => () => void {
  let subscribe = subscriptions.get(load)
  if (!subscribe) {
    subscribe = (onChange) => {
      let subscribed = true
      const notify = () => {
        if (subscribed) onChange()
      }
      load.then(notify, notify)
      return () => {
        subscribed = false
      }
    }
    subscriptions.set(load, subscribe)
  }
  return subscribe
}

const never = () => () => {}

/**
 * A load's value once it has arrived, `undefined` while it loads, without suspending: the page
 * re-renders when it arrives. (A Suspense boundary that has shown its fallback reveals its content
 * no sooner than 300 ms later in React 19; a page that renders its own loading line does not
 * wait.) Throws, for the error boundary, when the load failed.
 */
function useLoaded<T>(load: Thenable<T> | null): T | undefined {
  const status = useSyncExternalStore(
    load ? subscription(load) : never,
    () => load?.status,
    () => load?.status,
  )
  if (status === 'rejected') throw load?.reason
  return status === 'fulfilled' ? load?.value : undefined
}

/**
 * The knowledge base and the matcher once they have arrived, `null` while they load (starting the
 * load), without suspending: for pages that show most of themselves before them. Throws (for the
 * error boundary) when they could not be loaded.
 */
export function useMatcherIfLoaded(): Matcher | null {
  return useLoaded(loadKb()) ?? null
}

/** The question ids a link's query string answers, or null when it cannot be read. */
function linkQuestionIds(search: string): string[] | null {
  try {
    return [...new URLSearchParams(search).keys()]
  } catch {
    return null
  }
}

/**
 * What a result page shows, without suspending: the entry's file (`null` for an unknown id), the
 * questions the page needs and, when `withKb`, the whole knowledge base with the matcher;
 * `undefined` until all have arrived. The entry's file carries the questions it refers to; the
 * whole catalogue is fetched only when the link (`search`) answers others, or something the page
 * cannot read.
 */
export function useResultData(
  id: string,
  search: string,
  withKb: boolean,
): { questions: Question[]; file: EntryFile | null; matcher: Matcher | null } | undefined {
  // Every load known to be needed starts now, together.
  const fileLoad = loadEntryFile(id)
  const kbLoad = withKb ? loadKb() : null
  const file = useLoaded(fileLoad)
  const matcher = useLoaded(kbLoad)
  const own = file ? new Set(file.questions.map((q) => q.id)) : null
  const needCatalogue =
    !kbLoad &&
    own !== null &&
    (questionsLoad?.status === 'fulfilled' ||
      !(linkQuestionIds(search)?.every((q) => own.has(q)) ?? false))
  const catalogue = useLoaded(needCatalogue ? loadQuestions() : null)
  if (file === undefined || (kbLoad && matcher === undefined) || (needCatalogue && !catalogue))
    return
  const questions = matcher?.kb.questions ?? catalogue ?? file?.questions ?? []
  return { questions, file, matcher: matcher ?? null }
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
      const questions = head ? entryQuestions(head, inline.data.questions) : []
      load = settled(head && body ? { head, body, questions } : null)
    } else if (!remote || !ENTRY_ID.test(id)) load = settled(null)
    else {
      const url = new URL(`${remote.entriesDir}${id}.json`, new URL(remote.url, document.baseURI))
      load = track(
        fetchJson<EntryFile>(url.href, 'The details').catch(async (err: unknown) => {
          const { kb } = await loadKb()
          if (!findEntry(kb, id)) return null
          throw err
        }),
      )
    }
    entryLoads.set(id, load)
  }
  return load
}

/** Longest wait, before the first render, for a result link's own file. */
const FIRST_RENDER_WAIT_MS = 300

/**
 * On a result link (`#/result/<id>…`), resolves once the entry's file has arrived (index.html's
 * boot script preloads it beside the app's script, so it is usually there already) or after
 * FIRST_RENDER_WAIT_MS; elsewhere at once. Rendered after it, the page paints whole at once
 * instead of a loading line first.
 */
export function routeDataReady(hash: string): Promise<void> {
  const id = /^#\/result\/([a-z0-9-]+)(?:[?#]|$)/.exec(hash)?.[1]
  if (!id || inline) return Promise.resolve()
  return Promise.race([
    loadEntryFile(id).then(
      () => {},
      () => {},
    ),
    new Promise<void>((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS)),
  ])
}

const bodyLoads = new Map<string, Thenable<EntryBody>>()

/** An entry's body, loaded once per visit. Rejects for an unknown id. */
export function entryBody(id: string): Promise<EntryBody> {
  let load = bodyLoads.get(id)
  if (!load) {
    load = derived(loadEntryFile(id), (f) => {
      if (!f) throw new Error(`No problem is called ${id}.`)
      return f.body
    })
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
