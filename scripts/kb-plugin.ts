/**
 * Vite plugin: the knowledge base, validated and indexed here at build time, so the browser
 * neither ships zod nor builds an index on load. A bad content file fails the build (and the
 * tests) naming the file and the field.
 *
 * In the built app `virtual:kb` gives the addresses of JSON assets (see docs/decisions/0005;
 * index.html preloads none of them, so the start page paints before any arrives):
 *
 * - `kb-<hash>.json`: what matching needs (entry heads and the match index), fetched once the
 *   page has painted;
 * - `questions-<hash>.json`: the question catalogue, for matching and the questions, and for a
 *   result link that answers questions its entry does not refer to;
 * - `e-<hash>/<entry id>.json`: one file per entry with its head, its body (cause, steps,
 *   commands…) and the questions it refers to (src/app/entry-file.ts), fetched when a result or
 *   entry page opens or the start page sees it match. Its name follows from the id, so a result
 *   page can fetch it without waiting for anything else; the folder's hash covers every entry, so
 *   a new build never meets a stale copy.
 *
 * The initial JavaScript therefore does not grow with the knowledge base. In development and
 * tests, and in a build with `inline: true` (the single-file build, opened from `file://`, where
 * nothing can be fetched), the module holds the data and the bodies themselves.
 */
import { createHash } from 'node:crypto'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'
import { entryQuestions, type EntryFile } from '../src/app/entry-file.ts'
import { CONTENT_DIR, loadKb, type LoadedKb } from '../src/content/compile.ts'
import type { EntryBody } from '../src/engine/types.ts'

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
  /** The boot script of this build (built app only), inline in index.html. */
  let boot: string | null = null
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
        const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 10)
        // One file per entry (head, body, its questions), named by the id in a folder named by
        // all of them.
        const files = entries.map((head) => {
          const file: EntryFile = {
            head,
            body: bodies[head.id] as EntryBody,
            questions: entryQuestions(head, questions),
          }
          return { id: head.id, source: JSON.stringify(file) }
        })
        const entriesDir = `e-${hash(files.map((f) => f.source).join('\n'))}/`
        for (const f of files)
          this.emitFile({
            type: 'asset',
            fileName: `assets/${entriesDir}${f.id}.json`,
            source: f.source,
          })
        const questionsSource = JSON.stringify(questions)
        const questionsFile = `questions-${hash(questionsSource)}.json`
        const questionsRef = this.emitFile({
          type: 'asset',
          fileName: `assets/${questionsFile}`,
          source: questionsSource,
        })
        boot = bootScript(`./assets/${entriesDir}`)
        const kbRef = this.emitFile({
          type: 'asset',
          name: 'kb.json',
          source: JSON.stringify({ entries, index }),
        })
        // Entry files are addressed relative to the knowledge-base file (both in assets/).
        return [
          'export default {',
          `  url: import.meta.ROLLUP_FILE_URL_${kbRef},`,
          `  questionsUrl: import.meta.ROLLUP_FILE_URL_${questionsRef},`,
          `  entriesDir: ${JSON.stringify(entriesDir)},`,
          '}',
        ].join('\n')
      }
      return null
    },
    transformIndexHtml: {
      order: 'post',
      handler() {
        if (!boot) return
        // Inline, first in <head>: it runs before anything else is requested and costs no request
        // itself (the Content-Security-Policy allows it by its hash, see csp-plugin.ts).
        return [{ tag: 'script', children: boot, injectTo: 'head-prepend' }]
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

/**
 * A small script inline in index.html, run while the page is read (long before the app's own
 * script): on a result page it starts fetching the entry's file, so it arrives with the app's
 * script instead of after it. The app's `fetch` of the same address then takes the preloaded
 * response. Not for the start page, whose knowledge base is fetched only once it has painted,
 * nor for entry pages, which wait for the knowledge base anyway.
 */
function bootScript(entriesDir: string): string {
  return `(function () {
  var m = /^#[/]result[/]([a-z0-9]+(?:-[a-z0-9]+)*)(?:[?#]|$)/.exec(location.hash)
  if (!m) return
  function preload(href) {
    var link = document.createElement('link')
    link.rel = 'preload'
    link.as = 'fetch'
    link.crossOrigin = 'anonymous'
    link.href = href
    document.head.appendChild(link)
  }
  preload(${JSON.stringify(entriesDir)} + m[1] + '.json')
})()
`
}
