/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { cspPlugin } from './scripts/csp-plugin.ts'
import { kbPlugin } from './scripts/kb-plugin.ts'

export default defineConfig({
  // Relative asset paths: the built folder works under any base path.
  base: './',
  // The Content-Security-Policy goes last: it is placed before everything the others add.
  plugins: [react(), kbPlugin(), cspPlugin()],
  build: {
    target: 'es2022',
    // Keep the knowledge base and the app in one small initial chunk; no preload polyfill needed.
    modulePreload: { polyfill: false },
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
