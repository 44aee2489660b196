/**
 * Vite plugin (build): the served index.html asks for nothing before its first paint that the
 * paint does not need.
 *
 * - Its style sheet (a few KB) goes inline, in a <style> element the Content-Security-Policy
 *   allows by its hash (csp-plugin.ts): no render-blocking request before the first paint.
 * - The web-app manifest's <link> (added by vite-plugin-pwa) leaves the page: the browser would
 *   fetch the manifest and then its icon on the first load, beside the app's script, on
 *   connections the script could use. The app adds the link once the page has settled
 *   (src/app/manifest-link.ts).
 *
 * See docs/decisions/0016.
 */
import type { Plugin } from 'vite'
import { MANIFEST_HREF } from '../src/app/manifest-link.ts'

const STYLESHEET = /<link rel="stylesheet"(?: crossorigin)? href="\.\/([^"]+\.css)">\s*/g
const MANIFEST = /<link rel="manifest" href="([^"]*)"[^>]*>\s*/

export function firstLoadPlugin(): Plugin {
  return {
    name: 'first-load',
    apply: 'build',
    // (after vite-plugin-pwa's own post hook, which adds the manifest link)
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const manifest = MANIFEST.exec(html)
        if (!manifest || manifest[1] !== MANIFEST_HREF)
          throw new Error(`first-load: index.html has no manifest link to ${MANIFEST_HREF}`)
        let sheets = 0
        const inlined = html.replace(MANIFEST, '').replace(STYLESHEET, (_, file: string) => {
          const asset = bundle?.[file]
          if (asset?.type !== 'asset' || typeof asset.source !== 'string')
            throw new Error(`first-load: no style sheet ${file} in the build`)
          if (/<\/style/i.test(asset.source))
            throw new Error(`first-load: ${file} cannot go inline (it holds "</style")`)
          sheets++
          // The page carries it: the file itself is not needed.
          if (bundle) delete bundle[file]
          return `<style>${asset.source}</style>\n`
        })
        if (sheets === 0) throw new Error('first-load: index.html links no style sheet')
        return inlined
      },
    },
  }
}
