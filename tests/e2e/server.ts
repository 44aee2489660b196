/**
 * A tiny static file server for the built app (dist/), for the end-to-end tests only.
 * Listens on 127.0.0.1 on a free port chosen by the system; serves index.html for "/".
 */
import { existsSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
}

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  origin: string
  close: () => Promise<void>
  /** Serves another folder from now on (a new build deployed while pages are open). */
  setRoot: (root: string) => void
}

/** The built app's folder; fails with a clear message when `vite build` has not been run. */
export function distDir(): string {
  const dir = fileURLToPath(new URL('../../dist/', import.meta.url))
  if (!existsSync(join(dir, 'index.html')))
    throw new Error(`No built app in ${dir}: run \`npx vite build\` before the end-to-end tests.`)
  return dir
}

export async function startStaticServer(root: string = distDir()): Promise<StaticServer> {
  let base = resolve(root)
  const server: Server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end()
        return
      }
      let pathname: string
      try {
        pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)
      } catch {
        res.writeHead(400).end('Bad request')
        return
      }
      if (pathname.endsWith('/')) pathname += 'index.html'
      const file = resolve(base, `.${pathname}`)
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end('Forbidden')
        return
      }
      try {
        const info = await stat(file)
        if (!info.isFile()) throw new Error('not a file')
        const body = await readFile(file)
        res.writeHead(200, {
          'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
          'Content-Length': body.length,
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
        })
        res.end(req.method === 'HEAD' ? undefined : body)
      } catch {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found')
      }
    })()
  })
  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => ok())
  })
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((ok, fail) => {
        server.closeAllConnections()
        server.close((err) => (err ? fail(err) : ok()))
      }),
    setRoot: (next) => {
      base = resolve(next)
    },
  }
}
