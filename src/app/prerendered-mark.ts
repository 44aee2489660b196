/** On `#root` while it holds the start page pre-rendered into index.html. */
export const PRERENDERED = 'data-prerendered'

/**
 * On `<html>` when the page must wait for the app: the address opens another page than the
 * start page (`#/result/…`), or the start page will not be the empty one pre-rendered (the tab
 * has a saved paste, or the link brings one with `?error=`). Set by index.html's loader
 * (scripts/prerender-plugin.ts) before the body is read; the pre-rendered page then stays hidden
 * but for its header (styles.css).
 */
export const APP_ONLY = 'data-app-only'
