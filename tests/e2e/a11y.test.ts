/**
 * End-to-end: accessibility of every page of the built app, in Debian's headless Chromium.
 * Each page (and each state of a page that shows more: results, findings, the error page) is
 * scanned with axe (WCAG 2.0/2.1/2.2 A and AA, colour contrast included) in the light and the
 * dark colour scheme; it reflows without horizontal scrolling at 320 CSS px and at 200% zoom;
 * it has no motion when the user asks for reduced motion. Run `npx vite build` first.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import {
  appUrl,
  browserSuite,
  expectAccessible,
  focused,
  tabTo,
  waitForHeading,
  waitUntil,
  type Focused,
  type SessionOptions,
} from './helpers.ts'
import { MIGRATION_CSV, PAGES, REPORT_CSV } from './pages.ts'

const { run } = browserSuite()

/** Placeholder text whose contrast with its field is under 4.5:1 (axe does not check it). */
async function faintPlaceholders(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number)
    const luminance = (c: string) => {
      const [r = 0, g = 0, b = 0] = rgb(c).map((v) => {
        const x = v / 255
        return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4
      })
      return 0.2126 * r + 0.7152 * g + 0.0722 * b
    }
    const background = (el: Element | null): string => {
      for (; el; el = el.parentElement) {
        const c = getComputedStyle(el).backgroundColor
        if ((rgb(c)[3] ?? 1) > 0) return c
      }
      return 'rgb(255, 255, 255)'
    }
    const out: string[] = []
    for (const el of document.querySelectorAll('[placeholder]')) {
      const fg = luminance(getComputedStyle(el, '::placeholder').color)
      const bg = luminance(background(el))
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05)
      if (ratio < 4.5) out.push(`${el.id || el.tagName}: ${ratio.toFixed(2)}:1`)
    }
    return out
  })
}

describe.each(['light', 'dark'] as const)('axe finds nothing, %s colour scheme', (colorScheme) => {
  it.each(PAGES)('$name', ({ name, open }) =>
    run(
      async (s) => {
        await open(s)
        // The scheme is in force: the page's own background is light or dark.
        const lightness = await s.page.evaluate(() => {
          const rgb = getComputedStyle(document.documentElement).backgroundColor.match(/\d+/g)
          return (rgb ?? []).slice(0, 3).reduce((sum, c) => sum + Number(c), 0) / 765
        })
        expect(lightness > 0.5 ? 'light' : 'dark').toBe(colorScheme)
        await expectAccessible(s, `${name} (${colorScheme})`)
        expect(await faintPlaceholders(s.page), 'placeholders under 4.5:1').toEqual([])
      },
      { colorScheme, clipboard: true },
    ),
  )
})

/** Everything on the page that sticks out of the viewport or is cut off by its box. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement
    const width = root.clientWidth
    const describe = (el: Element) => {
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50)
      const cls = typeof el.className === 'string' && el.className ? `.${el.className}` : ''
      return `<${el.tagName.toLowerCase()}${cls}> "${text}"`
    }
    // Inside a box that scrolls by itself (a long code block), overflow is allowed.
    const scrollsItself = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
        if (/auto|scroll/.test(getComputedStyle(p).overflowX)) return true
      return false
    }
    // Hidden on purpose: the skip link until focused, text for screen readers only.
    const hiddenOnPurpose = (el: Element) => {
      for (let p: Element | null = el; p; p = p.parentElement) {
        const st = getComputedStyle(p)
        const r = p.getBoundingClientRect()
        if (r.right + scrollX <= 0 || (st.clip !== 'auto' && r.width <= 1)) return true
      }
      return false
    }
    const outside: string[] = []
    const clipped: string[] = []
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect()
      // Page coordinates, in case something already scrolled the page sideways.
      const r = {
        left: box.left + scrollX,
        right: box.right + scrollX,
        width: box.width,
        height: box.height,
      }
      if (r.width === 0 && r.height === 0) continue
      if (hiddenOnPurpose(el)) continue
      if ((r.right > width + 0.5 || r.left < -0.5) && !scrollsItself(el))
        outside.push(`${describe(el)} spans ${Math.round(r.left)}…${Math.round(r.right)} px`)
      const st = getComputedStyle(el)
      if (
        /hidden|clip/.test(st.overflowX) &&
        el.scrollWidth > el.clientWidth + 1 &&
        !scrollsItself(el)
      )
        clipped.push(`${describe(el)} cuts off ${el.scrollWidth - el.clientWidth} px`)
    }
    return { scrollWidth: root.scrollWidth, width, outside, clipped }
  })
}

/**
 * WCAG 1.4.10 (reflow) asks for content usable at 320 CSS px wide without scrolling in two
 * directions; 1.4.4 (resize text) for 200% zoom. Browser zoom shrinks the viewport in CSS
 * pixels and raises the device pixels per CSS pixel, so a 1280 × 800 window at 200% is a
 * 640 × 400 CSS viewport at deviceScaleFactor 2: media queries, `vw` and wrapping see exactly
 * what they see under real zoom (unlike CSS `zoom` on the body, which leaves the viewport as it
 * is). 320 × 640 is the reflow case itself (1280 px at 400%).
 */
