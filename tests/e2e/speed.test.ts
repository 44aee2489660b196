/**
 * End-to-end: what the page shows before the knowledge base has arrived, and paste → verdict
 * measured in the browser. The knowledge base is held back by the test where it matters, so
 * these check behaviour, not timing: the start page is usable at once and keeps what is pasted
 * meanwhile, a result link renders without the knowledge base. The paste → verdict measures
 * (src/app/timing.ts) are printed, never asserted (speed is measured, not asserted).
 * Run `npx vite build` first.
 */
import { readdirSync, readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  appUrl,
  browserSuite,
  expectAccessible,
  statusLine,
  waitForHeading,
  waitForPage,
  waitUntil,
  type Session,
} from './helpers.ts'

const { run } = browserSuite()

const ENTRIES_DIR = new URL('../../src/content/entries/', import.meta.url)

interface Known {
  id: string
  title: string
  samples: string[]
  cause: string
}

/** Every entry with error samples, in file-name order. */
function entriesWithSamples(): Known[] {
  return readdirSync(ENTRIES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(new URL(f, ENTRIES_DIR), 'utf8')) as Known)
    .filter((e) => e.samples.length > 0)
}

const USERS = ['adele.vance', 'megan.bowen', 'lee.gu', 'nestor.wilke']

/** A sample as an admin pastes it: Format-List output, the error wrapped and indented, CRLF. */
function noisy(sample: string, i: number): string {
  const user = `${USERS[i % USERS.length] ?? 'user'}@contoso.com`
  return [
    `[PS] C:\\Windows\\system32>Get-MigrationUserStatistics -Identity ${user} | Format-List Identity,Status,Error`,
    '',
    `Identity       : ${user}`,
    'Status         : Failed',
    `Error          : ${sample.replace(/(.{96})\s/g, '$1\n                 ')}`,
    '',
    '',
  ].join('\r\n')
}

/** Almost 1 MB of a move report's progress lines with the error at the end. */
function megabytePaste(sample: string): string {
  const lines: string[] = []
  let size = 0
  for (let n = 0; size < 1_000_000 - 2_000; n++) {
    const line = `${String(n % 24).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}:07 [EXHYB0${n % 3}] Copying messages is complete. Copying rules and security descriptors. Folder ${n}/8000 copied, ${n * 13} items.`
    lines.push(line)
    size += line.length + 2
  }
  return `${lines.join('\r\n')}\r\n${sample}`
}

interface Measure {
  duration: number
  chars: number
  verdict: string
  waitedForKb: boolean
}

function measures(page: Page): Promise<Measure[]> {
  return page.evaluate(() =>
    performance.getEntriesByName('paste-to-verdict').map((m) => {
      const detail = (m as PerformanceMeasure).detail as Omit<Measure, 'duration'>
      return { duration: m.duration, ...detail }
    }),
  )
}

/**
 * Pastes `text` and waits for its paste → verdict measure. The text goes in as a paste does: the
 * whole value at once, then one `input` event (Playwright's `fill` types it through the editor,
 * which takes seconds for a megabyte on a busy machine before the page sees any of it).
 */
async function pasteAndMeasure(page: Page, text: string): Promise<Measure> {
  const before = (await measures(page)).length
  await page.evaluate((value) => {
    const box = document.getElementById('paste')
    if (!(box instanceof HTMLTextAreaElement)) throw new Error('No paste box on the page.')
    // The prototype's setter, so React sees the change when the input event arrives.
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(box, value)
    box.dispatchEvent(new Event('input', { bubbles: true }))
  }, text)
  const all = await waitUntil(
    'the paste → verdict measure',
    () => measures(page),
    (m) => m.length > before,
    30_000,
  )
  const m = all[all.length - 1]
  if (!m) throw new Error('No paste → verdict measure.')
  return m
}

/** The title of the best-matching problem in the results under the paste box. */
function topCandidate(page: Page): Promise<string | null> {
  return page.locator('ol.candidates li .candidate-title').first().textContent()
}

/** Holds back every request whose address matches `pattern` until `release` is called. */
async function holdRequests(
  s: Session,
  pattern: RegExp,
): Promise<{ release: () => void; asked: () => number }> {
  let release = () => {}
  const released = new Promise<void>((ok) => (release = ok))
  let asked = 0
  await s.page.route(pattern, async (route) => {
    asked++
    await released
    await route.continue()
  })
  return { release, asked: () => asked }
}

