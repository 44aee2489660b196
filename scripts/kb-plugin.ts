/**
 * Vite plugin: the knowledge base, validated and indexed here at build time, so the browser
 * neither ships zod nor builds an index on load. A bad content file fails the build (and the
 * tests) naming the file and the field.
 *
 * `virtual:kb` gives, in the built app, the URL of a JSON asset (preloaded by index.html) with
 * what matching needs (entry heads, questions, match index) and the file name of each entry's
 * body (cause, steps, commands…), itself a small JSON asset fetched when a result or entry page
 * opens. The initial JavaScript therefore does not grow with the knowledge base. In development
 * and tests, and in a build with `inline: true` (the single-file build, opened from `file://`,
 * where nothing can be fetched), the module holds the data and the bodies themselves.
 */
import { createHash } from 'node:crypto'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'
import { CONTENT_DIR, loadKb, type LoadedKb } from '../src/content/compile.ts'

const KB = 'virtual:kb'

/** JSON.parse of a string literal loads faster than the same object as a literal. */
const asModule = (value: unknown) =>
  `export default JSON.parse(${JSON.stringify(JSON.stringify(value))})`

export interface KbPluginOptions {
  /** Put the knowledge base and every entry body into the script, in the built app too. */
  inline?: boolean
}

export function kbPlugin({ inline = false }: KbPluginOptions = {}): Plugin {
  let cache: LoadedKb | null = null
  const kb = () => (cache ??= loadKb())
  let isBuild = false
  return {
    name: 'kb',
    configResolved(config) {
      isBuild = config.command === 'build'
    },
    resolveId(id) {
      return id === KB ? `\0${id}` : null
    },
    load(id) {
      if (!id.startsWith('\0virtual:kb')) return null
      const name = id.slice(1)
      if (name === KB) {
        for (const dir of ['questions', 'entries'])
          for (const f of readdirSync(join(CONTENT_DIR, dir)))
            this.addWatchFile(join(CONTENT_DIR, dir, f))
        const { entries, questions, index, bodies } = kb()
        const data = { entries, questions, index }
        if (!isBuild || inline) return asModule({ data, bodies })
        // Each body is a JSON file of its own, named by its content so caches never go stale;
        // the knowledge-base file lists them, so the script does not grow with the entries.
        const bodyFiles: Record<string, string> = {}
        for (const [id, body] of Object.entries(bodies)) {
          const source = JSON.stringify(body)
          const hash = createHash('sha256').update(source).digest('hex').slice(0, 10)
          const fileName = `assets/body-${id}-${hash}.json`
          this.emitFile({ type: 'asset', fileName, source })
          bodyFiles[id] = fileName.slice('assets/'.length)
        }
        const ref = this.emitFile({
          type: 'asset',
          name: 'kb.json',
          source: JSON.stringify({ ...data, bodyFiles }),
        })
        return `export default { url: import.meta.ROLLUP_FILE_URL_${ref} }`
      }
      return null
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
