/**
 * Shared machinery of the end-to-end tests: the browser (Debian's Chromium, never a download),
 * one context per test with guards (no page errors, no console errors, no request leaving the
 * test server), accessibility scans with axe, and small steps of the wizard.
 */
import { existsSync } from 'node:fs'
import { AxeBuilder } from '@axe-core/playwright'
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'
import { startStaticServer, type StaticServer } from './server.ts'

export const CHROMIUM_PATH = '/usr/bin/chromium'

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export const A11Y_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/** The heading of the app's error boundary: a page that crashed while rendering. */
export const CRASH_HEADING = 'Something went wrong on this page'

/** How long one wait for the page may take before the step fails. */
export const STEP_TIMEOUT = 10_000

/**
 * Launches Chromium from CHROMIUM_PATH. Throws (the tests then fail, they are not skipped)
 * when it is not installed: these tests never download a browser.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `Chromium is missing: ${CHROMIUM_PATH} does not exist. The end-to-end tests drive Debian's ` +
        `Chromium and never download a browser; install it (apt-get install chromium) and run again.`,
    )
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
}

export interface Session {
  context: BrowserContext
  page: Page
  origin: string
  /** Every URL any page of the context requested, in order. */
  requests: string[]
  /** Uncaught errors thrown in the page. */
  pageErrors: string[]
  /** console.error messages (React reports errors its error boundary caught there). */
  consoleErrors: string[]
}

export interface SessionOptions {
  /** Grant clipboard read and write to the test server's origin. */
  clipboard?: boolean
  colorScheme?: 'light' | 'dark'
  viewport?: { width: number; height: number }
  /** Device pixels per CSS pixel (browser zoom: a 1280 px window at 200% is 640 CSS px at 2). */
  deviceScaleFactor?: number
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin
  } catch {
    return false
  }
}

/**
 * Runs `body` in a fresh browser context and page, then fails the test if a page threw an
 * uncaught error, logged a console error (React logs there what its error boundary caught), or
 * requested anything from another origin than the test server (such requests are also blocked).
 */
export async function withSession(
  browser: Browser | undefined,
  browserError: unknown,
  origin: string,
  body: (s: Session) => Promise<void>,
  options: SessionOptions = {},
): Promise<void> {
  if (!browser) throw browserError instanceof Error ? browserError : new Error(String(browserError))
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
  })
  if (options.clipboard)
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin })
  const requests: string[] = []
  const pageErrors: string[] = []
  const consoleErrors: string[] = []
  context.on('request', (r) => requests.push(r.url()))
  // Nothing may leave the test server: record it (checked below) and never let it out.
  await context.route(
    (url) => !sameOrigin(url.href, origin),
    (route) => route.abort('blockedbyclient'),
  )
  const watched = new WeakSet<Page>()
  const watch = (p: Page) => {
    if (watched.has(p)) return
    watched.add(p)
    p.setDefaultTimeout(STEP_TIMEOUT)
    p.setDefaultNavigationTimeout(STEP_TIMEOUT)
    p.on('pageerror', (err) => pageErrors.push(err.stack ?? `${err.name}: ${err.message}`))
    p.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`${m.text()} (${m.location().url})`)
    })
  }
  context.on('page', watch)
  const page = await context.newPage()
  watch(page)
  const session: Session = {
    context,
    page,
    origin,
    requests,
    pageErrors,
    consoleErrors,
  }
  try {
    await body(session)
  } finally {
    await context.close()
  }
  expect(pageErrors, `Uncaught errors in the page:\n${pageErrors.join('\n\n')}`).toEqual([])
  const foreign = requests.filter((u) => !sameOrigin(u, origin))
  expect(foreign, `Requests to other origins than ${origin}:\n${foreign.join('\n')}`).toEqual([])
  expect(consoleErrors, `Errors in the browser console:\n${consoleErrors.join('\n')}`).toEqual([])
}

