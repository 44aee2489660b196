/**
 * The start page pre-rendered into index.html at build time (src/app/prerender.tsx) and the
 * hand-over to the app (src/app/prerendered.tsx): the pre-rendered page is the app's own first
 * render, and what is typed into it before the app runs is kept, with the focus and the caret.
 */
import { act, render, screen } from '@testing-library/react'
import { createRoot } from 'react-dom/client'
import { HashRouter, MemoryRouter } from 'react-router'
import { describe, expect, it } from 'vitest'
import { renderStartPage } from '../../src/app/prerender.tsx'
import { adoptPrerendered, HandOver } from '../../src/app/prerendered.tsx'
import { PRERENDERED } from '../../src/app/prerendered-mark.ts'
import { loadViews } from '../../src/app/lazy-views.tsx'
import { AppRoutes } from '../../src/app/routes.tsx'
import { inputsStore } from '../../src/store/inputs.ts'

/** The elements of a page as `tag#id` in document order, with their own text. */
function outline(root: Element): string[] {
  return [...root.querySelectorAll('*')].map((el) => {
    const own = [...el.childNodes]
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent ?? '')
      .join('')
      .trim()
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} ${own}`
  })
}

function prerenderedRoot(): HTMLElement {
  const root = document.createElement('div')
  root.id = 'root'
  root.setAttribute(PRERENDERED, '')
  root.innerHTML = renderStartPage()
  document.body.append(root)
  return root
}

describe('the pre-rendered start page', () => {
  it("is the app's own render of the start page", () => {
    const pre = document.createElement('div')
    pre.innerHTML = renderStartPage()
    const { container } = render(
      <MemoryRouter initialEntries={['/']}>
        <AppRoutes />
      </MemoryRouter>,
    )
    expect(outline(pre)).toEqual(outline(container))
    expect(pre.querySelector('h1')?.textContent).toBe('Diagnose a mailbox migration error')
    expect(pre.querySelector('textarea#paste')).not.toBeNull()
  })

  it('links as the hash router does, and has nothing the page policy would refuse', () => {
    const html = renderStartPage()
    const pre = document.createElement('div')
    pre.innerHTML = html
    const hrefs = [...pre.querySelectorAll('a')].map((a) => a.getAttribute('href'))
    expect(hrefs).toContain('#/browse')
    expect(hrefs).toContain('#/report')
    for (const href of hrefs) expect(href).toMatch(/^#/)
    expect(html).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i)
  })
})

describe('the hand-over to the app', () => {
  it('keeps what was typed before the app ran, and the focus and the caret', async () => {
    const root = prerenderedRoot()
    const early = root.querySelector('textarea')
    if (!early) throw new Error('No paste box in the pre-rendered page.')
    early.focus()
    early.value = 'The mailbox is locked'
    adoptPrerendered(root, (text) => inputsStore.getState().setText(text))
    expect(inputsStore.getState().text).toBe('The mailbox is locked')
    // Typing goes on while the app loads.
    early.value = 'The mailbox is locked because'
    early.setSelectionRange(4, 11)
    early.dispatchEvent(new Event('input', { bubbles: true }))
    expect(inputsStore.getState().text).toBe('The mailbox is locked because')

    let shown = 0
    const app = createRoot(root)
    await act(async () =>
      app.render(
        <MemoryRouter initialEntries={['/']}>
          <HandOver onShown={() => shown++}>
            <AppRoutes />
          </HandOver>
        </MemoryRouter>,
      ),
    )
    const box = root.querySelector('textarea')
    expect(box).not.toBe(early)
    expect(root.hasAttribute(PRERENDERED)).toBe(false)
    expect(box?.value).toBe('The mailbox is locked because')
    expect(document.activeElement).toBe(box)
    expect([box?.selectionStart, box?.selectionEnd]).toEqual([4, 11])
    expect(shown).toBe(1)
    await act(async () => app.unmount())
    root.remove()
  })

  it('leaves the focus to the page when the paste box did not have it', async () => {
    const root = prerenderedRoot()
    adoptPrerendered(root, (text) => inputsStore.getState().setText(text))
    expect(inputsStore.getState().text).toBe('')
    const app = createRoot(root)
    await act(async () =>
      app.render(
        <MemoryRouter initialEntries={['/']}>
          <HandOver>
            <AppRoutes />
          </HandOver>
        </MemoryRouter>,
      ),
    )
    expect(document.activeElement?.tagName).toBe('H1')
    await act(async () => app.unmount())
    root.remove()
  })

  it('catches up with a link followed while the app was rendering, before its router listened', async () => {
    // The page the link opens has its code here already (what matters is the router catching up).
    await loadViews()
    window.history.replaceState(null, '', '#/')
    let followed = false
    // Follows a link of the pre-rendered page in the middle of the app's first render: the
    // address changes, and no event reaches the router, which does not listen yet.
    function LinkFollowedMeanwhile() {
      if (!followed) {
        followed = true
        window.history.replaceState(null, '', '#/kb')
      }
      return null
    }
    render(
      <HashRouter>
        <HandOver>
          <LinkFollowedMeanwhile />
          <AppRoutes />
        </HandOver>
      </HashRouter>,
    )
    expect(await screen.findByRole('heading', { level: 1, name: 'Known problems' })).toBeVisible()
    window.history.replaceState(null, '', '#/')
  })
})