/** The staged-migration problem (federated users, ForceChangePassword), with its samples. */
function stagedEntry() {
  const entry = entriesWithSamples().find((e) => e.id.startsWith('staged-migration-federated'))
  if (!entry) throw new Error('No staged-migration entry with samples.')
  return entry
}

/** The knowledge-base file, the app's script, and the other pages' code (src/app/views.ts). */
const KB_FILE = /\/assets\/kb-[^/]*\.json$/
const APP_SCRIPT = /\/assets\/index-[^/]*\.js$/
const PAGES_SCRIPT = /\/assets\/views-[^/]*\.js$/
/** The matcher's code (src/engine/matcher.ts and the chunk of the engine it imports). */
const MATCHER_SCRIPTS = /\/assets\/(?:matcher|diagnose)-[^/]*\.js$/

/** A textarea's value has LF line breaks, whatever was pasted into it. */
const asTyped = (text: string) => text.replace(/\r\n?/g, '\n')

const ms = (n: number) => `${n.toFixed(1)} ms`
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2
}

describe('before the knowledge base has arrived', () => {
  it('the start page is usable at once and diagnoses what was pasted meanwhile', async () => {
    await run(async (s) => {
      const { page } = s
      const kb = await holdRequests(s, KB_FILE)
      const entry = stagedEntry()
      await page.goto(appUrl(s.origin, '/'))
      await waitForHeading(page, 'Diagnose a mailbox migration error')
      await page.getByText('What you paste stays in this browser tab').waitFor()
      await expect(statusLine(page).textContent()).resolves.toContain('Paste an error above')
      await page.getByRole('status').filter({ hasText: 'Loading the examples…' }).waitFor()
      const box = page.getByLabel('Error text', { exact: true })
      const text = noisy(entry.samples[0] ?? '', 0)
      await box.fill(text)
      await statusLine(page).filter({ hasText: 'Loading the knowledge base…' }).waitFor()
      expect(await page.getByRole('button', { name: 'Continue', exact: true }).isDisabled()).toBe(
        true,
      )
      await expectAccessible(s, 'start page while the knowledge base loads')

      kb.release()
      await statusLine(page).filter({ hasText: 'One known problem matches this error.' }).waitFor()
      expect(await topCandidate(page)).toBe(entry.title)
      expect(await box.inputValue()).toBe(asTyped(text))
      const [m] = await measures(page)
      expect(m).toMatchObject({ chars: asTyped(text).length, verdict: 'match', waitedForKb: true })
      expect(kb.asked()).toBe(1)
      await expectAccessible(s, 'start page once the knowledge base has arrived')
    })
  })

  it("a result link shows the whole result without the knowledge base or the matcher's code", async () => {
    await run(async (s) => {
      const { page } = s
      const kb = await holdRequests(s, KB_FILE)
      // Held back until the end: the page must not wait for the matcher it has no paste for.
      const matcher = await holdRequests(s, MATCHER_SCRIPTS)
      const entry = stagedEntry()
      await page.goto(appUrl(s.origin, `/result/${entry.id}?users-federated=yes`))
      await waitForPage(page, `/result/${entry.id}`, entry.title)
      await page.getByRole('heading', { name: 'Why this happens' }).waitFor()
      await page.getByText(entry.cause).waitFor()
      await page.getByRole('navigation', { name: 'Your answers so far' }).waitFor()
      await page.getByRole('heading', { name: 'Ticket note' }).waitFor()
      // The page never asked for the knowledge base: it has no paste to match. (Once the page has
      // settled, the service worker may fetch it to precache the app: not the page's request.)
      expect(kb.asked()).toBe(0)
      await expectAccessible(s, 'result page opened from a link')
      kb.release()
      matcher.release()
    })
  })
})