/** Scans the current page with axe and fails, listing every violation, if WCAG rules are broken. */
export async function expectAccessible(s: Session, what: string): Promise<void> {
  const results = await new AxeBuilder({ page: s.page }).withTags(A11Y_TAGS).analyze()
  const report = results.violations
    .map(
      (v) =>
        `- ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n  ${v.helpUrl}\n` +
        v.nodes
          .map(
            (n) =>
              `    target: ${JSON.stringify(n.target)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
          )
          .join('\n'),
    )
    .join('\n')
  expect(
    results.violations.map((v) => v.id),
    `Accessibility violations on "${what}" (${s.page.url()}):\n${report}`,
  ).toEqual([])
}

/** The app's address for an in-app path (hash routing), e.g. appUrl(origin, '/kb'). */
export function appUrl(origin: string, appPath = '/'): string {
  return `${origin}/#${appPath}`
}

/** The level-1 heading of the current page. */
export function h1(page: Page): Locator {
  return page.getByRole('heading', { level: 1 })
}

/** Waits for the page's level-1 heading to contain `text` (fails at once on the error page). */
export async function waitForHeading(page: Page, text: string): Promise<void> {
  await waitUntil(
    `the heading "${text}"`,
    () => appState(page),
    (st) => (st.heading ?? '').includes(text),
  )
  await page.getByRole('heading', { level: 1, name: text }).waitFor()
}

/** Waits until `read()` returns a value `accept` takes, polling; fails with `what` otherwise. */
export async function waitUntil<T>(
  what: string,
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeout = STEP_TIMEOUT,
): Promise<T> {
  const end = Date.now() + timeout
  let last: T = await read()
  while (!accept(last)) {
    if (Date.now() > end)
      throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)}`)
    await new Promise((r) => setTimeout(r, 50))
    last = await read()
  }
  return last
}

/** Text of the home page's status line. */
export function statusLine(page: Page): Locator {
  return page.getByRole('region', { name: 'Matching known problems' }).getByRole('status')
}

/**
 * Opens the start page and pastes `text` into the error box (replacing what is there). With
 * `clearFirst`, presses Clear before, which also forgets the answers of an earlier diagnosis.
 */
export async function pasteOnHome(
  s: Session,
  text: string,
  { clearFirst = false }: { clearFirst?: boolean } = {},
): Promise<void> {
  await s.page.goto(appUrl(s.origin, '/'))
  await waitForHeading(s.page, 'Diagnose a mailbox migration error')
  const clear = s.page.getByRole('button', { name: 'Clear', exact: true })
  if (clearFirst && (await clear.isEnabled())) await clear.click()
  await s.page.getByLabel('Error text', { exact: true }).fill(text)
}

/** Waits for the home page's status line to say `text`. */
export async function waitForStatus(page: Page, text: string): Promise<void> {
  await statusLine(page).filter({ hasText: text }).waitFor()
}

/** Answers the question on the current page with the option labelled `label`, then Next. */
export async function answerQuestion(page: Page, prompt: string, label: string): Promise<void> {
  await waitForHeading(page, prompt)
  const before = page.url()
  const radio = page.getByRole('radio', { name: label, exact: true })
  await radio.check()
  await page.getByRole('button', { name: 'Next', exact: true }).click()
  await page.waitForURL((u) => u.href !== before)
}

/** Where the app is: the hash path, the "Question n" line of a question page, the h1. */
export interface AppState {
  path: string
  step: string | null
  heading: string | null
  loading: boolean
}

export async function appState(page: Page): Promise<AppState> {
  const state = await page.evaluate(() => {
    const raw = location.hash.replace(/^#/, '').split('?')[0] ?? ''
    let path = raw
    try {
      path = decodeURIComponent(raw)
    } catch {
      // a malformed escape (a garbled link): keep the path as it is
    }
    return {
      path,
      step: document.querySelector('.step-count')?.textContent?.trim() ?? null,
      // The start page pre-rendered into index.html is not the app yet: no heading until it runs.
      heading: document.getElementById('root')?.hasAttribute('data-prerendered')
        ? null
        : (document.querySelector('h1')?.textContent?.trim() ?? null),
      // An entry's details arrive after its page: wait for them too.
      loading: document.querySelector('.loading') !== null,
    }
  })
  if (state.heading === CRASH_HEADING)
    throw new Error(`The app showed its error page ("${CRASH_HEADING}") at ${page.url()}`)
  return state
}

/**
 * Waits until the app shows the page at a hash path starting with `pathPrefix` and its h1
 * contains `heading` (not a question page in between); returns that state. A result page is
 * waited for whole: it paints its top first and the rest (fix, ticket note, share link) after,
 * and a test that finds something missing must not have looked before the rest was there.
 */
export async function waitForPage(
  page: Page,
  pathPrefix: string,
  heading: string,
): Promise<AppState> {
  const state = await waitUntil(
    `the page ${pathPrefix}… with the heading "${heading}"`,
    () => appState(page),
    (st) =>
      st.path.startsWith(pathPrefix) &&
      (st.heading ?? '').includes(heading) &&
      !st.loading &&
      (pathPrefix.startsWith('/questions/') || st.step === null),
  )
  if (state.path.startsWith('/result/') && (await page.locator('article.result').count()) > 0)
    await page.getByRole('heading', { level: 2, name: 'Share or come back' }).waitFor()
  return state
}

/**
 * Answers whatever questions the wizard asks, in the order it asks them, from `answers`
 * (prompt → option label), until it leaves the question pages. Fails on a question that
 * `answers` does not cover. Scans every step with axe. Returns the prompts in the order asked.
 */
export async function answerAll(s: Session, answers: Record<string, string>): Promise<string[]> {
  const asked: string[] = []
  for (let i = 0; i < 10; i++) {
    // Wait until the URL and the rendered page agree: question i, or a page that is no question.
    const state = await waitUntil(
      `question ${i + 1} or the end of the questions`,
      () => appState(s.page),
      (st) =>
        st.heading !== null &&
        (st.path === `/questions/${i}`
          ? st.step === `Question ${i + 1}`
          : !st.path.startsWith('/questions/') && st.step === null),
    )
    if (!state.path.startsWith('/questions/')) return asked
    const prompt = state.heading ?? ''
    const label = answers[prompt]
    if (label === undefined)
      throw new Error(`The wizard asked a question this test does not expect: "${prompt}"`)
    await expectAccessible(s, `question ${i + 1}: ${prompt}`)
    asked.push(prompt)
    await answerQuestion(s.page, prompt, label)
  }
  throw new Error(`The wizard asked more than 10 questions: ${asked.join(' / ')}`)
}

/** The section (region) of a command on a result page, by the command's label. */
export function commandSection(page: Page, label: string): Locator {
  return page.getByRole('region', { name: label, exact: true })
}

/** Text of every code block on the page. */
export async function codeBlocks(page: Page): Promise<string[]> {
  return page.locator('pre code').allTextContents()
}

/** What the focused element is, for keyboard tests. */
export interface Focused {
  tag: string
  type: string
  name: string
  /** The heading of the section it sits in (for the buttons that share a label). */
  section: string
  checked: boolean
}

export async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el) return { tag: '', type: '', name: '', section: '', checked: false }
    const input = el instanceof HTMLInputElement ? el : null
    const labelled = (el as HTMLInputElement).labels?.[0]?.textContent ?? ''
    const name = (el.getAttribute('aria-label') ?? (labelled || el.textContent) ?? '').trim()
    const section = el.closest('section')?.querySelector('h2, h3, h4')?.textContent ?? ''
    return {
      tag: el.tagName.toLowerCase(),
      type: input?.type ?? '',
      name: name.replace(/\s+/g, ' '),
      section: section.trim(),
      checked: input?.checked ?? false,
    }
  })
}

/**
 * Presses Tab until the focused element satisfies `want` (at most `max` times); fails with the
 * list of elements focused on the way when it never does.
 */
export async function tabTo(
  page: Page,
  what: string,
  want: (f: Focused) => boolean,
  max = 40,
): Promise<Focused> {
  const seen: string[] = []
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    const f = await focused(page)
    if (want(f)) return f
    seen.push(`${f.tag}${f.type ? `[${f.type}]` : ''} "${f.name.slice(0, 60)}"`)
  }
  throw new Error(`Tab never reached ${what}. Focus went through:\n${seen.join('\n')}`)
}

export interface BrowserSuite {
  /** Runs a test body in a fresh context on the suite's server (or on the server given). */
  run(
    body: (s: Session) => Promise<void>,
    options?: SessionOptions,
    on?: StaticServer,
  ): Promise<void>
  /** Runs a test body in a fresh context whose own origin is `origin` (`null` for file://). */
  at(origin: string, body: (s: Session) => Promise<void>, options?: SessionOptions): Promise<void>
}

/**
 * Starts the static server and Chromium once for a test file and stops them after it. When
 * Chromium cannot start, every test fails with the reason (rather than being skipped).
 */
export function browserSuite(): BrowserSuite {
  let server: StaticServer | undefined
  let browser: Browser | undefined
  let browserError: unknown = new Error('The browser was not started.')
  beforeAll(async () => {
    server = await startStaticServer()
    try {
      browser = await launchBrowser()
    } catch (err) {
      browserError = err
    }
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })
  return {
    run(body, options = {}, on = server) {
      if (!on) throw new Error('The static server did not start.')
      return withSession(browser, browserError, on.origin, body, options)
    },
    at(origin, body, options = {}) {
      return withSession(browser, browserError, origin, body, options)
    },
  }
}