const REFLOW: { name: string; options: SessionOptions }[] = [
  { name: '320 CSS px wide', options: { viewport: { width: 320, height: 640 } } },
  {
    name: '1280 px at 200% zoom',
    options: { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
  },
]

describe.each(REFLOW)('no horizontal scrolling and nothing cut off at $name', (reflow) => {
  const { options } = reflow
  const width = reflow.name
  it.each(PAGES)('$name', ({ name, open }) =>
    run(
      async (s) => {
        await open(s)
        const o = await overflow(s.page)
        expect(o.outside, 'elements outside the viewport').toEqual([])
        expect(o.clipped, 'elements whose content is cut off').toEqual([])
        expect(o.scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(o.width)
        // Boxes that scroll at this width must be reachable by keyboard, and so on.
        await expectAccessible(s, `${name} at ${width}`)
      },
      { ...options, clipboard: true },
    ),
  )
})

/** Whatever moves on the page: running animations, and CSS that would animate or transition. */
async function motion(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seconds = (list: string) =>
      Math.max(...list.split(',').map((t) => parseFloat(t) * (t.trim().endsWith('ms') ? 0.001 : 1)))
    const out = document
      .getAnimations()
      .map(
        (a) =>
          `a running ${a.constructor.name} on ${String((a.effect as KeyframeEffect | null)?.target?.nodeName)}`,
      )
    for (const el of document.querySelectorAll('*'))
      for (const pseudo of [null, '::before', '::after']) {
        const st = getComputedStyle(el, pseudo)
        const what = `<${el.tagName.toLowerCase()}>${pseudo ?? ''}`
        if (st.animationName !== 'none' && seconds(st.animationDuration) > 0)
          out.push(`${what} animates (${st.animationName} ${st.animationDuration})`)
        if (st.transitionProperty !== 'none' && seconds(st.transitionDuration) > 0)
          out.push(`${what} transitions (${st.transitionProperty} ${st.transitionDuration})`)
      }
    if (getComputedStyle(document.documentElement).scrollBehavior === 'smooth')
      out.push('the page scrolls smoothly')
    return out
  })
}

describe('prefers-reduced-motion: reduce', () => {
  it('switches off motion that a later change would add (and the check sees it otherwise)', () =>
    run(async (s) => {
      await s.page.goto(appUrl(s.origin, '/'))
      await waitForHeading(s.page, 'Diagnose a mailbox migration error')
      // Through the CSSOM (the page's policy refuses inline <style>): a transition and an animation.
      await s.page.evaluate(() => {
        const sheet = document.styleSheets[0]
        sheet?.insertRule('@keyframes test-pulse { from { opacity: 0.5 } to { opacity: 1 } }')
        sheet?.insertRule('h1 { animation: test-pulse 2s infinite }', sheet.cssRules.length)
        const button = document.querySelector('button')
        if (button) button.style.transition = 'color 1s'
      })
      await s.page.emulateMedia({ reducedMotion: 'no-preference' })
      const moving = await motion(s.page)
      expect(moving.some((m) => m.startsWith('<h1> animates'))).toBe(true)
      expect(moving.some((m) => m.startsWith('<button> transitions'))).toBe(true)
      await s.page.emulateMedia({ reducedMotion: 'reduce' })
      expect(await motion(s.page)).toEqual([])
    }))

  it.each(PAGES)('$name: nothing animates, transitions or scrolls smoothly', ({ open }) =>
    run(
      async (s) => {
        await s.page.emulateMedia({ reducedMotion: 'reduce' })
        await open(s)
        expect(await motion(s.page)).toEqual([])
      },
      { clipboard: true },
    ),
  )
})

