/**
 * The single-file build (`npm run build:single`): dist-single/index.html holds the whole app —
 * script, style, knowledge base, every entry body and the icon (inline in index.html for every
 * build) — for machines that cannot reach any server (air-gapped admin workstations): copy the
 * one file, open it from disk. No service worker (browsers do not run them for `file://`); the
 * Content-Security-Policy allows exactly the file's own inline script and style, by their
 * SHA-256 hashes.
 */
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'
import { viteSingleFile } from 'vite-plugin-singlefile'
import { cspPlugin } from './scripts/csp-plugin.ts'
import { kbPlugin } from './scripts/kb-plugin.ts'

const PWA_REGISTER = 'virtual:pwa-register'

/** The service-worker registration becomes a no-op: there is no worker in this build. */
const noServiceWorker: Plugin = {
  name: 'no-service-worker',
  resolveId: (id) => (id === PWA_REGISTER ? `\0${PWA_REGISTER}` : null),
  load: (id) =>
    id === `\0${PWA_REGISTER}`
      ? 'export function registerSW() { return () => Promise.resolve() }'
      : null,
}

export default defineConfig({
  base: './',
  publicDir: false,
  plugins: [
    react(),
    kbPlugin({ inline: true }),
    noServiceWorker,
    viteSingleFile(),
    cspPlugin({ inline: true }),
  ],
  build: {
    outDir: 'dist-single',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
  },
})
