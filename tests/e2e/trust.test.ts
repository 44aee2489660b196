/**
 * End-to-end: what the page may do. The built app runs under its Content-Security-Policy
 * without a single violation and never contacts another origin. Run `npx vite build` first.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, mkdirSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  CRASH_HEADING,
  answerAll,
  appState,
  browserSuite,
  pasteOnHome,
  statusLine,
  waitForHeading,
  waitForPage,
  waitForStatus,
  waitUntil,
  type Session,
} from './helpers.ts'
import { distDir, startStaticServer } from './server.ts'

/** A staged batch error from Get-MigrationUserStatistics, written for these tests. */
const STAGED_PASTE = `PS C:\\> Get-MigrationUserStatistics -Identity lena.fischer@northwind.example | Format-List ErrorSummary

ErrorSummary : A Windows Live error occurred while provisioning for "lena.fischer@northwind.example". An
               internal error occurred while talking to Windows Live. Additional details:
               "0x800482101033This action is currently blocked for the API. PH0PR22MB3310 2026.11.12.
`
const STAGED_ENTRY = 'staged-migration-federated-users-force-change-password'
const STAGED_TITLE = 'Staged migration rejects federated users: ForceChangePassword must be False'
const STAGED_ANSWERS = {
  'Do the affected users sign in through a federated domain (AD FS single sign-on), with their accounts synchronized from on-premises Active Directory?':
    'Yes, the domain is federated and accounts are synced',
  'In the migration CSV file, what does the ForceChangePassword column hold for the users that failed?':
    'True',
}

/**
 * Paste, answer, and wait for the result page of the staged-migration problem. `start` is the
 * app's address when it is not the test server's (the single file opened from disk).
 */
async function walkStagedDiagnosis(s: Session, start?: string): Promise<void> {
  if (start) {
    await s.page.goto(start)
    await waitForHeading(s.page, 'Diagnose a mailbox migration error')
    await s.page.getByLabel('Error text', { exact: true }).fill(STAGED_PASTE)
  } else await pasteOnHome(s, STAGED_PASTE)
  await waitForStatus(s.page, 'One known problem matches this error.')
  await s.page.getByRole('button', { name: 'Continue', exact: true }).click()
  await answerAll(s, STAGED_ANSWERS)
  await waitForPage(s.page, `/result/${STAGED_ENTRY}`, STAGED_TITLE)
  await s.page.getByRole('table', { name: 'The corrected row in the migration CSV' }).waitFor()
}

/** Records every CSP violation the pages of the session report, from the document's event. */
async function recordViolations(s: Session): Promise<() => Promise<string[]>> {
  const console: string[] = []
  s.context.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) console.push(m.text())
  })
  await s.context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] }
    w.__csp = []
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`),
    )
  })
  return async () => [
    ...console,
    ...(await s.page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)),
  ]
}

const { run, at } = browserSuite()

describe('trustworthy: the built app under its Content-Security-Policy', () => {
  it('a whole diagnosis causes no CSP violation and no request to another origin', async () => {
    await run(async (s) => {
      const violations = await recordViolations(s)
      await walkStagedDiagnosis(s)
      await s.page.goto(`${s.origin}/#/kb/${STAGED_ENTRY}`)
      await waitForPage(s.page, `/kb/${STAGED_ENTRY}`, STAGED_TITLE)
      expect(await violations()).toEqual([])
      const policy = await s.page
        .locator('meta[http-equiv="Content-Security-Policy"]')
        .getAttribute('content')
      // Scripts: the app's own files, and the page's two inline scripts (the loader and the
      // result-link boot script) by their hashes; styles: the inlined style sheet by its hash;
      // never 'unsafe-inline'.
      expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/]+=' 'sha256-[A-Za-z0-9+/]+=';/)
      expect(policy).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/]+=';/)
      expect(policy?.match(/'sha256-/g)).toHaveLength(3)
      expect(policy).not.toContain('unsafe')
      expect(policy).toContain("connect-src 'self';")
      expect(s.requests.filter((u) => !u.startsWith(`${s.origin}/`))).toEqual([])
    })
  })

  it('the policy is in force: an injected inline script does not run', async () => {
    await run(async (s) => {
      const violations = await recordViolations(s)
      await walkStagedDiagnosis(s)
      // What an HTML injection would try: an inline script element. CSP must refuse it.
      const ran = await s.page.evaluate(async () => {
        const el = document.createElement('script')
        el.textContent = 'window.__injected = true'
        document.body.append(el)
        await new Promise((r) => setTimeout(r, 100))
        return (window as unknown as { __injected?: boolean }).__injected === true
      })
      expect(ran).toBe(false)
      const seen = await violations()
      expect(seen.some((v) => v.startsWith('script-src'))).toBe(true)
      // The browser reports the refused script as a console error; that one is expected here.
      s.consoleErrors.splice(0, s.consoleErrors.length)
    })
  })
})