describe("before the app's script has arrived", () => {
  it('the start page shows and takes typing, and the app keeps what was typed and the focus', async () => {
    await run(async (s) => {
      const { page } = s
      const app = await holdRequests(s, APP_SCRIPT)
      await page.goto(appUrl(s.origin, '/'))
      // The pre-rendered page, before any of the app's script has run.
      await page
        .getByRole('heading', { level: 1, name: 'Diagnose a mailbox migration error' })
        .waitFor()
      await page.getByText('What you paste stays in this browser tab').waitFor()
      expect(await page.locator('#root').getAttribute('data-prerendered')).toBe('')
      const box = page.getByLabel('Error text', { exact: true })
      await box.fill('The mailbox is locked because a previous move request')
      await box.press('End')
      await waitUntil(
        'the request for the app script',
        async () => app.asked(),
        (n) => n === 1,
      )
      // The script was asked for only once the page had painted.
      const order = await page.evaluate(() => {
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime
        const script = performance
          .getEntriesByType('resource')
          .find((r) => /\/assets\/index-[^/]*\.js$/.test(r.name))
        return { fcp, scriptAskedAt: script?.startTime ?? null }
      })
      expect(order.fcp).toBeTypeOf('number')
      if (order.scriptAskedAt !== null)
        expect(order.scriptAskedAt).toBeGreaterThanOrEqual(order.fcp ?? 0)
      // The other pages' code does not compete with the start page's script.
      expect(s.requests.filter((u) => PAGES_SCRIPT.test(u))).toEqual([])

      app.release()
      await waitUntil(
        'the app to take over the page',
        () => page.locator('#root').getAttribute('data-prerendered'),
        (v) => v === null,
      )
      expect(await box.inputValue()).toBe('The mailbox is locked because a previous move request')
      // The focus moves across after the app's first render is on the page.
      await waitUntil(
        'the focus in the paste box',
        () => page.evaluate(() => document.activeElement?.id),
        (id) => id === 'paste',
      )
      await box.pressSequentially(' failed')
      expect(await box.inputValue()).toBe(
        'The mailbox is locked because a previous move request failed',
      )
      await statusLine(page)
        .filter({ hasNotText: 'Paste an error above' })
        .filter({ hasNotText: 'Loading the knowledge base' })
        .waitFor()
      await expectAccessible(s, 'start page after the app took over')
      // Once the start page has what it shows, the other pages' code follows, so choosing a
      // diagnosis needs no wait.
      await waitUntil(
        "the request for the other pages' code",
        async () => s.requests.filter((u) => PAGES_SCRIPT.test(u)).length,
        // (and the service worker's, once it precaches the app)
        (n) => n >= 1,
      )
    })
  })

  it('a result link never shows the pre-rendered start page', async () => {
    await run(async (s) => {
      const { page } = s
      const app = await holdRequests(s, APP_SCRIPT)
      const entry = stagedEntry()
      // Not until "load": that waits for the app's script, which is held back.
      await page.goto(appUrl(s.origin, `/result/${entry.id}`), { waitUntil: 'commit' })
      await waitUntil(
        'the request for the app script',
        async () => app.asked(),
        (n) => n === 1,
      )
      // The result page is in the app's own script: a link to it needs no other.
      expect(s.requests.filter((u) => PAGES_SCRIPT.test(u))).toEqual([])
      await page.getByRole('banner').getByRole('link', { name: 'Migration error triage' }).waitFor()
      // What the page shows is decided once its style sheet is in (it holds up painting).
      await waitUntil(
        'the style sheet',
        () => page.evaluate(() => [...document.styleSheets].some((x) => x.cssRules.length > 0)),
        (loaded) => loaded,
      )
      expect(
        await page.getByRole('heading', { name: 'Diagnose a mailbox migration error' }).count(),
      ).toBe(0)
      expect(await page.getByLabel('Error text', { exact: true }).isVisible()).toBe(false)
      app.release()
      await waitForPage(page, `/result/${entry.id}`, entry.title)
      expect(await page.getByLabel('Error text', { exact: true }).count()).toBe(0)
    })
  })
})

describe('the first load', () => {
  it('asks for no style sheet and no manifest; the manifest link comes once the page has settled', async () => {
    await run(async (s) => {
      const { page } = s
      // The page settles once the other pages' code is here: held back, it cannot settle.
      const pages = await holdRequests(s, PAGES_SCRIPT)
      const entry = stagedEntry()
      await page.goto(appUrl(s.origin, `/result/${entry.id}`))
      await waitForPage(page, `/result/${entry.id}`, entry.title)
      // The style is in the page: no request for a sheet held up its paint.
      expect(s.requests.filter((u) => /\.css(?:\?|$)/.test(u))).toEqual([])
      expect(
        await page.evaluate(() =>
          [...document.styleSheets].some(
            (sheet) => sheet.ownerNode?.nodeName === 'STYLE' && sheet.cssRules.length > 0,
          ),
        ),
      ).toBe(true)
      // Nothing about installing competes with the page's script and data.
      expect(await page.locator('link[rel="manifest"]').count()).toBe(0)
      expect(s.requests.filter((u) => /\.webmanifest(?:\?|$)/.test(u))).toEqual([])
      pages.release()
      await waitUntil(
        'the manifest link',
        () => page.locator('link[rel="manifest"]').count(),
        (n) => n === 1,
      )
      expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe(
        './manifest.webmanifest',
      )
    })
  })
})

