import type { EntryBody } from '../engine/types.ts'

/**
 * Why the problem happens: the first section of an entry's details (./EntryDetails.tsx), in a
 * module of its own so the result page can show it before the rest of its code has arrived.
 */
export function EntryCause({ body }: { body: EntryBody }) {
  return (
    <section aria-labelledby="cause-h">
      <h2 id="cause-h">Why this happens</h2>
      <p>{body.cause}</p>
    </section>
  )
}
