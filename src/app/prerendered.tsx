/**
 * The hand-over from the start page pre-rendered into index.html (scripts/prerender-plugin.ts)
 * to the app. Until the script runs, the pre-rendered paste box takes typing and pasting like
 * any other; what it holds is passed to the store, so the app's own paste box shows it, and the
 * focus and the caret move across with it.
 */
import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react'
import { useLocation } from 'react-router'
import { PRERENDERED } from './prerendered-mark.ts'

interface Early {
  box: HTMLTextAreaElement
  focused: boolean
}

let early: Early | null = null

/**
 * Starts passing what is typed into the pre-rendered paste box to `setText`, if `root` holds the
 * pre-rendered page (nothing to do otherwise, as in development and tests).
 */
export function adoptPrerendered(root: HTMLElement, setText: (text: string) => void): void {
  const box = root.hasAttribute(PRERENDERED) ? root.querySelector('textarea') : null
  if (!box) return
  const e: Early = { box, focused: document.activeElement === box }
  early = e
  const keep = () => {
    if (box.value !== '') setText(box.value)
  }
  keep()
  box.addEventListener('input', keep)
  box.addEventListener('focus', () => (e.focused = true))
  // Some browsers report a blur when the app's first render takes the box out of the page: only
  // a blur after which the box is still in the page means the user moved on.
  box.addEventListener('blur', () =>
    setTimeout(() => {
      if (box.isConnected) e.focused = false
    }, 0),
  )
}

/**
 * Wraps the app: once its first render is on the page, the marker goes (it hides pre-rendered
 * content on other pages, see styles.css) and a paste box that had the focus gets it back, with
 * the caret where it was. This runs after the pages' own effects (a parent's effects follow its
 * children's), so the start page's heading does not take the focus from the box. `onShown` is
 * then called, once.
 *
 * A link of the pre-rendered page followed while the app was rendering, before its router
 * listened to the address, is caught up with: the router is told to read the address again.
 */
export function HandOver({ children, onShown }: { children: ReactNode; onShown?: () => void }) {
  const location = useLocation()
  const rendered = useRef(`#${location.pathname}${location.search}`)
  useLayoutEffect(() => {
    document.getElementById('root')?.removeAttribute(PRERENDERED)
  }, [])
  useEffect(() => {
    const e = early
    early = null
    const box = document.getElementById('paste')
    if (e?.focused && box instanceof HTMLTextAreaElement) {
      box.focus()
      box.setSelectionRange(e.box.selectionStart, e.box.selectionEnd)
    }
    if ((window.location.hash || '#/') !== rendered.current)
      window.dispatchEvent(new PopStateEvent('popstate'))
    onShown?.()
  }, [onShown])
  return children
}
