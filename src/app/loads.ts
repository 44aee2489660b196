/**
 * Loads the page waits for (the knowledge-base files, the pages' code), as promises React's `use`
 * can read synchronously once settled, and the record of which are still under way (for work that
 * should wait until the network is quiet, see `whenSettled` in kb.ts).
 */

/** A promise React's `use` can read synchronously once settled (React's thenable protocol). */
export type Thenable<T> = Promise<T> & {
  status?: 'pending' | 'fulfilled' | 'rejected'
  value?: T
  reason?: unknown
}

/**
 * Something the page needs could not be fetched (network down, server gone, a file of an older
 * version no longer there): not a bug in the tool, and worth a reload. The error boundary says so.
 */
export class LoadError extends Error {
  override name = 'LoadError'
}

/** Loads started and not yet settled. */
export const pending = new Set<Promise<unknown>>()

/** Follows a load: records it as under way until it settles, and its outcome on the promise. */
export function track<T>(promise: Promise<T>): Thenable<T> {
  const t = promise as Thenable<T>
  t.status = 'pending'
  pending.add(promise)
  const done = () => void pending.delete(promise)
  promise.then(done, done)
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

/** A load that is already done. */
export function settled<T>(value: T): Thenable<T> {
  const t = Promise.resolve(value) as Thenable<T>
  t.status = 'fulfilled'
  t.value = value
  return t
}

/**
 * A load made from another: `f` of its value. Already done (as `settled`) when the other has
 * arrived and `f` returns, so a page that reads it renders at once; otherwise followed as it
 * settles (a throw from `f` rejects it).
 */
export function derived<T, U>(load: Promise<T>, f: (value: T) => U): Thenable<U> {
  const from = load as Thenable<T>
  if (from.status === 'fulfilled')
    try {
      return settled(f(from.value as T))
    } catch {
      // rejected below, as it would be once followed
    }
  return track(load.then(f))
}

/**
 * A chunk of code loaded on the first call (again after a failed load), as a promise React's `use`
 * reads synchronously once it is here. `what` names it in the message of a failed load.
 */
export function chunk<M>(importer: () => Promise<M>, what: string): () => Promise<M> {
  let load: Thenable<M> | null = null
  return () => {
    if (!load || load.status === 'rejected')
      load = track(
        importer().catch(() => {
          throw new LoadError(`${what} could not be loaded (no connection to the server).`)
        }),
      )
    return load
  }
}