describe('trustworthy: offline after the first visit', () => {
  it('with the network gone and the server stopped, a reload still diagnoses to a result page', async () => {
    // A server of its own, stopped halfway: nothing can come from it any more.
    const own = await startStaticServer()
    let stopped = false
    try {
      await run(
        async (s) => {
          const { page } = s
          await page.goto(`${s.origin}/#/`)
          // The first visit installs the service worker, which precaches the whole app.
          await page.evaluate(async () => {
            await navigator.serviceWorker.ready
          })
          await page.reload()
          await waitUntil(
            'the service worker to control the page',
            () => page.evaluate(() => navigator.serviceWorker.controller !== null),
            (v) => v,
          )
          await own.close()
          stopped = true
          await s.context.setOffline(true)
          await page.reload()
          await walkStagedDiagnosis(s)
          // The entry's body (cause, steps, commands) came from the cache too.
          await s.page.getByRole('heading', { name: 'Why this happens' }).waitFor()
        },
        {},
        own,
      )
    } finally {
      if (!stopped) await own.close()
    }
  })
})

describe('trustworthy: the single-file build, opened from disk', () => {
  const file = fileURLToPath(new URL('../../dist-single/index.html', import.meta.url))

  beforeAll(() => {
    // Always the current sources: build the single file now (a couple of seconds).
    execFileSync(
      'npx',
      [
        'vite',
        'build',
        '--config',
        'vite.single.config.ts',
        '--mode',
        'production',
        '--logLevel',
        'warn',
      ],
      {
        cwd: fileURLToPath(new URL('../../', import.meta.url)),
        stdio: 'inherit',
        // As `npm run build:single` makes it: Vitest's NODE_ENV=test would give development React.
        env: { ...process.env, NODE_ENV: 'production' },
      },
    )
  }, 120_000)

  it('dist-single/index.html walks a diagnosis over file:// under its own policy, fetching nothing', async () => {
    expect(existsSync(file)).toBe(true)
    // Pages opened from disk have the opaque origin "null": every request must stay on disk.
    await at('null', async (s) => {
      const violations = await recordViolations(s)
      await walkStagedDiagnosis(s, `${pathToFileURL(file).href}#/`)
      await s.page.getByRole('heading', { name: 'Why this happens' }).waitFor()
      expect(await violations()).toEqual([])
      const policy =
        (await s.page
          .locator('meta[http-equiv="Content-Security-Policy"]')
          .getAttribute('content')) ?? ''
      expect(policy).toMatch(/script-src 'self' 'sha256-[^']+'/)
      expect(policy).not.toContain('unsafe-inline')
      expect(s.requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([])
      expect(s.requests.filter((u) => u.startsWith('file:'))).toEqual(
        [pathToFileURL(file).href + '#/'].map((u) => u.replace(/#.*$/, '')),
      )
    })
  })
})

/** Pastes that try to become HTML or script, and pastes that are not text at all. */
const HOSTILE_PASTES = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 1">',
  '<svg onload="window.__pwned = 1"><circle r=1></svg>',
  '"><iframe srcdoc="<script>parent.__pwned = 1</script>"></iframe>',
  '<a href="javascript:window.__pwned = 1">MigrationPermanentException</a>',
  "You shouldn't migrate mailbox '<img src=x onerror=window.__pwned=1>' to Exchange 2010 or an earlier version",
  '{{constructor.constructor("window.__pwned = 1")()}} ${window.__pwned = 1} `$(Remove-Mailbox)`',
  '\u202eMigrationPermanentException\u202c \ud800 \udfff e\u0301\u0301\u0301\u0301 \u0000\u0001\u0002',
  Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 0xffff)).join(''),
  `${'A Windows Live error occurred while provisioning for "x@y.z". '.repeat(16_000)}`.slice(
    0,
    1024 * 1024,
  ),
]