describe("the other pages' code", () => {
  it('is asked for beside the app script on a link to one of those pages', async () => {
    await run(async (s) => {
      const { page } = s
      const app = await holdRequests(s, APP_SCRIPT)
      await page.goto(appUrl(s.origin, '/kb'), { waitUntil: 'commit' })
      await waitUntil(
        'the request for the app script',
        async () => app.asked(),
        (n) => n === 1,
      )
      // Asked for while the app's script is still held back: not after it has run.
      await waitUntil(
        "the request for the other pages' code",
        async () => s.requests.filter((u) => PAGES_SCRIPT.test(u)).length,
        (n) => n >= 1,
      )
      app.release()
      await waitForPage(page, '/kb', 'Known problems')
    })
  })

  it('the rest of a result page comes after its top, from its own file', async () => {
    await run(async (s) => {
      const { page } = s
      const rest = await holdRequests(s, /\/assets\/ResultRest-[^/]*\.js$/)
      const entry = stagedEntry()
      await page.goto(appUrl(s.origin, `/result/${entry.id}?users-federated=yes`))
      // (Not waitForPage: it waits for the whole result page, whose rest is held back here.)
      await page.getByRole('heading', { level: 1, name: entry.title }).waitFor()
      await page.getByRole('heading', { name: 'Why this happens' }).waitFor()
      await waitUntil(
        'the request for the rest of the page',
        async () => rest.asked(),
        (n) => n === 1,
      )
      expect(await page.getByRole('heading', { name: 'What to do' }).count()).toBe(0)
      rest.release()
      await page.getByRole('heading', { name: 'What to do' }).waitFor()
      await page.getByRole('heading', { name: 'Ticket note' }).waitFor()
      await expectAccessible(s, 'result page once its rest has arrived')
    })
  })
})

describe('paste → verdict in the browser', () => {
  it('measures each paste and prints the times (measured, not asserted)', async () => {
    await run(async (s) => {
      const { page } = s
      await page.goto(appUrl(s.origin, '/'))
      await waitForHeading(page, 'Diagnose a mailbox migration error')
      // Measure matching, not loading: wait until the knowledge base is there.
      await page.locator('ul.example-list').waitFor()

      const picked = entriesWithSamples().filter((_, i) => i % 12 === 0)
      expect(picked.length).toBeGreaterThanOrEqual(8)
      const times: number[] = []
      for (const round of [0, 1])
        for (const [i, entry] of picked.entries()) {
          const text = noisy(entry.samples[(i + round) % entry.samples.length] ?? '', i + round)
          const m = await pasteAndMeasure(page, text)
          expect(m.chars).toBe(asTyped(text).length)
          expect(m.waitedForKb).toBe(false)
          expect(['match', 'ambiguous']).toContain(m.verdict)
          expect(await topCandidate(page), `top match for a sample of ${entry.id}`).toBe(
            entry.title,
          )
          times.push(m.duration)
        }

      const big = megabytePaste(picked[1]?.samples[0] ?? '')
      const bigTimes: number[] = []
      for (let i = 0; i < 3; i++) {
        // A different paste each time (the store ignores the same text twice).
        const text = i % 2 ? big.replace('Copying', 'copying') : big
        const m = await pasteAndMeasure(page, text)
        expect(m.chars).toBe(asTyped(text).length)
        expect(m.verdict).toBe('match')
        expect(await topCandidate(page)).toBe(picked[1]?.title)
        bigTimes.push(m.duration)
      }

      console.log(
        `paste → verdict (performance measure "paste-to-verdict", input event to the results committed):\n` +
          `  ${times.length} pastes of error samples (${Math.min(...picked.map((e) => e.samples[0]?.length ?? 0))}–${Math.max(...picked.map((e) => e.samples[0]?.length ?? 0))} chars + noise): median ${ms(median(times))}, max ${ms(Math.max(...times))}\n` +
          `  ${bigTimes.length} pastes of ${big.length.toLocaleString('en')} chars: median ${ms(median(bigTimes))}, max ${ms(Math.max(...bigTimes))} (${bigTimes.map(ms).join(', ')})`,
      )
    })
  })
})