/** How the focused element shows its focus: an outline or a box shadow someone can see. */
async function focusRing(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body) return 'nothing is focused'
    const st = getComputedStyle(el)
    const outline = st.outlineStyle !== 'none' && parseFloat(st.outlineWidth) >= 2
    const shadow = st.boxShadow !== 'none'
    if (!el.matches(':focus-visible')) return `<${el.tagName.toLowerCase()}> is not :focus-visible`
    return outline || shadow
      ? 'visible'
      : `<${el.tagName.toLowerCase()}> has no outline or box shadow`
  })
}

/** Tabs to an element, then checks that its focus can be seen. */
async function tabToVisible(
  page: Page,
  what: string,
  want: (f: Focused) => boolean,
  max?: number,
): Promise<Focused> {
  const f = await tabTo(page, what, want, max)
  expect(await focusRing(page), `focus on ${what}`).toBe('visible')
  return f
}

/** Waits for focus to arrive on a heading named `name`, and checks that it can be seen. */
async function focusMovesTo(page: Page, tag: string, name: string): Promise<void> {
  await waitUntil(
    `focus on the heading "${name}"`,
    () => focused(page),
    (f) => f.tag === tag && f.name === name,
  )
  expect(await focusRing(page), `focus on the heading "${name}"`).toBe('visible')
}

describe('focus can be seen on every control', () => {
  it.each(PAGES)('$name: Tab reaches each one with a visible ring, in view', ({ open }) =>
    run(
      async (s) => {
        await open(s)
        const problems: string[] = []
        let stops = 0
        // From wherever the page left focus, round the whole page once (past its end, Tab
        // leaves the document and comes back at the start).
        let leftThePage = false
        for (; stops < 300; stops++) {
          await s.page.keyboard.press('Tab')
          const stop = await s.page.evaluate(() => {
            const el = document.activeElement
            if (!el || el === document.body) return null
            const w = window as unknown as { __tabbed?: WeakSet<Element> }
            w.__tabbed ??= new WeakSet()
            const again = w.__tabbed.has(el)
            w.__tabbed.add(el)
            const r = el.getBoundingClientRect()
            const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)
            return {
              again,
              what: `<${el.tagName.toLowerCase()}> "${name}"`,
              inView: r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
            }
          })
          if (!stop && !leftThePage) {
            leftThePage = true
            continue
          }
          if (!stop || stop.again) break
          const ring = await focusRing(s.page)
          if (ring !== 'visible') problems.push(`${stop.what}: ${ring}`)
          if (!stop.inView) problems.push(`${stop.what}: focused out of view`)
        }
        expect(stops, 'Tab never went round the page').toBeLessThan(300)
        expect(stops, 'Tab reached nothing').toBeGreaterThan(0)
        expect(problems).toEqual([])
      },
      { clipboard: true },
    ),
  )
})

const KB_CONFIRM = 'I understand what can be lost and I want to copy this command.'