/** Links from outside: garbage ?error= values and share links. */
const HOSTILE_LINKS = [
  '/?error=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E',
  '/?error=%E0%A4%A',
  '/?error=%00%01%02%FF',
  // Long values go after the hash: the test server (like most) refuses request lines past 16 KB.
  `/#/?error=${'%22'.repeat(20_000)}`,
  '/#/?error=<img src=x onerror=window.__pwned=1>',
  '/#/result/%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E',
  '/#/result/staged-migration-federated-users-force-change-password?users-federated=%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E',
  '/#/kb/%00%ff',
  '/#/questions/99999999999999999999999',
  '/#/questions/-1',
  '/#/browse/%F0%9F%92%A9%ZZ',
  '/#/compare?__proto__=1&constructor=2',
]

async function expectNoScriptRan(s: Session, what: string) {
  const state = await s.page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned !== undefined,
    injected: document.querySelectorAll(
      'main script, main iframe, main img[src="x"], main svg[onload]',
    ).length,
    heading: document.querySelector('h1')?.textContent ?? '',
  }))
  expect(state.pwned, `a script ran after ${what}`).toBe(false)
  expect(state.injected, `markup from ${what} became elements`).toBe(0)
  expect(state.heading, `the app crashed on ${what}`).not.toBe(CRASH_HEADING)
}

describe('trustworthy: hostile input', () => {
  it(`${HOSTILE_PASTES.length} hostile pastes are shown as text, never run, never crash the page`, async () => {
    await run(async (s) => {
      const violations = await recordViolations(s)
      for (const paste of HOSTILE_PASTES) {
        await pasteOnHome(s, paste, { clearFirst: true })
        await waitUntil(
          'the status line to answer',
          async () => ((await statusLine(s.page).textContent()) ?? '').trim(),
          (t) => t !== '' && !t.startsWith('Paste an error above'),
        )
        await expectNoScriptRan(s, `pasting ${JSON.stringify(paste.slice(0, 40))}`)
      }
      expect(await violations()).toEqual([])
    })
  })

  it(`${HOSTILE_LINKS.length} garbage ?error= and share links show a page, never run, never crash`, async () => {
    await run(async (s) => {
      const violations = await recordViolations(s)
      for (const link of HOSTILE_LINKS) {
        await s.page.goto('about:blank')
        await s.page.goto(`${s.origin}${link}`)
        await waitUntil(
          `a page for ${link.slice(0, 60)}`,
          () => appState(s.page),
          (st) => st.heading !== null && !st.loading,
        )
        await expectNoScriptRan(s, `opening ${link.slice(0, 60)}`)
      }
      expect(await violations()).toEqual([])
    })
  })
})

describe('the built app at any base path', () => {
  it('served from a folder deep inside a site, it diagnoses and loads everything from that folder', async () => {
    // The site's root holds other things; the app is one folder of it, as on an intranet server.
    const site = mkdtempSync(join(tmpdir(), 'site-'))
    mkdirSync(join(site, 'tools', 'exchange'), { recursive: true })
    symlinkSync(distDir(), join(site, 'tools', 'exchange', 'migration-triage'), 'dir')
    const server = await startStaticServer(site)
    try {
      await run(
        async (s) => {
          const base = `${s.origin}/tools/exchange/migration-triage/`
          await walkStagedDiagnosis(s, `${base}#/`)
          await s.page.getByRole('heading', { name: 'Why this happens' }).waitFor()
          // Every file the app fetched came from its own folder (the page, script, style, data).
          const fetched = s.requests.map((u) => new URL(u).pathname)
          expect(fetched.length).toBeGreaterThan(3)
          expect(fetched.filter((p) => !p.startsWith('/tools/exchange/migration-triage/'))).toEqual(
            [],
          )
          // A reload there keeps the diagnosis.
          await s.page.reload()
          await waitForHeading(s.page, STAGED_TITLE)
        },
        {},
        server,
      )
    } finally {
      await server.close()
      rmSync(site, { recursive: true, force: true })
    }
  })
})
