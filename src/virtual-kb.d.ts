declare module 'virtual:kb' {
  import type { Kb } from './engine/types.ts'
  /** Built app: the URL of the knowledge-base JSON file; development and tests: the data itself. */
  const source: { url: string } | { data: Kb }
  export default source
}

declare module 'virtual:kb-bodies' {
  import type { EntryBody } from './engine/types.ts'
  /** Built app: a loader per entry; development and tests: the bodies themselves. */
  const bodies: Record<string, EntryBody | (() => Promise<{ default: EntryBody | undefined }>)>
  export default bodies
}
