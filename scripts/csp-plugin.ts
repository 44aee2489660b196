/**
 * Vite plugin: a Content-Security-Policy `<meta>` in the built page only (the dev server needs
 * inline scripts for React refresh). The policy allows the app's own origin and nothing else:
 * no third-party script, style, font, image or connection, no plugins, no foreign form targets.
 *
 * `inline: true` is for the single-file build, whose script and style sit inside index.html:
 * there the policy allows exactly those inline blocks by their SHA-256 hashes (never
 * 'unsafe-inline'), computed after every other plugin has written the file.
 */
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'

/** The directives of the served app's policy, in order. */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self'"],
  ['manifest-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
]

export function cspPolicy(extra: { script?: string[]; style?: string[] } = {}): string {
  return CSP_DIRECTIVES.map(([name, value]) => {
    const more =
      name === 'script-src' ? (extra.script ?? []) : name === 'style-src' ? (extra.style ?? []) : []
    return [name, value, ...more].join(' ')
  }).join('; ')
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`

const meta = (policy: string) =>
  `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, '&quot;')}">`

/**
 * Puts the policy first in <head>, before anything it governs, right after the charset
 * declaration (which must stay within the first 1024 bytes, or the page is decoded wrongly).
 */
const insert = (html: string, policy: string) => {
  const charset = /<meta\s+charset=[^>]*>\s*/i
  const declared = charset.exec(html)?.[0]?.trim() ?? '<meta charset="UTF-8" />'
  return html
    .replace(charset, '')
    .replace(/<head>/i, `<head>\n    ${declared}\n    ${meta(policy)}`)
}

/**
 * The hashes of every inline <script> and <style> of a page, as CSP sources. One pass over the
 * page in order, so text inside a script that looks like a tag (React's messages mention
 * `<style>`) is never taken for one.
 */
export function inlineHashes(html: string): { script: string[]; style: string[] } {
  const script = new Set<string>()
  const style = new Set<string>()
  for (const m of html.matchAll(/<(script|style)\b([^>]*)>([\s\S]*?)<\/\1>/gi)) {
    const [, tag = '', attrs = '', body = ''] = m
    if (tag.toLowerCase() === 'style') style.add(sha256(body))
    else if (!/\bsrc=/i.test(attrs)) script.add(sha256(body))
  }
  return { script: [...script], style: [...style] }
}

export function cspPlugin({ inline = false }: { inline?: boolean } = {}): Plugin {
  return {
    name: 'csp',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        // Inline scripts written by other plugins (the app loader, the result-link boot script)
        // are allowed by their hashes.
        return inline ? html : insert(html, cspPolicy(inlineHashes(html)))
      },
    },
    // The single-file plugin inlines the bundle while generating it: hash what was written.
    writeBundle(options, bundle) {
      if (!inline || !options.dir) return
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.html')) continue
        const path = join(options.dir, file.fileName)
        const html = readFileSync(path, 'utf8')
        writeFileSync(path, insert(html, cspPolicy(inlineHashes(html))))
      }
    },
  }
}
