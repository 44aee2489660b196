import { useEffect, useRef } from 'react'

/** Moves focus to a page's heading when the page (or its `key`) changes, for keyboard and screen-reader users. */
export function useFocusHeading<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null)
  useEffect(() => {
    ref.current?.focus()
  }, [key])
  return ref
}
