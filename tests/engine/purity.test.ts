// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'

// If anything in the engine reached for React, the router or zustand, importing it would throw.
vi.mock('react', () => {
  throw new Error('the engine imported react')
})
vi.mock('react-router', () => {
  throw new Error('the engine imported react-router')
})
vi.mock('zustand', () => {
  throw new Error('the engine imported zustand')
})

describe('the engine', () => {
  it('loads and works with React, the router and zustand unavailable', async () => {
    const engine = await import('../../src/engine/index.ts')
    const { kb } = await import('../helpers/kb.ts')
    expect(engine.diagnose(kb, 'This action is currently blocked for the API.').verdict).toBe(
      'match',
    )
  })

  it('imports nothing but its own modules (and types from the content schema)', () => {
    const dir = join(import.meta.dirname, '../../src/engine')
    for (const file of readdirSync(dir)) {
      const source = readFileSync(join(dir, file), 'utf8')
      for (const m of source.matchAll(/^import\s+(type\s+)?[^'"]*from\s+'([^']+)'/gm)) {
        const [, typeOnly, from] = m
        const ok = from!.startsWith('./') || (typeOnly && from === '../content/schema.ts')
        expect(ok, `${file} imports ${from}`).toBeTruthy()
      }
    }
  })
})
