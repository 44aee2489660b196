import { defineConfig } from 'vitest/config'

/** End-to-end tests: real headless Chromium against the built app (run `vite build` first). */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
})
