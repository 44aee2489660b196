declare module 'virtual:kb' {
  import type { EntryBody, Kb } from './engine/types.ts'
  /**
   * Built app: the URL of the knowledge-base JSON file (which also names each body's file);
   * development and tests: the data and the bodies themselves.
   */
  const source: { url: string } | { data: Kb; bodies: Record<string, EntryBody> }
  export default source
}
