/**
 * The knowledge base in the page. Matching data (entry heads, questions, index) is a JSON file
 * built and validated at build time and fetched once at start-up, so the initial JavaScript
 * stays the same size however many problems the knowledge base knows; each entry's body (cause,
 * steps, commands…) is a chunk of its own, loaded when a result or entry page needs it.
 * In development and tests both are inlined (see scripts/kb-plugin.ts).
 */
import { use } from 'react'
import source from 'virtual:kb'
import bodies from 'virtual:kb-bodies'
import type { EntryBody, Kb } from '../engine/types.ts'

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
  return t
}

function settled<T>(value: T): Thenable<T> {
  const t = Promise.resolve(value) as Thenable<T>
  t.status = 'fulfilled'
  t.value = value
  return t
}

async function fetchKb(url: string): Promise<Kb> {
  const response = await fetch(url)
  if (!response.ok)
    throw new Error(`The knowledge base could not be loaded (HTTP ${response.status}).`)
  return (await response.json()) as Kb
}

const kbPromise: Thenable<Kb> = 'data' in source ? settled(source.data) : track(fetchKb(source.url))
// A failed load is shown by the error boundary when a page asks for the knowledge base.
kbPromise.catch(() => {})

/** The knowledge base; suspends until it has arrived. */
export function useKb(): Kb {
  return use(kbPromise as Promise<Kb>)
}

const bodyPromises = new Map<string, Thenable<EntryBody>>()

/** An entry's body, loaded once per visit. Rejects for an unknown id. */
export function entryBody(id: string): Thenable<EntryBody> {
  let p = bodyPromises.get(id)
  if (!p) {
    const ref = Object.hasOwn(bodies, id) ? bodies[id] : undefined
    if (!ref) p = track(Promise.reject(new Error(`No problem is called ${id}.`)))
    else if (typeof ref === 'function')
      p = track(
        ref().then((m: { default: EntryBody | undefined }) => {
          if (!m.default) throw new Error(`No details for ${id}.`)
          return m.default
        }),
      )
    else p = settled(ref)
    p.catch(() => {})
    bodyPromises.set(id, p)
  }
  return p
}

/** An entry's body; suspends until it has arrived. */
export function useEntryBody(id: string): EntryBody {
  return use(entryBody(id) as Promise<EntryBody>)
}
