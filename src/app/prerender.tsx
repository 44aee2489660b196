/**
 * The start page as HTML, rendered at build time (scripts/prerender-plugin.ts) into index.html,
 * so the heading, the paste box and its help show as soon as the page and its style arrive,
 * before the script has. It is the app's own first render of the start page (knowledge base not
 * loaded yet, nothing typed); the script then renders the app in its place (src/main.tsx, with
 * app/prerendered.tsx keeping what was typed meanwhile).
 */
import { renderToString } from 'react-dom/server'
import { createPath, Router, type Navigator } from 'react-router'
import { AppRoutes } from './routes.tsx'

/** Links as the app's hash router writes them (`#/browse`), so they work before the script. */
const hashLinks: Navigator = {
  createHref: (to) => `#${typeof to === 'string' ? to : createPath(to)}`,
  go: () => {},
  push: () => {},
  replace: () => {},
}

export function renderStartPage(): string {
  return renderToString(
    <Router location="/" navigator={hashLinks}>
      <AppRoutes />
    </Router>,
  )
}