describe('keyboard only: the helpdesk tools', () => {
  it('report triage: paste, diagnose, confirm and copy a fix script with Tab, Space and Enter', () =>
    run(
      async (s) => {
        const { page } = s
        await page.goto(appUrl(s.origin, '/report'))
        await waitForHeading(page, 'Triage a report of failed users')
        await waitUntil(
          'focus on the heading',
          () => focused(page),
          (f) => f.tag === 'h1',
        )
        await tabToVisible(page, 'the report box', (f) => f.tag === 'textarea')
        await page.keyboard.insertText(REPORT_CSV)
        await tabToVisible(
          page,
          'Diagnose',
          (f) => f.tag === 'button' && /^Diagnose \d+ rows?$/.test(f.name),
        )
        await page.keyboard.press('Enter')

        // Focus lands on the result, whose summary is a status message.
        await focusMovesTo(page, 'h2', 'Result')
        const result = page.getByRole('region', { name: 'Result' })
        expect((await result.getByRole('status').first().textContent()) ?? '').toMatch(
          /\b2 in known problems\b/,
        )

        // The fix scripts come with their problems' details, which load after the result: Tab
        // through the page once they are there.
        await result.getByRole('checkbox', { name: KB_CONFIRM }).first().waitFor()
        const checkbox = await tabToVisible(
          page,
          'the data-loss confirmation of the fix script',
          (f) =>
            f.type === 'checkbox' &&
            f.name === KB_CONFIRM &&
            f.section === 'Clear the flag that blocks the move',
          60,
        )
        expect(checkbox.checked).toBe(false)
        await page.keyboard.press('Space')
        expect((await focused(page)).checked).toBe(true)
        await tabToVisible(
          page,
          'Copy script',
          (f) =>
            f.tag === 'button' &&
            f.name === 'Copy script' &&
            f.section === 'Clear the flag that blocks the move',
          1,
        )
        await page.keyboard.press('Enter')
        const fix = result.getByRole('region', { name: 'Clear the flag that blocks the move' })
        await fix.getByRole('status').filter({ hasText: 'Copied.' }).waitFor()
        const copied = await page.evaluate(() => navigator.clipboard.readText())
        expect(copied).toMatch(
          /^\$users = @\("mona\.kerr@litware\.example", "raj\.patel@litware\.example"\)/,
        )
        expect(copied).toContain('-ImListMigrationCompleted $false')
      },
      { clipboard: true },
    ))

  it('CSV checker: paste a file, get the findings, pick a fix and download with the keyboard', () =>
    run(async (s) => {
      const { page } = s
      await page.goto(appUrl(s.origin, '/csv-check'))
      await waitForHeading(page, 'Check a migration CSV file')
      await waitUntil(
        'focus on the heading',
        () => focused(page),
        (f) => f.tag === 'h1',
      )
      await tabToVisible(page, 'the CSV box', (f) => f.tag === 'textarea')
      await page.keyboard.insertText(MIGRATION_CSV)

      // The paste box gives way to the loaded file; focus goes on to the findings.
      await focusMovesTo(page, 'h2', 'Findings')
      const findings = page.getByRole('region', { name: 'Findings' })
      await findings
        .getByRole('status')
        .filter({ hasText: '3 rows checked: 2 findings.' })
        .waitFor()

      // The federated domains are asked before the findings: back up to them.
      for (let i = 0; i < 10; i++) {
        await page.keyboard.press('Shift+Tab')
        const f = await focused(page)
        if (f.tag === 'input' && f.type === 'text') break
      }
      expect((await focused(page)).name).toBe(
        'Federated domains (AD FS or another identity provider)',
      )
      expect(await focusRing(page)).toBe('visible')
      await page.keyboard.insertText('litware.example')
      // The count is a live status: it says what changed.
      await findings
        .getByRole('status')
        .filter({ hasText: '3 rows checked: 3 findings.' })
        .waitFor()

      const fix = await tabToVisible(
        page,
        'the ForceChangePassword fix',
        (f) => f.type === 'checkbox' && f.name.startsWith('Set it to False'),
      )
      expect(fix.checked).toBe(false)
      await page.keyboard.press('Space')
      expect((await focused(page)).checked).toBe(true)
      await findings.getByText('Line 2: ForceChangePassword: "True" → "False".').waitFor()
      await tabToVisible(
        page,
        'Download the fixed file',
        (f) => f.tag === 'button' && f.name === 'Download the fixed file',
      )
      const download = page.waitForEvent('download')
      await page.keyboard.press('Enter')
      const file = await download
      expect(file.suggestedFilename()).toBe('migration-fixed.csv')
      const { readFile } = await import('node:fs/promises')
      // A paste box hands its text over with LF line breaks; the fixed file keeps the text it was
      // given byte for byte except the ticked fix.
      expect(await readFile(await file.path(), 'utf8')).toBe(
        MIGRATION_CSV.replace(/\r\n/g, '\n').replace(
          'litware.example,Secret1,True',
          'litware.example,Secret1,False',
        ),
      )
    }))
})
