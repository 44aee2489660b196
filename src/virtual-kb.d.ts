declare module 'virtual:kb' {
  import type { EntryBody, Kb } from './engine/types.ts'
  /**
   * Built app: the URLs of the knowledge-base file (entry heads and match index) and of the
   * question catalogue, and the folder of the entry files (`<entriesDir><id>.json`, relative to
   * the knowledge-base file); development, tests and the single-file build: the data and the
   * bodies themselves.
   */
  const source:
    | { url: string; questionsUrl: string; entriesDir: string }
    | { data: Kb; bodies: Record<string, EntryBody> }
  export default source
}
