/**
 * Vite plugin: the knowledge base, validated and indexed here at build time, so the browser
 * neither ships zod nor builds an index on load. A bad content file fails the build (and the
 * tests) naming the file and the field.
 *
 * - `virtual:kb`: what matching needs (entry heads, questions, match index). In the built app a
 *   JSON asset (preloaded by index.html) whose URL the module exports, so the initial JavaScript
 *   does not grow with the knowledge base; in development and tests the data itself.
 * - `virtual:kb-bodies`: each entry's body (cause, steps, commands…). In the built app a loader
 *   per entry, each body its own small chunk; in development and tests the bodies themselves.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'
import { CONTENT_DIR, loadKb, type LoadedKb } from '../src/content/compile.ts'

const KB = 'virtual:kb'
const BODIES = 'virtual:kb-bodies'
const BODY = 'virtual:kb-body/'

/** JSON.parse of a string literal loads faster than the same object as a literal. */
const asModule = (value: unknown) =>
  `export default JSON.parse(${JSON.stringify(JSON.stringify(value))})`

export function kbPlugin(): Plugin {
  let cache: LoadedKb | null = null
  const kb = () => (cache ??= loadKb())
  let isBuild = false
  return {
    name: 'kb',
    configResolved(config) {
      isBuild = config.command === 'build'
    },
    resolveId(id) {
      return id === KB || id === BODIES || id.startsWith(BODY) ? `\0${id}` : null
    },
    load(id) {
      if (!id.startsWith('\0virtual:kb')) return null
      const name = id.slice(1)
      if (name === KB) {
        for (const dir of ['questions', 'entries'])
          for (const f of readdirSync(join(CONTENT_DIR, dir)))
            this.addWatchFile(join(CONTENT_DIR, dir, f))
        const { entries, questions, index } = kb()
        const data = { entries, questions, index }
        if (!isBuild) return asModule({ data })
        const ref = this.emitFile({ type: 'asset', name: 'kb.json', source: JSON.stringify(data) })
        return `export default { url: import.meta.ROLLUP_FILE_URL_${ref} }`
      }
      if (name === BODIES) {
        if (!isBuild) return asModule(kb().bodies)
        const lines = kb().entries.map(
          (e) => `  ${JSON.stringify(e.id)}: () => import(${JSON.stringify(BODY + e.id)}),`,
        )
        return `export default {\n${lines.join('\n')}\n}`
      }
      const body = kb().bodies[name.slice(BODY.length)]
      return body ? asModule(body) : 'export default undefined'
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        // Start fetching the knowledge base with the page, not after the script has run.
        const asset = Object.values(ctx.bundle ?? {}).find(
          (f) => f.type === 'asset' && f.names.includes('kb.json'),
        )
        if (!asset) return
        return [
          {
            tag: 'link',
            attrs: {
              rel: 'preload',
              href: `./${asset.fileName}`,
              as: 'fetch',
              crossorigin: 'anonymous',
            },
            injectTo: 'head-prepend',
          },
        ]
      },
    },
    handleHotUpdate({ file, server }) {
      if (file.startsWith(CONTENT_DIR) && file.endsWith('.json')) {
        cache = null
        for (const mod of server.moduleGraph.getModulesByFile(file) ?? [])
          server.moduleGraph.invalidateModule(mod)
        for (const [id, mod] of server.moduleGraph.idToModuleMap)
          if (id.startsWith('\0virtual:kb')) server.moduleGraph.invalidateModule(mod)
        server.ws.send({ type: 'full-reload' })
      }
    },
  }
}
