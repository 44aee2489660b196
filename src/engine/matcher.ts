/**
 * What the app loads to match a paste, in a chunk of its own (src/app/kb.ts loads it with the
 * knowledge base's match index): a page that only shows an entry, such as a result link without
 * a paste, loads none of it.
 */
export { diagnose, prepare } from './diagnose.ts'
export { extractValues } from './values.ts'
