/**
 * End-to-end: the update notice. The built app is served and opened once (its service worker
 * installs and precaches it), then a new version is deployed under the same address while the
 * page is open. The page must say so, keep running the old version until asked, and switch to
 * the new one when Reload is pressed. Run `npx vite build` first.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import {
  answerQuestion,
  browserSuite,
  expectAccessible,
  focused,
  pasteOnHome,
  waitForHeading,
  waitForPage,
  waitForStatus,
  waitUntil,
} from './helpers.ts'
import { FEDERATED, STAGED_PASTE } from './pages.ts'
import { distDir, startStaticServer } from './server.ts'

const { run } = browserSuite()

const FEDERATED_YES = 'Yes, the domain is federated and accounts are synced'
const FORCE_CHANGE =
  'In the migration CSV file, what does the ForceChangePassword column hold for the users that failed?'

/** Longest wait for a step that installs a whole version of the app. */
const SLOW_STEP = 45_000

/** What the new version's page says about itself (the old one has no such tag). */
const NEW_VERSION = 'e2e-next-version'

/**
 * The next version: a copy of dist/ whose page is different (it names its version in a meta
 * tag), and whose service worker precaches that page under a new revision, as a real build
 * with a changed page would. A changed sw.js is what makes the browser install a new worker.
 */
async function nextVersion(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'triage-next-'))
  await cp(distDir(), dir, { recursive: true })
  const html = await readFile(join(dir, 'index.html'), 'utf8')
  await writeFile(
    join(dir, 'index.html'),
    html.replace('</head>', `<meta name="app-version" content="${NEW_VERSION}" /></head>`),
  )
  const sw = await readFile(join(dir, 'sw.js'), 'utf8')
  const changed = sw.replace(/(\{url:"index\.html",revision:")[^"]+(")/, `$1${NEW_VERSION}$2`)
  expect(changed, 'sw.js precaches index.html with a revision').not.toBe(sw)
  await writeFile(join(dir, 'sw.js'), changed)
  return dir
}

/** The version named by the page that runs now (null for the version under test). */
function runningVersion(page: Page): Promise<string | null> {
  return page.evaluate(
    () => document.querySelector('meta[name="app-version"]')?.getAttribute('content') ?? null,
  )
}

describe('the update notice', () => {
  it('a new version deployed while the app is open: the page says so, Reload switches to it', async () => {
    const next = await nextVersion()
    const own = await startStaticServer()
    try {
      await run(
        async (s) => {
          const { page } = s
          // A diagnosis in progress: pasted, first question answered, on the second.
          await pasteOnHome(s, STAGED_PASTE)
          await waitForStatus(page, 'One known problem matches this error.')
          await page.getByRole('button', { name: 'Continue', exact: true }).click()
          await answerQuestion(page, FEDERATED, FEDERATED_YES)
          await waitForPage(page, '/questions/1', FORCE_CHANGE)
          // The first visit installs the service worker, which precaches this version.
          await page.evaluate(async () => {
            await navigator.serviceWorker.ready
          })
          const notice = page.getByText('A new version is available')
          const reload = page.getByRole('button', { name: 'Reload', exact: true })
          expect(await notice.count()).toBe(0)

          // The new version is deployed. Coming back to the app, the browser finds it.
          own.setRoot(next)
          await page.reload()
          await waitForPage(page, '/questions/1', FORCE_CHANGE)
          // Installing it fetches the whole app again (~1.7 MB): allow for a busy machine.
          await reload.waitFor({ timeout: SLOW_STEP })
          expect(await notice.textContent()).toContain('A new version is available')
          // Until asked, the page keeps running the version it was loaded with.
          expect(await runningVersion(page)).toBeNull()
          await expectAccessible(s, 'update notice (light)')
          await page.emulateMedia({ colorScheme: 'dark' })
          await expectAccessible(s, 'update notice (dark)')

          // Reload by keyboard: the new version takes over and the page reloads into it.
          // The notice sits between the navigation and the page: from the page's heading,
          // Shift+Tab goes back to it.
          await waitUntil(
            'focus on the heading',
            () => focused(page),
            (f) => f.tag === 'h1',
          )
          const passed: string[] = []
          for (let i = 0; i < 10; i++) {
            await page.keyboard.press('Shift+Tab')
            const f = await focused(page)
            if (f.tag === 'button' && f.name === 'Reload') break
            passed.push(`${f.tag} "${f.name}"`)
          }
          expect((await focused(page)).name, `Shift+Tab went through ${passed.join(', ')}`).toBe(
            'Reload',
          )
          const reloaded = page.waitForEvent('load', { timeout: SLOW_STEP })
          await page.keyboard.press('Enter')
          await reloaded
          await waitUntil(
            'the new version to run',
            () => runningVersion(page),
            (v) => v === NEW_VERSION,
            SLOW_STEP,
          )
          expect(await notice.count()).toBe(0)
          expect(await page.evaluate(() => navigator.serviceWorker.controller?.state ?? null)).toBe(
            'activated',
          )
          // Nothing of the diagnosis in progress is lost: same step, same answer, same paste.
          await waitForPage(page, '/questions/1', FORCE_CHANGE)
          await page
            .getByRole('navigation', { name: 'Your answers so far' })
            .getByText(FEDERATED_YES)
            .waitFor()
          await page.getByRole('link', { name: 'Back', exact: true }).click()
          await waitForPage(page, '/questions/0', FEDERATED)
          await page.getByRole('link', { name: 'Back', exact: true }).click()
          await waitForHeading(page, 'Diagnose a mailbox migration error')
          expect(await page.getByLabel('Error text', { exact: true }).inputValue()).toBe(
            STAGED_PASTE,
          )
        },
        {},
        own,
      )
    } finally {
      await own.close()
      await rm(next, { recursive: true, force: true })
    }
  }, 150_000)
})
