declare module 'virtual:kb' {
  import type { Kb } from './engine/types.ts'
  const kb: Kb
  export default kb
}
