/**
 * Vite plugin: serves the compiled knowledge base as `virtual:kb`. Content is validated and
 * indexed here, at build time, so the browser neither ships zod nor builds an index on load.
 * A bad content file fails the build (and the tests) naming the file and the field.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'
import { CONTENT_DIR, loadKb } from '../src/content/compile.ts'

const ID = 'virtual:kb'
const RESOLVED = '\0virtual:kb'

export function kbPlugin(): Plugin {
  return {
    name: 'kb',
    resolveId(id) {
      return id === ID ? RESOLVED : null
    },
    load(id) {
      if (id !== RESOLVED) return null
      for (const f of readdirSync(join(CONTENT_DIR, 'questions')))
        this.addWatchFile(join(CONTENT_DIR, 'questions', f))
      for (const f of readdirSync(join(CONTENT_DIR, 'entries')))
        this.addWatchFile(join(CONTENT_DIR, 'entries', f))
      const full = loadKb()
      // The page shows one sample per entry (the examples on the start page); tests use them all.
      const kb = {
        ...full,
        entries: full.entries.map((e) => ({ ...e, samples: e.samples.slice(0, 1) })),
      }
      // JSON.parse of a string literal is faster for engines to load than an object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(kb))})`
    },
    handleHotUpdate({ file, server }) {
      if (file.startsWith(CONTENT_DIR) && file.endsWith('.json')) {
        const mod = server.moduleGraph.getModuleById(RESOLVED)
        if (mod) server.moduleGraph.invalidateModule(mod)
        server.ws.send({ type: 'full-reload' })
      }
    },
  }
}
