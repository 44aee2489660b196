/**
 * Vite plugins (build only) that let the start page paint before its script has even arrived:
 *
 * - the start page's first render (src/app/prerender.tsx) is written into index.html's
 *   `<div id="root">`, marked `data-prerendered`; the app renders in its place once it runs,
 *   keeping what was typed meanwhile (src/app/prerendered.tsx);
 * - the app's script is started by a small inline loader instead of a `<script>` tag. On the start
 *   page it asks for the script once the page has painted, so the heading and the paste box
 *   neither wait for the script nor share the network with it (the knowledge base is fetched
 *   after the paint too, see src/app/kb.ts). Where the pre-rendered page is not what the app will
 *   show (a link to another page such as `#/result/…`, a tab with a saved paste, an `?error=`
 *   link), it asks at once and marks the page so the pre-rendered content stays hidden
 *   (src/app/prerendered-mark.ts, styles.css).
 *
 * The render runs in Vite's module runner on the app's own source; `virtual:kb` gives addresses
 * that are never fetched (the start page shows before the knowledge base anyway).
 */
import { runnerImport, type Plugin, type Rolldown } from 'vite'
import { OWN_CODE, START_PAGE } from '../src/app/page-code.ts'
import { APP_ONLY, PRERENDERED } from '../src/app/prerendered-mark.ts'
import { INPUTS_KEY } from '../src/store/storage-keys.ts'

const KB = 'virtual:kb'
const ROOT = '<div id="root"></div>'
/** The module script Vite writes for the app's entry, and the preloads of the chunks it imports. */
const APP_SCRIPT = /<script type="module" crossorigin src="([^"]+)"><\/script>\s*/
const APP_PRELOAD = /<link rel="modulepreload" crossorigin href="([^"]+)">\s*/g

/** Longest wait for the start page's paint before the script is asked for regardless. */
const PAINT_WAIT_MS = 1000

/**
 * The inline loader (plain ES5, it runs before anything else on the page). The
 * Content-Security-Policy allows it by its hash (csp-plugin.ts).
 */
export function loaderScript(app: string, preloads: string[] = [], pages: string[] = []): string {
  return `(function () {
  var started = false
  function start(otherPage) {
    if (started) return
    started = true
    var chunks = ${JSON.stringify(preloads)}
    if (otherPage) chunks = chunks.concat(${JSON.stringify(pages)})
    for (var i = 0; i < chunks.length; i++) {
      var link = document.createElement('link')
      link.rel = 'modulepreload'
      link.href = chunks[i]
      document.head.appendChild(link)
    }
    var script = document.createElement('script')
    script.type = 'module'
    script.src = ${JSON.stringify(app)}
    document.head.appendChild(script)
  }
  function savedPaste() {
    try {
      var saved = JSON.parse(sessionStorage.getItem(${JSON.stringify(INPUTS_KEY)}) || 'null')
      return !!saved && !!saved.state && typeof saved.state.text === 'string' && saved.state.text !== ''
    } catch (e) {
      return false
    }
  }
  var startPage = new RegExp(${JSON.stringify(START_PAGE.source)}).test(location.hash)
  if (!startPage || savedPaste() || /[?&]error=/.test(location.search + location.hash)) {
    document.documentElement.setAttribute('${APP_ONLY}', '')
    return start(!new RegExp(${JSON.stringify(OWN_CODE.source)}).test(location.hash))
  }
  if (document.hidden || typeof PerformanceObserver !== 'function') return start()
  setTimeout(start, ${PAINT_WAIT_MS})
  try {
    new PerformanceObserver(function (list, observer) {
      if (list.getEntriesByName('first-contentful-paint').length === 0) return
      observer.disconnect()
      start()
    }).observe({ type: 'paint', buffered: true })
  } catch (e) {
    start()
  }
})()`
}

/** The module of the pages other than the start page (src/app/lazy-views.tsx loads it). */
const PAGES_MODULE = '/src/app/views.ts'

/**
 * The files of the other pages' code (their chunk and the chunks it imports, directly or not, the
 * app's own script aside), addressed as the page addresses the app's script.
 */
function pagesChunks(app: string, bundle: Rolldown.OutputBundle | undefined): string[] {
  const chunks = Object.values(bundle ?? {}).filter((c) => c.type === 'chunk')
  const entry = chunks.find((c) => c.isEntry && app.endsWith(c.fileName))
  const pages = chunks.find((c) => c.isDynamicEntry && c.facadeModuleId?.endsWith(PAGES_MODULE))
  if (!entry || !pages) throw new Error(`prerender: no chunk for ${PAGES_MODULE} in the build`)
  const base = app.slice(0, app.length - entry.fileName.length)
  // The chunks it imports, and theirs in turn: all asked for at once, not one after the other.
  const byName = new Map(chunks.map((c) => [c.fileName, c]))
  const files = new Set([pages.fileName])
  for (const f of files) for (const i of byName.get(f)?.imports ?? []) files.add(i)
  files.delete(entry.fileName)
  return [...files].map((f) => base + f)
}

export function prerenderPlugin(): Plugin[] {
  let root = process.cwd()
  return [
    {
      name: 'prerender-start-page',
      apply: 'build',
      configResolved(config) {
        root = config.root
      },
      transformIndexHtml: {
        order: 'pre',
        async handler(html) {
          if (!html.includes(ROOT))
            throw new Error(`prerender: index.html has no empty ${ROOT} to render into`)
          const { module } = await runnerImport<{ renderStartPage: () => string }>(
            '/src/app/prerender.tsx',
            {
              configFile: false,
              root,
              logLevel: 'error',
              plugins: [
                {
                  name: 'kb-addresses-only',
                  resolveId: (id) => (id === KB ? `\0${KB}` : null),
                  load: (id) =>
                    id === `\0${KB}`
                      ? 'export default { url: "", questionsUrl: "", entriesDir: "" }'
                      : null,
                },
              ],
            },
          )
          return html.replace(
            ROOT,
            `<div id="root" ${PRERENDERED}>${module.renderStartPage()}</div>`,
          )
        },
      },
    },
    {
      name: 'app-loader',
      apply: 'build',
      transformIndexHtml: {
        order: 'post',
        handler(html, { bundle }) {
          const app = APP_SCRIPT.exec(html)?.[1]
          if (!app) throw new Error('prerender: no module script for the app in index.html')
          const preloads = [...html.matchAll(APP_PRELOAD)].map((m) => m[1] as string)
          const pages = pagesChunks(app, bundle)
          return {
            html: html.replace(APP_SCRIPT, '').replace(APP_PRELOAD, ''),
            tags: [
              {
                tag: 'script',
                children: loaderScript(app, preloads, pages),
                injectTo: 'head-prepend',
              },
            ],
          }
        },
      },
    },
  ]
}
