/**
 * The knowledge base in the page. Matching data (entry heads, questions, index) is a JSON file
 * built and validated at build time and fetched once at start-up, so the initial JavaScript
 * stays the same size however many problems the knowledge base knows; each entry's body (cause,
 * steps, commands…) is a JSON file of its own, fetched when a result or entry page needs it.
 * In development and tests both are inlined (see scripts/kb-plugin.ts).
 */
import { use } from 'react'
import source from 'virtual:kb'
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

interface Shipped extends Kb {
  /** entry id → file name of its body, beside the knowledge-base file */
  bodyFiles: Record<string, string>
}

async function fetchJson<T>(url: string, what: string): Promise<T> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${what} could not be loaded (HTTP ${response.status}).`)
  return (await response.json()) as T
}

const shipped: Thenable<Kb & Partial<Shipped>> =
  'data' in source
    ? settled(source.data)
    : track(fetchJson<Shipped>(source.url, 'The knowledge base'))
// A failed load is shown by the error boundary when a page asks for the knowledge base.
shipped.catch(() => {})

/** The knowledge base; suspends until it has arrived. */
export function useKb(): Kb {
  return use(shipped as Promise<Kb>)
}

const bodyPromises = new Map<string, Thenable<EntryBody>>()

/** An entry's body, loaded once per visit. Rejects for an unknown id. */
export function entryBody(id: string): Thenable<EntryBody> {
  let p = bodyPromises.get(id)
  if (!p) {
    if ('bodies' in source) {
      const body = Object.hasOwn(source.bodies, id) ? source.bodies[id] : undefined
      p = body ? settled(body) : track(Promise.reject(new Error(`No problem is called ${id}.`)))
    } else {
      const base = source.url
      p = track(
        shipped.then((kb) => {
          const file =
            kb.bodyFiles && Object.hasOwn(kb.bodyFiles, id) ? kb.bodyFiles[id] : undefined
          if (!file) throw new Error(`No problem is called ${id}.`)
          return fetchJson<EntryBody>(
            new URL(file, new URL(base, document.baseURI)).href,
            'The details',
          )
        }),
      )
    }
    p.catch(() => {})
    bodyPromises.set(id, p)
  }
  return p
}

/** An entry's body; suspends until it has arrived. */
export function useEntryBody(id: string): EntryBody {
  return use(entryBody(id) as Promise<EntryBody>)
}
