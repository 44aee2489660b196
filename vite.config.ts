/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { cspPlugin } from './scripts/csp-plugin.ts'
import { firstLoadPlugin } from './scripts/first-load-plugin.ts'
import { kbPlugin } from './scripts/kb-plugin.ts'
import { prerenderPlugin } from './scripts/prerender-plugin.ts'

export default defineConfig({
  // Relative asset paths: the built folder works under any base path.
  base: './',
  // The Content-Security-Policy goes last: it is placed before everything the others add.
  plugins: [
    react(),
    kbPlugin(),
    prerenderPlugin(),
    // Offline: a service worker precaches the page, the script, the style, the knowledge base
    // and every entry body, so a diagnosis works without a network after the first visit.
    VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      injectRegister: null,
      manifest: {
        name: 'Migration error triage',
        short_name: 'Migration triage',
        description:
          'Diagnose Exchange mailbox-migration errors in the browser: the cause, the fix and the PowerShell.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0b5cad',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{html,js,css,json,svg,txt}'],
        // The knowledge-base file is ~700 KB; allow it (and its growth) into the precache.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
    // After the PWA plugin has added the manifest link, before the policy hashes inline blocks.
    firstLoadPlugin(),
    cspPlugin(),
  ],
  build: {
    target: 'es2022',
    // Keep the knowledge base and the app in one small initial chunk; no preload polyfill needed.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'index', tags: ['$initial'] }],
        },
      },
    },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    environment: 'jsdom',
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**'],
    setupFiles: ['tests/setup.ts'],
    restoreMocks: true,
  },
})
